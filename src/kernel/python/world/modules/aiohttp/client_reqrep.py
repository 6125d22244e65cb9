"""ClientResponse, RequestInfo and friends, answering from the simulated world."""

import codecs
import json
import re
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import NamedTuple

from multidict import CIMultiDict, CIMultiDictProxy
from yarl import URL

from .client_exceptions import ClientConnectionError, ClientResponseError, ContentTypeError

__all__ = ("ClientResponse", "RequestInfo", "ConnectionKey", "StreamReader")

_JSON_RE = re.compile(r"^(?:application/|[\w.-]+/[\w.+-]+?\+)json$")


class HttpVersion(NamedTuple):
    major: int
    minor: int


HttpVersion11 = HttpVersion(1, 1)


@dataclass(frozen=True)
class RequestInfo:
    url: URL
    method: str
    headers: CIMultiDictProxy
    real_url: URL = None

    def __post_init__(self):
        if self.real_url is None:
            object.__setattr__(self, "real_url", self.url)


class ConnectionKey(NamedTuple):
    host: str
    port: int
    is_ssl: bool
    ssl: object
    proxy: object
    proxy_auth: object
    proxy_headers_hash: object


class StreamReader:
    """The response body as a stream (`response.content`). The simulated body has fully
    arrived once the headers have, so reads return at once."""

    def __init__(self, response):
        self._response = response
        self._pos = 0

    def _data(self):
        return self._response._raw_body()

    def at_eof(self):
        return self._pos >= len(self._data())

    async def read(self, n=-1):
        data = self._data()
        if n is None or n < 0:
            chunk = data[self._pos:]
        else:
            chunk = data[self._pos:self._pos + n]
        self._pos += len(chunk)
        return chunk

    async def readany(self):
        return await self.read()

    async def readline(self):
        data = self._data()
        end = data.find(b"\n", self._pos)
        end = len(data) if end < 0 else end + 1
        chunk = data[self._pos:end]
        self._pos = end
        return chunk

    async def readexactly(self, n):
        chunk = await self.read(n)
        if len(chunk) < n:
            import asyncio
            raise asyncio.IncompleteReadError(chunk, n)
        return chunk

    def iter_chunked(self, n):
        return _ChunkIter(self, n)

    def iter_any(self):
        return _ChunkIter(self, -1)

    def __aiter__(self):
        return _LineIter(self)


class _ChunkIter:
    def __init__(self, reader, n):
        self._reader, self._n = reader, n

    def __aiter__(self):
        return self

    async def __anext__(self):
        chunk = await self._reader.read(self._n)
        if not chunk:
            raise StopAsyncIteration
        return chunk


class _LineIter(_ChunkIter):
    def __init__(self, reader):
        super().__init__(reader, 0)

    async def __anext__(self):
        line = await self._reader.readline()
        if not line:
            raise StopAsyncIteration
        return line


class ClientResponse:
    """A response of the simulated web. The body is only read when asked for, as in aiohttp:
    once the response is released (leaving `async with`) or its session is closed, an unread
    body is gone."""

    version = HttpVersion11

    def __init__(self, method, url, answer, request_info, history, session, in_context=False):
        self.method = method
        self._url = URL(url) if not isinstance(url, URL) else url
        self._answer = answer
        self.status = answer.status
        self.reason = answer.reason
        headers = CIMultiDict()
        for k, v in answer.headers:
            headers.add(k, v)
        self._headers = CIMultiDictProxy(headers)
        self._raw_headers = tuple((k.encode(), v.encode()) for k, v in answer.headers)
        self._request_info = request_info
        self._history = tuple(history)
        self._session = session
        self._body = None
        self._released = False
        self._closed = False
        self._in_context = in_context
        self.content = StreamReader(self)
        self.cookies = SimpleCookie()
        for v in headers.getall("Set-Cookie", []):
            self.cookies.load(v)

    # -- attributes
    @property
    def url(self):
        return self._url

    @property
    def real_url(self):
        return self._url

    @property
    def host(self):
        return self._url.host

    @property
    def headers(self):
        return self._headers

    @property
    def raw_headers(self):
        return self._raw_headers

    @property
    def request_info(self):
        return self._request_info

    @property
    def history(self):
        return self._history

    @property
    def ok(self):
        return 400 > self.status

    @property
    def closed(self):
        return self._closed

    @property
    def connection(self):
        return None

    @property
    def content_type(self):
        raw = self._headers.get("Content-Type", "application/octet-stream")
        return raw.split(";", 1)[0].strip().lower()

    @property
    def charset(self):
        raw = self._headers.get("Content-Type", "")
        m = re.search(r"charset=\"?([^\";]+)\"?", raw, re.I)
        # As written: aiohttp keeps the parameter's case (`charset=UTF-8` gives "UTF-8").
        return m.group(1) if m else None

    @property
    def content_length(self):
        v = self._headers.get("Content-Length")
        return int(v) if v is not None else None

    @property
    def links(self):
        return CIMultiDictProxy(CIMultiDict())

    def __repr__(self):
        reason = self.reason.encode("ascii", "backslashreplace").decode("ascii") if self.reason else self.reason
        return f"<ClientResponse({self._url}) [{self.status} {reason}]>\n{self._headers}\n"

    # -- body
    def _raw_body(self):
        if self._body is None:
            if self._released or (self._session is not None and self._session.closed):
                raise ClientConnectionError("Connection closed")
            self._body = self._answer.body
        return self._body

    async def read(self):
        return self._raw_body()

    def get_encoding(self):
        charset = self.charset
        if charset:
            try:
                codecs.lookup(charset)
                return charset
            except LookupError:
                pass
        return "utf-8"

    async def text(self, encoding=None, errors="strict"):
        body = self._raw_body()
        return body.decode(encoding or self.get_encoding(), errors=errors)

    async def json(self, *, encoding=None, loads=json.loads, content_type="application/json"):
        body = self._raw_body()
        if content_type:
            ctype = self._headers.get("Content-Type", "").lower()
            mimetype = ctype.split(";", 1)[0].strip()
            ok = _JSON_RE.match(mimetype) if content_type == "application/json" else content_type in ctype
            if not ok:
                raise ContentTypeError(
                    self._request_info, self._history, status=self.status,
                    message="Attempt to decode JSON with unexpected mimetype: %s" % ctype, headers=self._headers)
        stripped = body.strip()
        if not stripped:
            return None
        return loads(stripped.decode(encoding or self.get_encoding()))

    # -- lifecycle
    def release(self):
        self._released = True
        self._closed = True

    def close(self):
        self._released = True
        self._closed = True

    async def wait_for_close(self):
        self.release()

    def raise_for_status(self):
        if not self.ok:
            if not self._in_context:
                self.release()
            raise ClientResponseError(self._request_info, self._history, status=self.status,
                                      message=self.reason, headers=self._headers)

    async def __aenter__(self):
        self._in_context = True
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self._in_context = False
        self.release()
