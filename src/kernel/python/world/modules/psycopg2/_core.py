"""psycopg2 connections and cursors over the sandbox's simulated database.

Every execute() blocks its thread for the fixture's per-query latency (time.sleep, virtual in
the sandbox) and runs on an in-memory sqlite database seeded from the fixture. Transactions
behave as in psycopg2: the first statement opens one, commit() makes changes visible to other
connections and permanent, close() without commit() discards them, and after an error every
statement fails until rollback()."""

import datetime
import decimal
import re
import sqlite3
import time
import uuid
from collections import namedtuple

import simworld

from . import errors
from ._errors import InterfaceError, OperationalError, ProgrammingError

Column = namedtuple("Column", ["name", "type_code", "display_size", "internal_size", "precision", "scale",
                               "null_ok"])
Column.__module__ = "psycopg2.extensions"

_TYPE_OIDS = {bool: 16, int: 23, float: 701, str: 25, bytes: 17, decimal.Decimal: 1700, datetime.datetime: 1114,
              datetime.date: 1082, uuid.UUID: 2950}

ISOLATION_LEVEL_AUTOCOMMIT = 0
STATUS_READY = 1
STATUS_BEGIN = 2


def _short(sql, n=100):
    s = " ".join(str(sql).split())
    return s if len(s) <= n else s[: n - 1] + "…"


def quote_literal(v):
    """How psycopg2 renders a Python value into SQL (mogrify)."""
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, decimal.Decimal):
        return f"'{v}'::numeric" if not v.is_finite() else str(v)
    if isinstance(v, datetime.datetime):
        return f"'{v.isoformat()}'::timestamp" + ("tz" if v.tzinfo else "")
    if isinstance(v, datetime.date):
        return f"'{v.isoformat()}'::date"
    if isinstance(v, (bytes, bytearray, memoryview)):
        return "'\\x" + bytes(v).hex() + "'::bytea"
    if isinstance(v, (list, tuple)):
        if isinstance(v, tuple):
            return "(" + ", ".join(quote_literal(x) for x in v) + ")"
        return "ARRAY[" + ",".join(quote_literal(x) for x in v) + "]"
    if hasattr(v, "getquoted"):
        return v.getquoted().decode()
    return "'" + str(v).replace("'", "''") + "'"


_PH_RE = re.compile(r"%(?:\((?P<name>[^)]*)\))?(?P<conv>.)", re.DOTALL)


def convert_query(query, vars):
    """psycopg2's client-side parameter handling: returns (sqlite_sql, params, mogrified_sql)."""
    if vars is None:
        return query, (), query
    is_mapping = hasattr(vars, "keys")
    if not is_mapping:
        try:
            seq = list(vars) if not isinstance(vars, (str, bytes)) else None
        except TypeError:
            seq = None
        if seq is None:
            if isinstance(vars, (str, bytes)):
                seq = list(vars)
            else:
                raise TypeError(f"'{type(vars).__name__}' object does not support indexing")
    out, params, mog = [], [], []
    pos = 0
    idx = 0
    for m in _PH_RE.finditer(query):
        out.append(query[pos:m.start()])
        mog.append(query[pos:m.start()])
        pos = m.end()
        conv = m.group("conv")
        name = m.group("name")
        if conv == "%" and name is None:
            out.append("%")
            mog.append("%")
            continue
        if conv != "s":
            raise ValueError(f"unsupported format character '{conv}' (0x{ord(conv):x}) at index {m.end() - 1}")
        if name is not None:
            if not is_mapping:
                raise TypeError("format requires a mapping")
            if name not in vars:
                raise KeyError(name)
            value = vars[name]
        else:
            if is_mapping:
                raise ProgrammingError("argument formats can't be mixed")
            if idx >= len(seq):
                raise IndexError("tuple index out of range")
            value = seq[idx]
            idx += 1
        out.append("?")
        params.append(simworld.adapt_param(value))
        mog.append(quote_literal(value))
    out.append(query[pos:])
    mog.append(query[pos:])
    if not is_mapping and idx < len(seq):
        raise TypeError("not all arguments converted during string formatting")
    return "".join(out), params, "".join(mog)


class connection:
    """A psycopg2 connection (simulated)."""

    __module__ = "psycopg2.extensions"

    def __init__(self, db, dsn, cursor_factory=None):
        self._db = db
        self._dsn_obj = dsn
        self._sq = db.connect()
        self.closed = 0
        self._autocommit = False
        self._in_pg_xact = False  # a transaction is open (PostgreSQL's view)
        self._in_sqlite_xact = False
        self._aborted = False
        self.cursor_factory = cursor_factory
        self.notices = []
        self.isolation_level = None
        self.readonly = None
        self.deferrable = None
        self.encoding = "UTF8"
        self.server_version = 160004
        self.protocol_version = 3

    def __repr__(self):
        return f"<connection object at {id(self):#x}; dsn: {self.dsn!r}, closed: {self.closed}>"

    @property
    def dsn(self):
        d = self._dsn_obj
        parts = []
        if d.user:
            parts.append(f"user={d.user}")
        if d.password:
            parts.append("password=xxx")
        parts.append(f"dbname={d.dbname}")
        parts.append(f"host={d.host}")
        if d.port != 5432:
            parts.append(f"port={d.port}")
        return " ".join(parts)

    def get_dsn_parameters(self):
        d = self._dsn_obj
        return {"user": d.user or "postgres", "dbname": d.dbname, "host": d.host, "port": str(d.port),
                "sslmode": "prefer", "target_session_attrs": "any"}

    @property
    def status(self):
        return STATUS_BEGIN if self._in_pg_xact else STATUS_READY

    def get_transaction_status(self):
        if self._aborted:
            return 3
        return 2 if self._in_pg_xact else 0

    @property
    def autocommit(self):
        return self._autocommit

    @autocommit.setter
    def autocommit(self, value):
        self._check()
        if self._in_pg_xact:
            raise ProgrammingError("set_session cannot be used inside a transaction")
        self._autocommit = bool(value)

    def set_session(self, isolation_level=None, readonly=None, deferrable=None, autocommit=None):
        if autocommit is not None:
            self.autocommit = autocommit
        self.isolation_level = isolation_level
        self.readonly = readonly
        self.deferrable = deferrable

    def set_isolation_level(self, level):
        self.autocommit = level == ISOLATION_LEVEL_AUTOCOMMIT

    def _check(self):
        if self.closed:
            raise InterfaceError("connection already closed")

    def cursor(self, name=None, cursor_factory=None, scrollable=None, withhold=False):
        self._check()
        factory = cursor_factory or self.cursor_factory or cursor
        cur = factory(self, name)
        cur.scrollable = scrollable
        cur.withhold = withhold
        return cur

    def commit(self):
        self._check()
        time.sleep(self._db.latency if self._in_pg_xact else 0)
        if self._in_sqlite_xact:
            self._sq.execute("ROLLBACK" if self._aborted else "COMMIT")
        if self._in_pg_xact:
            self._db.log("commit" if not self._aborted else "commit -> ROLLBACK (transaction was aborted)")
        self._in_pg_xact = self._in_sqlite_xact = self._aborted = False

    def rollback(self):
        self._check()
        time.sleep(self._db.latency if self._in_pg_xact else 0)
        if self._in_sqlite_xact:
            self._sq.execute("ROLLBACK")
        if self._in_pg_xact:
            self._db.log("rollback")
        self._in_pg_xact = self._in_sqlite_xact = self._aborted = False

    def close(self):
        if self.closed:
            return
        if self._in_sqlite_xact:
            try:
                self._sq.execute("ROLLBACK")
            except sqlite3.Error:
                pass
        self._sq.close()
        self.closed = 1
        self._db.log("close" + (" (uncommitted changes discarded)" if self._in_sqlite_xact else ""))

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, exc_type, exc, tb):
        if self.closed:
            return
        if exc_type is None:
            self.commit()
        else:
            self.rollback()

    def cancel(self):
        pass

    def reset(self):
        self.rollback()

    def xid(self, *a, **k):
        raise simworld.SimulationError("psycopg2: two-phase commit is not available in this sandbox")

    def lobject(self, *a, **k):
        raise simworld.SimulationError("psycopg2: large objects are not available in this sandbox")

    # -- the one place statements run
    def _execute(self, cur, query, vars, verb="execute"):
        self._check()
        if isinstance(query, bytes):
            query = query.decode()
        query = str(query)
        sql, params, mogrified = convert_query(query, vars)
        cur.query = mogrified.encode()
        time.sleep(self._db.latency)
        if self._aborted:
            self._db.log(f"{verb}: {_short(mogrified)} -> error (transaction aborted)")
            raise errors.InFailedSqlTransaction(
                "current transaction is aborted, commands ignored until end of transaction block\n",
                pgerror="ERROR:  current transaction is aborted, commands ignored until end of transaction block\n",
                pgcode="25P02", cursor=cur)
        sql = simworld.translate_pg(sql)
        statements = simworld.split_statements(sql) or [""]
        if not self._autocommit:
            self._in_pg_xact = True
        result = simworld.Result([], [], -1, "")
        try:
            for stmt in statements:
                if not stmt:
                    continue
                if not self._autocommit and not self._in_sqlite_xact and simworld.is_write(stmt):
                    self._sq.execute("BEGIN")
                    self._in_sqlite_xact = True
                result = self._run_one(stmt, params if len(statements) == 1 else ())
        except errors.DatabaseError as e:
            errors._locate(e, mogrified)
            if self._in_pg_xact:
                self._aborted = True
            self._db.log(f"{verb}: {_short(mogrified)} -> error")
            raise
        self._db.log(f"{verb}: {_short(mogrified)} -> {result.status}")
        return result

    def _run_one(self, stmt, params):
        waited = 0.0
        while True:
            try:
                return simworld.run_statement(self._sq, stmt, params)
            except simworld.Locked as e:
                if waited >= simworld.LOCK_TIMEOUT:
                    raise errors._from_pg(simworld.pg_error(e)) from None
                time.sleep(simworld.LOCK_POLL)
                waited += simworld.LOCK_POLL
            except sqlite3.Error as e:
                raise errors._from_pg(simworld.pg_error(e, self._sq)) from None


class cursor:
    """A psycopg2 cursor (simulated)."""

    __module__ = "psycopg2.extensions"

    def __init__(self, conn, name=None):
        self.connection = conn
        self.name = name
        self.arraysize = 1
        self.itersize = 2000
        self.closed = False
        self.description = None
        self.rowcount = -1
        self.rownumber = 0
        self.lastrowid = 0
        self.query = None
        self.statusmessage = None
        self.scrollable = None
        self.withhold = False
        self.tzinfo_factory = None
        self._rows = None

    def __repr__(self):
        return f"<cursor object at {id(self):#x}; closed: {int(self.closed)}>"

    def _check(self):
        if self.closed:
            raise InterfaceError("cursor already closed")
        self.connection._check()

    def _make_row(self, row):
        return row

    def execute(self, query, vars=None):
        self._check()
        result = self.connection._execute(self, query, vars)
        self._set_result(result)
        return None

    def _set_result(self, result):
        self.statusmessage = result.status
        if result.columns:
            sample = result.rows[0] if result.rows else [None] * len(result.columns)
            self.description = tuple(Column(name, _TYPE_OIDS.get(type(v), 25) if v is not None else 25,
                                            None, None, None, None, None)
                                     for name, v in zip(result.columns, sample))
            self._rows = [self._make_row(r) for r in result.rows]
            self.rowcount = len(result.rows)
        else:
            self.description = None
            self._rows = None
            self.rowcount = result.rowcount
        self.rownumber = 0

    def executemany(self, query, vars_list):
        self._check()
        total = 0
        for vars in vars_list:
            result = self.connection._execute(self, query, vars, verb="executemany")
            total += max(result.rowcount, 0)
        self.description = None
        self._rows = None
        self.rowcount = total
        return None

    def mogrify(self, query, vars=None):
        self._check()
        return convert_query(str(query), vars)[2].encode()

    def _need_rows(self):
        self._check()
        if self._rows is None:
            raise ProgrammingError("no results to fetch")

    def fetchone(self):
        self._need_rows()
        if self.rownumber >= len(self._rows):
            return None
        row = self._rows[self.rownumber]
        self.rownumber += 1
        return row

    def fetchmany(self, size=None):
        self._need_rows()
        size = self.arraysize if size is None else size
        rows = self._rows[self.rownumber:self.rownumber + size]
        self.rownumber += len(rows)
        return rows

    def fetchall(self):
        self._need_rows()
        rows = self._rows[self.rownumber:]
        self.rownumber = len(self._rows)
        return rows

    def scroll(self, value, mode="relative"):
        self._need_rows()
        new = value if mode == "absolute" else self.rownumber + value
        if not 0 <= new <= len(self._rows):
            raise ProgrammingError("scroll destination out of bounds")
        self.rownumber = new

    def __iter__(self):
        while True:
            row = self.fetchone()
            if row is None:
                return
            yield row

    def close(self):
        self.closed = True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def setinputsizes(self, sizes):
        pass

    def setoutputsize(self, size, column=None):
        pass

    def callproc(self, procname, parameters=None):
        raise simworld.SimulationError("psycopg2: callproc (stored procedures) is not available in this sandbox")

    def copy_from(self, *a, **k):
        raise simworld.SimulationError("psycopg2: COPY (copy_from) is not available in this sandbox")

    def copy_to(self, *a, **k):
        raise simworld.SimulationError("psycopg2: COPY (copy_to) is not available in this sandbox")

    def copy_expert(self, *a, **k):
        raise simworld.SimulationError("psycopg2: COPY (copy_expert) is not available in this sandbox")


def connect(dsn=None, connection_factory=None, cursor_factory=None, **kwargs):
    """Create a new database connection (to the simulated server)."""
    kwargs.pop("async", None)
    kwargs.pop("async_", None)
    try:
        target = simworld.parse_dsn(dsn, **{k: v for k, v in kwargs.items()
                                           if k in ("host", "port", "user", "password", "dbname", "database")})
    except ValueError as e:
        raise ProgrammingError(f'invalid dsn: {e}') from None
    try:
        db = simworld.open_database(target)
    except simworld.DatabaseUnavailable as e:
        if e.kind == "auth":
            raise OperationalError(
                f'connection to server at "{target.host}" ({simworld._address_for(target.host)}), port {target.port} '
                f'failed: FATAL:  password authentication failed for user "{target.user or "postgres"}"\n') from None
        raise OperationalError(
            f'connection to server at "{target.host}" ({simworld._address_for(target.host)}), port {target.port} '
            "failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n"
        ) from None
    time.sleep(db.connect_latency)
    conn = (connection_factory or connection)(db, target, cursor_factory)
    db.log("connect")
    return conn
