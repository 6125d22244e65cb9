"""aiofiles.tempfile: asynchronous temporary files and directories."""

import tempfile as _tempfile

from .base import AiofilesContextManager, _io
from .threadpool import wrap

__all__ = ["NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile", "TemporaryDirectory"]


def _file_cm(factory, *args, **kwargs):
    async def make():
        return wrap(await _io(factory, *args, **kwargs))
    return AiofilesContextManager(make())


def TemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None, prefix=None, dir=None,
                  loop=None, executor=None):
    return _file_cm(_tempfile.TemporaryFile, mode=mode, buffering=buffering, encoding=encoding, newline=newline,
                    suffix=suffix, prefix=prefix, dir=dir)


def NamedTemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None, prefix=None, dir=None,
                       delete=True, loop=None, executor=None):
    return _file_cm(_tempfile.NamedTemporaryFile, mode=mode, buffering=buffering, encoding=encoding,
                    newline=newline, suffix=suffix, prefix=prefix, dir=dir, delete=delete)


def SpooledTemporaryFile(max_size=0, mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None,
                         prefix=None, dir=None, loop=None, executor=None):
    return _file_cm(_tempfile.TemporaryFile, mode=mode, buffering=buffering, encoding=encoding, newline=newline,
                    suffix=suffix, prefix=prefix, dir=dir)


class _TempDirCM:
    def __init__(self, **kwargs):
        self._kwargs = kwargs
        self._td = None

    async def __aenter__(self):
        self._td = await _io(_tempfile.TemporaryDirectory, **self._kwargs)
        return self._td.name

    async def __aexit__(self, *exc):
        await _io(self._td.cleanup)


def TemporaryDirectory(suffix=None, prefix=None, dir=None, loop=None, executor=None):
    return _TempDirCM(suffix=suffix, prefix=prefix, dir=dir)
