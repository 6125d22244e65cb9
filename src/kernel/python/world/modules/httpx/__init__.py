"""Stand-in for httpx (the client FastAPI's TestClient is built on), answering from the
sandbox's simulated web. Client waits on its thread, AsyncClient in the event loop (netfaults, on
the sandbox's virtual clock). Defaults follow httpx 0.28: a 5 s timeout, redirects not followed."""

# Laid out as httpx is (_client, _models, _exceptions, ...); every public name is httpx's own.
from .__version__ import __version__
from ._api import delete, get, head, options, patch, post, put, request
from ._client import AsyncClient, Client
from ._config import DEFAULT_TIMEOUT_CONFIG, Timeout  # noqa: F401 (httpx has it at the top level too)
from ._exceptions import (ConnectError, ConnectTimeout, HTTPError, HTTPStatusError, InvalidURL, NetworkError,
                          PoolTimeout, ReadError, ReadTimeout, RemoteProtocolError, RequestError, TimeoutException,
                          TooManyRedirects, TransportError, WriteTimeout)
from ._models import Headers, Request, Response
from ._status_codes import codes
from ._transports import _Transport  # noqa: F401 (the transport FastAPI's TestClient replaces)
from ._urls import URL

__all__ = ["AsyncClient", "Client", "Headers", "HTTPError", "HTTPStatusError", "Request", "RequestError", "Response",
           "Timeout", "TimeoutException", "ConnectError", "ConnectTimeout", "ReadTimeout", "TransportError",
           "NetworkError", "RemoteProtocolError", "TooManyRedirects", "URL", "get", "post", "put", "patch", "delete",
           "head", "options", "request", "codes", "InvalidURL", "PoolTimeout", "ReadError", "WriteTimeout"]

# As httpx does: the public names say they are httpx's, so a traceback reads `httpx.ConnectError`.
for _name in __all__:
    globals()[_name].__module__ = "httpx"
del _name
