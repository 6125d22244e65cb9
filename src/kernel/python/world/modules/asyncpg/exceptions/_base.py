"""asyncpg.exceptions._base: the roots of asyncpg's exception hierarchy."""

__all__ = ("PostgresError", "FatalPostgresError", "UnknownPostgresError", "InterfaceError", "InterfaceWarning",
           "PostgresLogMessage", "ClientConfigurationError", "InternalClientError", "OutdatedSchemaCacheError",
           "ProtocolError", "UnsupportedClientFeatureError", "TargetServerAttributeNotMatched",
           "UnsupportedServerFeatureError", "DataError")


class PostgresMessage:
    sqlstate = None
    severity = None
    detail = None
    hint = None
    position = None
    schema_name = None
    table_name = None
    column_name = None
    constraint_name = None

    def as_dict(self):
        return {k: getattr(self, k) for k in ("sqlstate", "severity", "detail", "hint", "position", "schema_name",
                                               "table_name", "column_name", "constraint_name")
                if getattr(self, k) is not None}


class PostgresError(PostgresMessage, Exception):
    """Base class for all Postgres errors."""

    def __str__(self):
        msg = self.args[0]
        if self.detail:
            msg += "\nDETAIL:  {}".format(self.detail)
        if self.hint:
            msg += "\nHINT:  {}".format(self.hint)
        return msg


class FatalPostgresError(PostgresError):
    """A fatal error that should result in server disconnection."""


class UnknownPostgresError(FatalPostgresError):
    """An error with an unknown SQLSTATE code."""


class InterfaceMessage:
    def __init__(self, *, detail=None, hint=None):
        self.detail = detail
        self.hint = hint

    def __str__(self):
        msg = self.args[0]
        if self.detail:
            msg += "\nDETAIL:  {}".format(self.detail)
        if self.hint:
            msg += "\nHINT:  {}".format(self.hint)
        return msg


class InterfaceError(InterfaceMessage, Exception):
    """An error caused by improper use of asyncpg API."""

    def __init__(self, msg, *, detail=None, hint=None):
        InterfaceMessage.__init__(self, detail=detail, hint=hint)
        Exception.__init__(self, msg)


class ClientConfigurationError(InterfaceError, ValueError):
    """An error caused by improper client configuration."""


class DataError(InterfaceError, ValueError):
    """An error caused by invalid query input."""


class UnsupportedClientFeatureError(InterfaceError):
    """Requested feature is unsupported by asyncpg."""


class UnsupportedServerFeatureError(InterfaceError):
    """Requested feature is unsupported by PostgreSQL server."""


class InterfaceWarning(InterfaceMessage, UserWarning):
    """A warning caused by an improper use of asyncpg API."""

    def __init__(self, msg, *, detail=None, hint=None):
        InterfaceMessage.__init__(self, detail=detail, hint=hint)
        UserWarning.__init__(self, msg)


class InternalClientError(Exception):
    """All unexpected errors not classified otherwise."""


class ProtocolError(InternalClientError):
    """Unexpected condition in the handling of PostgreSQL protocol input."""


class TargetServerAttributeNotMatched(InternalClientError):
    """Could not find a host that satisfies the target attribute requirement"""


class OutdatedSchemaCacheError(InternalClientError):
    """A value decoding error caused by a schema change before row fetching."""


class PostgresLogMessage(PostgresMessage):
    """A base class for non-error server messages."""
