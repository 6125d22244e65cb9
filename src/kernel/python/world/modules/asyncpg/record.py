"""asyncpg.Record: a read-only row, indexable by position and by column name."""


class Record:
    __slots__ = ("_keys", "_values", "_index")
    __module__ = "asyncpg"

    def __init__(self, keys, values, index=None):
        self._keys = tuple(keys)
        self._values = tuple(values)
        if index is None:
            index = {}
            for i, k in enumerate(self._keys):
                index.setdefault(k, i)
        self._index = index

    def __getitem__(self, key):
        if isinstance(key, str):
            try:
                return self._values[self._index[key]]
            except KeyError:
                raise KeyError(key) from None
        return self._values[key]

    def get(self, key, default=None):
        i = self._index.get(key)
        return default if i is None else self._values[i]

    def keys(self):
        return iter(self._keys)

    def values(self):
        return iter(self._values)

    def items(self):
        return iter(zip(self._keys, self._values))

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def __contains__(self, key):
        return key in self._index

    def __eq__(self, other):
        if isinstance(other, Record):
            return self._values == other._values
        if isinstance(other, tuple):
            return self._values == other
        return NotImplemented

    def __hash__(self):
        return hash(self._values)

    def __repr__(self):
        if not self._keys:
            return "<Record>"
        return "<Record " + " ".join(f"{k}={v!r}" for k, v in zip(self._keys, self._values)) + ">"

    def __setattr__(self, name, value):
        if name in Record.__slots__ and not hasattr(self, "_index"):
            object.__setattr__(self, name, value)
        else:
            raise AttributeError(f"'Record' object attribute {name!r} is read-only")
