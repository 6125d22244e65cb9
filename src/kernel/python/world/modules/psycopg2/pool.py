"""psycopg2.pool: SimpleConnectionPool and ThreadedConnectionPool."""

from ._core import connect
from ._errors import Error


class PoolError(Error):
    __module__ = "psycopg2.pool"


class AbstractConnectionPool:
    def __init__(self, minconn, maxconn, *args, **kwargs):
        self.minconn = int(minconn)
        self.maxconn = int(maxconn)
        self.closed = False
        self._args = args
        self._kwargs = kwargs
        self._pool = []
        self._used = {}
        self._rused = {}
        self._keys = 0
        for _ in range(self.minconn):
            self._connect()

    def _connect(self, key=None):
        conn = connect(*self._args, **self._kwargs)
        if key is not None:
            self._used[key] = conn
            self._rused[id(conn)] = key
        else:
            self._pool.append(conn)
        return conn

    def _getkey(self):
        self._keys += 1
        return self._keys

    def getconn(self, key=None):
        if self.closed:
            raise PoolError("connection pool is closed")
        if key is None:
            key = self._getkey()
        if key in self._used:
            return self._used[key]
        if self._pool:
            self._used[key] = conn = self._pool.pop()
            self._rused[id(conn)] = key
            return conn
        if len(self._used) == self.maxconn:
            raise PoolError("connection pool exhausted")
        return self._connect(key)

    def putconn(self, conn, key=None, close=False):
        if self.closed:
            raise PoolError("connection pool is closed")
        if key is None:
            key = self._rused.get(id(conn))
            if key is None:
                raise PoolError("trying to put unkeyed connection")
        if len(self._pool) < self.minconn and not close:
            if not conn.closed:
                conn.rollback()
                self._pool.append(conn)
        else:
            conn.close()
        if not self.closed or key in self._used:
            del self._used[key]
            del self._rused[id(conn)]

    def closeall(self):
        if self.closed:
            raise PoolError("connection pool is closed")
        for conn in self._pool + list(self._used.values()):
            try:
                conn.close()
            except Exception:
                pass
        self.closed = True


class SimpleConnectionPool(AbstractConnectionPool):
    """A connection pool that can't be shared across different threads."""


class ThreadedConnectionPool(AbstractConnectionPool):
    """A connection pool that works with the threading module (green threads in the sandbox)."""
