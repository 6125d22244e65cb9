"""What every part of the simulated world shares: the error it raises, the current fixtures'
state, the hooks run when fixtures are (re)loaded, and the usage log readers are shown.

`_state` is one object for the life of the interpreter: `configure()` fills it in place (see
`_State.adopt`), so every module that imported it, and `simworld._state`, keeps seeing the
current fixtures."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for the annotation: routes imports this module
    from .routes import HttpRule


class SimulationError(RuntimeError):
    """The sandbox cannot do what was asked (a fixture is missing or malformed, or a feature
    of the real library cannot be simulated). The message always says which."""


@dataclass
class _State:
    routes: list = field(default_factory=list)  # HttpRule, highest priority first
    default: "HttpRule | None" = None
    databases: list = field(default_factory=list)  # DbRule, highest priority first
    files: dict = field(default_factory=dict)  # path -> fixture name
    file_io_latency: float = 0.0
    file_io_fixture: str = "default"
    open_dbs: dict = field(default_factory=dict)  # identity -> SimDatabase
    usage: list = field(default_factory=list)
    created_files: list = field(default_factory=list)
    names: list = field(default_factory=list)

    def adopt(self, other: "_State") -> None:
        """Take over `other`'s contents, so the shared object never has to be rebound."""
        for f in fields(self):
            setattr(self, f.name, getattr(other, f.name))


_state = _State()
_reset_hooks = []


def on_reset(hook) -> None:
    """Register a callable run by every configure() (stand-ins reset their counters there)."""
    _reset_hooks.append(hook)


def take_usage() -> list[dict]:
    """Return and clear the usage log (the kernel calls this after each cell)."""
    usage, _state.usage = _state.usage, []
    return usage


def log(kind: str, target: str, detail: str, fixture: str | None) -> None:
    _state.usage.append({"kind": kind, "target": target, "detail": detail, "fixture": fixture or "default"})


def _check_keys(mapping, allowed, where):
    if not isinstance(mapping, dict):
        raise SimulationError(f"simworld: {where} must be a mapping")
    unknown = set(mapping) - set(allowed)
    if unknown:
        raise SimulationError(f"simworld: {where}: unknown keys {sorted(unknown)}; allowed: {sorted(allowed)}")
