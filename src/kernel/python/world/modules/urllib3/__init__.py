"""Minimal stand-in for urllib3, present only so that the errors requests wraps carry their
real class names (urllib3.exceptions.MaxRetryError, NewConnectionError, ...). Its own HTTP
client (PoolManager) is not simulated."""

__version__ = "2.5.0"

from . import exceptions  # noqa: E402,F401


def __getattr__(name):
    if name in ("PoolManager", "HTTPConnectionPool", "HTTPSConnectionPool", "request", "ProxyManager"):
        raise AttributeError(f"urllib3.{name} is not available in this sandbox; use requests (simulated) instead")
    raise AttributeError(f"module 'urllib3' has no attribute {name!r}")
