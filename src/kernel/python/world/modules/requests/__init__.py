"""Stand-in for requests, answering from the sandbox's simulated web.

Requests block their thread for the fixture's latency (time.sleep, virtual in the sandbox), so
sequential requests add up and threads overlap exactly as on a real network. Public names,
signatures, Response API and exceptions follow requests 2.32."""

__title__ = "requests"
__version__ = "2.32.5"

from . import packages, utils  # noqa: E402,F401
from .api import delete, get, head, options, patch, post, put, request  # noqa: E402
from .exceptions import (  # noqa: E402
    ConnectionError,
    ConnectTimeout,
    FileModeWarning,
    HTTPError,
    JSONDecodeError,
    ReadTimeout,
    RequestException,
    Timeout,
    TooManyRedirects,
    URLRequired,
)
from .models import PreparedRequest, Request, Response  # noqa: E402
from .sessions import Session, session  # noqa: E402
from .status_codes import codes  # noqa: E402
