"""Stand-in for aiofiles: asynchronous file I/O on the sandbox's (in-memory) file system.

Each operation awaits the fixture's file latency (`file_io.latency`, 0 by default) with
asyncio.sleep and then performs the ordinary blocking call; the API, class names and
behaviour follow aiofiles 25.1."""

__version__ = "25.1.0"

from . import tempfile  # noqa: E402,F401
from .threadpool import open, wrap  # noqa: E402

__all__ = ["open", "tempfile", "wrap"]


def __getattr__(name):
    import sys
    from .threadpool import wrap as _wrap
    if name in ("stdin", "stdout", "stderr"):
        return _wrap(getattr(sys, name))
    if name in ("stdin_bytes", "stdout_bytes", "stderr_bytes"):
        return _wrap(getattr(sys, name[:-6]).buffer)
    raise AttributeError(f"module 'aiofiles' has no attribute {name!r}")
