"""Client (waits on its thread) and AsyncClient (waits in the event loop)."""

import netfaults
import simworld

from ._config import DEFAULT_TIMEOUT_CONFIG, Timeout
from ._exceptions import TooManyRedirects
from ._models import Headers, Request
from ._transports import _Transport, _error, _outcome, _plan, _response
from ._urls import URL


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

    def _start(self, method, url, follow_redirects, timeout, **parts):
        """The first request of a call, its timeout and whether it follows redirects."""
        if self.is_closed:
            raise RuntimeError("Cannot send a request, as the client has been closed.")
        follow = self.follow_redirects if follow_redirects == "__default__" else follow_redirects
        return self.build_request(method, url, **parts), self._timeout_for(timeout), follow

    def _redirect(self, request, resp, location, follow, history):
        """The next request of a redirect that is followed, or None when `resp` is the answer. An
        answer that redirects but is not followed names the request it would make next."""
        if location:
            method = "GET" if resp.status_code == 303 else request.method
            following = Request(method, location, headers=dict(self.headers.raw_items()))
            if follow:
                history.append(resp)
                if len(history) > self.max_redirects:
                    raise TooManyRedirects("Exceeded maximum allowed redirects.", request=request)
                return following
            resp.next_request = following
        resp.history = history
        return None


class Client(_BaseClient):
    def __init__(self, *, transport=None, **kwargs):
        own = isinstance(transport, _Transport)
        super().__init__(transport=None if own else transport, **kwargs)
        self._transport = transport if own else _Transport()

    def request(self, method, url, *, params=None, headers=None, content=None, data=None, json=None,
                follow_redirects="__default__", timeout="__default__", **kwargs):
        request, timeout, follow = self._start(method, url, follow_redirects, timeout, params=params, headers=headers,
                                               content=content, data=data, json=json)
        history = []
        while True:
            resp, location = self._transport.send(request, timeout)
            following = self._redirect(request, resp, location, follow, history)
            if following is None:
                return resp
            request = following

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
        request, timeout, follow = self._start(method, url, follow_redirects, timeout, params=params, headers=headers,
                                               content=content, data=data, json=json)
        history = []
        while True:
            answer = _plan(request)
            outcome = _outcome(answer, timeout)
            await netfaults.wait_async(answer, outcome)
            exc = _error(outcome, request, in_async=True)
            if exc is not None:
                raise exc
            resp = _response(answer, request, outcome.wait)
            following = self._redirect(request, resp, simworld.redirect_target(answer), follow, history)
            if following is None:
                return resp
            request = following

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
