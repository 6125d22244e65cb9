"""HTTP Headers constants (the commonly used subset of aiohttp.hdrs)."""

from multidict import istr

METH_ANY = "*"
METH_CONNECT = "CONNECT"
METH_HEAD = "HEAD"
METH_GET = "GET"
METH_DELETE = "DELETE"
METH_OPTIONS = "OPTIONS"
METH_PATCH = "PATCH"
METH_POST = "POST"
METH_PUT = "PUT"
METH_TRACE = "TRACE"

ACCEPT = istr("Accept")
ACCEPT_ENCODING = istr("Accept-Encoding")
AUTHORIZATION = istr("Authorization")
CONTENT_LENGTH = istr("Content-Length")
CONTENT_TYPE = istr("Content-Type")
COOKIE = istr("Cookie")
HOST = istr("Host")
LOCATION = istr("Location")
SET_COOKIE = istr("Set-Cookie")
USER_AGENT = istr("User-Agent")
