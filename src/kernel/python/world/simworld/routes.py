"""HTTP fixture routes: a route's keys checked once at configure time, its `url:` pattern (with
`{name}`, `{name:int}`, `{name:path}` captures and `*`) or `host:` glob, and whether it answers a
request. What the answer then is, is decided in http.py."""

from __future__ import annotations

import fnmatch
import os
import re
from urllib.parse import parse_qsl, unquote, urlsplit

from .state import SimulationError, _check_keys


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
