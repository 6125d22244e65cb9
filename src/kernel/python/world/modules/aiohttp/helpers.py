"""Helpers: BasicAuth (as in aiohttp.helpers)."""

import base64
from collections import namedtuple

__all__ = ("BasicAuth",)


class BasicAuth(namedtuple("BasicAuth", ["login", "password", "encoding"])):
    """Http basic authentication helper."""

    def __new__(cls, login, password="", encoding="latin1"):
        if login is None:
            raise ValueError("None is not allowed as login value")
        if password is None:
            raise ValueError("None is not allowed as password value")
        if ":" in login:
            raise ValueError('A ":" is not allowed in login (RFC 1945#section-11.1)')
        return super().__new__(cls, login, password, encoding)

    @classmethod
    def decode(cls, auth_header, encoding="latin1"):
        scheme, _, encoded = auth_header.partition(" ")
        if scheme.lower() != "basic":
            raise ValueError("Unknown authorization method %s" % scheme)
        login, _, password = base64.b64decode(encoded).decode(encoding).partition(":")
        return cls(login, password, encoding=encoding)

    def encode(self):
        creds = f"{self.login}:{self.password}".encode(self.encoding)
        return "Basic %s" % base64.b64encode(creds).decode(self.encoding)
