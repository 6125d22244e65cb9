"""The kernel's pure Python modules under a real CPython (outside Pyodide): the names a cell
defines and uses, the probes that time statements inside functions, and the PostgreSQL-to-sqlite
translation of the database stand-ins. Run by test/kernel/cpython.test.ts under each CPython the
machine has; plain unittest, no third-party packages."""

import ast
import os
import sqlite3
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
RUNTIME = os.path.normpath(os.path.join(HERE, "..", "..", "..", "src", "kernel", "python"))
sys.path.insert(0, RUNTIME)

from vkernel import names, probes  # noqa: E402
from vkernel.clock import clock  # noqa: E402
from world import simworld  # noqa: E402


class Names(unittest.TestCase):
    def test_defines_and_uses_at_top_level_and_inside_functions(self):
        source = (
            "import asyncio\n"
            "from json import dumps as d\n"
            "LIMIT = 3\n"
            "async def fetch(n):\n"
            "    await asyncio.sleep(n)\n"
            "    return helper(n) + LIMIT\n"
            "class Box:\n"
            "    size = other\n"
            "print(len([fetch]))\n"
        )
        defines, uses = names.defines_and_uses(source)
        self.assertEqual(defines, ["Box", "LIMIT", "asyncio", "d", "fetch"])
        # Builtins (print, len) are not dependencies; names used inside bodies are (LIMIT too: the
        # cell's own definitions are filtered by whoever resolves dependencies).
        self.assertEqual(uses, ["LIMIT", "asyncio", "fetch", "helper", "other"])
        self.assertNotIn("n", uses)

    def test_global_declarations_and_comprehensions(self):
        source = "def bump():\n    global counter\n    counter += 1\nsquares = [x * x for x in data]\n"
        defines, uses = names.defines_and_uses(source)
        self.assertEqual(defines, ["bump", "squares"])
        self.assertEqual(uses, ["counter", "data"])

    def test_a_comprehension_variable_is_neither_defined_nor_used(self):
        # Python 3.12+ inlines comprehensions: symtable lists `x` in the module's table.
        self.assertEqual(names.defines_and_uses("ys = [x * 2 for x in xs]\n"), (["ys"], ["xs"]))
        # Read outside the comprehension, or bound too, it is the module's own name.
        self.assertEqual(names.defines_and_uses("print(x)\nys = [x for x in xs]\n")[1], ["x", "xs"])
        self.assertEqual(names.defines_and_uses("x = 1\nys = [x for x in xs]\n")[0], ["x", "ys"])

    def test_an_augmented_assignment_reads_the_name_it_assigns(self):
        # A later cell's `total += 1` needs the earlier cell that defined `total`.
        self.assertEqual(names.defines_and_uses("total += 1\nif True:\n    seen += [1]\n")[1], ["seen", "total"])
        # A local of a function is not a dependency.
        self.assertEqual(names.defines_and_uses("def f():\n    n = 0\n    n += 1\n")[1], [])

    def test_imported_names_are_only_the_imports_never_reassigned(self):
        source = "import asyncio\nimport json\njson = None\nfrom os import path\n"
        self.assertEqual(names.imported_names(source), ["asyncio", "path"])

    def test_a_syntax_error_defines_and_uses_nothing(self):
        self.assertEqual(names.defines_and_uses("def broken(:\n    pass\n"), ([], []))
        self.assertEqual(names.imported_names("import (\n"), [])


class Probes(unittest.TestCase):
    def run_instrumented(self, source, segments, cell):
        tree = ast.parse(source, f"<cell {cell}>")
        probes.instrument(tree, segments, cell)
        namespace = {}
        exec(compile(tree, f"<cell {cell}>", "exec"), namespace)
        return namespace

    def test_brackets_the_statements_of_a_segment_and_keeps_line_numbers(self):
        source = (
            "def work():\n"         # 1
            "    advance(2)\n"      # 2
            "    advance(3)\n"      # 3
            "    return where()\n"  # 4
        )
        origin = clock.now
        ns = {"advance": lambda s: setattr(clock, "now", clock.now + s)}
        tree = ast.parse(source, "<cell 901>")
        probes.instrument(tree, [(2, 3)], 901)
        ns["where"] = lambda: sys._getframe(1).f_lineno
        exec(compile(tree, "<cell 901>", "exec"), ns)
        self.assertEqual(ns["work"](), 4)
        [record] = probes.export(901, origin)
        self.assertEqual((record["line"], record["endLine"]), (2, 3))
        self.assertAlmostEqual(record["end"] - record["start"], 5.0)

    def test_the_first_complete_execution_counts(self):
        source = "def step(s):\n    advance(s)\n"
        origin = clock.now
        tree = ast.parse(source, "<cell 902>")
        probes.instrument(tree, [(2, 2)], 902)
        ns = {"advance": lambda s: setattr(clock, "now", clock.now + s)}
        exec(compile(tree, "<cell 902>", "exec"), ns)
        ns["step"](1)
        ns["step"](7)
        [record] = probes.export(902, origin)
        self.assertAlmostEqual(record["end"] - record["start"], 1.0)

    def test_a_segment_that_never_ran_has_no_times(self):
        tree = ast.parse("def never():\n    pass\n", "<cell 903>")
        probes.instrument(tree, [(2, 2)], 903)
        exec(compile(tree, "<cell 903>", "exec"), {})
        self.assertEqual(probes.export(903, 0.0), [{"line": 2, "endLine": 2, "start": None, "end": None}])


class SqlTranslation(unittest.TestCase):
    def test_placeholders_functions_types_and_casts(self):
        t = simworld.translate_pg
        self.assertEqual(t("SELECT * FROM users WHERE id = $1 AND name = $2"), "SELECT * FROM users WHERE id = ?1 AND name = ?2")
        self.assertEqual(t("CREATE TABLE t (id SERIAL PRIMARY KEY)"), "CREATE TABLE t (id INTEGER PRIMARY KEY)")
        self.assertEqual(t("SELECT name FROM t WHERE name ILIKE $1"), "SELECT name FROM t WHERE name LIKE ?1")
        self.assertEqual(t("SELECT $1::int + 1"), "SELECT ?1 + 1")
        self.assertIn("sim_now()", t("SELECT NOW()"))
        self.assertIn("NUMERIC_S2", t("CREATE TABLE p (price NUMERIC(10, 2))"))

    def test_string_literals_and_comments_are_left_alone(self):
        t = simworld.translate_pg
        self.assertEqual(t("SELECT '$1 costs NOW()' -- $2 ILIKE\n"), "SELECT '$1 costs NOW()' -- $2 ILIKE\n")
        self.assertEqual(t('SELECT "SERIAL" FROM t'), 'SELECT "SERIAL" FROM t')

    def test_parameters_statements_and_kinds(self):
        self.assertEqual(simworld.count_dollar_params("SELECT $1, $3, '$9'"), 3)
        self.assertEqual(simworld.split_statements("CREATE TABLE a (x); INSERT INTO a VALUES (';'); ;"),
                         ["CREATE TABLE a (x);", "INSERT INTO a VALUES (';');"])
        self.assertEqual(simworld.statement_kind("  -- note\n  select name from t"), ("SELECT", "NAME"))
        self.assertFalse(simworld.is_write("SELECT 1"))
        self.assertTrue(simworld.is_write("UPDATE t SET x = 1"))

    def test_the_translation_runs_in_real_sqlite(self):
        conn = sqlite3.connect(":memory:")
        conn.create_function("sim_now", 0, lambda: "2026-01-01 00:00:00")
        for sql in simworld.split_statements(
            "CREATE TABLE users (id SERIAL PRIMARY KEY, name TEXT, created TIMESTAMP DEFAULT NOW());"
            "INSERT INTO users (name) VALUES ($1);"
        ):
            conn.execute(simworld.translate_pg(sql), ("Kim",) if "$1" in sql else ())
        row = conn.execute(simworld.translate_pg("SELECT id, name FROM users WHERE name ILIKE $1"), ("kim",)).fetchone()
        self.assertEqual(row, (1, "Kim"))

    def test_sqlite_errors_are_worded_as_postgresql_words_them(self):
        conn = sqlite3.connect(":memory:")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT UNIQUE, name TEXT NOT NULL, "
                     "age INTEGER CHECK (age > 0))")
        conn.execute("CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id))")
        conn.execute("INSERT INTO users VALUES (1, 'a@x', 'A', 30)")

        def pg(sql, params=()):
            try:
                conn.execute(sql, params)
            except sqlite3.Error as exc:
                e = simworld.pg_error(exc, conn)
                return e.sqlstate, e.message, e.kind
            self.fail(f"{sql} did not fail")

        self.assertEqual(pg("SELECT * FROM missing"), ("42P01", 'relation "missing" does not exist', "UndefinedTable"))
        self.assertEqual(pg("SELECT users.nope FROM users"), ("42703", 'column "nope" does not exist', "UndefinedColumn"))
        self.assertEqual(pg("SELEC 1"), ("42601", 'syntax error at or near "SELEC"', "Syntax"))
        self.assertEqual(pg("SELECT (1"), ("42601", "syntax error at end of input", "Syntax"))
        self.assertEqual(pg("CREATE TABLE users (x)"), ("42P07", 'relation "users" already exists', "DuplicateTable"))
        self.assertEqual(pg("INSERT INTO users VALUES (1, 'b@x', 'B', 1)")[1:],
                         ('duplicate key value violates unique constraint "users_pkey"', "UniqueViolation"))
        self.assertEqual(pg("INSERT INTO users VALUES (2, 'a@x', 'B', 1)")[1],
                         'duplicate key value violates unique constraint "users_email_key"')
        self.assertEqual(pg("INSERT INTO users (id, email) VALUES (3, 'c@x')"),
                         ("23502", 'null value in column "name" of relation "users" violates not-null constraint',
                          "NotNullViolation"))
        self.assertEqual(pg("INSERT INTO posts VALUES (1, 99)")[::2], ("23503", "ForeignKeyViolation"))
        self.assertEqual(pg("INSERT INTO users VALUES (4, 'd@x', 'D', -1)")[::2], ("23514", "CheckViolation"))
        self.assertEqual(pg("SELECT ?, ?", (1,))[::2], ("08P01", "Protocol"))
        self.assertEqual(simworld.pg_error(sqlite3.OperationalError("disk I/O error")).kind, "Internal")


if __name__ == "__main__":
    unittest.main()
