"""fastapi.params: Query, Path, Body, Header, Cookie, Form and Depends markers."""

_missing = ...


class Param:
    in_ = "query"

    def __init__(self, default=_missing, *, alias=None, title=None, description=None, gt=None, ge=None, lt=None,
                 le=None, min_length=None, max_length=None, pattern=None, regex=None, example=None,
                 examples=None, deprecated=None, include_in_schema=True, default_factory=None, embed=None,
                 media_type=None, convert_underscores=True, **extra):
        self.default = default_factory() if default_factory is not None else default
        self.alias = alias
        self.gt, self.ge, self.lt, self.le = gt, ge, lt, le
        self.min_length, self.max_length = min_length, max_length
        self.pattern = pattern or regex
        self.embed = embed
        self.convert_underscores = convert_underscores
        self.description = description

    def __repr__(self):
        return f"{type(self).__name__}({self.default!r})"


class Query(Param):
    in_ = "query"


class Path(Param):
    in_ = "path"


class Header(Param):
    in_ = "header"


class Cookie(Param):
    in_ = "cookie"


class Body(Param):
    in_ = "body"


class Form(Body):
    in_ = "form"


class File(Form):
    pass


class Depends:
    def __init__(self, dependency=None, *, use_cache=True):
        self.dependency = dependency
        self.use_cache = use_cache

    def __repr__(self):
        return f"Depends({getattr(self.dependency, '__name__', self.dependency)})"


class Security(Depends):
    def __init__(self, dependency=None, *, scopes=None, use_cache=True):
        super().__init__(dependency, use_cache=use_cache)
        self.scopes = scopes or []
