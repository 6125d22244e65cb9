"""psycopg2.extras: dict-like cursors, execute_values/execute_batch, Json."""

import json as _json
from collections import OrderedDict, namedtuple

from ._core import cursor as _cursor, quote_literal

__all__ = ["DictCursor", "DictRow", "RealDictCursor", "RealDictRow", "NamedTupleCursor", "execute_values",
           "execute_batch", "Json", "register_uuid", "register_default_json", "register_default_jsonb"]


class DictRow(list):
    """A row object that allows by-column-name access to data."""

    __module__ = "psycopg2.extras"
    __slots__ = ("_index",)

    def __init__(self, values, index):
        super().__init__(values)
        self._index = index

    def __getitem__(self, x):
        if not isinstance(x, (int, slice)):
            x = self._index[x]
        return super().__getitem__(x)

    def get(self, x, default=None):
        try:
            return self[x]
        except Exception:
            return default

    def keys(self):
        return iter(self._index)

    def values(self):
        return iter(list(self))

    def items(self):
        return ((k, self[v]) for k, v in self._index.items())

    def __contains__(self, x):
        return x in self._index

    def copy(self):
        return OrderedDict(self.items())


class DictCursor(_cursor):
    __module__ = "psycopg2.extras"

    def _set_result(self, result):
        self._index = OrderedDict((name, i) for i, name in enumerate(result.columns))
        super()._set_result(result)

    def _make_row(self, row):
        return DictRow(row, self._index)


class RealDictRow(OrderedDict):
    """A `!dict` subclass representing a data record."""

    __module__ = "psycopg2.extras"

    def __repr__(self):
        return f"RealDictRow({dict(self)!r})"


class RealDictCursor(_cursor):
    __module__ = "psycopg2.extras"

    def _set_result(self, result):
        self._columns = result.columns
        super()._set_result(result)

    def _make_row(self, row):
        return RealDictRow(zip(self._columns, row))


class NamedTupleCursor(_cursor):
    __module__ = "psycopg2.extras"

    def _set_result(self, result):
        self._record = namedtuple("Record", result.columns, rename=True) if result.columns else None
        super()._set_result(result)

    def _make_row(self, row):
        return self._record(*row)


class DictConnection:
    pass


class Json:
    """An ~psycopg2.extensions.ISQLQuote wrapper to adapt a Python object to json."""

    def __init__(self, adapted, dumps=None):
        self.adapted = adapted
        self._dumps = dumps or _json.dumps

    def dumps(self, obj):
        return self._dumps(obj)

    def getquoted(self):
        return quote_literal(self.dumps(self.adapted)).encode()

    def __str__(self):
        return self.getquoted().decode()


def _paginate(seq, page_size):
    page = []
    for item in seq:
        page.append(item)
        if len(page) == page_size:
            yield page
            page = []
    if page:
        yield page


def execute_batch(cur, sql, argslist, page_size=100):
    """Execute groups of statements in fewer server roundtrips (one latency per page)."""
    for page in _paginate(argslist, page_size):
        sqls = [cur.mogrify(sql, args) for args in page]
        cur.execute(b";".join(sqls))


def execute_values(cur, sql, argslist, template=None, page_size=100, fetch=False):
    """Execute a statement using VALUES with a sequence of parameters (one latency per page)."""
    if isinstance(sql, bytes):
        sql = sql.decode()
    pre, _, post = sql.partition("%s")
    result = []
    for page in _paginate(argslist, page_size):
        parts = []
        for args in page:
            if template is None:
                parts.append("(" + ", ".join(quote_literal(a) for a in args) + ")")
            else:
                parts.append(cur.mogrify(template, args).decode())
        cur.execute(pre + ",".join(parts) + post)
        if fetch:
            result.extend(cur.fetchall())
    return result if fetch else None


def register_uuid(oids=None, conn_or_curs=None):
    return None


def register_default_json(conn_or_curs=None, globally=False, loads=None):
    return None


def register_default_jsonb(conn_or_curs=None, globally=False, loads=None):
    return None
