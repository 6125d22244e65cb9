"""PostgreSQL-style SQL on sqlite: `translate_pg()` rewrites the spellings sqlite lacks,
`run_statement()` runs one statement and reports it with PostgreSQL's command status, and
`pg_error()` words sqlite's errors as PostgreSQL would. Pure functions of their input (plus the
sqlite connection they are given), unit-tested under real CPythons."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass


_TOKEN_RE = re.compile(
    r"""('(?:[^']|'')*')            # string literal
      |("(?:[^"]|"")*")            # quoted identifier
      |(--[^\n]*)                  # line comment
      |(/\*.*?\*/)                 # block comment
      |(\$[0-9]+)                  # asyncpg placeholder
      |(\bDEFAULT\s+(?:NOW\(\)|CURRENT_TIMESTAMP)(?!\w))
      |(\bNOW\(\)|\bCURRENT_TIMESTAMP\b)
      |(\b(?:BIG|SMALL)?SERIAL\b)
      |(\bILIKE\b)
      |(\b(?:NUMERIC|DECIMAL)\s*\(\s*\d+\s*,\s*(\d+)\s*\))   # a scale: NUMERIC(10, 2)
      |(::\s*\w+(?:\s+(?:precision|varying)|\s+with(?:out)?\s+time\s+zone)?(?:\s*\(\s*\d+(?:\s*,\s*\d+)?\s*\))?(?:\[\])?)   # a cast: $1::int
    """,
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)


def translate_pg(sql: str) -> str:
    """PostgreSQL spellings sqlite lacks, rewritten outside string literals: $n placeholders,
    NOW()/CURRENT_TIMESTAMP (on the virtual clock), SERIAL, ILIKE, NUMERIC(p, s) (values keep
    the scale, as PostgreSQL returns them: Decimal('89000.00')), and `::type` casts (dropped)."""

    def repl(m):
        if m.group(1) or m.group(2) or m.group(3) or m.group(4):
            return m.group(0)
        if m.group(5):
            return "?" + m.group(5)[1:]
        if m.group(6):
            return "DEFAULT (sim_now())"
        if m.group(7):
            return "sim_now()"
        if m.group(8):
            return "INTEGER"
        if m.group(9):
            return "LIKE"
        if m.group(10):
            # A declared type sqlite3 hands to the converter of that scale (NUMERIC affinity still).
            return f"NUMERIC_S{int(m.group(11))}"
        if m.group(12):
            # sqlite's values carry their own types, and parameters arrive typed: drop the cast.
            return ""
        return m.group(0)

    return _TOKEN_RE.sub(repl, sql)


def count_dollar_params(sql: str) -> int:
    n = 0
    for m in _TOKEN_RE.finditer(sql):
        if m.group(5):
            n = max(n, int(m.group(5)[1:]))
    return n


def split_statements(sql: str) -> list[str]:
    out, buf = [], ""
    for part in re.split(r"(;)", sql):
        buf += part
        if part == ";" and sqlite3.complete_statement(buf):
            if buf.strip(" \t\r\n;"):
                out.append(buf.strip())
            buf = ""
    if buf.strip(" \t\r\n;"):
        out.append(buf.strip())
    return out


_FIRST_WORDS_RE = re.compile(r"^\s*(?:--[^\n]*\n\s*|/\*.*?\*/\s*)*([A-Za-z]+)(?:\s+([A-Za-z]+))?", re.DOTALL)


def statement_kind(sql: str) -> tuple[str, str]:
    m = _FIRST_WORDS_RE.match(sql)
    if not m:
        return "", ""
    return m.group(1).upper(), (m.group(2) or "").upper()


def is_write(sql: str) -> bool:
    first, _ = statement_kind(sql)
    return first not in ("SELECT", "VALUES", "SHOW", "EXPLAIN", "BEGIN", "COMMIT", "ROLLBACK", "START",
                         "SAVEPOINT", "RELEASE", "END", "")


@dataclass
class Result:
    columns: list
    rows: list
    rowcount: int
    status: str


class Locked(Exception):
    """sqlite refused because another connection's open transaction holds a lock."""


@dataclass
class PgError:
    sqlstate: str
    message: str
    kind: str  # a class key: UndefinedTable, UndefinedColumn, Syntax, UniqueViolation, ...
    detail: str | None = None


def run_statement(conn: sqlite3.Connection, sql: str, params=()) -> Result:
    """Run one already-translated statement; raises Locked or sqlite3.Error."""
    try:
        cur = conn.execute(sql, params)
        rows = cur.fetchall()
    except sqlite3.OperationalError as e:
        if "locked" in str(e):
            raise Locked(str(e)) from None
        raise
    columns = [d[0] for d in cur.description] if cur.description else []
    first, second = statement_kind(sql)
    if first == "INSERT":
        status = f"INSERT 0 {cur.rowcount}"
        count = cur.rowcount
    elif first in ("UPDATE", "DELETE"):
        status = f"{first} {cur.rowcount}"
        count = cur.rowcount
    elif first in ("SELECT", "VALUES", "WITH"):
        status = f"SELECT {len(rows)}"
        count = len(rows)
    elif first in ("CREATE", "DROP", "ALTER"):
        if second in ("UNIQUE",):
            second = "INDEX"
        status = f"{first} {second}".strip()
        count = -1
    else:
        status = first
        count = -1
    if first in ("INSERT", "UPDATE", "DELETE") and cur.description:
        count = len(rows) if cur.rowcount < 0 else cur.rowcount
        status = f"INSERT 0 {count}" if first == "INSERT" else f"{first} {count}"
    return Result(columns, rows, count, status)


# sqlite's messages that PostgreSQL words its own way: (sqlite's message, SQLSTATE, PostgreSQL's
# message from the groups, the exception's name). `re.match`: each rule names the message's start.
_PG_MESSAGES = [
    (r"no such table: (?:\w+\.)?(\S+)", "42P01", 'relation "{0}" does not exist', "UndefinedTable"),
    (r"no such column: (?:\S*\.)?([^\s.]*)", "42703", 'column "{0}" does not exist', "UndefinedColumn"),
    (r'near "(.*)": syntax error', "42601", 'syntax error at or near "{0}"', "Syntax"),
    (r"incomplete input", "42601", "syntax error at end of input", "Syntax"),
    (r"table (\S+) already exists", "42P07", 'relation "{0}" already exists', "DuplicateTable"),
    (r"NOT NULL constraint failed: (\w+)\.(\w+)", "23502",
     'null value in column "{1}" of relation "{0}" violates not-null constraint', "NotNullViolation"),
    (r"FOREIGN KEY constraint failed", "23503", "insert or update violates foreign key constraint",
     "ForeignKeyViolation"),
    (r"CHECK constraint failed: (.*)", "23514", 'new row violates check constraint "{0}"', "CheckViolation"),
    (r"(?:Incorrect number of bindings supplied|You did not supply a value for binding)", "08P01",
     "bind message supplies a different number of parameters than the statement needs ({message})", "Protocol"),
]


def pg_error(exc: Exception, conn: sqlite3.Connection | None = None) -> PgError:
    """sqlite's error, reported the way PostgreSQL would report the same mistake."""
    msg = str(exc)
    for pattern, code, template, name in _PG_MESSAGES:
        m = re.match(pattern, msg, re.DOTALL)
        if m:
            return PgError(code, template.format(*m.groups(), message=msg), name)
    m = re.match(r"UNIQUE constraint failed: (\w+)\.(\w+)", msg)
    if m:
        # PostgreSQL names the constraint: the table's primary key, or `<table>_<column>_key`.
        table, col = m.groups()
        name = f"{table}_{col}_key"
        if conn is not None:
            try:
                info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
                if any(r[1] == col and r[5] for r in info):
                    name = f"{table}_pkey"
            except sqlite3.Error:
                pass
        return PgError("23505", f'duplicate key value violates unique constraint "{name}"', "UniqueViolation")
    if isinstance(exc, Locked):
        return PgError("55P03", "could not obtain lock: another connection's open transaction holds a lock on this "
                       "table (the sandbox's sqlite database locks whole tables where PostgreSQL locks rows; "
                       "commit or roll back the other connection first)", "LockNotAvailable")
    return PgError("XX000", f"{msg} (reported by the sandbox's sqlite database)", "Internal")


# How long a statement waits for another connection's lock before giving up (virtual seconds).
LOCK_TIMEOUT = 5.0
LOCK_POLL = 0.01
