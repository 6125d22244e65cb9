"""urllib3's exception classes (the subset requests wraps), with their real messages."""


class HTTPError(Exception):
    """Base exception used by this module."""


class PoolError(HTTPError):
    def __init__(self, pool, message):
        self.pool = pool
        super().__init__(f"{pool}: {message}")


class RequestError(PoolError):
    def __init__(self, pool, url, message):
        self.url = url
        super().__init__(pool, message)


class MaxRetryError(RequestError):
    def __init__(self, pool, url, reason=None):
        self.reason = reason
        message = f"Max retries exceeded with url: {url} (Caused by {reason!r})"
        super().__init__(pool, url, message)


class TimeoutError(HTTPError):
    pass


class ReadTimeoutError(TimeoutError, RequestError):
    pass


class ConnectTimeoutError(TimeoutError):
    pass


class NewConnectionError(ConnectTimeoutError, HTTPError):
    def __init__(self, conn, message):
        self.conn = conn
        HTTPError.__init__(self, f"{conn}: {message}")


class NameResolutionError(NewConnectionError):
    def __init__(self, host, conn, reason):
        message = f"Failed to resolve '{host}' ({reason})"
        super().__init__(conn, message)


class ProtocolError(HTTPError):
    pass


class ResponseError(HTTPError):
    pass


class LocationValueError(ValueError, HTTPError):
    pass
