"""Compiled code of the standard-library modules every document imports afresh.

The kernel re-imports concurrent.futures' and multiprocessing's submodules for each document, so
that they capture its green-thread primitives (threads.install). Their source sits in Pyodide's
standard-library zip without bytecode: each re-import would look the module up in the zip and
compile it again, most of the cost of starting a document's kernel. `precompile` keeps their
code objects once (before the interpreter snapshot is taken, and in a plain boot the same way), and
the finder hands a re-import that code: the module still executes afresh, from the same file, and
ends up with the zip's own loader and spec, as if zipimport had loaded it.
"""

import importlib.util
import sys

PREFIXES = ("concurrent.futures.", "multiprocessing")

_code = {}


def precompile(prefixes=PREFIXES):
    for name, module in list(sys.modules.items()):
        spec = getattr(module, "__spec__", None)
        loader = getattr(spec, "loader", None)
        if not name.startswith(prefixes) or spec is None or not hasattr(loader, "get_code"):
            continue
        code = loader.get_code(name)
        if code is not None:
            _code[name] = (spec, code)
    if _code and CachedCode not in sys.meta_path:
        sys.meta_path.insert(0, CachedCode)


class CachedCode:
    """A meta-path finder for the modules `precompile` kept; any other name is not its business."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        entry = _code.get(name)
        if entry is None:
            return None
        original, code = entry
        spec = importlib.util.spec_from_loader(name, _Loader(original.loader, code), origin=original.origin,
                                               is_package=original.submodule_search_locations is not None)
        spec.has_location = original.has_location
        spec.cached = original.cached
        if original.submodule_search_locations is not None:
            spec.submodule_search_locations = list(original.submodule_search_locations)
        return spec


class _Loader:
    def __init__(self, original, code):
        self._original = original
        self._code = code

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        # The module's own loader from the start, as zipimport would have set it.
        module.__loader__ = self._original
        module.__spec__.loader = self._original
        exec(self._code, module.__dict__)
