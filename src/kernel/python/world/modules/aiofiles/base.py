"""The machinery shared by aiofiles' file objects: each blocking call is preceded by the
sandbox's file latency (fixture `file_io.latency`, 0 by default), awaited with asyncio.sleep,
so an aiofiles call always yields to the event loop as the real thread-pool call does."""

import asyncio
from collections.abc import Awaitable

import simworld


async def _io(fn, *args, **kwargs):
    await asyncio.sleep(simworld.file_latency())
    return fn(*args, **kwargs)


class AsyncBase:
    def __init__(self, file, loop=None, executor=None):
        self._file = file
        self._loop = loop
        self._executor = executor

    def __aiter__(self):
        return self

    def __repr__(self):
        return super().__repr__() + " wrapping " + repr(self._file)

    async def __anext__(self):
        line = await self.readline()
        if line:
            return line
        raise StopAsyncIteration

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()


class AiofilesContextManager(Awaitable):
    """The object aiofiles.open() returns: await it, or use it with `async with`."""

    __slots__ = ("_coro", "_obj")

    def __init__(self, coro):
        self._coro = coro
        self._obj = None

    def __await__(self):
        if self._obj is None:
            self._obj = yield from self._coro.__await__()
        return self._obj

    async def __aenter__(self):
        return await self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        await self._obj.close()
        self._obj = None


def _delegate(cls, async_names=(), direct_names=(), properties=()):
    for name in async_names:
        def make(n):
            async def method(self, *args, **kwargs):
                return await _io(getattr(self._file, n), *args, **kwargs)
            method.__name__ = n
            return method
        setattr(cls, name, make(name))
    for name in direct_names:
        def make_direct(n):
            def method(self, *args, **kwargs):
                return getattr(self._file, n)(*args, **kwargs)
            method.__name__ = n
            return method
        setattr(cls, name, make_direct(name))
    for name in properties:
        setattr(cls, name, property(lambda self, n=name: getattr(self._file, n)))
    return cls
