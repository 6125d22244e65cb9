"""Simulated PostgreSQL servers: fixture databases (`DbRule`), DSNs parsed as the drivers parse
them, and `open_database()`, which hands every connection to one DSN the same `SimDatabase`: an
in-memory sqlite database seeded from the fixture, whose declared column types come back as the
Python types PostgreSQL drivers return."""

from __future__ import annotations

import datetime as _dt
import decimal
import fnmatch
import json
import re
import sqlite3
import time
import uuid
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

from .sql import split_statements, translate_pg
from .state import SimulationError, _check_keys, _state, log

_db_counter = 0  # databases opened in this interpreter: numbers each one (asyncpg shows it as the backend pid)

_DB_KEYS = {"dsn", "latency", "connect_latency", "schema", "rows", "fault", "note"}


class DbRule:
    def __init__(self, spec, fixture):
        where = f"{fixture}: databases"
        if not isinstance(spec, dict) or "dsn" not in spec:
            raise SimulationError(f"simworld: {where}: each database needs a `dsn:` glob")
        _check_keys(spec, _DB_KEYS, where)
        self.spec = spec
        self.fixture = fixture
        self.dsn = str(spec["dsn"])
        self.latency = float(spec.get("latency", 0))
        self.connect_latency = float(spec.get("connect_latency", self.latency))
        self.fault = spec.get("fault")
        if self.fault not in (None, "refused", "auth"):
            raise SimulationError(f"simworld: {where}: unknown fault {self.fault!r} (use refused or auth)")


@dataclass
class Dsn:
    """A PostgreSQL connection target, parsed from a URI, a key=value string or keyword args."""

    host: str = "localhost"
    port: int = 5432
    user: str = ""
    password: str = ""
    dbname: str = ""
    raw: str = ""

    @property
    def display(self):
        user = f"{self.user}@" if self.user else ""
        port = f":{self.port}" if self.port != 5432 else ""
        return f"postgresql://{user}{self.host}{port}/{self.dbname}"

    @property
    def identity(self):
        return f"{self.host}:{self.port}/{self.dbname}"


def parse_dsn(dsn=None, **kwargs) -> Dsn:
    out = Dsn()
    user_env = "postgres"
    if dsn:
        dsn = str(dsn)
        out.raw = dsn
        if "://" in dsn:
            p = urlsplit(dsn)
            if p.scheme not in ("postgres", "postgresql"):
                raise ValueError(f"invalid DSN: scheme is expected to be either \"postgresql\" or \"postgres\", got {p.scheme!r}")
            host = p.netloc.rpartition("@")[2]
            hostname, _, port = host.rpartition(":") if host.count(":") == 1 else (host, "", "")
            out.host = unquote(hostname) or "localhost"
            if port.isdigit():
                out.port = int(port)
            if "@" in p.netloc:
                cred = p.netloc.rpartition("@")[0]
                u, _, pw = cred.partition(":")
                out.user, out.password = unquote(u), unquote(pw)
            out.dbname = unquote(p.path.lstrip("/"))
            for k, v in parse_qsl(p.query):
                kwargs.setdefault(k, v)
        else:
            for m in re.finditer(r"(\w+)\s*=\s*('(?:[^'\\]|\\.)*'|\S+)", dsn):
                v = m.group(2)
                if v.startswith("'"):
                    v = v[1:-1]
                kwargs.setdefault(m.group(1), v)
    for k, v in kwargs.items():
        if v is None:
            continue
        if k == "host":
            out.host = str(v)
        elif k == "port":
            out.port = int(v)
        elif k == "user":
            out.user = str(v)
        elif k == "password":
            out.password = str(v)
        elif k in ("dbname", "database"):
            out.dbname = str(v)
    if not out.dbname:
        out.dbname = out.user or user_env
    return out


class DatabaseUnavailable(Exception):
    """No fixture database answers this DSN (kind 'refused'), or the fixture says so."""

    def __init__(self, kind, dsn):
        super().__init__(kind)
        self.kind = kind
        self.dsn = dsn


def open_database(dsn: Dsn) -> "SimDatabase":
    """The simulated database behind `dsn`, created and seeded on first use."""
    rule = None
    for r in _state.databases:
        if fnmatch.fnmatchcase(dsn.display, r.dsn) or (dsn.raw and fnmatch.fnmatchcase(dsn.raw, r.dsn)):
            rule = r
            break
    if rule is None:
        log("db", dsn.display, "connect -> refused (no fixture database matches)", "default")
        raise DatabaseUnavailable("refused", dsn)
    if rule.fault:
        log("db", dsn.display, f"connect -> {rule.fault}", rule.fixture)
        raise DatabaseUnavailable(rule.fault, dsn)
    key = (id(rule), dsn.identity)
    db = _state.open_dbs.get(key)
    if db is None:
        db = SimDatabase(rule, dsn)
        _state.open_dbs[key] = db
    return db


_converters_registered = False


def _register_converters():
    # Declared column types decide the Python type of a value, as the PostgreSQL drivers do.
    # (Module-wide in sqlite3; these names are PostgreSQL types that plain sqlite code rarely
    # declares, and TIMESTAMP/DATE only replace sqlite3's own deprecated converters.)
    global _converters_registered
    if _converters_registered:
        return
    _converters_registered = True

    def to_bool(b):
        return b not in (b"0", b"", b"f", b"false", b"False")

    def to_ts(b, aware):
        v = _dt.datetime.fromisoformat(b.decode())
        if aware and v.tzinfo is None:
            v = v.replace(tzinfo=_dt.timezone.utc)
        if not aware and v.tzinfo is not None:
            v = v.astimezone(_dt.timezone.utc).replace(tzinfo=None)
        return v

    sqlite3.register_converter("BOOLEAN", to_bool)
    sqlite3.register_converter("BOOL", to_bool)
    sqlite3.register_converter("TIMESTAMPTZ", lambda b: to_ts(b, True))
    sqlite3.register_converter("TIMESTAMP", lambda b: to_ts(b, False))
    sqlite3.register_converter("DATE", lambda b: _dt.date.fromisoformat(b.decode()[:10]))
    sqlite3.register_converter("NUMERIC", lambda b: decimal.Decimal(b.decode()))
    sqlite3.register_converter("DECIMAL", lambda b: decimal.Decimal(b.decode()))
    for scale in range(0, 39):
        quantum = decimal.Decimal(1).scaleb(-scale)
        sqlite3.register_converter(f"NUMERIC_S{scale}", lambda b, q=quantum: decimal.Decimal(b.decode()).quantize(q))
    sqlite3.register_converter("UUID", lambda b: uuid.UUID(b.decode()))


def _sim_now():
    return _dt.datetime.fromtimestamp(time.time(), _dt.timezone.utc).isoformat(" ")


class SimDatabase:
    """One in-memory sqlite database, shared by every simulated connection to one DSN."""

    def __init__(self, rule: DbRule, dsn: Dsn):
        global _db_counter
        _db_counter += 1
        _register_converters()
        self.rule = rule
        self.dsn = dsn
        self.fixture = rule.fixture
        self.latency = rule.latency
        self.connect_latency = rule.connect_latency
        self.uri = f"file:simworld_db_{_db_counter}?mode=memory&cache=shared"
        self._keeper = self.connect()  # an in-memory database lives while one connection is open
        schema = rule.spec.get("schema")
        if schema:
            for stmt in split_statements(translate_pg(str(schema))):
                self._keeper.execute(stmt)
        rows = rule.spec.get("rows") or {}
        for table, table_rows in rows.items():
            for row in table_rows or []:
                if isinstance(row, dict):
                    cols = ", ".join(f'"{c}"' for c in row)
                    marks = ", ".join("?" for _ in row)
                    self._keeper.execute(f'INSERT INTO "{table}" ({cols}) VALUES ({marks})',
                                         [adapt_param(v) for v in row.values()])
                else:
                    marks = ", ".join("?" for _ in row)
                    self._keeper.execute(f'INSERT INTO "{table}" VALUES ({marks})', [adapt_param(v) for v in row])

    def connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.uri, uri=True, isolation_level=None, check_same_thread=False,
                               detect_types=sqlite3.PARSE_DECLTYPES)
        conn.execute("PRAGMA read_uncommitted = 1")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.create_function("sim_now", 0, _sim_now)
        return conn

    def log(self, detail):
        log("db", self.dsn.display, detail, self.fixture)

    def dispose(self):
        try:
            self._keeper.close()
        except Exception:
            pass


def adapt_param(v):
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, _dt.datetime):
        return v.isoformat(" ")
    if isinstance(v, (_dt.date, _dt.time)):
        return v.isoformat()
    if isinstance(v, decimal.Decimal):
        return str(v)
    if isinstance(v, uuid.UUID):
        return str(v)
    if isinstance(v, (dict, list)):
        return json.dumps(v)
    return v
