"""requests.auth: HTTPBasicAuth (bearer-style custom auth via AuthBase works too)."""

from base64 import b64encode


def _basic_auth_str(username, password):
    if isinstance(username, str):
        username = username.encode("latin1")
    if isinstance(password, str):
        password = password.encode("latin1")
    return "Basic " + b64encode(b":".join((username, password))).strip().decode()


class AuthBase:
    def __call__(self, r):
        raise NotImplementedError("Auth hooks must be callable.")


class HTTPBasicAuth(AuthBase):
    def __init__(self, username, password):
        self.username = username
        self.password = password

    def __eq__(self, other):
        return all([self.username == getattr(other, "username", None),
                    self.password == getattr(other, "password", None)])

    def __call__(self, r):
        r.headers["Authorization"] = _basic_auth_str(self.username, self.password)
        return r


class HTTPDigestAuth(AuthBase):
    def __init__(self, username, password):
        raise NotImplementedError("HTTPDigestAuth is not available in this sandbox")
