"""asyncpg.pool: a connection pool over the simulated database.

At most max_size connections exist; acquire() waits (on the event loop) for a free one, which
is what makes pooled queries overlap up to max_size and queue beyond it."""

import asyncio

from . import connection as connection_mod
from . import exceptions
from .record import Record

__all__ = ("Pool", "create_pool")


class Pool:
    __module__ = "asyncpg.pool"

    def __init__(self, *connect_args, min_size, max_size, max_queries, max_inactive_connection_lifetime,
                 setup, init, reset, loop, connection_class, record_class, **connect_kwargs):
        if max_size <= 0:
            raise ValueError("max_size is expected to be greater than zero")
        if min_size < 0:
            raise ValueError("min_size is expected to be greater or equal to zero")
        if min_size > max_size:
            raise ValueError("min_size is greater than max_size")
        self._connect_args = connect_args
        self._connect_kwargs = connect_kwargs
        self._min_size = min_size
        self._max_size = max_size
        self._setup = setup
        self._init = init
        self._connection_class = connection_class
        self._record_class = record_class
        self._idle = []
        self._all = []
        self._sem = None
        self._initialized = False
        self._initializing = False
        self._closed = False

    async def _async__init__(self):
        if self._initialized:
            return self
        if self._initializing:
            raise exceptions._base.InterfaceError("pool is being initialized in another task")
        self._initializing = True
        self._sem = asyncio.Semaphore(self._max_size)
        conns = await asyncio.gather(*(self._new_connection() for _ in range(self._min_size)))
        self._idle.extend(conns)
        self._initialized = True
        self._initializing = False
        return self

    async def _new_connection(self):
        conn = await connection_mod.connect(*self._connect_args, connection_class=self._connection_class,
                                            record_class=self._record_class, **self._connect_kwargs)
        if self._init is not None:
            await self._init(conn)
        self._all.append(conn)
        return conn

    def __await__(self):
        return self._async__init__().__await__()

    async def __aenter__(self):
        await self._async__init__()
        return self

    async def __aexit__(self, *exc):
        await self.close()

    def _check_init(self):
        if not self._initialized:
            if self._initializing:
                raise exceptions._base.InterfaceError("pool is being initialized, but not yet ready: likely there is "
                                                      "a race between creating a pool and using it")
            raise exceptions._base.InterfaceError("pool is not initialized")
        if self._closed:
            raise exceptions._base.InterfaceError("pool is closed")

    # -- sizes
    def get_size(self):
        return len(self._all)

    def get_min_size(self):
        return self._min_size

    def get_max_size(self):
        return self._max_size

    def get_idle_size(self):
        return len(self._idle)

    def is_closing(self):
        return self._closed

    # -- acquire/release
    def acquire(self, *, timeout=None):
        return PoolAcquireContext(self, timeout)

    async def _acquire(self, timeout):
        self._check_init()
        if timeout is None:
            await self._sem.acquire()
        else:
            await asyncio.wait_for(self._sem.acquire(), timeout)
        try:
            conn = self._idle.pop() if self._idle else await self._new_connection()
            if self._setup is not None:
                await self._setup(conn)
        except BaseException:
            self._sem.release()
            raise
        return conn

    async def release(self, connection, *, timeout=None):
        if connection not in self._all:
            raise exceptions._base.InterfaceError(
                f"Pool.release() received invalid connection: {connection!r} is not a member of this pool")
        await connection.reset()
        if connection.is_closed():
            self._all.remove(connection)
        else:
            self._idle.append(connection)
        self._sem.release()

    async def close(self):
        if self._closed:
            return
        self._closed = True
        for conn in self._all:
            await conn.close()
        self._all.clear()
        self._idle.clear()

    def terminate(self):
        self._closed = True
        for conn in self._all:
            conn.terminate()

    async def expire_connections(self):
        pass

    # -- query shortcuts (acquire, run, release)
    async def execute(self, query, *args, timeout=None):
        async with self.acquire() as con:
            return await con.execute(query, *args, timeout=timeout)

    async def executemany(self, command, args, *, timeout=None):
        async with self.acquire() as con:
            return await con.executemany(command, args, timeout=timeout)

    async def fetch(self, query, *args, timeout=None, record_class=None):
        async with self.acquire() as con:
            return await con.fetch(query, *args, timeout=timeout, record_class=record_class)

    async def fetchval(self, query, *args, column=0, timeout=None):
        async with self.acquire() as con:
            return await con.fetchval(query, *args, column=column, timeout=timeout)

    async def fetchrow(self, query, *args, timeout=None, record_class=None):
        async with self.acquire() as con:
            return await con.fetchrow(query, *args, timeout=timeout, record_class=record_class)

    async def fetchmany(self, query, args, *, timeout=None, record_class=None):
        async with self.acquire() as con:
            return await con.fetchmany(query, args, timeout=timeout, record_class=record_class)


class PoolAcquireContext:
    __slots__ = ("timeout", "connection", "done", "pool")

    def __init__(self, pool, timeout):
        self.pool = pool
        self.timeout = timeout
        self.connection = None
        self.done = False

    async def __aenter__(self):
        if self.connection is not None or self.done:
            raise exceptions._base.InterfaceError("a connection is already acquired")
        self.connection = await self.pool._acquire(self.timeout)
        return self.connection

    async def __aexit__(self, *exc):
        self.done = True
        con = self.connection
        self.connection = None
        await self.pool.release(con)

    def __await__(self):
        self.done = True
        return self.pool._acquire(self.timeout).__await__()


def create_pool(dsn=None, *, min_size=10, max_size=10, max_queries=50000, max_inactive_connection_lifetime=300.0,
                connect=None, setup=None, init=None, reset=None, loop=None, connection_class=None,
                record_class=Record, **connect_kwargs):
    """Create a connection pool: `pool = await asyncpg.create_pool(dsn)` or `async with`."""
    return Pool(dsn, min_size=min_size, max_size=max_size, max_queries=max_queries,
                max_inactive_connection_lifetime=max_inactive_connection_lifetime, setup=setup, init=init,
                reset=reset, loop=loop, connection_class=connection_class or connection_mod.Connection,
                record_class=record_class, **connect_kwargs)
