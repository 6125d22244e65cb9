"""asyncpg.transaction: Transaction, mapped onto sqlite BEGIN/SAVEPOINT."""

import asyncio

from . import exceptions


class Transaction:
    """`async with conn.transaction():` commits on success and rolls back on an exception."""

    __module__ = "asyncpg.transaction"
    __slots__ = ("_conn", "_isolation", "_readonly", "_deferrable", "_state", "_nested", "_id")

    def __init__(self, connection, isolation, readonly, deferrable):
        if isolation not in (None, "read_uncommitted", "read_committed", "repeatable_read", "serializable"):
            raise ValueError(f"isolation is expected to be either of 'read_uncommitted', 'read_committed', "
                             f"'repeatable_read' or 'serializable', got {isolation!r}")
        self._conn = connection
        self._isolation = isolation
        self._readonly = readonly
        self._deferrable = deferrable
        self._state = "new"
        self._nested = False
        self._id = None

    def __repr__(self):
        attrs = [f"state:{self._state}"]
        if self._isolation:
            attrs.append(self._isolation)
        return "<asyncpg.Transaction {} {:#x}>".format(" ".join(attrs), id(self))

    async def __aenter__(self):
        await self.start()

    async def __aexit__(self, extype, ex, tb):
        if extype is not None:
            await self._rollback()
        else:
            await self._commit()

    async def start(self):
        if self._state != "new":
            raise exceptions._base.InterfaceError(f"cannot start; the transaction is already {self._state}")
        conn = self._conn
        conn._check_open()
        with conn._atomic:
            await asyncio.sleep(conn._db.latency)
            if conn._xact_depth:
                self._nested = True
                self._id = f"asyncpg_savepoint_{conn._xact_depth}"
                conn._sq.execute(f"SAVEPOINT {self._id}")
            else:
                conn._sq.execute("BEGIN")
                conn._aborted = False
            conn._xact_depth += 1
            self._state = "started"
            conn._db.log("begin" if not self._nested else f"savepoint {self._id}")

    async def commit(self):
        await self._commit()

    async def rollback(self):
        await self._rollback()

    def _check(self, action):
        if self._state != "started":
            raise exceptions._base.InterfaceError(f"cannot {action}; the transaction is in {self._state} state")

    async def _commit(self):
        self._check("commit")
        conn = self._conn
        with conn._atomic:
            await asyncio.sleep(conn._db.latency)
            conn._xact_depth -= 1
            if conn._aborted and not self._nested:
                conn._sq.execute("ROLLBACK")
                conn._aborted = False
                self._state = "rolledback"
                conn._db.log("commit -> ROLLBACK (transaction was aborted)")
                return
            if self._nested:
                conn._sq.execute(f"RELEASE SAVEPOINT {self._id}")
            else:
                conn._sq.execute("COMMIT")
            self._state = "committed"
            conn._db.log("commit")

    async def _rollback(self):
        self._check("rollback")
        conn = self._conn
        with conn._atomic:
            await asyncio.sleep(conn._db.latency)
            conn._xact_depth -= 1
            if self._nested:
                conn._sq.execute(f"ROLLBACK TO SAVEPOINT {self._id}")
                conn._aborted = False
            else:
                conn._sq.execute("ROLLBACK")
                conn._aborted = False
            self._state = "rolledback"
            conn._db.log("rollback")
