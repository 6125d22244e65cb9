"""Runs one module of CPython's test_asyncio and prints each test's outcome as JSON.

Under CPython the module is imported from its own test package. In the kernel, which has no
`test` package, the cell defines SOURCES first (the module's source and a few functions of
test_asyncio/utils.py) and the module is built from them, with a small stand-in for test.support."""
import json
import sys
import types
import unittest


def _support():
    """test.support with what these modules and the parts of test_asyncio/utils.py they use need."""
    import gc
    import time
    support = types.ModuleType("test.support")
    support.LONG_TIMEOUT = 5 * 60.0
    support.SHORT_TIMEOUT = 30.0
    support.LOOPBACK_TIMEOUT = 10.0
    support.requires_working_socket = lambda *, module=False: None
    support.gc_collect = lambda: [gc.collect() for _ in range(3)] and None
    support.maybe_get_event_loop_policy = lambda: None
    support.reap_children = lambda: None
    support.cpython_only = lambda test: test
    support.refcount_test = lambda test: test

    def get_attribute(obj, name):
        try:
            return getattr(obj, name)
        except AttributeError:
            raise unittest.SkipTest(f"object {obj!r} has no attribute {name!r}")
    support.get_attribute = get_attribute

    def busy_retry(timeout, err_msg=None, /, *, error=True):
        deadline = time.monotonic() + timeout
        while True:
            yield
            if time.monotonic() >= deadline:
                if error:
                    raise AssertionError(err_msg or f"timeout ({timeout} seconds)")
                break
    support.busy_retry = busy_retry

    threading_helper = types.ModuleType("test.support.threading_helper")
    threading_helper.threading_setup = lambda: ()
    threading_helper.threading_cleanup = lambda *key: None
    # No interpreter can be started as a subprocess in the kernel: the tests that need one skip.
    script_helper = types.ModuleType("test.support.script_helper")

    def assert_python_ok(*args, **env):
        raise unittest.SkipTest("no subprocess interpreter")
    script_helper.assert_python_ok = assert_python_ok
    support.threading_helper, support.script_helper = threading_helper, script_helper
    return [support, threading_helper, script_helper]


def stand_ins(sources):
    """test, test.support and test.test_asyncio(.utils), as far as the modules run here use them."""
    test = types.ModuleType("test")
    test.__path__ = []
    support, *helpers = _support()
    support.__path__ = []
    test.support = support
    sys.modules["test"] = test
    for module in (support, *helpers):
        sys.modules[module.__name__] = module
    package = types.ModuleType("test.test_asyncio")
    package.__path__ = []
    utils = types.ModuleType("test.test_asyncio.utils")
    test.test_asyncio, package.utils = package, utils
    for module in (package, utils):
        sys.modules[module.__name__] = module
    _run_source(sources["utils"], "utils", utils)


def load(name, sources=None):
    qualified = f"test.test_asyncio.{name}"
    if sources is None:
        import importlib
        return importlib.import_module(qualified)
    stand_ins(sources)
    module = types.ModuleType(qualified)
    sys.modules[qualified] = module
    _run_source(sources[name], name, module)
    return module


def _run_source(source, name, module):
    """Runs a module's source as if imported from its file: tests compare `__file__` with the
    filenames of tracebacks, and count lines of source in them, which linecache must then know."""
    import linecache
    filename = f"test/test_asyncio/{name}.py"
    module.__file__ = filename
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), module.__dict__)


def _each(suite):
    for test in suite:
        if isinstance(test, unittest.TestSuite):
            yield from _each(test)
        else:
            yield test


class Outcomes(unittest.TestResult):
    def __init__(self):
        super().__init__()
        self.outcomes = {}

    def _set(self, test, outcome, err=None):
        detail = None
        if err is not None:
            detail = self._exc_info_to_string(err, test).strip().splitlines()[-1][:200]
        self.outcomes[test.id()] = [outcome, detail]

    def addSuccess(self, test):
        self.outcomes.setdefault(test.id(), ["ok", None])

    def addFailure(self, test, err):
        self._set(test, "fail", err)

    def addError(self, test, err):
        self._set(test, "error", err)

    def addSkip(self, test, reason):
        self.outcomes[test.id()] = ["skip", reason]

    def addExpectedFailure(self, test, err):
        self._set(test, "expected failure")

    def addUnexpectedSuccess(self, test):
        self._set(test, "unexpected success")

    def addSubTest(self, test, subtest, err):
        if err is not None:
            self._set(test, "fail" if issubclass(err[0], test.failureException) else "error", err)


def main(name, sources=None, not_run=None):
    """not_run: test id -> why, for tests that must not be run here (they never end)."""
    module = load(name, sources)
    suite = unittest.defaultTestLoader.loadTestsFromModule(module)
    for test in _each(suite):
        reason = (not_run or {}).get(test.id())
        if reason is not None:
            setattr(test, test._testMethodName, unittest.skip(reason)(lambda: None))
    result = Outcomes()
    suite.run(result)
    print(json.dumps(result.outcomes, sort_keys=True))


if __name__ == "__main__" and "SOURCES" not in globals():
    main(sys.argv[1])
