"""fastapi.routing: APIRouter and the in-process request handling behind TestClient."""

import inspect
import json
import re
import types
import typing

from . import params as P
from .encoders import jsonable_encoder
from .exceptions import HTTPException, RequestValidationError
from .requests import Request
from .responses import JSONResponse, Response

_missing = ...


def _compile_path(path):
    regex = "^"
    pos = 0
    for m in re.finditer(r"{([a-zA-Z_][a-zA-Z0-9_]*)(?::([a-zA-Z_][a-zA-Z0-9_]*))?}", path):
        regex += re.escape(path[pos:m.start()])
        name, conv = m.group(1), m.group(2) or "str"
        regex += {"path": f"(?P<{name}>.*)", "int": f"(?P<{name}>[0-9]+)",
                  "float": rf"(?P<{name}>[0-9]+(?:\.[0-9]+)?)"}.get(conv, f"(?P<{name}>[^/]+)")
        pos = m.end()
    regex += re.escape(path[pos:]) + "$"
    return re.compile(regex)


class APIRoute:
    def __init__(self, path, endpoint, *, methods=None, status_code=None, response_class=JSONResponse,
                 name=None, **kwargs):
        self.path = path
        self.endpoint = endpoint
        self.methods = {m.upper() for m in (methods or ["GET"])}
        self.status_code = status_code
        self.response_class = response_class or JSONResponse
        self.name = name or getattr(endpoint, "__name__", "endpoint")
        self.path_regex = _compile_path(path)
        self.response_model = kwargs.get("response_model")

    def __repr__(self):
        return f"APIRoute(path={self.path!r}, name={self.name!r}, methods={sorted(self.methods)!r})"


def _unwrap_optional(tp):
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    if origin is typing.Annotated:
        return _unwrap_optional(typing.get_args(tp)[0])
    return tp


def _annotated_marker(tp):
    if typing.get_origin(tp) is typing.Annotated:
        for meta in typing.get_args(tp)[1:]:
            if isinstance(meta, (P.Param, P.Depends)):
                return meta
    return None


_TRUE = {"1", "on", "t", "true", "y", "yes"}
_FALSE = {"0", "off", "f", "false", "n", "no"}


def _convert(value, tp, loc):
    tp = _unwrap_optional(tp)
    if tp in (inspect.Parameter.empty, str, typing.Any) or value is None:
        return value
    try:
        if tp is bool:
            v = str(value).lower()
            if v in _TRUE:
                return True
            if v in _FALSE:
                return False
            raise ValueError
        if tp is int:
            return int(value)
        if tp is float:
            return float(value)
    except (TypeError, ValueError):
        kind, msg = {
            int: ("int_parsing", "Input should be a valid integer, unable to parse string as an integer"),
            float: ("float_parsing", "Input should be a valid number, unable to parse string as a number"),
            bool: ("bool_parsing", "Input should be a valid boolean, unable to interpret input"),
        }[tp]
        raise _Invalid({"type": kind, "loc": loc, "msg": msg, "input": value}) from None
    if isinstance(tp, type) and issubclass(tp, __import__("enum").Enum):
        try:
            return tp(value)
        except ValueError:
            raise _Invalid({"type": "enum", "loc": loc, "msg": "Input should be " + " or ".join(
                repr(m.value) for m in tp), "input": value}) from None
    return value


class _Invalid(Exception):
    def __init__(self, error):
        self.error = error


def _check_constraints(value, marker, loc):
    if marker is None or value is None:
        return
    for attr, op, kind, text in (("gt", lambda a, b: a > b, "greater_than", "greater than"),
                                 ("ge", lambda a, b: a >= b, "greater_than_equal", "greater than or equal to"),
                                 ("lt", lambda a, b: a < b, "less_than", "less than"),
                                 ("le", lambda a, b: a <= b, "less_than_equal", "less than or equal to")):
        bound = getattr(marker, attr)
        if bound is not None and not op(value, bound):
            raise _Invalid({"type": kind, "loc": loc, "msg": f"Input should be {text} {bound}", "input": value,
                            "ctx": {attr: bound}})


async def _call(fn, kwargs):
    if inspect.iscoroutinefunction(fn):
        return await fn(**kwargs)
    result = fn(**kwargs)
    if inspect.isawaitable(result):
        result = await result
    return result


async def _solve(fn, request, path_params, errors, cache, exits):
    try:
        hints = typing.get_type_hints(fn, include_extras=True)
    except Exception:
        hints = {}
    sig = inspect.signature(fn)
    kwargs = {}
    body_cache = {}

    async def body_json():
        if "v" not in body_cache:
            raw = await request.body()
            body_cache["v"] = json.loads(raw) if raw else _missing
        return body_cache["v"]

    for name, p in sig.parameters.items():
        tp = hints.get(name, p.annotation)
        marker = _annotated_marker(tp)
        default = p.default
        if isinstance(default, (P.Param, P.Depends)):
            marker = default
            default = default.default if isinstance(default, P.Param) else _missing
        elif default is inspect.Parameter.empty:
            default = _missing
        base = _unwrap_optional(tp)
        if base is Request or (isinstance(base, type) and issubclass(base, Request)):
            kwargs[name] = request
            continue
        if isinstance(marker, P.Depends):
            dep = marker.dependency or base
            if marker.use_cache and dep in cache:
                kwargs[name] = cache[dep]
                continue
            dep_kwargs = await _solve(dep, request, path_params, errors, cache, exits)
            if inspect.isasyncgenfunction(dep):
                gen = dep(**dep_kwargs)
                value = await gen.__anext__()
                exits.append(gen)
            elif inspect.isgeneratorfunction(dep):
                gen = dep(**dep_kwargs)
                value = next(gen)
                exits.append(gen)
            else:
                value = await _call(dep, dep_kwargs)
            cache[dep] = value
            kwargs[name] = value
            continue
        where = marker.in_ if isinstance(marker, P.Param) else None
        if where is None:
            if name in path_params:
                where = "path"
            elif base in (dict, list) or typing.get_origin(base) in (dict, list) or hasattr(base, "model_validate"):
                where = "body"
            else:
                where = "query"
        alias = getattr(marker, "alias", None) or name
        loc = [where, alias]
        if where == "path":
            raw = path_params.get(alias, _missing)
        elif where == "query":
            origin = typing.get_origin(base)
            if origin is list:
                from urllib.parse import parse_qsl
                vals = [v for k, v in parse_qsl(request.url.query, keep_blank_values=True) if k == alias]
                raw = vals if vals else _missing
                if raw is not _missing:
                    (inner,) = typing.get_args(base) or (str,)
                    try:
                        kwargs[name] = [_convert(v, inner, loc + [i]) for i, v in enumerate(raw)]
                    except _Invalid as e:
                        errors.append(e.error)
                    continue
            else:
                raw = request.query_params.get(alias, _missing)
        elif where == "header":
            key = alias.replace("_", "-") if getattr(marker, "convert_underscores", True) else alias
            raw = request.headers.get(key, _missing)
        elif where == "cookie":
            raw = request.cookies.get(alias, _missing)
        else:
            try:
                data = await body_json()
            except ValueError as e:
                errors.append({"type": "json_invalid", "loc": ["body", 0], "msg": "JSON decode error", "input": {},
                               "ctx": {"error": str(e).split(":")[0]}})
                continue
            raw = data
            loc = ["body"]
            if hasattr(base, "model_validate") and raw is not _missing:
                try:
                    raw = base.model_validate(raw)
                except Exception as e:
                    errors.append({"type": "model_attributes_type", "loc": loc, "msg": str(e), "input": raw})
                    continue
        if raw is _missing:
            if default is _missing:
                errors.append({"type": "missing", "loc": loc, "msg": "Field required", "input": None})
                continue
            kwargs[name] = default
            continue
        try:
            value = _convert(raw, base, loc) if where != "body" else raw
            _check_constraints(value, marker if isinstance(marker, P.Param) else None, loc)
            kwargs[name] = value
        except _Invalid as e:
            errors.append(e.error)
    return kwargs


def _serialize(route, result):
    if isinstance(result, Response):
        return result
    status = route.status_code or 200
    cls = route.response_class
    if cls is JSONResponse or issubclass(cls, JSONResponse):
        return cls(jsonable_encoder(result), status_code=status)
    return cls(result, status_code=status)


class APIRouter:
    def __init__(self, *, prefix="", tags=None, dependencies=None, default_response_class=JSONResponse,
                 responses=None, **kwargs):
        self.prefix = prefix
        self.routes = []
        self.tags = tags or []
        self.dependencies = list(dependencies or [])
        self.default_response_class = default_response_class
        self.on_startup = []
        self.on_shutdown = []

    def add_api_route(self, path, endpoint, *, methods=None, status_code=None, response_class=None, name=None,
                      **kwargs):
        route = APIRoute(self.prefix + path, endpoint, methods=methods, status_code=status_code,
                         response_class=response_class or self.default_response_class, name=name, **kwargs)
        self.routes.append(route)
        return route

    def api_route(self, path, *, methods=None, **kwargs):
        def decorator(func):
            self.add_api_route(path, func, methods=methods, **kwargs)
            return func
        return decorator

    def _method(method):
        def register(self, path, *, response_model=None, status_code=None, tags=None, dependencies=None,
                     summary=None, description=None, response_description="Successful Response", responses=None,
                     deprecated=None, operation_id=None, response_class=None, name=None, include_in_schema=True,
                     **kwargs):
            def decorator(func):
                self.add_api_route(path, func, methods=[method], status_code=status_code,
                                   response_class=response_class, name=name, response_model=response_model)
                return func
            return decorator
        register.__name__ = method.lower()
        return register

    get = _method("GET")
    post = _method("POST")
    put = _method("PUT")
    patch = _method("PATCH")
    delete = _method("DELETE")
    options = _method("OPTIONS")
    head = _method("HEAD")
    trace = _method("TRACE")
    del _method

    def include_router(self, router, *, prefix="", tags=None, dependencies=None, **kwargs):
        for r in router.routes:
            self.routes.append(APIRoute(self.prefix + prefix + r.path, r.endpoint, methods=r.methods,
                                        status_code=r.status_code, response_class=r.response_class, name=r.name))
        self.on_startup.extend(router.on_startup)
        self.on_shutdown.extend(router.on_shutdown)

    def websocket(self, path, **kwargs):
        def decorator(func):
            return func
        return decorator

    def on_event(self, event_type):
        def decorator(func):
            (self.on_startup if event_type == "startup" else self.on_shutdown).append(func)
            return func
        return decorator


async def handle(app, method, url, path, headers, body):
    """Run one request through the app in-process; returns a Response."""
    request = Request(app, method, url, headers, body)

    async def endpoint_call(request):
        allowed = set()
        for route in app.router.routes:
            m = route.path_regex.match(path)
            if not m:
                continue
            if method not in route.methods and not (method == "HEAD" and "GET" in route.methods):
                allowed |= route.methods
                continue
            request.path_params = m.groupdict()
            errors, exits = [], []
            try:
                kwargs = await _solve(route.endpoint, request, request.path_params, errors, {}, exits)
                if errors:
                    raise RequestValidationError(errors)
                for dep in app.router.dependencies:
                    await _call(dep.dependency, await _solve(dep.dependency, request, request.path_params, errors,
                                                             {}, exits))
                result = await _call(route.endpoint, kwargs)
                return _serialize(route, result)
            except HTTPException as exc:
                return await app._handle_exception(request, exc)
            except RequestValidationError as exc:
                return await app._handle_exception(request, exc)
            finally:
                for gen in reversed(exits):
                    try:
                        if inspect.isasyncgen(gen):
                            await gen.__anext__()
                        else:
                            next(gen)
                    except (StopIteration, StopAsyncIteration):
                        pass
        if allowed:
            return JSONResponse({"detail": "Method Not Allowed"}, status_code=405,
                                headers={"allow": ", ".join(sorted(allowed))})
        return JSONResponse({"detail": "Not Found"}, status_code=404)

    call = endpoint_call
    for mw in reversed(app._middleware):
        call = (lambda mw, nxt: (lambda req: mw(req, nxt)))(mw, call)  # noqa: B023 - bound by the outer lambda
    try:
        return await call(request)
    except Exception as exc:
        handler = app._find_handler(exc)
        if handler is None:
            raise
        result = handler(request, exc)
        if inspect.isawaitable(result):
            result = await result
        return result

