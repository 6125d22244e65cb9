"""The top-level functions: one request through a Client of its own."""

from ._client import Client
from ._config import DEFAULT_TIMEOUT_CONFIG


def request(method, url, *, params=None, content=None, data=None, json=None, headers=None, timeout=DEFAULT_TIMEOUT_CONFIG,
            follow_redirects=False, **kwargs):
    with Client(timeout=timeout) as client:
        return client.request(method, url, params=params, content=content, data=data, json=json, headers=headers,
                              follow_redirects=follow_redirects)


def get(url, **kw):
    return request("GET", url, **kw)


def post(url, **kw):
    return request("POST", url, **kw)


def put(url, **kw):
    return request("PUT", url, **kw)


def patch(url, **kw):
    return request("PATCH", url, **kw)


def delete(url, **kw):
    return request("DELETE", url, **kw)


def head(url, **kw):
    return request("HEAD", url, **kw)


def options(url, **kw):
    return request("OPTIONS", url, **kw)
