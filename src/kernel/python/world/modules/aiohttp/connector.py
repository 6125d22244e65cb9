"""Connectors: only the connection limits matter in the simulated world (a session holds at
most `limit` connections at once, 100 by default, as in aiohttp)."""

import asyncio

__all__ = ("BaseConnector", "TCPConnector", "UnixConnector")


class BaseConnector:
    def __init__(self, *, keepalive_timeout=None, force_close=False, limit=100, limit_per_host=0,
                 enable_cleanup_closed=False, loop=None, timeout_ceil_threshold=5):
        self._limit = limit
        self._limit_per_host = limit_per_host
        self._closed = False
        self._sem = asyncio.Semaphore(limit) if limit else None
        self._host_sems = {}
        self.force_close = force_close

    @property
    def limit(self):
        return self._limit

    @property
    def limit_per_host(self):
        return self._limit_per_host

    @property
    def closed(self):
        return self._closed

    async def close(self):
        self._closed = True

    def _host_sem(self, host, port):
        if not self._limit_per_host:
            return None
        key = (host, port)
        if key not in self._host_sems:
            self._host_sems[key] = asyncio.Semaphore(self._limit_per_host)
        return self._host_sems[key]


class TCPConnector(BaseConnector):
    def __init__(self, *, ssl=True, verify_ssl=True, fingerprint=None, use_dns_cache=True, ttl_dns_cache=10,
                 family=0, ssl_context=None, local_addr=None, resolver=None, keepalive_timeout=None,
                 force_close=False, limit=100, limit_per_host=0, enable_cleanup_closed=False, loop=None,
                 timeout_ceil_threshold=5, happy_eyeballs_delay=0.25, interleave=None, **kwargs):
        super().__init__(keepalive_timeout=keepalive_timeout, force_close=force_close, limit=limit,
                         limit_per_host=limit_per_host)
        self._ssl = ssl


class UnixConnector(BaseConnector):
    def __init__(self, path, **kwargs):
        from simworld import SimulationError
        raise SimulationError("aiohttp.UnixConnector is not available in this sandbox: there are no unix sockets here")
