"""fastapi.testclient.TestClient: call the app in-process, the sandbox's way to exercise routes
(no server can listen here). As the real one, it is an httpx.Client (the httpx stand-in's) whose
transport calls the app instead of the network, so responses are httpx.Response objects and
redirects, history and closing behave as httpx's.

The client is synchronous: each call runs the app on an event loop of its own until the
response is ready, blocking the caller, which is what the real TestClient does (it runs the
app in a portal thread). Called from inside a running event loop, that loop stalls meanwhile,
again as with the real client."""

import asyncio
from urllib.parse import urljoin, urlsplit

import httpx
import simworld

from .routing import handle


def _run_sync(coro):
    try:
        running = asyncio.get_running_loop()
    except RuntimeError:
        running = None
    if running is None:
        return asyncio.run(coro)
    # Nested: detach the caller's loop while a fresh loop runs the app, then put it back.
    asyncio.events._set_running_loop(None)
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()
        asyncio.events._set_running_loop(running)


class _AppTransport(httpx._Transport):
    """Hands each request to the app, with the headers a real client sends, and logs the call
    as the app's (never as the simulated network's: no fixture route is consulted)."""

    def __init__(self, app, raise_server_exceptions):
        self.app = app
        self.raise_server_exceptions = raise_server_exceptions

    def send(self, request, timeout):
        method = request.method
        full = str(request.url)
        parts = urlsplit(full)
        hdrs = {"host": parts.netloc, "accept": "*/*", "accept-encoding": "gzip, deflate",
                "connection": "keep-alive"}
        hdrs.update(request.headers.items())
        body = request.content
        # The request as it went out, default headers included, is the one the response names.
        sent = httpx.Request(method, full, headers=hdrs, content=body)
        path = parts.path or "/"
        target = parts.netloc
        try:
            resp = _run_sync(handle(self.app, method, full, path, hdrs, body))
        except Exception as exc:
            simworld.log("app", target, f"{method} {path} -> raised {type(exc).__name__}", "default")
            if self.raise_server_exceptions:
                raise
            resp = None
        if resp is None:
            from .responses import PlainTextResponse
            resp = PlainTextResponse("Internal Server Error", status_code=500)
        else:
            simworld.log("app", target, f"{method} {path} -> {resp.status_code}", "default")
        out = httpx.Response(resp.status_code, headers=resp.headers, content=resp.body or b"", request=sent)
        return out, urljoin(full, out.headers["location"]) if out.is_redirect else None


class TestClient(httpx.Client):
    __test__ = False

    def __init__(self, app, base_url="http://testserver", raise_server_exceptions=True, root_path="",
                 backend="asyncio", backend_options=None, cookies=None, headers=None, follow_redirects=True,
                 client=("testclient", 50000)):
        self.app = app
        self.raise_server_exceptions = raise_server_exceptions
        self._lifespan_cm = None
        # Lower-case names, so a header given again per request replaces this one in place.
        merged = {"user-agent": "testclient"}
        merged.update({k.lower(): v for k, v in (headers or {}).items()})
        super().__init__(base_url=base_url, headers=merged, follow_redirects=follow_redirects, cookies=cookies,
                         transport=_AppTransport(app, raise_server_exceptions))

    # -- lifespan
    def __enter__(self):
        _run_sync(self._startup())
        return self

    def __exit__(self, *exc):
        _run_sync(self._shutdown())

    async def _startup(self):
        app = self.app
        if app.lifespan is not None:
            self._lifespan_cm = app.lifespan(app)
            await self._lifespan_cm.__aenter__()
        for fn in app.router.on_startup:
            r = fn()
            if asyncio.iscoroutine(r):
                await r

    async def _shutdown(self):
        app = self.app
        for fn in app.router.on_shutdown:
            r = fn()
            if asyncio.iscoroutine(r):
                await r
        if self._lifespan_cm is not None:
            await self._lifespan_cm.__aexit__(None, None, None)
            self._lifespan_cm = None

    # -- requests
    def _merge_url(self, url):
        url = str(url)
        if "://" in url:
            return url
        base = str(self.base_url) if self.base_url is not None else ""
        return urljoin(base.rstrip("/") + "/", url.lstrip("/"))

    def request(self, method, url, *, params=None, content=None, data=None, files=None, json=None, headers=None,
                cookies=None, auth=None, follow_redirects=None, timeout=None, extensions=None):
        return super().request(
            method.upper(), self._merge_url(url), params=params, content=content, data=data, json=json,
            headers={k.lower(): v for k, v in (headers or {}).items()},
            follow_redirects="__default__" if follow_redirects is None else follow_redirects,
            timeout="__default__" if timeout is None else timeout)

    # Defined here, not inherited: a call the program makes is the app's, not the network's (the
    # kernel's timelines name a wait by the library the program called).
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

    def websocket_connect(self, url, *args, **kwargs):
        raise simworld.SimulationError("TestClient.websocket_connect is not available in this sandbox")
