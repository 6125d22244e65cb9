"""The simulated I/O world behind the stand-in libraries (aiohttp, requests, asyncpg, ...).

Snippets run offline and on a virtual clock, so every network or database call is answered
here, from declarative fixtures (YAML documents the kernel parses and hands to `configure`).
The stand-in packages in `modules/` only translate between a library's public API and the
three services below; everything a reader might want to change lives in the fixtures:

- HTTP: `http_answer()` matches a request against the fixture routes (later fixture files
  first) and returns an `Answer`: a response, or a fault (timeout, refused, dns, reset).
  Clients wait `answer.latency` themselves, with `asyncio.sleep` (async libraries) or
  `time.sleep` (blocking ones), so overlap on the kernel's virtual clock comes out right.
- Databases: `open_database()` matches a DSN against the fixture databases and returns a
  `SimDatabase`, an in-memory sqlite database seeded from the fixture and shared by every
  connection to the same DSN. `translate_pg()` and `run_statement()` make PostgreSQL-style
  SQL run on sqlite and report results the way PostgreSQL would.
- Files: fixture files are written into the sandbox's (in-memory) file system at configure
  time; the stand-ins use the ordinary `open`.

Every simulated call is written to a usage log (`take_usage()`), which the kernel shows to
readers so nobody mistakes a simulated answer for a live one.

Only the standard library is used; there are no sockets, threads or random numbers here, and
time is read and spent only through `time.time()`, `time.sleep()` and `asyncio.sleep()`, which
the kernel virtualises.
"""

from __future__ import annotations

import base64
import datetime as _dt
import decimal
import fnmatch
import json
import os
import re
import sqlite3
import time
import uuid
from dataclasses import dataclass, field
from email.utils import formatdate
from http import HTTPStatus
from urllib.parse import parse_qsl, unquote, urlsplit

__all__ = [
    "Answer",
    "SimDatabase",
    "SimulationError",
    "configure",
    "file_latency",
    "file_rule",
    "http_answer",
    "log",
    "open_database",
    "take_usage",
]


class SimulationError(RuntimeError):
    """The sandbox cannot do what was asked (a fixture is missing or malformed, or a feature
    of the real library cannot be simulated). The message always says which."""


# --------------------------------------------------------------------------------------------
# State


@dataclass
class _State:
    routes: list = field(default_factory=list)  # HttpRule, highest priority first
    default: "HttpRule | None" = None
    databases: list = field(default_factory=list)  # DbRule, highest priority first
    files: dict = field(default_factory=dict)  # path -> fixture name
    file_io_latency: float = 0.0
    file_io_fixture: str = "default"
    open_dbs: dict = field(default_factory=dict)  # identity -> SimDatabase
    usage: list = field(default_factory=list)
    created_files: list = field(default_factory=list)
    names: list = field(default_factory=list)


_state = _State()
_db_counter = 0
_TOP_LEVEL_KEYS = {"name", "http", "databases", "files", "file_io", "description"}
_reset_hooks = []


def on_reset(hook) -> None:
    """Register a callable run by every configure() (stand-ins reset their counters there)."""
    _reset_hooks.append(hook)


def configure(fixture_docs: list[dict]) -> None:
    """Load the fixture documents (later ones override earlier ones) and reset all state."""
    global _state
    old = _state
    for db in old.open_dbs.values():
        db.dispose()
    for path in old.created_files:
        try:
            os.remove(path)
        except OSError:
            pass
    state = _State()
    for doc in fixture_docs or []:
        if not isinstance(doc, dict):
            raise SimulationError(f"simworld: a fixture document must be a mapping, got {type(doc).__name__}")
        name = str(doc.get("name") or "<fixture>")
        unknown = set(doc) - _TOP_LEVEL_KEYS
        if unknown:
            raise SimulationError(f"simworld: {name}: unknown top-level keys {sorted(unknown)}; "
                                  f"expected some of {sorted(_TOP_LEVEL_KEYS - {'name'})}")
        state.names.append(name)
        http = doc.get("http") or {}
        _check_keys(http, {"default", "routes"}, f"{name}: http")
        if http.get("default") is not None:
            state.default = HttpRule(http["default"], name, is_default=True)
        routes = [HttpRule(r, name) for r in (http.get("routes") or [])]
        state.routes[:0] = routes
        dbs = [DbRule(d, name) for d in (doc.get("databases") or [])]
        state.databases[:0] = dbs
        file_io = doc.get("file_io") or {}
        _check_keys(file_io, {"latency"}, f"{name}: file_io")
        if "latency" in file_io:
            state.file_io_latency = float(file_io["latency"])
            state.file_io_fixture = name
        for path, spec in (doc.get("files") or {}).items():
            state.files[_norm_path(path)] = (spec, name)
    _state = state
    for hook in _reset_hooks:
        hook()
    for path, (spec, name) in state.files.items():
        data = _file_content(spec, name, path)
        parent = os.path.dirname(path)
        if parent:
            os.makedirs(parent, exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        state.created_files.append(path)
    state.files = {p: n for p, (s, n) in state.files.items()}


def take_usage() -> list[dict]:
    """Return and clear the usage log (the kernel calls this after each cell)."""
    usage, _state.usage = _state.usage, []
    return usage


def log(kind: str, target: str, detail: str, fixture: str | None) -> None:
    _state.usage.append({"kind": kind, "target": target, "detail": detail, "fixture": fixture or "default"})


def _check_keys(mapping, allowed, where):
    if not isinstance(mapping, dict):
        raise SimulationError(f"simworld: {where} must be a mapping")
    unknown = set(mapping) - set(allowed)
    if unknown:
        raise SimulationError(f"simworld: {where}: unknown keys {sorted(unknown)}; allowed: {sorted(allowed)}")


# --------------------------------------------------------------------------------------------
# Files


def _norm_path(path: str) -> str:
    return os.path.normpath(str(path))


def _file_content(spec, fixture_name, path) -> bytes:
    if isinstance(spec, str):
        return spec.encode("utf-8")
    if isinstance(spec, dict):
        _check_keys(spec, {"content", "base64", "repeat"}, f"{fixture_name}: files[{path!r}]")
        if "base64" in spec:
            data = base64.b64decode(spec["base64"])
        else:
            data = str(spec.get("content", "")).encode("utf-8")
        return data * int(spec.get("repeat", 1))
    raise SimulationError(f"simworld: {fixture_name}: files[{path!r}] must be a string or a mapping")


def file_rule(path) -> str:
    """Name of the fixture file that declared `path`, or 'default'."""
    try:
        key = _norm_path(os.fspath(path))
    except TypeError:
        return "default"
    return _state.files.get(key, "default")


def file_latency() -> float:
    return _state.file_io_latency


# --------------------------------------------------------------------------------------------
# HTTP

_HTTP_KEYS = {"url", "host", "method", "status", "reason", "headers", "json", "indent", "body",
              "body_base64", "body_file", "echo", "origin", "latency", "fault", "times", "note"}
_FAULT_KINDS = {"timeout", "refused", "dns", "reset"}
_ECHO_FIELDS = {"args", "data", "files", "form", "headers", "json", "method", "origin", "url"}
_CAPTURE_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?::(int|float|path))?\}")


def _default_port(scheme):
    return {"http": 80, "https": 443, "ws": 80, "wss": 443}.get(scheme)


def normalize_url(url: str) -> str:
    """scheme://host[:port]/path[?query] with lowercase scheme and host, the default port
    dropped and an empty path written as '/'."""
    parts = urlsplit(str(url))
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host
    if ":" in host:
        netloc = f"[{host}]"
    if port is not None and port != _default_port(scheme):
        netloc += f":{port}"
    path = parts.path or "/"
    out = f"{scheme}://{netloc}{path}"
    if parts.query:
        out += "?" + parts.query
    return out


class HttpRule:
    def __init__(self, spec, fixture, is_default=False):
        where = f"{fixture}: http.{'default' if is_default else 'routes'}"
        if not isinstance(spec, dict):
            raise SimulationError(f"simworld: {where}: each route must be a mapping")
        _check_keys(spec, _HTTP_KEYS, where)
        self.spec = spec
        self.fixture = fixture
        self.is_default = is_default
        self.hits = 0
        self.times = spec.get("times")
        methods = spec.get("method")
        if isinstance(methods, str):
            methods = [methods]
        self.methods = {m.upper() for m in methods} if methods else None
        self.url = spec.get("url")
        self.host = spec.get("host")
        if not is_default and not (self.url or self.host):
            raise SimulationError(f"simworld: {where}: a route needs `url:` or `host:`")
        self._regex = None
        self._query = []
        if self.url:
            self._compile(self.url)
        fault = spec.get("fault")
        if isinstance(fault, str) and fault not in _FAULT_KINDS:
            raise SimulationError(f"simworld: {where}: unknown fault {fault!r}; use one of "
                                  f"{sorted(_FAULT_KINDS)} or a mapping such as {{status: 500}}")
        echo = spec.get("echo")
        if echo is not None:
            if echo is True:
                echo = ["args", "headers", "origin", "url"]
            bad = set(echo) - _ECHO_FIELDS
            if bad:
                raise SimulationError(f"simworld: {where}: unknown echo fields {sorted(bad)}")
            self.echo = list(echo)
        else:
            self.echo = None
        self.body_file_data = None
        if spec.get("body_file"):
            self.body_file_data = _read_body_file(fixture, spec["body_file"])

    def describe(self):
        return self.url or (f"host {self.host}" if self.host else "default")

    def _compile(self, pattern):
        base, _, query = str(pattern).partition("?")
        if "://" not in base:
            raise SimulationError(f"simworld: {self.fixture}: route url {pattern!r} needs a scheme (https://...)")
        scheme, rest = base.split("://", 1)
        host, slash, path = rest.partition("/")
        norm_host = host.lower()
        if ":" in norm_host and not norm_host.startswith("["):
            h, _, p = norm_host.partition(":")
            if p.isdigit() and int(p) == _default_port(scheme.lower()):
                norm_host = h
        text = f"{scheme.lower()}://{norm_host}/{path}"
        self._regex = re.compile(_pattern_to_regex(text))
        self._query = parse_qsl(query, keep_blank_values=True)

    def match(self, method, url):
        """Return the captures dict if this rule answers (method, url), else None."""
        if self.times is not None and self.hits >= int(self.times):
            return None
        if self.methods and method.upper() not in self.methods:
            return None
        norm = normalize_url(url)
        base, _, query = norm.partition("?")
        if self.is_default:
            return {}
        if self.host:
            host = urlsplit(norm).hostname or ""
            return {} if fnmatch.fnmatchcase(host, str(self.host).lower()) else None
        m = self._regex.fullmatch(base)
        if not m:
            return None
        captures = {k: unquote(v) for k, v in m.groupdict().items()}
        if self._query:
            have = {}
            for k, v in parse_qsl(query, keep_blank_values=True):
                have.setdefault(k, v)
            for k, v in self._query:
                if k not in have:
                    return None
                qm = re.fullmatch(_pattern_to_regex(v, segment=r"[^&]*"), have[k])
                if not qm:
                    return None
                captures.update(qm.groupdict())
        return captures


def _pattern_to_regex(text, segment=r"[^/?#]+"):
    out = []
    pos = 0
    for m in re.finditer(r"\{([A-Za-z_][A-Za-z0-9_]*)(?::(path|int|float))?\}|\*", text):
        out.append(re.escape(text[pos:m.start()]))
        if m.group(0) == "*":
            out.append(r"[^?#]*")
        elif m.group(2) == "path":
            out.append(rf"(?P<{m.group(1)}>[^?#]+)")
        elif m.group(2) == "int":
            out.append(rf"(?P<{m.group(1)}>-?[0-9]+)")
        elif m.group(2) == "float":
            out.append(rf"(?P<{m.group(1)}>-?[0-9]+(?:\.[0-9]+)?)")
        else:
            out.append(rf"(?P<{m.group(1)}>{segment})")
        pos = m.end()
    out.append(re.escape(text[pos:]))
    return "".join(out)


fixture_root = None  # where body_file paths are resolved from; None means the cwd at configure time


def _read_body_file(fixture, rel):
    root = fixture_root if fixture_root is not None else os.getcwd()
    path = os.path.join(root, os.path.dirname(fixture), rel)
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise SimulationError(f"simworld: {fixture}: body_file {rel!r} cannot be read ({e}); the kernel must "
                              f"make fixture files readable under {root!r}") from None


@dataclass
class Answer:
    """What the simulated network does with one request."""

    kind: str  # "response", "timeout", "refused", "dns", "reset"
    method: str
    url: str
    host: str
    port: int
    scheme: str
    latency: float
    fixture: str
    status: int = 200
    reason: str = "OK"
    headers: list = field(default_factory=list)  # [(name, value)]
    body: bytes = b""
    address: str = ""

    def header(self, name, default=None):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return default

    def log(self, outcome: str | None = None, client: str = ""):
        if outcome is None:
            outcome = f"{self.status}" if self.kind == "response" else self.kind
        log("http", self.host, f"{self.method} {self.url} -> {outcome}", self.fixture)


def _substitute(value, captures):
    """Replace {name} with a URL capture. A string that is exactly {name:int} or {name:float}
    becomes a number, so JSON bodies can carry typed ids."""
    if isinstance(value, str):
        m = _CAPTURE_RE.fullmatch(value)
        if m and m.group(1) in captures and m.group(2) in ("int", "float"):
            raw = captures[m.group(1)]
            try:
                return int(raw) if m.group(2) == "int" else float(raw)
            except ValueError:
                return raw

        def repl(mm):
            if mm.group(1) in captures:
                return str(captures[mm.group(1)])
            return mm.group(0)

        return _CAPTURE_RE.sub(repl, value)
    if isinstance(value, list):
        return [_substitute(v, captures) for v in value]
    if isinstance(value, dict):
        return {_substitute(k, captures): _substitute(v, captures) for k, v in value.items()}
    return value


def _number(value, captures, what, rule):
    value = _substitute(value, captures)
    try:
        return float(value)
    except (TypeError, ValueError):
        raise SimulationError(f"simworld: {rule.fixture}: route {rule.describe()}: {what} {value!r} is not a number") from None


def http_answer(method: str, url: str, headers=None, body: bytes | None = None, client: str = "") -> Answer:
    """Decide what the simulated network answers to one request (no waiting happens here)."""
    method = method.upper()
    norm = normalize_url(url)
    parts = urlsplit(norm)
    scheme = parts.scheme
    host = parts.hostname or ""
    port = parts.port or _default_port(scheme) or 0
    rule = None
    captures = None
    for r in _state.routes:
        captures = r.match(method, url)
        if captures is not None:
            rule = r
            break
    if rule is None and _state.default is not None:
        rule, captures = _state.default, {}
    if rule is None:
        names = ", ".join(_state.names) or "no fixture files"
        raise SimulationError(f"simworld: no fixture answers {method} {url} and no http.default is declared "
                              f"(loaded: {names})")
    rule.hits += 1
    spec = rule.spec
    latency = _number(spec.get("latency", 0), captures, "latency", rule)
    base = dict(kind="response", method=method, url=str(url), host=host, port=port, scheme=scheme,
                latency=latency, fixture=rule.fixture)
    fault = spec.get("fault")
    fields = dict(spec)
    if isinstance(fault, dict):
        kind = fault.get("type")
        if kind is not None and kind not in _FAULT_KINDS:
            raise SimulationError(f"simworld: {rule.fixture}: unknown fault type {kind!r}")
        if kind:
            base["kind"] = kind
            if "latency" in fault:
                base["latency"] = _number(fault["latency"], captures, "latency", rule)
            elif kind in ("refused", "dns"):
                base["latency"] = 0.0
            base["address"] = fault.get("address") or _address_for(host)
            return Answer(**base)
        fields.update({k: v for k, v in fault.items() if k != "type"})
        if "latency" in fault:
            base["latency"] = _number(fault["latency"], captures, "latency", rule)
    elif isinstance(fault, str):
        base["kind"] = fault
        if fault in ("refused", "dns") and "latency" not in spec:
            base["latency"] = 0.0
        base["address"] = _address_for(host)
        return Answer(**base)

    status = int(_substitute(fields.get("status", 200), captures))
    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = ""
    reason = str(fields.get("reason", reason))
    hdrs = []
    raw_headers = _substitute(fields.get("headers") or {}, captures)
    items = raw_headers.items() if isinstance(raw_headers, dict) else raw_headers
    for k, v in items:
        hdrs.append((str(k), str(v)))
    have = {k.lower() for k, _ in hdrs}
    content_type = None
    if rule.echo is not None:
        payload = _echo(rule, method, url, headers or [], body or b"", rule.spec.get("origin"))
        data = (json.dumps(payload, indent=2, sort_keys=True, ensure_ascii=True) + "\n").encode()
        content_type = "application/json"
    elif "json" in fields:
        value = _substitute(fields["json"], captures)
        indent = fields.get("indent")
        if indent:
            text = json.dumps(value, indent=int(indent), ensure_ascii=False)
        else:
            text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        data = text.encode("utf-8")
        content_type = "application/json; charset=utf-8"
    elif "body_base64" in fields:
        data = base64.b64decode(fields["body_base64"])
        content_type = "application/octet-stream"
    elif rule.body_file_data is not None:
        data = rule.body_file_data
        content_type = "application/octet-stream"
    elif "body" in fields:
        data = str(_substitute(fields["body"], captures)).encode("utf-8")
        content_type = "text/plain; charset=utf-8"
    else:
        data = b""
    if content_type and "content-type" not in have:
        hdrs.insert(0, ("Content-Type", content_type))
    if "content-length" not in have:
        hdrs.append(("Content-Length", str(len(data))))
    if "date" not in have:
        hdrs.append(("Date", formatdate(time.time(), usegmt=True)))
    return Answer(**base, status=status, reason=reason, headers=hdrs, body=data)


def _address_for(host):
    if host in ("localhost", "127.0.0.1", "::1"):
        return "127.0.0.1"
    if re.fullmatch(r"[0-9.]+", host):
        return host
    return "203.0.113.10"


def _echo(rule, method, url, headers, body, origin):
    parts = urlsplit(str(url))
    args = {}
    for k, v in parse_qsl(parts.query, keep_blank_values=True):
        if k in args:
            args[k] = args[k] if isinstance(args[k], list) else [args[k]]
            args[k].append(v)
        else:
            args[k] = v
    hdrs = {}
    for k, v in headers:
        hdrs["-".join(w.capitalize() for w in str(k).split("-"))] = str(v)
    hdrs.setdefault("Host", parts.netloc)
    hdrs["X-Amzn-Trace-Id"] = "Root=1-00000000-000000000000000000000000"
    ctype = hdrs.get("Content-Type", "")
    text = body.decode("utf-8", "replace")
    form = {}
    parsed_json = None
    if ctype.startswith("application/x-www-form-urlencoded"):
        form = dict(parse_qsl(text, keep_blank_values=True))
        text = ""
    elif body:
        try:
            parsed_json = json.loads(text)
        except ValueError:
            parsed_json = None
    values = {
        "args": args, "data": text, "files": {}, "form": form, "headers": hdrs, "json": parsed_json,
        "method": method, "origin": origin or "198.51.100.23", "url": url,
    }
    return {k: values[k] for k in rule.echo}


def redirect_target(answer: Answer) -> str | None:
    """Absolute URL of a redirect response's Location header, or None."""
    if answer.kind != "response" or answer.status not in (301, 302, 303, 307, 308):
        return None
    loc = answer.header("Location")
    if not loc:
        return None
    from urllib.parse import urljoin
    return urljoin(answer.url, loc)


# --------------------------------------------------------------------------------------------
# Databases

_DB_KEYS = {"dsn", "latency", "connect_latency", "schema", "rows", "fault", "note"}


class DbRule:
    def __init__(self, spec, fixture):
        where = f"{fixture}: databases"
        if not isinstance(spec, dict) or "dsn" not in spec:
            raise SimulationError(f"simworld: {where}: each database needs a `dsn:` glob")
        _check_keys(spec, _DB_KEYS, where)
        self.spec = spec
        self.fixture = fixture
        self.dsn = str(spec["dsn"])
        self.latency = float(spec.get("latency", 0))
        self.connect_latency = float(spec.get("connect_latency", self.latency))
        self.fault = spec.get("fault")
        if self.fault not in (None, "refused", "auth"):
            raise SimulationError(f"simworld: {where}: unknown fault {self.fault!r} (use refused or auth)")


@dataclass
class Dsn:
    """A PostgreSQL connection target, parsed from a URI, a key=value string or keyword args."""

    host: str = "localhost"
    port: int = 5432
    user: str = ""
    password: str = ""
    dbname: str = ""
    raw: str = ""

    @property
    def display(self):
        user = f"{self.user}@" if self.user else ""
        port = f":{self.port}" if self.port != 5432 else ""
        return f"postgresql://{user}{self.host}{port}/{self.dbname}"

    @property
    def identity(self):
        return f"{self.host}:{self.port}/{self.dbname}"


def parse_dsn(dsn=None, **kwargs) -> Dsn:
    out = Dsn()
    user_env = "postgres"
    if dsn:
        dsn = str(dsn)
        out.raw = dsn
        if "://" in dsn:
            p = urlsplit(dsn)
            if p.scheme not in ("postgres", "postgresql"):
                raise ValueError(f"invalid DSN: scheme is expected to be either \"postgresql\" or \"postgres\", got {p.scheme!r}")
            host = p.netloc.rpartition("@")[2]
            hostname, _, port = host.rpartition(":") if host.count(":") == 1 else (host, "", "")
            out.host = unquote(hostname) or "localhost"
            if port.isdigit():
                out.port = int(port)
            if "@" in p.netloc:
                cred = p.netloc.rpartition("@")[0]
                u, _, pw = cred.partition(":")
                out.user, out.password = unquote(u), unquote(pw)
            out.dbname = unquote(p.path.lstrip("/"))
            for k, v in parse_qsl(p.query):
                kwargs.setdefault(k, v)
        else:
            for m in re.finditer(r"(\w+)\s*=\s*('(?:[^'\\]|\\.)*'|\S+)", dsn):
                v = m.group(2)
                if v.startswith("'"):
                    v = v[1:-1]
                kwargs.setdefault(m.group(1), v)
    for k, v in kwargs.items():
        if v is None:
            continue
        if k == "host":
            out.host = str(v)
        elif k == "port":
            out.port = int(v)
        elif k == "user":
            out.user = str(v)
        elif k == "password":
            out.password = str(v)
        elif k in ("dbname", "database"):
            out.dbname = str(v)
    if not out.dbname:
        out.dbname = out.user or user_env
    return out


class DatabaseUnavailable(Exception):
    """No fixture database answers this DSN (kind 'refused'), or the fixture says so."""

    def __init__(self, kind, dsn):
        super().__init__(kind)
        self.kind = kind
        self.dsn = dsn


def open_database(dsn: Dsn) -> "SimDatabase":
    """The simulated database behind `dsn`, created and seeded on first use."""
    rule = None
    for r in _state.databases:
        if fnmatch.fnmatchcase(dsn.display, r.dsn) or (dsn.raw and fnmatch.fnmatchcase(dsn.raw, r.dsn)):
            rule = r
            break
    if rule is None:
        log("db", dsn.display, "connect -> refused (no fixture database matches)", "default")
        raise DatabaseUnavailable("refused", dsn)
    if rule.fault:
        log("db", dsn.display, f"connect -> {rule.fault}", rule.fixture)
        raise DatabaseUnavailable(rule.fault, dsn)
    key = (id(rule), dsn.identity)
    db = _state.open_dbs.get(key)
    if db is None:
        db = SimDatabase(rule, dsn)
        _state.open_dbs[key] = db
    return db


_converters_registered = False


def _register_converters():
    # Declared column types decide the Python type of a value, as the PostgreSQL drivers do.
    # (Module-wide in sqlite3; these names are PostgreSQL types that plain sqlite code rarely
    # declares, and TIMESTAMP/DATE only replace sqlite3's own deprecated converters.)
    global _converters_registered
    if _converters_registered:
        return
    _converters_registered = True

    def to_bool(b):
        return b not in (b"0", b"", b"f", b"false", b"False")

    def to_ts(b, aware):
        v = _dt.datetime.fromisoformat(b.decode())
        if aware and v.tzinfo is None:
            v = v.replace(tzinfo=_dt.timezone.utc)
        if not aware and v.tzinfo is not None:
            v = v.astimezone(_dt.timezone.utc).replace(tzinfo=None)
        return v

    sqlite3.register_converter("BOOLEAN", to_bool)
    sqlite3.register_converter("BOOL", to_bool)
    sqlite3.register_converter("TIMESTAMPTZ", lambda b: to_ts(b, True))
    sqlite3.register_converter("TIMESTAMP", lambda b: to_ts(b, False))
    sqlite3.register_converter("DATE", lambda b: _dt.date.fromisoformat(b.decode()[:10]))
    sqlite3.register_converter("NUMERIC", lambda b: decimal.Decimal(b.decode()))
    sqlite3.register_converter("DECIMAL", lambda b: decimal.Decimal(b.decode()))
    for scale in range(0, 39):
        quantum = decimal.Decimal(1).scaleb(-scale)
        sqlite3.register_converter(f"NUMERIC_S{scale}", lambda b, q=quantum: decimal.Decimal(b.decode()).quantize(q))
    sqlite3.register_converter("UUID", lambda b: uuid.UUID(b.decode()))


def _sim_now():
    return _dt.datetime.fromtimestamp(time.time(), _dt.timezone.utc).isoformat(" ")


class SimDatabase:
    """One in-memory sqlite database, shared by every simulated connection to one DSN."""

    def __init__(self, rule: DbRule, dsn: Dsn):
        global _db_counter
        _db_counter += 1
        _register_converters()
        self.rule = rule
        self.dsn = dsn
        self.fixture = rule.fixture
        self.latency = rule.latency
        self.connect_latency = rule.connect_latency
        self.uri = f"file:simworld_db_{_db_counter}?mode=memory&cache=shared"
        self._keeper = self.connect()  # an in-memory database lives while one connection is open
        schema = rule.spec.get("schema")
        if schema:
            for stmt in split_statements(translate_pg(str(schema))):
                self._keeper.execute(stmt)
        rows = rule.spec.get("rows") or {}
        for table, table_rows in rows.items():
            for row in table_rows or []:
                if isinstance(row, dict):
                    cols = ", ".join(f'"{c}"' for c in row)
                    marks = ", ".join("?" for _ in row)
                    self._keeper.execute(f'INSERT INTO "{table}" ({cols}) VALUES ({marks})',
                                         [adapt_param(v) for v in row.values()])
                else:
                    marks = ", ".join("?" for _ in row)
                    self._keeper.execute(f'INSERT INTO "{table}" VALUES ({marks})', [adapt_param(v) for v in row])

    def connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.uri, uri=True, isolation_level=None, check_same_thread=False,
                               detect_types=sqlite3.PARSE_DECLTYPES)
        conn.execute("PRAGMA read_uncommitted = 1")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.create_function("sim_now", 0, _sim_now)
        return conn

    def log(self, detail):
        log("db", self.dsn.display, detail, self.fixture)

    def dispose(self):
        try:
            self._keeper.close()
        except Exception:
            pass


def adapt_param(v):
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, _dt.datetime):
        return v.isoformat(" ")
    if isinstance(v, (_dt.date, _dt.time)):
        return v.isoformat()
    if isinstance(v, decimal.Decimal):
        return str(v)
    if isinstance(v, uuid.UUID):
        return str(v)
    if isinstance(v, (dict, list)):
        return json.dumps(v)
    return v


# --- SQL translation -------------------------------------------------------------------------

_TOKEN_RE = re.compile(
    r"""('(?:[^']|'')*')            # string literal
      |("(?:[^"]|"")*")            # quoted identifier
      |(--[^\n]*)                  # line comment
      |(/\*.*?\*/)                 # block comment
      |(\$[0-9]+)                  # asyncpg placeholder
      |(\bDEFAULT\s+(?:NOW\(\)|CURRENT_TIMESTAMP)(?!\w))
      |(\bNOW\(\)|\bCURRENT_TIMESTAMP\b)
      |(\b(?:BIG|SMALL)?SERIAL\b)
      |(\bILIKE\b)
      |(\b(?:NUMERIC|DECIMAL)\s*\(\s*\d+\s*,\s*(\d+)\s*\))   # a scale: NUMERIC(10, 2)
      |(::\s*\w+(?:\s+(?:precision|varying)|\s+with(?:out)?\s+time\s+zone)?(?:\s*\(\s*\d+(?:\s*,\s*\d+)?\s*\))?(?:\[\])?)   # a cast: $1::int
    """,
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)


def translate_pg(sql: str) -> str:
    """PostgreSQL spellings sqlite lacks, rewritten outside string literals: $n placeholders,
    NOW()/CURRENT_TIMESTAMP (on the virtual clock), SERIAL, ILIKE, NUMERIC(p, s) (values keep
    the scale, as PostgreSQL returns them: Decimal('89000.00')), and `::type` casts (dropped)."""

    def repl(m):
        if m.group(1) or m.group(2) or m.group(3) or m.group(4):
            return m.group(0)
        if m.group(5):
            return "?" + m.group(5)[1:]
        if m.group(6):
            return "DEFAULT (sim_now())"
        if m.group(7):
            return "sim_now()"
        if m.group(8):
            return "INTEGER"
        if m.group(9):
            return "LIKE"
        if m.group(10):
            # A declared type sqlite3 hands to the converter of that scale (NUMERIC affinity still).
            return f"NUMERIC_S{int(m.group(11))}"
        if m.group(12):
            # sqlite's values carry their own types, and parameters arrive typed: drop the cast.
            return ""
        return m.group(0)

    return _TOKEN_RE.sub(repl, sql)


def count_dollar_params(sql: str) -> int:
    n = 0
    for m in _TOKEN_RE.finditer(sql):
        if m.group(5):
            n = max(n, int(m.group(5)[1:]))
    return n


def split_statements(sql: str) -> list[str]:
    out, buf = [], ""
    for part in re.split(r"(;)", sql):
        buf += part
        if part == ";" and sqlite3.complete_statement(buf):
            if buf.strip(" \t\r\n;"):
                out.append(buf.strip())
            buf = ""
    if buf.strip(" \t\r\n;"):
        out.append(buf.strip())
    return out


_FIRST_WORDS_RE = re.compile(r"^\s*(?:--[^\n]*\n\s*|/\*.*?\*/\s*)*([A-Za-z]+)(?:\s+([A-Za-z]+))?", re.DOTALL)


def statement_kind(sql: str) -> tuple[str, str]:
    m = _FIRST_WORDS_RE.match(sql)
    if not m:
        return "", ""
    return m.group(1).upper(), (m.group(2) or "").upper()


def is_write(sql: str) -> bool:
    first, _ = statement_kind(sql)
    return first not in ("SELECT", "VALUES", "SHOW", "EXPLAIN", "BEGIN", "COMMIT", "ROLLBACK", "START",
                         "SAVEPOINT", "RELEASE", "END", "")


@dataclass
class Result:
    columns: list
    rows: list
    rowcount: int
    status: str


class Locked(Exception):
    """sqlite refused because another connection's open transaction holds a lock."""


@dataclass
class PgError:
    sqlstate: str
    message: str
    kind: str  # a class key: UndefinedTable, UndefinedColumn, Syntax, UniqueViolation, ...
    detail: str | None = None


def run_statement(conn: sqlite3.Connection, sql: str, params=()) -> Result:
    """Run one already-translated statement; raises Locked or sqlite3.Error."""
    try:
        cur = conn.execute(sql, params)
        rows = cur.fetchall()
    except sqlite3.OperationalError as e:
        if "locked" in str(e):
            raise Locked(str(e)) from None
        raise
    columns = [d[0] for d in cur.description] if cur.description else []
    first, second = statement_kind(sql)
    if first == "INSERT":
        status = f"INSERT 0 {cur.rowcount}"
        count = cur.rowcount
    elif first in ("UPDATE", "DELETE"):
        status = f"{first} {cur.rowcount}"
        count = cur.rowcount
    elif first in ("SELECT", "VALUES", "WITH"):
        status = f"SELECT {len(rows)}"
        count = len(rows)
    elif first in ("CREATE", "DROP", "ALTER"):
        if second in ("UNIQUE",):
            second = "INDEX"
        status = f"{first} {second}".strip()
        count = -1
    else:
        status = first
        count = -1
    if first in ("INSERT", "UPDATE", "DELETE") and cur.description:
        count = len(rows) if cur.rowcount < 0 else cur.rowcount
        status = f"INSERT 0 {count}" if first == "INSERT" else f"{first} {count}"
    return Result(columns, rows, count, status)


def pg_error(exc: Exception, conn: sqlite3.Connection | None = None) -> PgError:
    """sqlite's error, reported the way PostgreSQL would report the same mistake."""
    msg = str(exc)
    m = re.match(r"no such table: (?:\w+\.)?(\S+)", msg)
    if m:
        return PgError("42P01", f'relation "{m.group(1)}" does not exist', "UndefinedTable")
    m = re.match(r"no such column: (\S+)", msg)
    if m:
        return PgError("42703", f'column "{m.group(1).split(".")[-1]}" does not exist', "UndefinedColumn")
    m = re.match(r'near "(.*)": syntax error', msg, re.DOTALL)
    if m:
        return PgError("42601", f'syntax error at or near "{m.group(1)}"', "Syntax")
    if msg.startswith("incomplete input"):
        return PgError("42601", "syntax error at end of input", "Syntax")
    m = re.match(r"table (\S+) already exists", msg)
    if m:
        return PgError("42P07", f'relation "{m.group(1)}" already exists', "DuplicateTable")
    m = re.match(r"UNIQUE constraint failed: (\w+)\.(\w+)", msg)
    if m:
        table, col = m.groups()
        name = f"{table}_{col}_key"
        if conn is not None:
            try:
                info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
                if any(r[1] == col and r[5] for r in info):
                    name = f"{table}_pkey"
            except sqlite3.Error:
                pass
        return PgError("23505", f'duplicate key value violates unique constraint "{name}"', "UniqueViolation")
    m = re.match(r"NOT NULL constraint failed: (\w+)\.(\w+)", msg)
    if m:
        return PgError("23502", f'null value in column "{m.group(2)}" of relation "{m.group(1)}" violates not-null constraint',
                       "NotNullViolation")
    if msg.startswith("FOREIGN KEY constraint failed"):
        return PgError("23503", "insert or update violates foreign key constraint", "ForeignKeyViolation")
    m = re.match(r"CHECK constraint failed: (.*)", msg)
    if m:
        return PgError("23514", f'new row violates check constraint "{m.group(1)}"', "CheckViolation")
    m = re.match(r"(?:Incorrect number of bindings supplied|You did not supply a value for binding)", msg)
    if m:
        return PgError("08P01", f"bind message supplies a different number of parameters than the statement needs ({msg})",
                       "Protocol")
    if isinstance(exc, Locked):
        return PgError("55P03", "could not obtain lock: another connection's open transaction holds a lock on this "
                       "table (the sandbox's sqlite database locks whole tables where PostgreSQL locks rows; "
                       "commit or roll back the other connection first)", "LockNotAvailable")
    return PgError("XX000", f"{msg} (reported by the sandbox's sqlite database)", "Internal")


# How long a statement waits for another connection's lock before giving up (virtual seconds).
LOCK_TIMEOUT = 5.0
LOCK_POLL = 0.01
