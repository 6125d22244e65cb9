"""Fixture files: what a fixture's `files:` entry holds, which fixture declared a path, and the
`file_io` latency aiofiles waits before each call. configure() writes the files themselves."""

from __future__ import annotations

import base64
import os

from .state import SimulationError, _check_keys, _state


def _norm_path(path: str) -> str:
    return os.path.normpath(str(path))


def _file_content(spec, fixture_name, path) -> bytes:
    if isinstance(spec, str):
        return spec.encode("utf-8")
    if isinstance(spec, dict):
        _check_keys(spec, {"content", "base64", "repeat"}, f"{fixture_name}: files[{path!r}]")
        if "base64" in spec:
            data = base64.b64decode(spec["base64"])
        else:
            data = str(spec.get("content", "")).encode("utf-8")
        return data * int(spec.get("repeat", 1))
    raise SimulationError(f"simworld: {fixture_name}: files[{path!r}] must be a string or a mapping")


def file_rule(path) -> str:
    """Name of the fixture file that declared `path`, or 'default'."""
    try:
        key = _norm_path(os.fspath(path))
    except TypeError:
        return "default"
    return _state.files.get(key, "default")


def file_latency() -> float:
    return _state.file_io_latency
