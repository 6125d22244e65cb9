"""fastapi.exceptions: HTTPException and RequestValidationError."""

from http import HTTPStatus


class HTTPException(Exception):
    """An HTTP exception you can raise in your own code to show errors to the client."""

    def __init__(self, status_code, detail=None, headers=None):
        if detail is None:
            detail = HTTPStatus(status_code).phrase
        self.status_code = status_code
        self.detail = detail
        self.headers = headers

    def __str__(self):
        return f"{self.status_code}: {self.detail}"

    def __repr__(self):
        return f"{self.__class__.__name__}(status_code={self.status_code!r}, detail={self.detail!r})"


class RequestValidationError(ValueError):
    def __init__(self, errors, *, body=None):
        super().__init__(errors)
        self._errors = errors
        self.body = body

    def errors(self):
        return self._errors

    def __str__(self):
        return f"{len(self._errors)} validation error{'s' if len(self._errors) != 1 else ''}:\n" + "\n".join(
            f"  {e}" for e in self._errors)


class WebSocketException(Exception):
    def __init__(self, code, reason=None):
        self.code, self.reason = code, reason
