"""The simulated I/O world behind the stand-in libraries (aiohttp, requests, asyncpg, ...).

Snippets run offline and on a virtual clock, so every network or database call is answered
here, from declarative fixtures (YAML documents the kernel parses and hands to `configure`).
The stand-in packages in `modules/` only translate between a library's public API and the
three services below; everything a reader might want to change lives in the fixtures:

- HTTP: `http_answer()` matches a request against the fixture routes (later fixture files
  first) and returns an `Answer`: a response, or a fault (timeout, refused, dns, reset).
  Clients wait `answer.latency` themselves, with `asyncio.sleep` (async libraries) or
  `time.sleep` (blocking ones), so overlap on the kernel's virtual clock comes out right.
- Databases: `open_database()` matches a DSN against the fixture databases and returns a
  `SimDatabase`, an in-memory sqlite database seeded from the fixture and shared by every
  connection to the same DSN. `translate_pg()` and `run_statement()` make PostgreSQL-style
  SQL run on sqlite and report results the way PostgreSQL would.
- Files: fixture files are written into the sandbox's (in-memory) file system at configure
  time; the stand-ins use the ordinary `open`.

Every simulated call is written to a usage log (`take_usage()`), which the kernel shows to
readers so nobody mistakes a simulated answer for a live one.

Only the standard library is used; there are no sockets, threads or random numbers here, and
time is read and spent only through `time.time()`, `time.sleep()` and `asyncio.sleep()`, which
the kernel virtualises.

The package is split along those seams, one job per module: `state` (the shared state, the
usage log, SimulationError), `fixtures` (configure), `files`, `routes` (matching a request to a
fixture route), `http` (building the answer), `db` (DSNs and the sqlite-backed databases) and
`sql` (PostgreSQL spellings on sqlite). Everything is used through this package
(`simworld.http_answer`, `from simworld import SimulationError`), never through a module.
"""

from __future__ import annotations

import sys
import types

from . import db as _db
from . import routes as _routes
from .db import (
    _DB_KEYS,
    DatabaseUnavailable,
    DbRule,
    Dsn,
    SimDatabase,
    _register_converters,
    _sim_now,
    adapt_param,
    open_database,
    parse_dsn,
)
from .files import _file_content, _norm_path, file_latency, file_rule
from .fixtures import _TOP_LEVEL_KEYS, configure
from .http import Answer, _address_for, _echo, _number, _substitute, http_answer, redirect_target
from .routes import (
    _CAPTURE_RE,
    _ECHO_FIELDS,
    _FAULT_KINDS,
    _HTTP_KEYS,
    HttpRule,
    _default_port,
    _pattern_to_regex,
    _read_body_file,
    normalize_url,
)
from .sql import (
    _FIRST_WORDS_RE,
    _TOKEN_RE,
    LOCK_POLL,
    LOCK_TIMEOUT,
    Locked,
    PgError,
    Result,
    count_dollar_params,
    is_write,
    pg_error,
    run_statement,
    split_statements,
    statement_kind,
    translate_pg,
)
from .state import SimulationError, _check_keys, _reset_hooks, _State, _state, log, on_reset, take_usage

__all__ = [
    "Answer",
    "SimDatabase",
    "SimulationError",
    "configure",
    "file_latency",
    "file_rule",
    "http_answer",
    "log",
    "open_database",
    "take_usage",
]

# Module globals their own module rebinds: a copy here would go stale, so reading or setting
# `simworld.<name>` reaches the one in its home module.
_REBOUND = {"_db_counter": _db, "_converters_registered": _db, "fixture_root": _routes}


class _Package(types.ModuleType):
    def __getattr__(self, name):
        home = _REBOUND.get(name)
        if home is None:
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
        return getattr(home, name)

    def __setattr__(self, name, value):
        home = _REBOUND.get(name)
        if home is not None:
            setattr(home, name, value)
        else:
            super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
