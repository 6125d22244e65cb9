"""fastapi.status: HTTP status code constants (HTTP_200_OK, HTTP_404_NOT_FOUND, ...)."""

from http import HTTPStatus as _S

for _s in _S:
    globals()[f"HTTP_{_s.value}_{_s.name}"] = _s.value
HTTP_422_UNPROCESSABLE_ENTITY = 422
HTTP_422_UNPROCESSABLE_CONTENT = 422
HTTP_413_REQUEST_ENTITY_TOO_LARGE = 413
HTTP_414_REQUEST_URI_TOO_LONG = 414
HTTP_416_REQUESTED_RANGE_NOT_SATISFIABLE = 416
