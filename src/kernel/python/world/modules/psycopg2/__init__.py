"""Stand-in for psycopg2, backed by the sandbox's simulated database (in-memory sqlite seeded
from the fixture; see content/fixtures/README.md for the SQL that works). The DB-API surface,
%s / %(name)s parameters, transactions and exceptions follow psycopg2 2.9."""

from . import errors, extensions  # noqa: F401
from ._core import connect  # noqa: F401
from ._errors import (DatabaseError, DataError, Error, IntegrityError, InterfaceError, InternalError,  # noqa: F401
                      NotSupportedError, OperationalError, ProgrammingError, Warning)

__version__ = "2.9.11 (dt dec pq3 ext lo64)"
__libpq_version__ = 160004
apilevel = "2.0"
threadsafety = 2
paramstyle = "pyformat"

import datetime as _dt  # noqa: E402

Date = _dt.date
Time = _dt.time
Timestamp = _dt.datetime
Binary = bytes
STRING = str
BINARY = bytes
NUMBER = float
DATETIME = _dt.datetime
ROWID = int


def DateFromTicks(ticks):
    return _dt.date.fromtimestamp(ticks)


def TimestampFromTicks(ticks):
    return _dt.datetime.fromtimestamp(ticks)
