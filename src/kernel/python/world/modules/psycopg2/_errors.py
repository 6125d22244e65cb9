"""psycopg2's DB-API exception classes (psycopg2.Error and subclasses)."""


class Warning(Exception):
    __module__ = "psycopg2"


class Error(Exception):
    __module__ = "psycopg2"
    pgerror = None
    pgcode = None
    cursor = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args)
        self.pgerror = kwargs.get("pgerror")
        self.pgcode = kwargs.get("pgcode")
        self.cursor = kwargs.get("cursor")

    @property
    def diag(self):
        return Diagnostics(self)


class Diagnostics:
    def __init__(self, exc):
        self.sqlstate = exc.pgcode
        self.message_primary = (exc.pgerror or "").split("\n")[0] or None
        self.severity = "ERROR" if exc.pgcode else None
        self.message_detail = None
        self.message_hint = None


class InterfaceError(Error):
    __module__ = "psycopg2"


class DatabaseError(Error):
    __module__ = "psycopg2"


class DataError(DatabaseError):
    __module__ = "psycopg2"


class OperationalError(DatabaseError):
    __module__ = "psycopg2"


class IntegrityError(DatabaseError):
    __module__ = "psycopg2"


class InternalError(DatabaseError):
    __module__ = "psycopg2"


class ProgrammingError(DatabaseError):
    __module__ = "psycopg2"


class NotSupportedError(DatabaseError):
    __module__ = "psycopg2"


class QueryCanceledError(OperationalError):
    __module__ = "psycopg2.extensions"


class TransactionRollbackError(OperationalError):
    __module__ = "psycopg2.extensions"
