"""fastapi.testclient.TestClient: call the app in-process, the sandbox's way to exercise routes
(no server can listen here). Responses are httpx.Response objects, as with the real client.

The client is synchronous: each call runs the app on an event loop of its own until the
response is ready, blocking the caller, which is what the real TestClient does (it runs the
app in a portal thread). Called from inside a running event loop, that loop stalls meanwhile,
again as with the real client."""

import asyncio
import json as _json
from urllib.parse import urlencode, urljoin, urlsplit

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


class TestClient:
    __test__ = False

    def __init__(self, app, base_url="http://testserver", raise_server_exceptions=True, root_path="",
                 backend="asyncio", backend_options=None, cookies=None, headers=None, follow_redirects=True,
                 client=("testclient", 50000)):
        self.app = app
        self.base_url = base_url
        self.raise_server_exceptions = raise_server_exceptions
        self.follow_redirects = follow_redirects
        self.headers = dict(headers or {})
        self._lifespan_cm = None

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
    def request(self, method, url, *, params=None, content=None, data=None, files=None, json=None, headers=None,
                cookies=None, auth=None, follow_redirects=None, timeout=None, extensions=None):
        method = method.upper()
        full = urljoin(self.base_url.rstrip("/") + "/", str(url).lstrip("/")) if "://" not in str(url) else str(url)
        if params:
            full += ("&" if "?" in full else "?") + urlencode(params, doseq=True)
        hdrs = {"host": urlsplit(full).netloc, "accept": "*/*", "accept-encoding": "gzip, deflate",
                "connection": "keep-alive", "user-agent": "testclient"}
        hdrs.update({k.lower(): v for k, v in self.headers.items()})
        hdrs.update({k.lower(): v for k, v in (headers or {}).items()})
        body = b""
        if json is not None:
            body = _json.dumps(json, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()
            hdrs["content-type"] = "application/json"
        elif data is not None:
            body = urlencode(data, doseq=True).encode() if isinstance(data, dict) else (
                data.encode() if isinstance(data, str) else data)
            if isinstance(data, dict):
                hdrs["content-type"] = "application/x-www-form-urlencoded"
        elif content is not None:
            body = content.encode() if isinstance(content, str) else content
        if body:
            hdrs["content-length"] = str(len(body))
        request = httpx.Request(method, full, headers=hdrs, content=body)
        path = urlsplit(full).path or "/"
        target = urlsplit(full).netloc
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
        out = httpx.Response(resp.status_code, headers=resp.headers, content=resp.body or b"", request=request)
        follow = self.follow_redirects if follow_redirects is None else follow_redirects
        if follow and out.is_redirect:
            return self.request("GET" if resp.status_code == 303 else method, out.headers["location"])
        return out

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

    def close(self):
        pass
