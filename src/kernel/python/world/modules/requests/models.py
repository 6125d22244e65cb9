"""requests.models: Request, PreparedRequest and Response."""

import datetime
import json as complexjson
import re
from http.cookies import SimpleCookie
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

from .exceptions import (
    HTTPError,
    InvalidURL,
    JSONDecodeError as RequestsJSONDecodeError,
    MissingSchema,
)
from .structures import CaseInsensitiveDict

__all__ = ("Request", "PreparedRequest", "Response")


def _encode_params(data):
    if isinstance(data, (str, bytes)):
        return data
    if hasattr(data, "read"):
        return data
    if hasattr(data, "__iter__"):
        result = []
        items = data.items() if hasattr(data, "items") else data
        for k, vs in items:
            if isinstance(vs, (str, bytes)) or not hasattr(vs, "__iter__"):
                vs = [vs]
            for v in vs:
                if v is not None:
                    result.append((k.encode("utf-8") if isinstance(k, str) else k,
                                   v.encode("utf-8") if isinstance(v, str) else v))
        return urlencode(result, doseq=True)
    return data


class Request:
    def __init__(self, method=None, url=None, headers=None, files=None, data=None, params=None, auth=None,
                 cookies=None, hooks=None, json=None):
        self.method = method
        self.url = url
        self.headers = headers or {}
        self.files = files or []
        self.data = data if data is not None else []
        self.json = json
        self.params = params or {}
        self.auth = auth
        self.cookies = cookies

    def __repr__(self):
        return f"<Request [{self.method}]>"

    def prepare(self):
        p = PreparedRequest()
        p.prepare(method=self.method, url=self.url, headers=self.headers, files=self.files, data=self.data,
                  params=self.params, auth=self.auth, json=self.json)
        return p


class PreparedRequest:
    def __init__(self):
        self.method = None
        self.url = None
        self.headers = None
        self.body = None
        self.hooks = {"response": []}

    def __repr__(self):
        return f"<PreparedRequest [{self.method}]>"

    def prepare(self, method=None, url=None, headers=None, files=None, data=None, params=None, auth=None,
                cookies=None, hooks=None, json=None):
        self.method = (method or "").upper()
        self.prepare_url(url, params)
        self.headers = CaseInsensitiveDict(headers or {})
        self.prepare_body(data, files, json)
        if auth:
            if isinstance(auth, tuple) and len(auth) == 2:
                from .auth import HTTPBasicAuth
                auth = HTTPBasicAuth(*auth)
            auth(self)

    def prepare_url(self, url, params):
        if isinstance(url, bytes):
            url = url.decode("utf8")
        else:
            url = str(url)
        url = url.lstrip()
        if ":" in url and not url.lower().startswith("http"):
            self.url = url
            return
        parts = urlsplit(url)
        if not parts.scheme:
            raise MissingSchema(f"Invalid URL {url!r}: No scheme supplied. Perhaps you meant https://{url}?")
        if not parts.hostname:
            raise InvalidURL(f"Invalid URL {url!r}: No host supplied")
        path = parts.path or "/"
        query = parts.query
        enc = _encode_params(params) if params else ""
        if enc:
            query = f"{query}&{enc}" if query else enc
        self.url = urlunsplit((parts.scheme, parts.netloc, quote(path, safe="/%:@!$&'()*+,;=~"),
                               quote(query, safe="=&%:@!$'()*+,;/?~"), parts.fragment))

    def prepare_body(self, data, files, json=None):
        body = None
        content_type = None
        if files:
            from simworld import SimulationError
            raise SimulationError("requests: file uploads (files=) are not available in this sandbox")
        if not data and json is not None:
            content_type = "application/json"
            body = complexjson.dumps(json, allow_nan=False)
            if not isinstance(body, bytes):
                body = body.encode("utf-8")
        elif data:
            if isinstance(data, (str, bytes)):
                body = data
            else:
                body = _encode_params(data)
                content_type = "application/x-www-form-urlencoded"
        if body is not None:
            length = len(body.encode("utf-8") if isinstance(body, str) else body)
            self.headers["Content-Length"] = str(length)
            if content_type and "content-type" not in self.headers:
                self.headers["Content-Type"] = content_type
        elif self.method not in ("GET", "HEAD"):
            self.headers["Content-Length"] = "0"
        self.body = body

    @property
    def path_url(self):
        p = urlsplit(self.url)
        return (p.path or "/") + (f"?{p.query}" if p.query else "")

    def copy(self):
        p = PreparedRequest()
        p.method, p.url, p.headers, p.body = self.method, self.url, self.headers.copy(), self.body
        return p


def get_encoding_from_headers(headers):
    content_type = headers.get("content-type")
    if not content_type:
        return None
    mime, _, params = content_type.partition(";")
    m = re.search(r"charset\s*=\s*[\"']?([^\"';\s]+)", params, re.I)
    if m:
        return m.group(1)
    if "text" in mime:
        return "ISO-8859-1"
    if "application/json" in mime:
        return "utf-8"
    return None


class Response:
    """The Response object, which contains a server's response to an HTTP request."""

    __attrs__ = ["_content", "status_code", "headers", "url", "history", "encoding", "reason", "cookies",
                 "elapsed", "request"]

    def __init__(self):
        self._content = False
        self._content_consumed = False
        self.status_code = None
        self.headers = CaseInsensitiveDict()
        self.raw = None
        self.url = None
        self.encoding = None
        self.history = []
        self.reason = None
        self.cookies = {}
        self.elapsed = datetime.timedelta(0)
        self.request = None

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __repr__(self):
        return f"<Response [{self.status_code}]>"

    def __bool__(self):
        return self.ok

    def __iter__(self):
        return self.iter_content(128)

    @property
    def ok(self):
        try:
            self.raise_for_status()
        except HTTPError:
            return False
        return True

    @property
    def is_redirect(self):
        return "location" in self.headers and self.status_code in (301, 302, 303, 307, 308)

    @property
    def is_permanent_redirect(self):
        return "location" in self.headers and self.status_code in (301, 308)

    @property
    def next(self):
        return None

    @property
    def apparent_encoding(self):
        try:
            self.content.decode("ascii")
            return "ascii"
        except UnicodeDecodeError:
            pass
        try:
            self.content.decode("utf-8")
            return "utf-8"
        except UnicodeDecodeError:
            return "Windows-1252"

    def iter_content(self, chunk_size=1, decode_unicode=False):
        data = self.content
        step = len(data) or 1 if chunk_size is None else chunk_size
        for i in range(0, len(data), step):
            chunk = data[i:i + step]
            yield chunk.decode(self.encoding or self.apparent_encoding, "replace") if decode_unicode else chunk

    def iter_lines(self, chunk_size=512, decode_unicode=False, delimiter=None):
        data = self.content
        if decode_unicode:
            data = data.decode(self.encoding or self.apparent_encoding, "replace")
        lines = data.split(delimiter) if delimiter else data.splitlines()
        yield from lines

    @property
    def content(self):
        return self._content

    @property
    def text(self):
        if not self.content:
            return ""
        encoding = self.encoding
        if self.encoding is None:
            encoding = self.apparent_encoding
        try:
            return str(self.content, encoding, errors="replace")
        except (LookupError, TypeError):
            return str(self.content, errors="replace")

    def json(self, **kwargs):
        try:
            return complexjson.loads(self.text, **kwargs)
        except complexjson.JSONDecodeError as e:
            # Unchained, as requests raises it: the traceback shows both errors the same way.
            raise RequestsJSONDecodeError(e.msg, e.doc, e.pos)  # noqa: B904

    @property
    def links(self):
        return {}

    def raise_for_status(self):
        http_error_msg = ""
        if isinstance(self.reason, bytes):
            try:
                reason = self.reason.decode("utf-8")
            except UnicodeDecodeError:
                reason = self.reason.decode("iso-8859-1")
        else:
            reason = self.reason
        if 400 <= self.status_code < 500:
            http_error_msg = f"{self.status_code} Client Error: {reason} for url: {self.url}"
        elif 500 <= self.status_code < 600:
            http_error_msg = f"{self.status_code} Server Error: {reason} for url: {self.url}"
        if http_error_msg:
            raise HTTPError(http_error_msg, response=self)

    def close(self):
        pass


def build_response(req, answer, elapsed):
    r = Response()
    r.status_code = answer.status
    r.reason = answer.reason
    for k, v in answer.headers:
        if k in r.headers and k.lower() == "set-cookie":
            r.headers[k] = r.headers[k] + ", " + v
        else:
            r.headers[k] = v
    r._content = answer.body if req.method != "HEAD" else b""
    r._content_consumed = True
    r.encoding = get_encoding_from_headers(r.headers)
    r.url = req.url
    r.request = req
    r.elapsed = datetime.timedelta(seconds=elapsed)
    cookies = {}
    for k, v in answer.headers:
        if k.lower() == "set-cookie":
            c = SimpleCookie()
            c.load(v)
            cookies.update({m.key: m.value for m in c.values()})
    r.cookies = cookies
    return r

