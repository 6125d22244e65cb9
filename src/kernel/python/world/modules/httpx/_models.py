"""Headers, requests and responses."""

import datetime
import json as _json
from urllib.parse import urlencode

from ._exceptions import HTTPStatusError
from ._status_codes import codes
from ._urls import URL


class Headers(dict):
    """Case-insensitive headers (lookups ignore case; items keep the received case)."""

    def __init__(self, headers=None):
        super().__init__()
        self._raw = []
        items = headers.items() if hasattr(headers, "items") else (headers or [])
        for k, v in items:
            self[k] = v

    def __setitem__(self, key, value):
        self._raw = [(k, v) for k, v in self._raw if k.lower() != key.lower()] + [(key, value)]
        super().__setitem__(key.lower(), value)

    def __getitem__(self, key):
        return super().__getitem__(key.lower())

    def __contains__(self, key):
        return super().__contains__(key.lower())

    def get(self, key, default=None):
        return super().get(key.lower(), default)

    def keys(self):
        return [k.lower() for k, _ in self._raw]

    def items(self):
        return [(k.lower(), v) for k, v in self._raw]

    def multi_items(self):
        return self.items()

    def raw_items(self):
        return list(self._raw)

    def __iter__(self):
        return iter(self.keys())

    def __repr__(self):
        return f"Headers({dict(self.items())!r})"


class Request:
    def __init__(self, method, url, *, params=None, headers=None, content=None, data=None, json=None):
        self.method = method.upper()
        url = str(url)
        if params:
            url += ("&" if "?" in url else "?") + urlencode(params, doseq=True)
        self.url = URL(url)
        self.headers = Headers(headers or {})
        if json is not None:
            content = _json.dumps(json, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()
            self.headers["Content-Type"] = "application/json"
        elif data is not None:
            content = urlencode(data, doseq=True).encode() if isinstance(data, dict) else data
            if isinstance(data, dict):
                self.headers["Content-Type"] = "application/x-www-form-urlencoded"
        if isinstance(content, str):
            content = content.encode()
        self.content = content or b""
        if self.content:
            self.headers["Content-Length"] = str(len(self.content))

    def read(self):
        return self.content

    def __repr__(self):
        return f"<Request({self.method!r}, '{self.url}')>"


class Response:
    def __init__(self, status_code, *, headers=None, content=None, text=None, json=None, request=None,
                 history=None, elapsed=0.0):
        self.status_code = status_code
        self.headers = Headers(headers or {})
        if json is not None:
            content = _json.dumps(json).encode()
        elif text is not None:
            content = text.encode()
        self._content = content or b""
        self._request = request
        self.history = list(history or [])
        self.elapsed = datetime.timedelta(seconds=elapsed)
        self.http_version = "HTTP/1.1"
        self.extensions = {}

    @property
    def request(self):
        if self._request is None:
            raise RuntimeError("The request instance has not been set on this response.")
        return self._request

    @property
    def url(self):
        return self.request.url

    @property
    def reason_phrase(self):
        return codes.get_reason_phrase(self.status_code)

    @property
    def content(self):
        return self._content

    def read(self):
        return self._content

    async def aread(self):
        return self._content

    @property
    def encoding(self):
        ctype = self.headers.get("content-type", "")
        if "charset=" in ctype:
            return ctype.split("charset=", 1)[1].split(";")[0].strip().strip('"')
        return "utf-8"

    @property
    def charset_encoding(self):
        ctype = self.headers.get("content-type", "")
        return ctype.split("charset=", 1)[1].split(";")[0].strip() if "charset=" in ctype else None

    @property
    def text(self):
        return self._content.decode(self.encoding, errors="replace")

    def json(self, **kwargs):
        return _json.loads(self._content, **kwargs)

    @property
    def is_informational(self):
        return 100 <= self.status_code < 200

    @property
    def is_success(self):
        return 200 <= self.status_code < 300

    @property
    def is_redirect(self):
        return self.status_code in (301, 302, 303, 307, 308) and "location" in self.headers

    @property
    def is_client_error(self):
        return 400 <= self.status_code < 500

    @property
    def is_server_error(self):
        return 500 <= self.status_code < 600

    @property
    def is_error(self):
        return 400 <= self.status_code < 600

    @property
    def has_redirect_location(self):
        return self.is_redirect

    # The request a redirect that was not followed would make next (set by the client).
    next_request = None

    @property
    def cookies(self):
        return {}

    def iter_bytes(self, chunk_size=None):
        step = chunk_size or len(self._content) or 1
        for i in range(0, len(self._content), step):
            yield self._content[i:i + step]

    def iter_text(self, chunk_size=None):
        yield self.text

    def iter_lines(self):
        yield from self.text.splitlines()

    async def aiter_bytes(self, chunk_size=None):
        for c in self.iter_bytes(chunk_size):
            yield c

    async def aiter_lines(self):
        for line in self.iter_lines():
            yield line

    def raise_for_status(self):
        request = self._request
        if request is None:
            raise RuntimeError("Cannot call `raise_for_status` as the request instance has not been set on this "
                               "response.")
        if self.is_success:
            return self
        if self.has_redirect_location:
            message = ("{error_type} '{0.status_code} {0.reason_phrase}' for url '{0.url}'\n"
                       "Redirect location: '{0.headers[location]}'\n"
                       "For more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/"
                       "{0.status_code}")
        else:
            message = ("{error_type} '{0.status_code} {0.reason_phrase}' for url '{0.url}'\n"
                       "For more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/"
                       "{0.status_code}")
        status_class = self.status_code // 100
        error_types = {1: "Informational response", 3: "Redirect response", 4: "Client error", 5: "Server error"}
        error_type = error_types.get(status_class, "Invalid status code")
        raise HTTPStatusError(message.format(self, error_type=error_type), request=request, response=self)

    def close(self):
        pass

    async def aclose(self):
        pass

    def __repr__(self):
        return f"<Response [{self.status_code} {self.reason_phrase}]>"
