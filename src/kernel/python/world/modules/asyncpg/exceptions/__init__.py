"""asyncpg.exceptions: PostgreSQL errors by SQLSTATE class (the commonly met subset)."""

import re

from ._base import *  # noqa: F401,F403

from . import _base


class PostgresWarning(_base.PostgresLogMessage, Warning):
    sqlstate = "01000"


class ConnectionDoesNotExistError(_base.PostgresError):
    sqlstate = "08003"


class PostgresConnectionError(_base.PostgresError):
    sqlstate = "08000"


class ProtocolViolationError(PostgresConnectionError):
    sqlstate = "08P01"


class InvalidAuthorizationSpecificationError(_base.PostgresError):
    sqlstate = "28000"


class InvalidPasswordError(InvalidAuthorizationSpecificationError):
    sqlstate = "28P01"


class InvalidTransactionStateError(_base.PostgresError):
    sqlstate = "25000"


class InFailedSQLTransactionError(InvalidTransactionStateError):
    sqlstate = "25P02"


class IntegrityConstraintViolationError(_base.PostgresError):
    sqlstate = "23000"


class NotNullViolationError(IntegrityConstraintViolationError):
    sqlstate = "23502"


class ForeignKeyViolationError(IntegrityConstraintViolationError):
    sqlstate = "23503"


class UniqueViolationError(IntegrityConstraintViolationError):
    sqlstate = "23505"


class CheckViolationError(IntegrityConstraintViolationError):
    sqlstate = "23514"


class DataError(_base.PostgresError):
    sqlstate = "22000"


class InvalidTextRepresentationError(DataError):
    sqlstate = "22P02"


class DivisionByZeroError(DataError):
    sqlstate = "22012"


class SyntaxOrAccessError(_base.PostgresError):
    sqlstate = "42000"


class PostgresSyntaxError(SyntaxOrAccessError):
    sqlstate = "42601"


class UndefinedColumnError(SyntaxOrAccessError):
    sqlstate = "42703"


class UndefinedTableError(SyntaxOrAccessError):
    sqlstate = "42P01"


class UndefinedFunctionError(SyntaxOrAccessError):
    sqlstate = "42883"


class DuplicateTableError(SyntaxOrAccessError):
    sqlstate = "42P07"


class DatatypeMismatchError(SyntaxOrAccessError):
    sqlstate = "42804"


class ObjectNotInPrerequisiteStateError(_base.PostgresError):
    sqlstate = "55000"


class LockNotAvailableError(ObjectNotInPrerequisiteStateError):
    sqlstate = "55P03"


class TransactionRollbackError(_base.PostgresError):
    sqlstate = "40000"


class DeadlockDetectedError(TransactionRollbackError):
    sqlstate = "40P01"


class QueryCanceledError(_base.PostgresError):
    sqlstate = "57014"


class InternalServerError(_base.PostgresError):
    sqlstate = "XX000"


_BY_KIND = {
    "UndefinedTable": UndefinedTableError,
    "UndefinedColumn": UndefinedColumnError,
    "Syntax": PostgresSyntaxError,
    "DuplicateTable": DuplicateTableError,
    "UniqueViolation": UniqueViolationError,
    "NotNullViolation": NotNullViolationError,
    "ForeignKeyViolation": ForeignKeyViolationError,
    "CheckViolation": CheckViolationError,
    "Protocol": ProtocolViolationError,
    "LockNotAvailable": LockNotAvailableError,
    "InFailedSqlTransaction": InFailedSQLTransactionError,
    "Internal": InternalServerError,
}


def _from_pg(err):
    cls = _BY_KIND.get(err.kind, InternalServerError)
    exc = cls(err.message)
    exc.severity = "ERROR"
    exc.detail = err.detail
    # PostgreSQL names the constraint, the table and the column of a violation in fields of their own.
    m = re.search(r'(?:unique|check) constraint "([^"]+)"', err.message)
    if m:
        exc.constraint_name = m.group(1)
    return exc


__all__ = [n for n in dict(globals()) if n.endswith(("Error", "Warning")) and not n.startswith("_")]
