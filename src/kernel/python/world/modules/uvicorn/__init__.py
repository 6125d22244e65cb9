"""Stand-in for uvicorn: there is no network in the sandbox, so no server can be started.
uvicorn.run() says so plainly and points to the in-process alternative, TestClient."""

__version__ = "0.38.0"

import simworld

_MESSAGE = ("uvicorn cannot start a server in this sandbox: there is no network here, so nothing can listen on "
            "{where}. To call your app's routes, use the in-process test client instead:\n\n"
            "    from fastapi.testclient import TestClient\n"
            "    client = TestClient(app)\n"
            "    response = client.get(\"/users/1\")\n"
            "    print(response.status_code, response.json())")


def run(app, *, host="127.0.0.1", port=8000, **kwargs):
    """Run a server (not available here: raises an error that explains the alternative)."""
    raise simworld.SimulationError(_MESSAGE.format(where=f"http://{host}:{port}"))


class Config:
    def __init__(self, app, host="127.0.0.1", port=8000, **kwargs):
        self.app, self.host, self.port = app, host, port


class Server:
    def __init__(self, config):
        self.config = config

    def run(self, sockets=None):
        raise simworld.SimulationError(_MESSAGE.format(where=f"http://{self.config.host}:{self.config.port}"))

    async def serve(self, sockets=None):
        self.run()


def main(*args, **kwargs):
    raise simworld.SimulationError(_MESSAGE.format(where="a port"))


__all__ = ["run", "Config", "Server", "main"]
