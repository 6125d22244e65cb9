"""Stand-in for `multidict` (used by aiohttp for headers and query strings): ordered
mappings that may hold a key more than once. Pure Python; the behaviour readers see (lookup,
getall, reprs) follows the real package."""

from collections.abc import Mapping, MutableMapping

__all__ = ("MultiDict", "CIMultiDict", "MultiDictProxy", "CIMultiDictProxy", "istr", "upstr")
__version__ = "6.7.0"

_marker = object()


class istr(str):
    """Case-insensitive str."""

    def __hash__(self):
        return hash(self.lower())

    def __eq__(self, other):
        return isinstance(other, str) and self.lower() == other.lower()


upstr = istr


class _Base:
    _ci = False

    def _key(self, k):
        return k.lower() if self._ci and isinstance(k, str) else k

    def getall(self, key, default=_marker):
        k = self._key(key)
        res = [v for kk, v in self._items if self._key(kk) == k]
        if res:
            return res
        if default is not _marker:
            return default
        raise KeyError(key)

    def getone(self, key, default=_marker):
        k = self._key(key)
        for kk, v in self._items:
            if self._key(kk) == k:
                return v
        if default is not _marker:
            return default
        raise KeyError(key)

    def __getitem__(self, key):
        return self.getone(key)

    def get(self, key, default=None):
        return self.getone(key, default)

    def __iter__(self):
        return iter([k for k, _ in self._items])

    def __len__(self):
        return len(self._items)

    def keys(self):
        return [k for k, _ in self._items]

    def values(self):
        return [v for _, v in self._items]

    def items(self):
        return list(self._items)

    def __contains__(self, key):
        k = self._key(key)
        return any(self._key(kk) == k for kk, _ in self._items)

    def __eq__(self, other):
        if isinstance(other, _Base):
            return list(self._items) == list(other._items)
        if isinstance(other, Mapping):
            return dict(self._items) == dict(other)
        return NotImplemented

    def __repr__(self):
        body = ", ".join(f"{k!r}: {v!r}" for k, v in self._items)
        return f"<{type(self).__name__}({body})>"


class MultiDict(_Base, MutableMapping):
    def __init__(self, *args, **kwargs):
        self._items = []
        self.extend(*args, **kwargs)

    def add(self, key, value):
        self._items.append((key, value))

    def extend(self, *args, **kwargs):
        for arg in args:
            if isinstance(arg, _Base):
                pairs = arg.items()
            elif isinstance(arg, Mapping):
                pairs = arg.items()
            else:
                pairs = arg
            for k, v in pairs:
                self.add(k, v)
        for k, v in kwargs.items():
            self.add(k, v)

    def __setitem__(self, key, value):
        k = self._key(key)
        out, done = [], False
        for kk, v in self._items:
            if self._key(kk) == k:
                if not done:
                    out.append((key, value))
                    done = True
            else:
                out.append((kk, v))
        if not done:
            out.append((key, value))
        self._items = out

    def __delitem__(self, key):
        k = self._key(key)
        before = len(self._items)
        self._items = [(kk, v) for kk, v in self._items if self._key(kk) != k]
        if len(self._items) == before:
            raise KeyError(key)

    def popone(self, key, default=_marker):
        k = self._key(key)
        for i, (kk, v) in enumerate(self._items):
            if self._key(kk) == k:
                del self._items[i]
                return v
        if default is not _marker:
            return default
        raise KeyError(key)

    def copy(self):
        return type(self)(self._items)


class CIMultiDict(MultiDict):
    _ci = True


class MultiDictProxy(_Base, Mapping):
    def __init__(self, md):
        if not isinstance(md, MultiDict):
            raise TypeError(f"ctor requires MultiDict or MultiDictProxy instance, not {type(md)}")
        self._md = md

    @property
    def _items(self):
        return self._md._items

    def copy(self):
        return MultiDict(self._items) if not self._ci else CIMultiDict(self._items)


class CIMultiDictProxy(MultiDictProxy):
    _ci = True
