"""Run the simulated-world cases under a real CPython, on real time.

Each case in test/world/cases/<name>.py runs in a fresh subprocess whose working directory is
an empty temporary directory (the case's "sandbox" file system), after
simworld.configure([world.yaml, <name>.fixtures.yaml if present]). Its stdout must equal
<name>.expected.txt exactly.

YAML is converted to JSON with Node's `yaml` package (the project's dependency), since PyYAML
may be absent:  python test/world/run_cases.py [--python PY] [name ...]
"""

import argparse
import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORLD = os.path.join(ROOT, "src", "kernel", "python", "world")
CASES = os.path.join(ROOT, "test", "world", "cases")
SHARED = os.path.join(ROOT, "content", "fixtures", "world.yaml")

_YAML_TO_JSON = r"""
const fs = require('fs');
const YAML = require('yaml');
const out = process.argv.slice(1).map((p) => YAML.parse(fs.readFileSync(p, 'utf8')));
process.stdout.write(JSON.stringify(out));
"""

BOOTSTRAP = r"""
import json, runpy, sys
world, case, docs = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path[:0] = [world + '/modules', world]
import simworld
simworld.configure(json.load(open(docs)))
sys.argv = [case]
runpy.run_path(case, run_name='__main__')
"""


def node_binary():
    local = os.path.join(ROOT, "node_modules", ".bin", "node")
    return local if os.path.exists(local) else shutil.which("node")


def yaml_docs(paths):
    res = subprocess.run([node_binary(), "-e", _YAML_TO_JSON] + paths, cwd=ROOT, capture_output=True, text=True,
                         check=True)
    docs = json.loads(res.stdout)
    for doc, path in zip(docs, paths):
        doc["name"] = os.path.relpath(path, ROOT)
    return docs


def run_case(python, name):
    case = os.path.join(CASES, name + ".py")
    fixtures = [SHARED]
    own = os.path.join(CASES, name + ".fixtures.yaml")
    if os.path.exists(own):
        fixtures.append(own)
    with tempfile.TemporaryDirectory(prefix=f"world-{name}-") as tmp:
        docs_path = os.path.join(tmp, ".fixtures.json")
        with open(docs_path, "w") as f:
            json.dump(yaml_docs(fixtures), f)
        sandbox = os.path.join(tmp, "sandbox")
        os.mkdir(sandbox)
        res = subprocess.run([python, "-c", BOOTSTRAP, WORLD, case, docs_path], cwd=sandbox, capture_output=True,
                             text=True, timeout=300, env={**os.environ, "PYTHONHASHSEED": "0",
                                                           "PYTHONIOENCODING": "utf-8"})
    with open(os.path.join(CASES, name + ".expected.txt"), encoding="utf-8") as f:
        expected = f.read()
    return res, expected


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--update", action="store_true", help="write actual output as expected (review the diff!)")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    names = args.names or sorted(n[:-3] for n in os.listdir(CASES) if n.endswith(".py"))
    passed = failed = 0
    for name in names:
        res, expected = run_case(args.python, name)
        if args.update:
            with open(os.path.join(CASES, name + ".expected.txt"), "w", encoding="utf-8") as f:
                f.write(res.stdout)
            expected = res.stdout
        if res.stdout == expected and res.returncode == 0:
            passed += 1
            print(f"ok    {name}")
        else:
            failed += 1
            print(f"FAIL  {name} (exit {res.returncode})")
            sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True), res.stdout.splitlines(True),
                                                       "expected", "actual"))
            if res.stderr:
                print("--- stderr\n" + res.stderr)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
