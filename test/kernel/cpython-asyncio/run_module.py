"""Runs one module of CPython's test_asyncio and prints each test's outcome as JSON.

Under CPython the module is imported from its own test package. In the kernel, which has no
`test` package, the cell defines SOURCES first (the module's source and a few functions of
test_asyncio/utils.py) and the module is built from them, with a small stand-in for test.support."""
import json
import sys
import types
import unittest


def stand_ins(sources):
    """test, test.support and test.test_asyncio(.utils), as far as the modules run here use them."""
    test = types.ModuleType("test")
    test.__path__ = []
    support = types.ModuleType("test.support")
    support.LONG_TIMEOUT = 5 * 60.0
    support.SHORT_TIMEOUT = 30.0
    support.requires_working_socket = lambda *, module=False: None
    package = types.ModuleType("test.test_asyncio")
    package.__path__ = []
    utils = types.ModuleType("test.test_asyncio.utils")
    exec(compile(sources["utils"], "test/test_asyncio/utils.py", "exec"), utils.__dict__)
    test.support, test.test_asyncio, package.utils = support, package, utils
    for module in (test, support, package, utils):
        sys.modules[module.__name__] = module


def load(name, sources=None):
    qualified = f"test.test_asyncio.{name}"
    if sources is None:
        import importlib
        return importlib.import_module(qualified)
    stand_ins(sources)
    module = types.ModuleType(qualified)
    sys.modules[qualified] = module
    exec(compile(sources[name], f"test/test_asyncio/{name}.py", "exec"), module.__dict__)
    return module


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


def main(name, sources=None):
    module = load(name, sources)
    suite = unittest.defaultTestLoader.loadTestsFromModule(module)
    result = Outcomes()
    suite.run(result)
    print(json.dumps(result.outcomes, sort_keys=True))


if __name__ == "__main__" and "SOURCES" not in globals():
    main(sys.argv[1])
