"""requests.sessions: Session, over the simulated web.

A request blocks its thread for `latency` seconds with time.sleep (virtual in the sandbox), so
sequential requests add up exactly as they would on a real network."""

import itertools

import netfaults
import simworld

from . import __version__
from .exceptions import ConnectionError, InvalidSchema, ReadTimeout, TooManyRedirects
from .models import PreparedRequest, Request, build_response
from .structures import CaseInsensitiveDict

from urllib3.exceptions import MaxRetryError, NameResolutionError, NewConnectionError, ProtocolError, ReadTimeoutError

__all__ = ("Session", "session", "default_headers")

_addresses = itertools.count()


def _reset():
    global _addresses
    _addresses = itertools.count()


simworld.on_reset(_reset)


def default_user_agent(name="python-requests"):
    return f"{name}/{__version__}"


def default_headers():
    return CaseInsensitiveDict({
        "User-Agent": default_user_agent(),
        "Accept-Encoding": "gzip, deflate",
        "Accept": "*/*",
        "Connection": "keep-alive",
    })


class _Pool:
    """Stands for urllib3's HTTP(S)ConnectionPool in error messages."""

    def __init__(self, scheme, host, port):
        self.scheme, self.host, self.port = scheme, host, port

    def __str__(self):
        name = "HTTPSConnectionPool" if self.scheme == "https" else "HTTPConnectionPool"
        return f"{name}(host={self.host!r}, port={self.port!r})"


class _Conn:
    """Stands for urllib3.connection.HTTP(S)Connection in error messages (deterministic address)."""

    def __init__(self, scheme):
        self.scheme = scheme
        self.addr = 0x7F3C2A1B5E50 + 0x130 * next(_addresses)

    def __repr__(self):
        name = "HTTPSConnection" if self.scheme == "https" else "HTTPConnection"
        return f"<urllib3.connection.{name} object at {self.addr:#x}>"

    __str__ = __repr__


def _timeouts(timeout):
    if timeout is None:
        return None, None
    if isinstance(timeout, tuple):
        try:
            connect, read = timeout
        except ValueError:
            raise ValueError(f"Invalid timeout {timeout}. Pass a (connect, read) timeout tuple, or a single "
                             "float to set both timeouts to the same value.") from None
        return connect, read
    return timeout, timeout


class Session:
    __attrs__ = ["headers", "cookies", "auth", "proxies", "hooks", "params", "verify", "cert", "adapters",
                 "stream", "trust_env", "max_redirects"]

    def __init__(self):
        self.headers = default_headers()
        self.auth = None
        self.proxies = {}
        self.hooks = {"response": []}
        self.params = {}
        self.stream = False
        self.verify = True
        self.cert = None
        self.max_redirects = 30
        self.trust_env = True
        self.cookies = {}
        self.adapters = {}

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def close(self):
        pass

    def mount(self, prefix, adapter):
        self.adapters[prefix] = adapter

    def get_adapter(self, url):
        from .adapters import HTTPAdapter
        for prefix, adapter in sorted(self.adapters.items(), key=lambda kv: -len(kv[0])):
            if url.lower().startswith(prefix.lower()):
                return adapter
        return HTTPAdapter()

    def prepare_request(self, request):
        headers = CaseInsensitiveDict(self.headers)
        for k, v in (request.headers or {}).items():
            if v is None:
                headers.pop(k, None)
            else:
                headers[k] = v
        params = dict(self.params)
        params.update(request.params or {})
        p = PreparedRequest()
        p.prepare(method=request.method.upper(), url=request.url, headers=headers, files=request.files,
                  data=request.data, json=request.json, params=params, auth=request.auth or self.auth)
        return p

    def request(self, method, url, params=None, data=None, headers=None, cookies=None, files=None, auth=None,
                timeout=None, allow_redirects=True, proxies=None, hooks=None, stream=None, verify=None,
                cert=None, json=None):
        req = Request(method=method.upper(), url=url, headers=headers, files=files, data=data or {}, json=json,
                      params=params or {}, auth=auth, cookies=cookies, hooks=hooks)
        prep = self.prepare_request(req)
        return self.send(prep, timeout=timeout, allow_redirects=allow_redirects)

    def get(self, url, params=None, **kwargs):
        kwargs.setdefault("allow_redirects", True)
        return self.request("GET", url, params=params, **kwargs)

    def options(self, url, **kwargs):
        kwargs.setdefault("allow_redirects", True)
        return self.request("OPTIONS", url, **kwargs)

    def head(self, url, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        return self.request("HEAD", url, **kwargs)

    def post(self, url, data=None, json=None, **kwargs):
        return self.request("POST", url, data=data, json=json, **kwargs)

    def put(self, url, data=None, **kwargs):
        return self.request("PUT", url, data=data, **kwargs)

    def patch(self, url, data=None, **kwargs):
        return self.request("PATCH", url, data=data, **kwargs)

    def delete(self, url, **kwargs):
        return self.request("DELETE", url, **kwargs)

    def send(self, request, *, timeout=None, allow_redirects=True, **kwargs):
        if not request.url.lower().startswith(("http://", "https://")):
            raise InvalidSchema(f"No connection adapters were found for {request.url!r}")
        adapter = self.get_adapter(request.url)
        history = []
        while True:
            resp = adapter.send(request, timeout=timeout)
            location = resp.headers.get("location") if resp.is_redirect else None
            if not (allow_redirects and location):
                break
            history.append(resp)
            if len(history) > self.max_redirects:
                raise TooManyRedirects(f"Exceeded {self.max_redirects} redirects.", response=resp)
            from urllib.parse import urljoin
            new = request.copy()
            new.url = urljoin(resp.url, location)
            if resp.status_code == 303 and new.method != "HEAD" or resp.status_code in (301, 302) and new.method == "POST":
                new.method = "GET"
                new.body = None
                for h in ("Content-Length", "Content-Type"):
                    new.headers.pop(h, None)
            request = new
        resp.history = history
        return resp


def session():
    return Session()


def _send(prep, timeout):
    """One simulated exchange: wait (time.sleep) and build the Response, or raise what
    requests raises for the fixture's fault."""
    connect_timeout, read_timeout = _timeouts(timeout)
    body = prep.body.encode("utf-8") if isinstance(prep.body, str) else (prep.body or b"")
    answer = simworld.http_answer(prep.method, prep.url, list(prep.headers.items()), body, client="requests")
    pool = _Pool(answer.scheme, answer.host, answer.port)
    path = prep.path_url
    outcome = netfaults.plan(answer, [(read_timeout, f"read timeout={read_timeout:g}" if read_timeout is not None
                                       else "", read_timeout)])
    netfaults.wait(answer, outcome)
    if outcome.kind in ("refused", "dns"):
        conn = _Conn(answer.scheme)
        if outcome.kind == "refused":
            reason = NewConnectionError(conn, "Failed to establish a new connection: [Errno 111] Connection refused")
        else:
            reason = NameResolutionError(answer.host, conn, "[Errno -2] Name or service not known")
        raise ConnectionError(MaxRetryError(pool, path, reason), request=prep)
    if outcome.kind == "timeout":
        raise ReadTimeout(ReadTimeoutError(pool, prep.url, f"Read timed out. (read timeout={read_timeout})"),
                          request=prep)
    if outcome.kind == "reset":
        from http.client import RemoteDisconnected
        err = ProtocolError("Connection aborted.", RemoteDisconnected("Remote end closed connection without response"))
        raise ConnectionError(err, request=prep)
    return build_response(prep, answer, outcome.wait)
