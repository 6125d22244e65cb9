"""fastapi.FastAPI: the application object (routes are called in-process by TestClient)."""

import inspect

import simworld

from .exceptions import HTTPException, RequestValidationError
from .requests import State
from .responses import JSONResponse
from .routing import APIRouter


class FastAPI:
    def __init__(self, *, debug=False, routes=None, title="FastAPI", summary=None, description="",
                 version="0.1.0", openapi_url="/openapi.json", lifespan=None, dependencies=None,
                 default_response_class=JSONResponse, docs_url="/docs", redoc_url="/redoc", on_startup=None,
                 on_shutdown=None, root_path="", **extra):
        self.title = title
        self.description = description
        self.version = version
        self.debug = debug
        self.router = APIRouter(dependencies=dependencies, default_response_class=default_response_class)
        self.router.on_startup.extend(on_startup or [])
        self.router.on_shutdown.extend(on_shutdown or [])
        self.lifespan = lifespan
        self.state = State()
        self.exception_handlers = {}
        self._middleware = []
        self.user_middleware = []
        self.openapi_url = openapi_url
        self.root_path = root_path

    def __repr__(self):
        return f"<fastapi.applications.FastAPI object at {id(self):#x}>"

    @property
    def routes(self):
        return self.router.routes

    def __getattr__(self, name):
        if name in ("get", "post", "put", "patch", "delete", "options", "head", "trace", "api_route",
                    "add_api_route", "on_event", "websocket"):
            return getattr(self.router, name)
        raise AttributeError(f"'FastAPI' object has no attribute {name!r}")

    def include_router(self, router, *, prefix="", **kwargs):
        self.router.include_router(router, prefix=prefix, **kwargs)

    def exception_handler(self, exc_class_or_status_code):
        def decorator(func):
            self.exception_handlers[exc_class_or_status_code] = func
            return func
        return decorator

    def add_exception_handler(self, exc_class_or_status_code, handler):
        self.exception_handlers[exc_class_or_status_code] = handler

    def middleware(self, middleware_type):
        def decorator(func):
            if middleware_type != "http":
                raise simworld.SimulationError(f"fastapi: middleware type {middleware_type!r} is not supported here")
            self._middleware.append(func)
            return func
        return decorator

    def add_middleware(self, middleware_class, *args, **kwargs):
        self.user_middleware.append((middleware_class, args, kwargs))

    def mount(self, path, app, name=None):
        raise simworld.SimulationError("fastapi: mounting sub-applications is not available in this sandbox")

    def openapi(self):
        paths = {}
        for r in self.router.routes:
            for m in r.methods:
                paths.setdefault(r.path, {})[m.lower()] = {"summary": r.name.replace("_", " ").title(),
                                                           "operationId": f"{r.name}_{m.lower()}"}
        return {"openapi": "3.1.0", "info": {"title": self.title, "version": self.version}, "paths": paths}

    def _find_handler(self, exc):
        for cls in type(exc).__mro__:
            if cls in self.exception_handlers:
                return self.exception_handlers[cls]
        return None

    async def _handle_exception(self, request, exc):
        handler = self._find_handler(exc)
        if handler is None and isinstance(exc, HTTPException):
            handler = self.exception_handlers.get(exc.status_code)
        if handler is not None:
            result = handler(request, exc)
            if inspect.isawaitable(result):
                result = await result
            return result
        if isinstance(exc, HTTPException):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        if isinstance(exc, RequestValidationError):
            return JSONResponse({"detail": exc.errors()}, status_code=422)
        raise exc

    async def __call__(self, scope, receive, send):
        raise simworld.SimulationError(
            "This FastAPI app cannot be served over ASGI in the sandbox; call it with "
            "fastapi.testclient.TestClient(app)")
