"""Stand-in for asyncpg, backed by the sandbox's simulated database (in-memory sqlite seeded
from the fixture; see content/fixtures/README.md for the SQL that works). Names, signatures,
Record behaviour and exceptions follow asyncpg 0.30."""

__version__ = "0.30.0"

from . import exceptions  # noqa: E402
from .connection import Connection, connect  # noqa: E402
from .exceptions import *  # noqa: E402,F401,F403
from .exceptions._base import InterfaceError, InterfaceWarning, PostgresError  # noqa: E402,F401
from .pool import Pool, create_pool  # noqa: E402
from .record import Record  # noqa: E402
from .transaction import Transaction  # noqa: E402

__all__ = ("connect", "create_pool", "Pool", "Record", "Connection", "Transaction", "exceptions") + tuple(
    exceptions.__all__)
