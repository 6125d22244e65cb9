"""The simulated network's answers: `http_answer()` picks the route for one request and builds
the `Answer` (a response with status, headers and body, or a fault), substituting URL captures;
echo routes mirror the request back as httpbin does; `redirect_target()` follows Location.
No waiting happens here: clients spend `answer.latency` on their own clocks."""

from __future__ import annotations

import base64
import json
import re
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http import HTTPStatus
from urllib.parse import parse_qsl, urlsplit

from .routes import _CAPTURE_RE, _FAULT_KINDS, _default_port, normalize_url
from .state import SimulationError, _state, log


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
