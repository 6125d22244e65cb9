"""aiohttp.web (the server side) cannot run in this sandbox: nothing can listen for
connections here. The client side (aiohttp.ClientSession) is simulated from fixtures."""

raise ImportError(
    "aiohttp.web is not available in this sandbox: a server cannot be started here (there is no "
    "network). Use aiohttp.ClientSession against the simulated web, or FastAPI's TestClient to "
    "call an app in-process."
)
