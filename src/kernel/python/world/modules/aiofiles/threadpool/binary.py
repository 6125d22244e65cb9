from ..base import AsyncBase, _delegate

_ASYNC = ("close", "flush", "isatty", "read", "read1", "readinto", "readline", "readlines", "seek", "seekable",
          "tell", "truncate", "writable", "write", "writelines")


class AsyncBufferedIOBase(AsyncBase):
    """The asyncio executor version of io.BufferedWriter and BufferedIOBase."""


class AsyncBufferedReader(AsyncBufferedIOBase):
    """The asyncio executor version of io.BufferedReader and Random."""

    async def peek(self, n=0):
        from ..base import _io
        return await _io(self._file.peek, n)


class AsyncFileIO(AsyncBase):
    """The asyncio executor version of io.FileIO."""


for _cls in (AsyncBufferedIOBase, AsyncFileIO):
    _delegate(_cls, _ASYNC + (("readall",) if _cls is AsyncFileIO else ()), ("detach", "fileno", "readable"),
              ("closed", "raw", "name", "mode") if _cls is not AsyncFileIO else ("closed", "name", "mode"))
