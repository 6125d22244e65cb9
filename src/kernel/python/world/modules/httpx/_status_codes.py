"""`httpx.codes`."""

from enum import IntEnum
from http import HTTPStatus

# An IntEnum, as httpx's: `codes(404).name`, `codes.NOT_FOUND == 404`, printed as the bare number,
# with lower-case aliases as plain ints "for requests compatibility".
# httpx's own table is http.HTTPStatus before Python 3.13 renamed five codes (RFC 9110), except
# 418's phrase; httpx kept the older names and phrases.
_HTTPX_NAMES = {413: ("REQUEST_ENTITY_TOO_LARGE", "Request Entity Too Large"),
                414: ("REQUEST_URI_TOO_LONG", "Request-URI Too Long"),
                416: ("REQUESTED_RANGE_NOT_SATISFIABLE", "Requested Range Not Satisfiable"),
                418: ("IM_A_TEAPOT", "I'm a teapot"),
                422: ("UNPROCESSABLE_ENTITY", "Unprocessable Entity")}
_PHRASES = {_s.value: _HTTPX_NAMES.get(_s.value, (_s.name, _s.phrase))[1] for _s in HTTPStatus}
codes = IntEnum("codes", [(_HTTPX_NAMES.get(_s.value, (_s.name,))[0], _s.value) for _s in HTTPStatus], module="httpx")
codes.__str__ = lambda self: str(self.value)
codes.get_reason_phrase = classmethod(lambda cls, value: _PHRASES.get(value, ""))
for _s in list(codes):
    setattr(codes, _s.name.lower(), int(_s))
