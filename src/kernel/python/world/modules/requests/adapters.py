"""requests.adapters: HTTPAdapter, the transport of the simulated web."""

from .sessions import _send

__all__ = ("BaseAdapter", "HTTPAdapter")


class BaseAdapter:
    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        raise NotImplementedError

    def close(self):
        pass


class HTTPAdapter(BaseAdapter):
    def __init__(self, pool_connections=10, pool_maxsize=10, max_retries=0, pool_block=False):
        self.max_retries = max_retries
        self.config = {}

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        return _send(request, timeout)
