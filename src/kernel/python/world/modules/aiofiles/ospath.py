"""aiofiles.ospath: asynchronous versions of os.path functions."""

from os import path

from .base import _io


def wrap(func):
    async def run(*args, **kwargs):
        return await _io(func, *args, **kwargs)
    run.__name__ = func.__name__
    run.__doc__ = func.__doc__
    return run


exists = wrap(path.exists)
isfile = wrap(path.isfile)
isdir = wrap(path.isdir)
islink = wrap(path.islink)
ismount = wrap(path.ismount)
getsize = wrap(path.getsize)
getmtime = wrap(path.getmtime)
getatime = wrap(path.getatime)
getctime = wrap(path.getctime)
samefile = wrap(path.samefile)
sameopenfile = wrap(path.sameopenfile)
abspath = wrap(path.abspath)
