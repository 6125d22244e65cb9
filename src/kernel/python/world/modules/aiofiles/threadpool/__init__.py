"""aiofiles.threadpool: open() returning asynchronous file objects."""

import io
import os

import simworld

from ..base import AiofilesContextManager, _io
from .binary import AsyncBufferedIOBase, AsyncBufferedReader, AsyncFileIO
from .text import AsyncTextIOWrapper

__all__ = ("open", "wrap")


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None, *,
         loop=None, executor=None):
    return AiofilesContextManager(_open(file, mode=mode, buffering=buffering, encoding=encoding, errors=errors,
                                        newline=newline, closefd=closefd, opener=opener))


async def _open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    target = os.fspath(file) if not isinstance(file, int) else str(file)
    try:
        f = await _io(io.open, file, mode=mode, buffering=buffering, encoding=encoding, errors=errors,
                      newline=newline, closefd=closefd, opener=opener)
    except OSError as e:
        simworld.log("file", target, f"aiofiles.open({target!r}, {mode!r}) -> {type(e).__name__}",
                     simworld.file_rule(file))
        raise
    simworld.log("file", target, f"aiofiles.open({target!r}, {mode!r})", simworld.file_rule(file))
    return wrap(f)


def wrap(file, *, loop=None, executor=None):
    if isinstance(file, io.TextIOBase):
        return AsyncTextIOWrapper(file)
    if isinstance(file, (io.BufferedReader, io.BufferedRandom)):
        return AsyncBufferedReader(file)
    if isinstance(file, (io.BufferedWriter, io.BufferedIOBase)):
        return AsyncBufferedIOBase(file)
    if isinstance(file, io.FileIO):
        return AsyncFileIO(file)
    raise TypeError("Unsupported io type: {}.".format(file))
