"""Stand-in for aiohttp's HTTP client, answering from the sandbox's simulated web.

Nothing here touches a network: `ClientSession` requests are answered by fixture rules
(content/fixtures/*.yaml) through `simworld`, after the (virtual) latency the fixture declares.
The public names, signatures, response API and exceptions follow aiohttp 3.13. The server side
(`aiohttp.web`) is not available."""

__version__ = "3.13.2"

from . import hdrs  # noqa: E402
from .client import ClientSession, ClientTimeout, request  # noqa: E402
from .client_exceptions import (  # noqa: E402
    ClientConnectionError,
    ClientConnectionResetError,
    ClientConnectorCertificateError,
    ClientConnectorDNSError,
    ClientConnectorError,
    ClientConnectorSSLError,
    ClientError,
    ClientHttpProxyError,
    ClientOSError,
    ClientPayloadError,
    ClientProxyConnectionError,
    ClientResponseError,
    ClientSSLError,
    ConnectionTimeoutError,
    ContentTypeError,
    InvalidURL,
    InvalidUrlClientError,
    InvalidUrlRedirectClientError,
    NonHttpUrlClientError,
    NonHttpUrlRedirectClientError,
    RedirectClientError,
    ServerConnectionError,
    ServerDisconnectedError,
    ServerFingerprintMismatch,
    ServerTimeoutError,
    SocketTimeoutError,
    TooManyRedirects,
    WSServerHandshakeError,
)
from .client_reqrep import ClientResponse, HttpVersion, HttpVersion11, RequestInfo  # noqa: E402
from .connector import BaseConnector, TCPConnector, UnixConnector  # noqa: E402
from .helpers import BasicAuth  # noqa: E402

__all__ = (
    "hdrs", "ClientSession", "ClientTimeout", "request", "ClientConnectionError", "ClientConnectionResetError",
    "ClientConnectorCertificateError", "ClientConnectorDNSError", "ClientConnectorError", "ClientConnectorSSLError",
    "ClientError", "ClientHttpProxyError", "ClientOSError", "ClientPayloadError", "ClientProxyConnectionError",
    "ClientResponseError", "ClientSSLError", "ConnectionTimeoutError", "ContentTypeError", "InvalidURL",
    "InvalidUrlClientError", "InvalidUrlRedirectClientError", "NonHttpUrlClientError",
    "NonHttpUrlRedirectClientError", "RedirectClientError", "ServerConnectionError", "ServerDisconnectedError",
    "ServerFingerprintMismatch", "ServerTimeoutError", "SocketTimeoutError", "TooManyRedirects",
    "WSServerHandshakeError", "ClientResponse", "HttpVersion", "HttpVersion11", "RequestInfo", "BaseConnector",
    "TCPConnector", "UnixConnector", "BasicAuth",
)
