"""aiofiles.os: asynchronous versions of os functions."""

import os

import simworld

from . import ospath as path
from .base import _io

__all__ = ["path", "stat", "rename", "renames", "replace", "remove", "unlink", "mkdir", "makedirs", "rmdir",
           "removedirs", "link", "symlink", "readlink", "listdir", "scandir", "access", "getcwd", "wrap",
           "statvfs", "sendfile"]


def wrap(func):
    async def run(*args, **kwargs):
        if args and func.__name__ in _LOGGED:
            simworld.log("file", str(args[0]), f"aiofiles.os.{func.__name__}{tuple(map(str, args))!r}".replace(",)", ")"),
                         simworld.file_rule(args[0]))
        return await _io(func, *args, **kwargs)
    run.__name__ = func.__name__
    run.__doc__ = func.__doc__
    return run


_LOGGED = {"rename", "renames", "replace", "remove", "unlink", "mkdir", "makedirs", "rmdir", "removedirs"}

stat = wrap(os.stat)
rename = wrap(os.rename)
renames = wrap(os.renames)
replace = wrap(os.replace)
remove = wrap(os.remove)
unlink = wrap(os.unlink)
mkdir = wrap(os.mkdir)
makedirs = wrap(os.makedirs)
rmdir = wrap(os.rmdir)
removedirs = wrap(os.removedirs)
# Emscripten's os has no hard links; aiofiles.os only offers what the platform's os offers.
if hasattr(os, "link"):
    link = wrap(os.link)
else:
    __all__.remove("link")
symlink = wrap(os.symlink)
readlink = wrap(os.readlink)
listdir = wrap(os.listdir)
scandir = wrap(os.scandir)
access = wrap(os.access)
getcwd = wrap(os.getcwd)
if hasattr(os, "statvfs"):
    statvfs = wrap(os.statvfs)
if hasattr(os, "sendfile"):
    sendfile = wrap(os.sendfile)
