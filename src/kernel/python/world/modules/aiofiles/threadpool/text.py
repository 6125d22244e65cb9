from ..base import AsyncBase, _delegate


class AsyncTextIOWrapper(AsyncBase):
    """The asyncio executor version of io.TextIOWrapper."""


class AsyncTextIndirectIOWrapper(AsyncTextIOWrapper):
    pass


_delegate(AsyncTextIOWrapper,
          ("close", "flush", "isatty", "read", "readable", "readline", "readlines", "seek", "seekable", "tell",
           "truncate", "write", "writable", "writelines"),
          ("detach", "fileno"),
          ("buffer", "closed", "encoding", "errors", "line_buffering", "newlines", "name", "mode"))
