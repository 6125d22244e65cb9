"""The simworld package under a real CPython: the names the stand-ins, the kernel and the tests use
as `simworld.X` all resolve on the package, and state that a module rebinds or fills in place is
seen through the package, never a stale copy. Plain unittest; run by test/world/package.test.ts."""

import os
import re
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORLD = os.path.join(ROOT, "src", "kernel", "python", "world")
PACKAGE = os.path.join(WORLD, "simworld")
sys.path[:0] = [os.path.join(WORLD, "modules"), WORLD]

import simworld  # noqa: E402


def _used_names():
    """Every `simworld.X` and `from simworld import X` in src/ and test/ (Python and TypeScript)."""
    names = set()
    for top in ("src", "test"):
        for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, top)):
            dirnames[:] = [d for d in dirnames if d not in ("__pycache__", "node_modules")]
            for name in filenames:
                if not name.endswith((".py", ".ts")) or name == os.path.basename(__file__):
                    continue
                with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                    text = f.read()
                names.update(m for m in re.findall(r"\bsimworld\.([A-Za-z_]\w*)", text) if m != "py")
                imports = re.findall(r"from simworld import \(([^)]*)\)", text)
                imports += re.findall(r"from simworld import ([\w, ]+)", text)
                for group in imports:
                    names.update(n.strip() for n in group.split(",") if n.strip())
    return names


def _fixture(url, body):
    return {"name": "t.yaml", "http": {"routes": [{"url": url, "body": body}]}}


class Names(unittest.TestCase):
    def test_every_name_used_resolves(self):
        used = _used_names()
        self.assertIn("_address_for", used)  # the search finds the stand-ins' private uses too
        missing = sorted(n for n in used if not hasattr(simworld, n))
        self.assertEqual(missing, [])

    def test_all_is_importable(self):
        for name in simworld.__all__:
            self.assertTrue(hasattr(simworld, name), name)

    def test_each_module_is_small(self):
        for name in os.listdir(PACKAGE):
            if name.endswith(".py"):
                with open(os.path.join(PACKAGE, name), encoding="utf-8") as f:
                    self.assertLess(len(f.readlines()), 400, name)


class SharedState(unittest.TestCase):
    def setUp(self):
        self.cwd = os.getcwd()
        self.tmp = tempfile.TemporaryDirectory()
        os.chdir(self.tmp.name)

    def tearDown(self):
        simworld.configure([])
        simworld.fixture_root = None
        os.chdir(self.cwd)
        self.tmp.cleanup()

    def test_configure_fills_the_one_state_every_module_reads(self):
        state = simworld._state
        simworld.configure([_fixture("https://a.test/", "first")])
        self.assertEqual(simworld.http_answer("GET", "https://a.test/").body, b"first")
        simworld.configure([_fixture("https://a.test/", "second")])
        self.assertIs(simworld._state, state)
        self.assertIs(simworld.http._state, state)
        self.assertEqual(simworld.http_answer("GET", "https://a.test/").body, b"second")
        simworld.log("http", "a.test", "x", None)
        self.assertEqual(simworld.take_usage(), [{"kind": "http", "target": "a.test", "detail": "x",
                                                   "fixture": "default"}])

    def test_the_database_counter_is_read_and_set_in_its_module(self):
        simworld.configure([{"name": "d.yaml", "databases": [{"dsn": "*"}]}])
        before = simworld._db_counter
        simworld.open_database(simworld.parse_dsn("postgresql://u@h/one"))
        simworld.open_database(simworld.parse_dsn("postgresql://u@h/two"))
        self.assertEqual(simworld._db_counter, before + 2)
        simworld._db_counter = 40
        self.assertEqual(simworld.db._db_counter, 40)
        self.assertNotIn("_db_counter", vars(simworld))

    def test_fixture_root_set_on_the_package_reaches_the_routes(self):
        os.mkdir("root")
        with open(os.path.join("root", "page.html"), "wb") as f:
            f.write(b"<p>hi</p>")
        simworld.fixture_root = os.path.abspath("root")
        simworld.configure([{"name": "f.yaml", "http": {"routes": [{"url": "https://b.test/", "body_file": "page.html"}]}}])
        self.assertEqual(simworld.http_answer("GET", "https://b.test/").body, b"<p>hi</p>")


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=0, argv=[sys.argv[0]]).result
    sys.exit(0 if result.wasSuccessful() else 1)
