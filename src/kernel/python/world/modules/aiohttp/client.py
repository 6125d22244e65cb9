"""ClientSession and friends over the simulated web (see simworld.http_answer).

A request waits `latency` seconds of (virtual) time with asyncio.sleep, so requests issued
together overlap exactly as they would on a real network. Timeouts are decided up front from
the fixture's latency and the ClientTimeout in force, so a request that would time out waits
exactly as long as the timeout and then raises what aiohttp raises."""

import asyncio
import json as _json
import sys
import warnings
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Optional
from urllib.parse import urlencode

from multidict import CIMultiDict, CIMultiDictProxy
from yarl import URL

import netfaults
import simworld

from . import __version__
from .client_exceptions import (
    ClientConnectorDNSError,
    ClientConnectorError,
    InvalidUrlClientError,
    NonHttpUrlClientError,
    ServerDisconnectedError,
    SocketTimeoutError,
    TooManyRedirects,
)
from .client_reqrep import ClientResponse, ConnectionKey, HttpVersion11, RequestInfo
from .connector import TCPConnector

__all__ = ("ClientSession", "ClientTimeout", "request")

sentinel = object()


@dataclass(frozen=True)
class ClientTimeout:
    """Timeout configuration (seconds; None disables a limit)."""

    total: Optional[float] = None
    connect: Optional[float] = None
    sock_read: Optional[float] = None
    sock_connect: Optional[float] = None
    ceil_threshold: float = 5


DEFAULT_TIMEOUT = ClientTimeout(total=5 * 60, sock_connect=30)

_USER_AGENT = f"Python/{sys.version_info[0]}.{sys.version_info[1]} aiohttp/{__version__}"


class _BaseRequestContextManager(Coroutine):
    __slots__ = ("_coro", "_resp")

    def __init__(self, coro):
        self._coro = coro
        self._resp = None

    def send(self, arg):
        return self._coro.send(arg)

    def throw(self, *args, **kwargs):
        return self._coro.throw(*args, **kwargs)

    def close(self):
        return self._coro.close()

    def __await__(self):
        return self._coro.__await__()

    def __iter__(self):
        return self.__await__()

    async def __aenter__(self):
        self._resp = await self._coro
        return await self._resp.__aenter__()


class _RequestContextManager(_BaseRequestContextManager):
    __slots__ = ()

    async def __aexit__(self, exc_type, exc, tb):
        self._resp.release()
        await self._resp.wait_for_close()


class _SessionRequestContextManager:
    __slots__ = ("_coro", "_resp", "_session")

    def __init__(self, coro, session):
        self._coro = coro
        self._resp = None
        self._session = session

    async def __aenter__(self):
        try:
            self._resp = await self._coro
        except BaseException:
            await self._session.close()
            raise
        return self._resp

    async def __aexit__(self, exc_type, exc, tb):
        self._resp.release()
        await self._session.close()


class ClientSession:
    """First-class interface for making HTTP requests (simulated)."""

    def __init__(self, base_url=None, *, connector=None, loop=None, cookies=None, headers=None, proxy=None,
                 proxy_auth=None, skip_auto_headers=None, auth=None, json_serialize=_json.dumps,
                 request_class=None, response_class=None, ws_response_class=None, version=HttpVersion11,
                 cookie_jar=None, connector_owner=True, raise_for_status=False, read_timeout=sentinel,
                 conn_timeout=None, timeout=sentinel, auto_decompress=True, trust_env=False,
                 requote_redirect_url=True, trace_configs=None, read_bufsize=2 ** 16, max_line_size=8190,
                 max_field_size=8190, fallback_charset_resolver=None, middlewares=(), ssl_shutdown_timeout=None):
        self._loop = loop or asyncio.get_running_loop()
        if connector is None:
            connector = TCPConnector()
        self._connector = connector
        self._connector_owner = connector_owner
        self._base_url = URL(base_url) if base_url is not None else None
        if timeout is sentinel or timeout is None:
            timeout = DEFAULT_TIMEOUT
        elif not isinstance(timeout, ClientTimeout):
            timeout = ClientTimeout(total=timeout)
        self._timeout = timeout
        self._default_headers = CIMultiDict(headers or {})
        self._skip_auto_headers = frozenset(skip_auto_headers or ())
        self._default_auth = auth
        self._json_serialize = json_serialize
        self._raise_for_status = raise_for_status
        self._version = version
        self._trust_env = trust_env
        self._requote_redirect_url = requote_redirect_url
        self._closed = False
        self._cookies = dict(cookies or {})

    def __del__(self, _warnings=warnings):
        if not getattr(self, "_closed", True):
            _warnings.warn(f"Unclosed client session {self!r}", ResourceWarning, source=self)
            try:
                self._loop.call_exception_handler({"client_session": self, "message": "Unclosed client session"})
            except Exception:
                pass

    # -- properties
    @property
    def closed(self):
        return self._closed or self._connector.closed

    @property
    def connector(self):
        return self._connector

    @property
    def connector_owner(self):
        return self._connector_owner

    @property
    def timeout(self):
        return self._timeout

    @property
    def headers(self):
        return self._default_headers

    @property
    def auth(self):
        return self._default_auth

    @property
    def version(self):
        return self._version

    @property
    def loop(self):
        return self._loop

    @property
    def raise_for_status(self):
        return self._raise_for_status

    @property
    def trust_env(self):
        return self._trust_env

    @property
    def skip_auto_headers(self):
        return self._skip_auto_headers

    @property
    def cookie_jar(self):
        return self._cookies

    # -- lifecycle
    async def close(self):
        if not self._closed:
            if self._connector is not None and self._connector_owner:
                await self._connector.close()
            self._closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()

    def __enter__(self):
        raise TypeError("Use async with instead")

    def __exit__(self, *args):
        pass

    async def detach(self):
        self._closed = True

    # -- requests
    def request(self, method, url, **kwargs):
        return _RequestContextManager(self._request(method, url, **kwargs))

    def get(self, url, *, allow_redirects=True, **kwargs):
        return _RequestContextManager(self._request("GET", url, allow_redirects=allow_redirects, **kwargs))

    def options(self, url, *, allow_redirects=True, **kwargs):
        return _RequestContextManager(self._request("OPTIONS", url, allow_redirects=allow_redirects, **kwargs))

    def head(self, url, *, allow_redirects=False, **kwargs):
        return _RequestContextManager(self._request("HEAD", url, allow_redirects=allow_redirects, **kwargs))

    def post(self, url, *, data=None, **kwargs):
        return _RequestContextManager(self._request("POST", url, data=data, **kwargs))

    def put(self, url, *, data=None, **kwargs):
        return _RequestContextManager(self._request("PUT", url, data=data, **kwargs))

    def patch(self, url, *, data=None, **kwargs):
        return _RequestContextManager(self._request("PATCH", url, data=data, **kwargs))

    def delete(self, url, **kwargs):
        return _RequestContextManager(self._request("DELETE", url, **kwargs))

    def ws_connect(self, url, **kwargs):
        raise simworld.SimulationError(
            "aiohttp WebSockets (ClientSession.ws_connect) are not available in this sandbox: the simulated "
            "web answers plain HTTP requests only")

    def _build_url(self, str_or_url):
        url = URL(str_or_url)
        if self._base_url is not None and not url.is_absolute():
            return self._base_url.join(url)
        return url

    async def _request(self, method, str_or_url, *, params=None, data=None, json=None, cookies=None,
                       headers=None, skip_auto_headers=None, auth=None, allow_redirects=True, max_redirects=10,
                       compress=None, chunked=None, expect100=False, raise_for_status=None,
                       read_until_eof=True, proxy=None, proxy_auth=None, timeout=sentinel, verify_ssl=None,
                       fingerprint=None, ssl_context=None, ssl=True, server_hostname=None, proxy_headers=None,
                       trace_request_ctx=None, read_bufsize=None, auto_decompress=None, max_line_size=None,
                       max_field_size=None, middlewares=None):
        if self.closed:
            raise RuntimeError("Session is closed")
        if data is not None and json is not None:
            raise ValueError("data and json parameters can not be used at the same time")
        method = method.upper()
        try:
            url = self._build_url(str_or_url)
        except ValueError as e:
            raise InvalidUrlClientError(str_or_url) from e
        if not url.host:
            raise InvalidUrlClientError(str_or_url)
        if url.scheme not in ("http", "https"):
            raise NonHttpUrlClientError(str_or_url)
        if params:
            url = url.extend_query(params)

        if timeout is sentinel or timeout is None:
            real_timeout = self._timeout
        elif isinstance(timeout, ClientTimeout):
            real_timeout = timeout
        else:
            real_timeout = ClientTimeout(total=timeout)

        req_headers = CIMultiDict(self._default_headers)
        for k, v in (headers or {}).items():
            req_headers[k] = v
        body = b""
        if json is not None:
            body = self._json_serialize(json).encode("utf-8")
            req_headers.setdefault("Content-Type", "application/json")
        elif data is not None:
            if isinstance(data, dict) or isinstance(data, (list, tuple)):
                body = urlencode(list(data.items()) if isinstance(data, dict) else data).encode()
                req_headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
            elif isinstance(data, str):
                body = data.encode("utf-8")
                req_headers.setdefault("Content-Type", "text/plain; charset=utf-8")
            elif isinstance(data, (bytes, bytearray)):
                body = bytes(data)
                req_headers.setdefault("Content-Type", "application/octet-stream")
            else:
                raise simworld.SimulationError(
                    f"aiohttp: a request body of type {type(data).__name__} is not supported in this sandbox "
                    "(use dict, str, bytes or json=)")
        auth = auth or self._default_auth
        if auth is not None:
            req_headers["Authorization"] = auth.encode()

        loop = asyncio.get_running_loop()
        started = loop.time()
        history = []
        redirects = 0
        rfs = self._raise_for_status if raise_for_status is None else raise_for_status
        while True:
            host_header = url.host + (f":{url.explicit_port}" if url.explicit_port else "")
            sent = CIMultiDict()
            sent["Host"] = host_header
            sent["Accept"] = "*/*"
            sent["Accept-Encoding"] = "gzip, deflate"
            sent["User-Agent"] = _USER_AGENT
            for k, v in req_headers.items():
                sent[k] = v
            if body:
                sent["Content-Length"] = str(len(body))
            for k in list(self._skip_auto_headers | frozenset(skip_auto_headers or ())):
                sent.popone(k, None)
            request_info = RequestInfo(url, method, CIMultiDictProxy(sent), url)
            answer = await self._exchange(method, url, sent, body, real_timeout, started)
            resp = ClientResponse(method, url, answer, request_info, history, self)
            location = simworld.redirect_target(answer)
            if location is not None and allow_redirects:
                redirects += 1
                history.append(resp)
                if max_redirects and redirects > max_redirects:
                    resp.release()
                    raise TooManyRedirects(history[0].request_info, tuple(history))
                if (resp.status == 303 and method != "HEAD") or (resp.status in (301, 302) and method == "POST"):
                    method = "GET"
                    body = b""
                    req_headers.popone("Content-Type", None)
                resp.release()
                url = URL(location)
                continue
            break
        if rfs:
            if callable(rfs):
                await rfs(resp)
            else:
                resp.raise_for_status()
        return resp

    async def _exchange(self, method, url, sent, body, timeout, started):
        """Wait for one simulated request/response exchange and return its Answer."""
        loop = asyncio.get_running_loop()
        sems = [s for s in (self._connector._sem, self._connector._host_sem(url.host, url.port)) if s]
        for s in sems:
            await s.acquire()
        try:
            answer = simworld.http_answer(method, str(url), list(sent.items()), body, client="aiohttp")
            key = ConnectionKey(url.host, url.port, url.scheme == "https", True, None, None, None)
            limits = []
            if timeout.total is not None:
                limits.append((timeout.total - (loop.time() - started), f"ClientTimeout total={_fmt(timeout.total)}",
                               timeout.total))
            if timeout.sock_read is not None:
                limits.append((timeout.sock_read, f"ClientTimeout sock_read={_fmt(timeout.sock_read)}",
                               timeout.sock_read))
            outcome = netfaults.plan(answer, limits)
            await netfaults.wait_async(answer, outcome)
            if outcome.kind == "refused":
                raise ClientConnectorError(
                    key, ConnectionRefusedError(111, f"Connect call failed ('{answer.address}', {url.port})"))
            if outcome.kind == "dns":
                raise ClientConnectorDNSError(key, OSError(-2, "Name or service not known"))
            if outcome.kind == "timeout":
                if outcome.limit.startswith("ClientTimeout sock_read"):
                    raise SocketTimeoutError("Timeout on reading data from socket")
                raise asyncio.TimeoutError()
            if outcome.kind == "reset":
                raise ServerDisconnectedError()
            return answer
        finally:
            for s in sems:
                s.release()


def _fmt(x):
    return f"{x:g}"


def request(method, url, *, params=None, data=None, json=None, headers=None, skip_auto_headers=None, auth=None,
            allow_redirects=True, max_redirects=10, compress=None, chunked=None, expect100=False,
            raise_for_status=None, read_until_eof=True, proxy=None, proxy_auth=None, timeout=sentinel,
            cookies=None, version=HttpVersion11, connector=None, read_bufsize=None, loop=None,
            max_line_size=8190, max_field_size=8190, **kwargs):
    """Constructs and sends a request in a session of its own (`async with aiohttp.request(...)`)."""
    session = ClientSession(loop=loop, cookies=cookies, version=version,
                            timeout=timeout if timeout is not sentinel else sentinel, connector=connector)
    return _SessionRequestContextManager(
        session._request(method, url, params=params, data=data, json=json, headers=headers,
                         skip_auto_headers=skip_auto_headers, auth=auth, allow_redirects=allow_redirects,
                         max_redirects=max_redirects, raise_for_status=raise_for_status, proxy=proxy,
                         proxy_auth=proxy_auth), session)
