"""psycopg2.errors: one class per SQLSTATE (the commonly met subset), and lookup()."""

import re

from ._errors import (DatabaseError, DataError, IntegrityError, InternalError, OperationalError, ProgrammingError,
                      QueryCanceledError, TransactionRollbackError)


def _make(name, base, code):
    cls = type(name, (base,), {"__module__": "psycopg2.errors", "sqlstate": code})
    _by_code[code] = cls
    return cls


_by_code = {}
UndefinedTable = _make("UndefinedTable", ProgrammingError, "42P01")
UndefinedColumn = _make("UndefinedColumn", ProgrammingError, "42703")
SyntaxError = _make("SyntaxError", ProgrammingError, "42601")
DuplicateTable = _make("DuplicateTable", ProgrammingError, "42P07")
UndefinedFunction = _make("UndefinedFunction", ProgrammingError, "42883")
DatatypeMismatch = _make("DatatypeMismatch", ProgrammingError, "42804")
UniqueViolation = _make("UniqueViolation", IntegrityError, "23505")
NotNullViolation = _make("NotNullViolation", IntegrityError, "23502")
ForeignKeyViolation = _make("ForeignKeyViolation", IntegrityError, "23503")
CheckViolation = _make("CheckViolation", IntegrityError, "23514")
InFailedSqlTransaction = _make("InFailedSqlTransaction", InternalError, "25P02")
LockNotAvailable = _make("LockNotAvailable", OperationalError, "55P03")
DeadlockDetected = _make("DeadlockDetected", TransactionRollbackError, "40P01")
ProtocolViolation = _make("ProtocolViolation", OperationalError, "08P01")
InvalidPassword = _make("InvalidPassword", OperationalError, "28P01")
InvalidTextRepresentation = _make("InvalidTextRepresentation", DataError, "22P02")
DivisionByZero = _make("DivisionByZero", DataError, "22012")
QueryCanceled = _make("QueryCanceled", QueryCanceledError, "57014")
InternalError_ = _make("InternalError_", InternalError, "XX000")

_BY_KIND = {
    "UndefinedTable": UndefinedTable, "UndefinedColumn": UndefinedColumn, "Syntax": SyntaxError,
    "DuplicateTable": DuplicateTable, "UniqueViolation": UniqueViolation, "NotNullViolation": NotNullViolation,
    "ForeignKeyViolation": ForeignKeyViolation, "CheckViolation": CheckViolation, "Protocol": ProtocolViolation,
    "LockNotAvailable": LockNotAvailable, "InFailedSqlTransaction": InFailedSqlTransaction,
    "Internal": InternalError_,
}


def lookup(code):
    """Lookup an error code and return its exception class."""
    try:
        return _by_code[code]
    except KeyError:
        raise KeyError(f"unknown error code: {code}") from None


def _from_pg(err, cursor=None):
    # As libpq reports it: `pgerror` keeps the severity ("ERROR:  ..."), str(e) is without it.
    cls = _BY_KIND.get(err.kind, InternalError_)
    text = f"{err.message}\n" + (f"DETAIL:  {err.detail}\n" if err.detail else "")
    return cls(text, pgerror="ERROR:  " + text, pgcode=err.sqlstate, cursor=cursor)


def _locate(exc, query):
    """Add what PostgreSQL adds when it can point at the name it did not find: the query's line
    and a caret under the name (`LINE 1: SELECT * FROM nope` / `^`), after the first line."""
    m = re.match(r'(?:relation|column) "([^"]+)" does not exist', str(exc))
    found = m and re.search(r"(?<![\w.])" + re.escape(m.group(1).split(".")[-1]) + r"(?!\w)", query, re.IGNORECASE)
    if not found:
        return
    pos = found.start()
    start = query.rfind("\n", 0, pos) + 1
    end = query.find("\n", pos)
    prefix = f"LINE {query.count(chr(10), 0, pos) + 1}: "
    context = f"{prefix}{query[start:end if end >= 0 else None]}\n{' ' * (len(prefix) + pos - start)}^\n"
    first, _, rest = str(exc).partition("\n")
    text = f"{first}\n{context}{rest}"
    exc.args = (text,)
    exc.pgerror = "ERROR:  " + text


DatabaseError = DatabaseError
