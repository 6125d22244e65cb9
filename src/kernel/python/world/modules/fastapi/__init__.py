"""Stand-in for FastAPI. Apps, routes (with typed path/query/body parameters, Depends and
HTTPException) and TestClient work in-process; no server can be started in the sandbox
(uvicorn.run explains this), so TestClient is the way to call a route. Validation errors and
JSON rendering follow FastAPI 0.121 with Pydantic v2; pydantic models themselves are not
available here (there is no pydantic), so bodies arrive as dict/list."""

__version__ = "0.121.0"

from . import status  # noqa: E402,F401
from .applications import FastAPI  # noqa: E402
from .exceptions import HTTPException, RequestValidationError, WebSocketException  # noqa: E402,F401
from .params import Body, Cookie, Depends, File, Form, Header, Path, Query, Security  # noqa: E402
from .requests import Request  # noqa: E402
from .responses import Response  # noqa: E402
from .routing import APIRouter  # noqa: E402


class BackgroundTasks:
    def __init__(self):
        self.tasks = []

    def add_task(self, func, *args, **kwargs):
        self.tasks.append((func, args, kwargs))


class UploadFile:
    def __init__(self, *a, **k):
        import simworld
        raise simworld.SimulationError("fastapi.UploadFile is not available in this sandbox")


WebSocket = None

__all__ = ["FastAPI", "APIRouter", "HTTPException", "Depends", "Query", "Path", "Body", "Header", "Cookie", "Form",
           "File", "Security", "Request", "Response", "BackgroundTasks", "UploadFile", "status"]
