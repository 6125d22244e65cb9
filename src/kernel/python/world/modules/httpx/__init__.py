"""Stand-in for httpx (the client FastAPI's TestClient is built on), answering from the
sandbox's simulated web. Client waits on its thread, AsyncClient in the event loop (netfaults, on
the sandbox's virtual clock). Defaults follow httpx 0.28: a 5 s timeout, redirects not followed."""

import datetime
import json as _json
from enum import IntEnum
from http import HTTPStatus
from urllib.parse import urlencode, urljoin, urlsplit

import netfaults
import simworld

__version__ = "0.28.1"
__all__ = ["AsyncClient", "Client", "Headers", "HTTPError", "HTTPStatusError", "Request", "RequestError", "Response",
           "Timeout", "TimeoutException", "ConnectError", "ConnectTimeout", "ReadTimeout", "TransportError",
           "NetworkError", "RemoteProtocolError", "TooManyRedirects", "URL", "get", "post", "put", "patch", "delete",
           "head", "options", "request", "codes"]


class HTTPError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self._request = None

    @property
    def request(self):
        if self._request is None:
            raise RuntimeError("The .request property has not been set.")
        return self._request

    @request.setter
    def request(self, request):
        self._request = request


class RequestError(HTTPError):
    def __init__(self, message, *, request=None):
        super().__init__(message)
        self._request = request


class TransportError(RequestError):
    pass


class TimeoutException(TransportError):
    pass


class ConnectTimeout(TimeoutException):
    pass


class ReadTimeout(TimeoutException):
    pass


class WriteTimeout(TimeoutException):
    pass


class PoolTimeout(TimeoutException):
    pass


class NetworkError(TransportError):
    pass


class ConnectError(NetworkError):
    pass


class ReadError(NetworkError):
    pass


class RemoteProtocolError(TransportError):
    pass


class TooManyRedirects(RequestError):
    pass


class InvalidURL(Exception):
    pass


class HTTPStatusError(HTTPError):
    def __init__(self, message, *, request, response):
        super().__init__(message)
        self.request = request
        self.response = response


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
codes = IntEnum("codes", [(_HTTPX_NAMES.get(_s.value, (_s.name,))[0], _s.value) for _s in HTTPStatus], module=__name__)
codes.__str__ = lambda self: str(self.value)
codes.get_reason_phrase = classmethod(lambda cls, value: _PHRASES.get(value, ""))
for _s in list(codes):
    setattr(codes, _s.name.lower(), int(_s))


class URL:
    def __init__(self, url=""):
        self._url = str(url)
        p = urlsplit(self._url)
        self.scheme, self.host, self.port = p.scheme, p.hostname or "", p.port
        self.path = p.path or "/"
        self.query = p.query.encode()
        self.fragment = p.fragment

    @property
    def params(self):
        from urllib.parse import parse_qsl
        return dict(parse_qsl(self.query.decode()))

    def join(self, url):
        return URL(urljoin(self._url, str(url)))

    def __str__(self):
        return self._url

    def __repr__(self):
        return f"URL('{self._url}')"

    def __eq__(self, other):
        return str(self) == str(other)

    def __hash__(self):
        return hash(self._url)


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


class Timeout:
    def __init__(self, timeout=5.0, *, connect=None, read=None, write=None, pool=None):
        if isinstance(timeout, Timeout):
            connect, read, write, pool = timeout.connect, timeout.read, timeout.write, timeout.pool
        elif isinstance(timeout, tuple):
            connect, read, write, pool = (tuple(timeout) + (None,) * 4)[:4]
        else:
            connect = timeout if connect is None else connect
            read = timeout if read is None else read
            write = timeout if write is None else write
            pool = timeout if pool is None else pool
        self.connect, self.read, self.write, self.pool = connect, read, write, pool

    def __repr__(self):
        if len({self.connect, self.read, self.write, self.pool}) == 1:
            return f"Timeout(timeout={self.connect})"
        return f"Timeout(connect={self.connect}, read={self.read}, write={self.write}, pool={self.pool})"


DEFAULT_TIMEOUT_CONFIG = Timeout(timeout=5.0)
_USER_AGENT = f"python-httpx/{__version__}"


def _plan(request):
    headers = [("Host", request.url.host), ("Accept", "*/*"), ("Accept-Encoding", "gzip, deflate"),
               ("Connection", "keep-alive"), ("User-Agent", _USER_AGENT)]
    have = {k.lower() for k, _ in headers}
    headers = [(k, v) for k, v in headers if k.lower() not in {h.lower() for h in request.headers.keys()}]
    headers += list(request.headers.raw_items())
    del have
    return simworld.http_answer(request.method, str(request.url), headers, request.content, client="httpx")


def _outcome(answer, timeout):
    read = timeout.read
    return netfaults.plan(answer, [(read, f"read timeout={read:g}" if read is not None else "", read)])


def _error(outcome, request, in_async=False):
    """The exception httpx raises for an outcome, or None. The async client's transport (httpcore
    over anyio) words two of them its own way: anyio's connect_tcp gives up with "All connection
    attempts failed", and its read timeout carries no message."""
    if outcome.kind == "refused":
        return ConnectError("All connection attempts failed" if in_async else "[Errno 111] Connection refused",
                            request=request)
    if outcome.kind == "dns":
        return ConnectError("[Errno -2] Name or service not known", request=request)
    if outcome.kind == "timeout":
        return ReadTimeout("" if in_async else "The read operation timed out", request=request)
    if outcome.kind == "reset":
        return RemoteProtocolError("Server disconnected without sending a response.", request=request)
    return None


def _response(answer, request, elapsed):
    return Response(answer.status, headers=answer.headers, content=answer.body, request=request, elapsed=elapsed)


class _Transport:
    """Where a Client's requests go: the simulated network. FastAPI's TestClient gives its Client
    a subclass that calls the app in-process instead, as the real TestClient hands httpx a
    transport. Kept private: a snippet's own transports are still refused (see _BaseClient)."""

    def send(self, request, timeout):
        """The response to `request`, and the absolute URL it redirects to (or None)."""
        answer = _plan(request)
        outcome = _outcome(answer, timeout)
        netfaults.wait(answer, outcome)
        exc = _error(outcome, request)
        if exc is not None:
            raise exc
        return _response(answer, request, outcome.wait), simworld.redirect_target(answer)


class _BaseClient:
    def __init__(self, *, auth=None, params=None, headers=None, cookies=None, verify=True, cert=None, http1=True,
                 http2=False, proxy=None, mounts=None, timeout=DEFAULT_TIMEOUT_CONFIG, follow_redirects=False,
                 limits=None, max_redirects=20, event_hooks=None, base_url="", transport=None, trust_env=True,
                 default_encoding="utf-8", app=None):
        if app is not None or transport is not None:
            raise simworld.SimulationError(
                "httpx: custom transports and app= are not available in this sandbox; use "
                "fastapi.testclient.TestClient to call an app in-process")
        self.headers = Headers(headers or {})
        self.params = dict(params or {})
        self.timeout = Timeout(timeout) if timeout is not None else Timeout(None)
        self.follow_redirects = follow_redirects
        self.max_redirects = max_redirects
        self.base_url = URL(base_url) if base_url else None
        self.is_closed = False

    def build_request(self, method, url, *, params=None, headers=None, content=None, data=None, json=None,
                      **kwargs):
        url = str(url)
        if self.base_url is not None and "://" not in url:
            url = str(self.base_url).rstrip("/") + "/" + url.lstrip("/")
        merged = dict(self.params)
        merged.update(params or {})
        hdrs = dict(self.headers.raw_items())
        hdrs.update(headers or {})
        return Request(method, url, params=merged or None, headers=hdrs, content=content, data=data, json=json)

    def _timeout_for(self, timeout):
        if timeout == "__default__":
            return self.timeout
        return Timeout(timeout) if timeout is not None else Timeout(None)


class Client(_BaseClient):
    def __init__(self, *, transport=None, **kwargs):
        own = isinstance(transport, _Transport)
        super().__init__(transport=None if own else transport, **kwargs)
        self._transport = transport if own else _Transport()

    def request(self, method, url, *, params=None, headers=None, content=None, data=None, json=None,
                follow_redirects="__default__", timeout="__default__", **kwargs):
        if self.is_closed:
            raise RuntimeError("Cannot send a request, as the client has been closed.")
        request = self.build_request(method, url, params=params, headers=headers, content=content, data=data,
                                     json=json)
        timeout = self._timeout_for(timeout)
        follow = self.follow_redirects if follow_redirects == "__default__" else follow_redirects
        history = []
        while True:
            resp, loc = self._transport.send(request, timeout)
            if loc and not follow:
                resp.next_request = Request("GET" if resp.status_code == 303 else request.method, loc,
                                            headers=dict(self.headers.raw_items()))
            if follow and loc:
                history.append(resp)
                if len(history) > self.max_redirects:
                    raise TooManyRedirects("Exceeded maximum allowed redirects.", request=request)
                method = "GET" if resp.status_code == 303 else request.method
                request = Request(method, loc, headers=dict(self.headers.raw_items()))
                continue
            resp.history = history
            return resp

    def get(self, url, **kw):
        return self.request("GET", url, **kw)

    def post(self, url, **kw):
        return self.request("POST", url, **kw)

    def put(self, url, **kw):
        return self.request("PUT", url, **kw)

    def patch(self, url, **kw):
        return self.request("PATCH", url, **kw)

    def delete(self, url, **kw):
        return self.request("DELETE", url, **kw)

    def head(self, url, **kw):
        return self.request("HEAD", url, **kw)

    def options(self, url, **kw):
        return self.request("OPTIONS", url, **kw)

    def close(self):
        self.is_closed = True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class AsyncClient(_BaseClient):
    async def request(self, method, url, *, params=None, headers=None, content=None, data=None, json=None,
                      follow_redirects="__default__", timeout="__default__", **kwargs):
        if self.is_closed:
            raise RuntimeError("Cannot send a request, as the client has been closed.")
        request = self.build_request(method, url, params=params, headers=headers, content=content, data=data,
                                     json=json)
        timeout = self._timeout_for(timeout)
        follow = self.follow_redirects if follow_redirects == "__default__" else follow_redirects
        history = []
        while True:
            answer = _plan(request)
            outcome = _outcome(answer, timeout)
            await netfaults.wait_async(answer, outcome)
            exc = _error(outcome, request, in_async=True)
            if exc is not None:
                raise exc
            resp = _response(answer, request, outcome.wait)
            loc = simworld.redirect_target(answer)
            if loc and not follow:
                resp.next_request = Request("GET" if resp.status_code == 303 else request.method, loc,
                                            headers=dict(self.headers.raw_items()))
            if follow and loc:
                history.append(resp)
                if len(history) > self.max_redirects:
                    raise TooManyRedirects("Exceeded maximum allowed redirects.", request=request)
                method = "GET" if resp.status_code == 303 else request.method
                request = Request(method, loc, headers=dict(self.headers.raw_items()))
                continue
            resp.history = history
            return resp

    async def get(self, url, **kw):
        return await self.request("GET", url, **kw)

    async def post(self, url, **kw):
        return await self.request("POST", url, **kw)

    async def put(self, url, **kw):
        return await self.request("PUT", url, **kw)

    async def patch(self, url, **kw):
        return await self.request("PATCH", url, **kw)

    async def delete(self, url, **kw):
        return await self.request("DELETE", url, **kw)

    async def head(self, url, **kw):
        return await self.request("HEAD", url, **kw)

    async def options(self, url, **kw):
        return await self.request("OPTIONS", url, **kw)

    async def aclose(self):
        self.is_closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.aclose()


def request(method, url, *, params=None, content=None, data=None, json=None, headers=None, timeout=DEFAULT_TIMEOUT_CONFIG,
            follow_redirects=False, **kwargs):
    with Client(timeout=timeout) as client:
        return client.request(method, url, params=params, content=content, data=data, json=json, headers=headers,
                              follow_redirects=follow_redirects)


def get(url, **kw):
    return request("GET", url, **kw)


def post(url, **kw):
    return request("POST", url, **kw)


def put(url, **kw):
    return request("PUT", url, **kw)


def patch(url, **kw):
    return request("PATCH", url, **kw)


def delete(url, **kw):
    return request("DELETE", url, **kw)


def head(url, **kw):
    return request("HEAD", url, **kw)


def options(url, **kw):
    return request("OPTIONS", url, **kw)
