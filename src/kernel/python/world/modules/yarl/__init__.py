"""Stand-in for `yarl.URL` (what aiohttp returns as `response.url`): an immutable URL with
the attribute names of the real package. Pure Python, no IDNA or percent-normalisation
subtleties beyond what readers of the tutorials would notice."""

from urllib.parse import quote, unquote, urlencode, urljoin, urlsplit, urlunsplit, parse_qsl

from multidict import MultiDict, MultiDictProxy

__all__ = ("URL", "Query")
__version__ = "1.22.0"

_DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}


class URL:
    __slots__ = ("_val",)

    def __new__(cls, val="", *, encoded=False):
        if isinstance(val, URL):
            return val
        self = object.__new__(cls)
        val = str(val)
        if not encoded:
            parts = urlsplit(val)
            val = urlunsplit((parts.scheme, parts.netloc, quote(parts.path, safe="/%:@!$&'()*+,;=~"),
                              quote(parts.query, safe="=&%:@!$'()*+,;/?~"), parts.fragment))
        self._val = urlsplit(val)
        return self

    @classmethod
    def build(cls, *, scheme="", user=None, password=None, host="", port=None, path="", query=None,
              query_string="", fragment="", encoded=False):
        netloc = host or ""
        if port is not None:
            netloc += f":{port}"
        if user:
            netloc = f"{user}{':' + password if password else ''}@{netloc}"
        if query:
            query_string = urlencode(query, doseq=True)
        return cls(urlunsplit((scheme, netloc, path, query_string, fragment)), encoded=encoded)

    def __str__(self):
        return urlunsplit(self._val)

    def __repr__(self):
        return f"URL('{self}')"

    def __eq__(self, other):
        if not isinstance(other, URL):
            return NotImplemented
        return str(self) == str(other)

    def __hash__(self):
        return hash(str(self))

    def __truediv__(self, name):
        path = self._val.path.rstrip("/") + "/" + quote(str(name), safe="")
        return URL(urlunsplit((self._val.scheme, self._val.netloc, path, "", "")), encoded=True)

    def __mod__(self, query):
        return self.update_query(query)

    def __bytes__(self):
        return str(self).encode("ascii")

    # components
    @property
    def scheme(self):
        return self._val.scheme

    @property
    def host(self):
        return self._val.hostname

    @property
    def raw_host(self):
        return self._val.hostname

    @property
    def port(self):
        return self._val.port or _DEFAULT_PORTS.get(self._val.scheme)

    @property
    def explicit_port(self):
        return self._val.port

    @property
    def user(self):
        return unquote(self._val.username) if self._val.username else None

    @property
    def password(self):
        return unquote(self._val.password) if self._val.password else None

    @property
    def authority(self):
        return self._val.netloc

    @property
    def raw_path(self):
        return self._val.path or ("/" if self.is_absolute() else "")

    @property
    def path(self):
        return unquote(self.raw_path)

    @property
    def raw_query_string(self):
        return self._val.query

    @property
    def query_string(self):
        return unquote(self._val.query)

    @property
    def path_qs(self):
        return self.path + (f"?{self.query_string}" if self._val.query else "")

    @property
    def raw_path_qs(self):
        return self.raw_path + (f"?{self._val.query}" if self._val.query else "")

    @property
    def query(self):
        return MultiDictProxy(MultiDict(parse_qsl(self._val.query, keep_blank_values=True)))

    @property
    def fragment(self):
        return unquote(self._val.fragment)

    @property
    def raw_fragment(self):
        return self._val.fragment

    @property
    def name(self):
        return self.path.rsplit("/", 1)[-1]

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        return name[i:] if 0 < i < len(name) - 1 else ""

    @property
    def parts(self):
        path = self.path
        if self.is_absolute():
            return ("/",) + tuple(p for p in path.split("/")[1:] if p != "" or False)
        return tuple(path.split("/"))

    @property
    def parent(self):
        path = self.raw_path.rstrip("/")
        path = path.rsplit("/", 1)[0] or "/"
        return URL(urlunsplit((self._val.scheme, self._val.netloc, path, "", "")), encoded=True)

    def is_absolute(self):
        return bool(self._val.netloc)

    def is_default_port(self):
        return self._val.port is None or self._val.port == _DEFAULT_PORTS.get(self._val.scheme)

    def origin(self):
        netloc = self._val.hostname or ""
        if self._val.port:
            netloc += f":{self._val.port}"
        return URL(urlunsplit((self._val.scheme, netloc, "", "", "")), encoded=True)

    def relative(self):
        return URL(urlunsplit(("", "", self._val.path, self._val.query, self._val.fragment)), encoded=True)

    def human_repr(self):
        return unquote(str(self))

    def join(self, url):
        return URL(urljoin(str(self), str(url)), encoded=True)

    def joinpath(self, *names, encoded=False):
        url = self
        for n in names:
            url = url / n
        return url

    def _replace(self, **kw):
        return URL(urlunsplit(self._val._replace(**kw)), encoded=True)

    def with_scheme(self, scheme):
        return self._replace(scheme=scheme)

    def with_host(self, host):
        netloc = host + (f":{self._val.port}" if self._val.port else "")
        return self._replace(netloc=netloc)

    def with_port(self, port):
        netloc = (self._val.hostname or "") + (f":{port}" if port else "")
        return self._replace(netloc=netloc)

    def with_path(self, path, *, encoded=False):
        return self._replace(path=path if encoded else quote(path, safe="/%:@"), query="", fragment="")

    def with_query(self, *args, **kwargs):
        query = args[0] if args else kwargs
        if query is None:
            return self._replace(query="")
        if isinstance(query, str):
            return self._replace(query=quote(query, safe="=&%:@/?"))
        items = query.items() if hasattr(query, "items") else query
        return self._replace(query=urlencode([(k, _qv(v)) for k, v in items]))

    def update_query(self, *args, **kwargs):
        query = args[0] if args else kwargs
        current = dict(parse_qsl(self._val.query, keep_blank_values=True))
        items = query.items() if hasattr(query, "items") else query
        for k, v in items:
            current[k] = _qv(v)
        return self._replace(query=urlencode(list(current.items())))

    def extend_query(self, *args, **kwargs):
        query = args[0] if args else kwargs
        items = list(parse_qsl(self._val.query, keep_blank_values=True))
        more = query.items() if hasattr(query, "items") else query
        items += [(k, _qv(v)) for k, v in more]
        return self._replace(query=urlencode(items))

    def with_fragment(self, fragment):
        return self._replace(fragment=quote(fragment or ""))

    def with_name(self, name):
        path = self.raw_path.rsplit("/", 1)[0] + "/" + quote(name, safe="")
        return self._replace(path=path, query="", fragment="")


def _qv(v):
    if isinstance(v, bool):
        raise TypeError("Invalid variable type: value should be str, int or float, got True of type <class 'bool'>")
    return str(v)


Query = None
