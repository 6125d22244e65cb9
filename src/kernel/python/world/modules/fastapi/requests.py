"""fastapi.Request: what an endpoint sees of the incoming (in-process) request."""

import json
from collections import namedtuple
from urllib.parse import parse_qsl, urlsplit

Address = namedtuple("Address", ["host", "port"])


class URL:
    def __init__(self, url):
        self._url = url
        p = urlsplit(url)
        self.scheme, self.hostname, self.port = p.scheme, p.hostname, p.port
        self.path, self.query, self.fragment = p.path or "/", p.query, p.fragment
        self.netloc = p.netloc

    def __str__(self):
        return self._url

    def __repr__(self):
        return f"URL('{self._url}')"


class State:
    def __init__(self):
        object.__setattr__(self, "_state", {})

    def __setattr__(self, k, v):
        self._state[k] = v

    def __getattr__(self, k):
        try:
            return self._state[k]
        except KeyError:
            raise AttributeError(f"'State' object has no attribute '{k}'") from None


class Headers(dict):
    def __getitem__(self, k):
        return super().__getitem__(k.lower())

    def get(self, k, default=None):
        return super().get(k.lower(), default)

    def __contains__(self, k):
        return super().__contains__(k.lower())


class Request:
    def __init__(self, app, method, url, headers, body, path_params=None):
        self.app = app
        self.method = method
        self.url = URL(url)
        self.headers = Headers({k.lower(): v for k, v in headers.items()})
        self._body = body
        self.query_params = dict(parse_qsl(self.url.query, keep_blank_values=True))
        self.path_params = path_params or {}
        self.client = Address("testclient", 50000)
        self.cookies = {}
        self.state = State()
        self.scope = {"type": "http", "method": method, "path": self.url.path, "app": app}

    async def body(self):
        return self._body

    async def json(self):
        return json.loads(self._body)

    async def form(self):
        return dict(parse_qsl(self._body.decode()))

    async def is_disconnected(self):
        return False
