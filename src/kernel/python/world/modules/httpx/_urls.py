"""`httpx.URL`."""

from urllib.parse import urljoin, urlsplit


class URL:
    def __init__(self, url=""):
        self._url = str(url)
        p = urlsplit(self._url)
        self.scheme, self.host, self.port = p.scheme, p.hostname or "", p.port
        self.path = p.path or "/"
        self.query = p.query.encode()
        self.fragment = p.fragment

    @property
    def params(self):
        from urllib.parse import parse_qsl
        return dict(parse_qsl(self.query.decode()))

    def join(self, url):
        return URL(urljoin(self._url, str(url)))

    def __str__(self):
        return self._url

    def __repr__(self):
        return f"URL('{self._url}')"

    def __eq__(self, other):
        return str(self) == str(other)

    def __hash__(self):
        return hash(self._url)
