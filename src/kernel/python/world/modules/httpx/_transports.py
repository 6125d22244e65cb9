"""Where requests go: the sandbox's simulated network, with its faults on the virtual clock."""

import netfaults
import simworld

from .__version__ import __version__
from ._exceptions import ConnectError, ReadTimeout, RemoteProtocolError
from ._models import Response

_USER_AGENT = f"python-httpx/{__version__}"


def _plan(request):
    headers = [("Host", request.url.host), ("Accept", "*/*"), ("Accept-Encoding", "gzip, deflate"),
               ("Connection", "keep-alive"), ("User-Agent", _USER_AGENT)]
    have = {k.lower() for k, _ in headers}
    headers = [(k, v) for k, v in headers if k.lower() not in {h.lower() for h in request.headers.keys()}]
    headers += list(request.headers.raw_items())
    del have
    return simworld.http_answer(request.method, str(request.url), headers, request.content, client="httpx")


def _outcome(answer, timeout):
    read = timeout.read
    return netfaults.plan(answer, [(read, f"read timeout={read:g}" if read is not None else "", read)])


def _error(outcome, request, in_async=False):
    """The exception httpx raises for an outcome, or None. The async client's transport (httpcore
    over anyio) words two of them its own way: anyio's connect_tcp gives up with "All connection
    attempts failed", and its read timeout carries no message."""
    if outcome.kind == "refused":
        return ConnectError("All connection attempts failed" if in_async else "[Errno 111] Connection refused",
                            request=request)
    if outcome.kind == "dns":
        return ConnectError("[Errno -2] Name or service not known", request=request)
    if outcome.kind == "timeout":
        return ReadTimeout("" if in_async else "The read operation timed out", request=request)
    if outcome.kind == "reset":
        return RemoteProtocolError("Server disconnected without sending a response.", request=request)
    return None


def _response(answer, request, elapsed):
    return Response(answer.status, headers=answer.headers, content=answer.body, request=request, elapsed=elapsed)


class _Transport:
    """Where a Client's requests go: the simulated network. FastAPI's TestClient gives its Client
    a subclass that calls the app in-process instead, as the real TestClient hands httpx a
    transport. Kept private: a snippet's own transports are still refused (see _BaseClient)."""

    def send(self, request, timeout):
        """The response to `request`, and the absolute URL it redirects to (or None)."""
        answer = _plan(request)
        outcome = _outcome(answer, timeout)
        netfaults.wait(answer, outcome)
        exc = _error(outcome, request)
        if exc is not None:
            raise exc
        return _response(answer, request, outcome.wait), simworld.redirect_target(answer)
