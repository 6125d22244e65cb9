"""psycopg2.extensions: the connection and cursor classes, constants and adaptation hooks."""

from ._core import (ISOLATION_LEVEL_AUTOCOMMIT, STATUS_BEGIN, STATUS_READY, Column, connection, cursor,  # noqa: F401
                    quote_literal)
from ._errors import QueryCanceledError, TransactionRollbackError  # noqa: F401

ISOLATION_LEVEL_READ_UNCOMMITTED = 4
ISOLATION_LEVEL_READ_COMMITTED = 1
ISOLATION_LEVEL_REPEATABLE_READ = 2
ISOLATION_LEVEL_SERIALIZABLE = 3
ISOLATION_LEVEL_DEFAULT = None
TRANSACTION_STATUS_IDLE = 0
TRANSACTION_STATUS_ACTIVE = 1
TRANSACTION_STATUS_INTRANS = 2
TRANSACTION_STATUS_INERROR = 3
TRANSACTION_STATUS_UNKNOWN = 4
STATUS_IN_TRANSACTION = STATUS_BEGIN

_adapters = {}


class AsIs:
    def __init__(self, obj):
        self.adapted = obj

    def getquoted(self):
        return str(self.adapted).encode()


class QuotedString:
    def __init__(self, s):
        self.adapted = s

    def getquoted(self):
        return quote_literal(str(self.adapted)).encode()


def adapt(obj):
    if type(obj) in _adapters:
        return _adapters[type(obj)](obj)
    return AsIs(quote_literal(obj))


def register_adapter(typ, callable):
    _adapters[typ] = callable


def register_type(*args, **kwargs):
    pass


def new_type(*args, **kwargs):
    return None
