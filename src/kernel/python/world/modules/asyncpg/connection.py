"""asyncpg.connection: Connection and connect() over the sandbox's simulated database.

Each query waits the fixture's per-query latency (asyncio.sleep, virtual in the sandbox) and
then runs on an in-memory sqlite database seeded from the fixture. As in asyncpg, one
connection runs one operation at a time: a second concurrent operation raises InterfaceError
('another operation is in progress'); use a pool for concurrent queries."""

import asyncio
import collections

import simworld

from . import exceptions
from .record import Record
from .transaction import Transaction

__all__ = ("Connection", "connect", "ServerVersion")

ServerVersion = collections.namedtuple("ServerVersion", ["major", "minor", "micro", "releaselevel", "serial"])


class _Atomic:
    __slots__ = ("_acquired",)

    def __init__(self):
        self._acquired = 0

    def __enter__(self):
        if self._acquired:
            raise exceptions.InterfaceError("cannot perform operation: another operation is in progress")
        self._acquired = 1

    def __exit__(self, t, e, tb):
        self._acquired = 0


def _short(sql, n=100):
    s = " ".join(str(sql).split())
    return s if len(s) <= n else s[: n - 1] + "…"


class Connection:
    """A representation of a database session (simulated)."""

    __module__ = "asyncpg.connection"

    def __init__(self, db, dsn, record_class=Record):
        self._db = db
        self._dsn = dsn
        self._sq = db.connect()
        self._closed = False
        self._atomic = _Atomic()
        self._top_xact = None
        self._xact_depth = 0
        self._aborted = False
        self._record_class = record_class
        self._listeners = {}
        self._pid = 4000 + simworld._db_counter

    # -- introspection
    def is_closed(self):
        return self._closed

    def is_in_transaction(self):
        return self._xact_depth > 0

    def get_server_pid(self):
        return self._pid

    def get_server_version(self):
        return ServerVersion(16, 4, 0, "final", 0)

    def get_settings(self):
        return {"server_version": "16.4", "client_encoding": "UTF8", "DateStyle": "ISO, MDY", "TimeZone": "UTC"}

    def _check_open(self):
        if self._closed:
            raise exceptions.InterfaceError("connection is closed")

    # -- the one place queries run
    async def _query(self, verb, query, args, *, many=False, script_ok=False):
        self._check_open()
        with self._atomic:
            return await self._query_unlocked(verb, query, args, many=many, script_ok=script_ok)

    async def _query_unlocked(self, verb, query, args, *, many=False, script_ok=False):
        db = self._db
        sql = simworld.translate_pg(str(query))
        statements = simworld.split_statements(sql)
        if len(statements) > 1 and not script_ok:
            await asyncio.sleep(db.latency)
            db.log(f"{verb}: {_short(query)} -> error")
            raise exceptions.PostgresSyntaxError("cannot insert multiple commands into a prepared statement")
        expected = simworld.count_dollar_params(str(query))
        arg_sets = list(args) if many else [args]
        for a in arg_sets:
            if len(a) != expected:
                raise exceptions._base.InterfaceError(
                    "the server expects {x} argument{s} for this query, {y} {w} passed".format(
                        x=expected, s="s" if expected != 1 else "", y=len(a), w="was" if len(a) == 1 else "were"))
        await asyncio.sleep(db.latency)
        if self._aborted:
            db.log(f"{verb}: {_short(query)} -> error (transaction aborted)")
            raise exceptions.InFailedSQLTransactionError(
                "current transaction is aborted, commands ignored until end of transaction block")
        result = None
        try:
            for stmt in statements or [""]:
                for a in arg_sets:
                    result = await self._run_one(stmt, [simworld.adapt_param(v) for v in a])
        except exceptions.PostgresError:
            if self._xact_depth:
                self._aborted = True
            db.log(f"{verb}: {_short(query)} -> error")
            raise
        if result is None:
            result = simworld.Result([], [], 0, "")
        if verb in ("fetch", "fetchrow", "fetchval", "fetchmany"):
            detail = f"{len(result.rows)} row" + ("s" if len(result.rows) != 1 else "")
        else:
            detail = result.status
        db.log(f"{verb}: {_short(query)} -> {detail}")
        return result

    async def _run_one(self, stmt, params):
        if not stmt:
            return simworld.Result([], [], 0, "")
        waited = 0.0
        while True:
            try:
                return simworld.run_statement(self._sq, stmt, params)
            except simworld.Locked as e:
                if waited >= simworld.LOCK_TIMEOUT:
                    raise exceptions._from_pg(simworld.pg_error(e)) from None
                await asyncio.sleep(simworld.LOCK_POLL)
                waited += simworld.LOCK_POLL
            except Exception as e:
                import sqlite3
                if isinstance(e, sqlite3.Error):
                    raise exceptions._from_pg(simworld.pg_error(e, self._sq)) from None
                raise

    def _records(self, result, record_class=None):
        cls = record_class or self._record_class
        index = {}
        for i, k in enumerate(result.columns):
            index.setdefault(k, i)
        return [cls(result.columns, row, index) for row in result.rows]

    # -- public query API
    async def execute(self, query, *args, timeout=None):
        """Execute an SQL command (or commands); return the status of the last one."""
        result = await self._query("execute", query, args, script_ok=not args)
        return result.status

    async def executemany(self, command, args, *, timeout=None):
        await self._query("executemany", command, list(args), many=True)
        return None

    async def fetch(self, query, *args, timeout=None, record_class=None):
        return self._records(await self._query("fetch", query, args), record_class)

    async def fetchrow(self, query, *args, timeout=None, record_class=None):
        rows = self._records(await self._query("fetchrow", query, args), record_class)
        return rows[0] if rows else None

    async def fetchval(self, query, *args, column=0, timeout=None):
        result = await self._query("fetchval", query, args)
        if not result.rows:
            return None
        return self._records(result)[0][column]

    async def fetchmany(self, query, args, *, timeout=None, record_class=None):
        result = await self._query("fetchmany", query, list(args), many=True)
        return self._records(result, record_class)

    async def prepare(self, query, *, name=None, timeout=None, record_class=None):
        self._check_open()
        return PreparedStatement(self, query, record_class)

    def cursor(self, query, *args, prefetch=None, timeout=None, record_class=None):
        return CursorFactory(self, query, args, record_class)

    def transaction(self, *, isolation=None, readonly=False, deferrable=False):
        self._check_open()
        return Transaction(self, isolation, readonly, deferrable)

    async def close(self, *, timeout=None):
        if not self._closed:
            self._closed = True
            if self._xact_depth:
                try:
                    self._sq.execute("ROLLBACK")
                except Exception:
                    pass
            self._sq.close()
            self._db.log("close")

    def terminate(self):
        if not self._closed:
            self._closed = True
            self._sq.close()

    async def reset(self, *, timeout=None):
        if self._xact_depth:
            self._sq.execute("ROLLBACK")
            self._xact_depth = 0
            self._aborted = False

    # -- what the sandbox cannot do
    def _unavailable(self, what):
        raise simworld.SimulationError(f"asyncpg: {what} is not available in this sandbox's simulated database")

    async def copy_from_table(self, *a, **k):
        self._unavailable("COPY (copy_from_table)")

    async def copy_to_table(self, *a, **k):
        self._unavailable("COPY (copy_to_table)")

    async def copy_records_to_table(self, table_name, *, records, columns=None, schema_name=None, timeout=None,
                                    where=None):
        cols = f" ({', '.join(columns)})" if columns else ""
        records = list(records)
        if not records:
            return "COPY 0"
        marks = ", ".join(f"${i + 1}" for i in range(len(records[0])))
        await self.executemany(f"INSERT INTO {table_name}{cols} VALUES ({marks})", records)
        return f"COPY {len(records)}"

    async def add_listener(self, channel, callback):
        self._unavailable("LISTEN/NOTIFY (add_listener)")

    async def set_type_codec(self, typename, *, schema="public", encoder, decoder, format="text"):
        self._unavailable("set_type_codec")

    async def set_builtin_type_codec(self, *a, **k):
        self._unavailable("set_builtin_type_codec")


class PreparedStatement:
    __module__ = "asyncpg.prepared_stmt"

    def __init__(self, conn, query, record_class):
        self._conn = conn
        self._query_text = query
        self._record_class = record_class

    def get_query(self):
        return self._query_text

    async def fetch(self, *args, timeout=None):
        return await self._conn.fetch(self._query_text, *args, record_class=self._record_class)

    async def fetchrow(self, *args, timeout=None):
        return await self._conn.fetchrow(self._query_text, *args, record_class=self._record_class)

    async def fetchval(self, *args, column=0, timeout=None):
        return await self._conn.fetchval(self._query_text, *args, column=column)

    async def executemany(self, args, *, timeout=None):
        return await self._conn.executemany(self._query_text, args)

    def cursor(self, *args, prefetch=None, timeout=None):
        return CursorFactory(self._conn, self._query_text, args, self._record_class)


class CursorFactory:
    """`async for record in conn.cursor(query)` (needs a transaction, as in asyncpg)."""

    __module__ = "asyncpg.cursor"

    def __init__(self, conn, query, args, record_class):
        self._conn, self._query_text, self._args, self._record_class = conn, query, args, record_class
        self._rows = None

    def _check(self):
        if not self._conn.is_in_transaction():
            raise exceptions._base.InterfaceError("cursor cannot be created outside of a transaction")

    def __aiter__(self):
        self._check()
        return self._iterate()

    async def _iterate(self):
        rows = await self._conn.fetch(self._query_text, *self._args, record_class=self._record_class)
        for r in rows:
            yield r

    def __await__(self):
        self._check()
        return self._cursor().__await__()

    async def _cursor(self):
        rows = await self._conn.fetch(self._query_text, *self._args, record_class=self._record_class)
        return Cursor(rows)


class Cursor:
    __module__ = "asyncpg.cursor"

    def __init__(self, rows):
        self._rows = list(rows)

    async def fetch(self, n, *, timeout=None):
        out, self._rows = self._rows[:n], self._rows[n:]
        return out

    async def fetchrow(self, *, timeout=None):
        return self._rows.pop(0) if self._rows else None

    async def forward(self, n, *, timeout=None):
        moved = min(n, len(self._rows))
        self._rows = self._rows[moved:]
        return moved


async def connect(dsn=None, *, host=None, port=None, user=None, password=None, passfile=None, database=None,
                  loop=None, timeout=60, statement_cache_size=100, max_cached_statement_lifetime=300,
                  max_cacheable_statement_size=1024 * 15, command_timeout=None, ssl=None, direct_tls=None,
                  connection_class=Connection, record_class=Record, server_settings=None, target_session_attrs=None,
                  krbsrvname=None, gsslib=None):
    """Connect to the (simulated) PostgreSQL server named by the DSN or keyword arguments."""
    try:
        target = simworld.parse_dsn(dsn, host=host, port=port, user=user, password=password, database=database)
    except ValueError as e:
        raise exceptions._base.ClientConfigurationError(str(e)) from None
    try:
        db = simworld.open_database(target)
    except simworld.DatabaseUnavailable as e:
        await asyncio.sleep(0)
        if e.kind == "auth":
            raise exceptions.InvalidPasswordError(
                f'password authentication failed for user "{target.user or "postgres"}"') from None
        addr = simworld._address_for(target.host)
        raise ConnectionRefusedError(111, f"Connect call failed ('{addr}', {target.port})") from None
    await asyncio.sleep(db.connect_latency)
    conn = connection_class(db, target, record_class)
    db.log("connect")
    return conn
