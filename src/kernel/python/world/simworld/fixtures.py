"""Loading fixtures: `configure()` checks the fixture documents, turns them into rules (HTTP
routes, databases, files, file latency), resets the previous fixtures' databases and files, runs
the stand-ins' reset hooks, and writes the new fixture files into the sandbox's file system."""

from __future__ import annotations

import os

from .db import DbRule
from .files import _file_content, _norm_path
from .routes import HttpRule
from .state import SimulationError, _check_keys, _reset_hooks, _State, _state

_TOP_LEVEL_KEYS = {"name", "http", "databases", "files", "file_io", "description"}


def configure(fixture_docs: list[dict]) -> None:
    """Load the fixture documents (later ones override earlier ones) and reset all state."""
    old = _state
    for db in old.open_dbs.values():
        db.dispose()
    for path in old.created_files:
        try:
            os.remove(path)
        except OSError:
            pass
    state = _State()
    for doc in fixture_docs or []:
        if not isinstance(doc, dict):
            raise SimulationError(f"simworld: a fixture document must be a mapping, got {type(doc).__name__}")
        name = str(doc.get("name") or "<fixture>")
        unknown = set(doc) - _TOP_LEVEL_KEYS
        if unknown:
            raise SimulationError(f"simworld: {name}: unknown top-level keys {sorted(unknown)}; "
                                  f"expected some of {sorted(_TOP_LEVEL_KEYS - {'name'})}")
        state.names.append(name)
        http = doc.get("http") or {}
        _check_keys(http, {"default", "routes"}, f"{name}: http")
        if http.get("default") is not None:
            state.default = HttpRule(http["default"], name, is_default=True)
        routes = [HttpRule(r, name) for r in (http.get("routes") or [])]
        state.routes[:0] = routes
        dbs = [DbRule(d, name) for d in (doc.get("databases") or [])]
        state.databases[:0] = dbs
        file_io = doc.get("file_io") or {}
        _check_keys(file_io, {"latency"}, f"{name}: file_io")
        if "latency" in file_io:
            state.file_io_latency = float(file_io["latency"])
            state.file_io_fixture = name
        for path, spec in (doc.get("files") or {}).items():
            state.files[_norm_path(path)] = (spec, name)
    _state.adopt(state)
    state = _state
    for hook in _reset_hooks:
        hook()
    for path, (spec, name) in state.files.items():
        data = _file_content(spec, name, path)
        parent = os.path.dirname(path)
        if parent:
            os.makedirs(parent, exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        state.created_files.append(path)
    state.files = {p: n for p, (s, n) in state.files.items()}
