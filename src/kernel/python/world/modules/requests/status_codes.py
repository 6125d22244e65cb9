"""requests.codes: status code lookup by name (codes.ok == 200, codes.not_found == 404, ...)."""

from http import HTTPStatus

from .structures import LookupDict

codes = LookupDict(name="status_codes")
for _s in HTTPStatus:
    _name = _s.phrase.lower().replace(" ", "_").replace("-", "_").replace("'", "")
    for _n in {_name, _s.name.lower()}:
        setattr(codes, _n, _s.value)
        setattr(codes, _n.upper(), _s.value)
codes.ok = 200
codes.OK = 200
codes.all_ok = 200
codes.teapot = 418
codes.server_error = 500
codes.timeout = 408
codes.not_allowed = 405
codes.bad = 400
codes.found = 302
codes.moved = 301
