"""One deterministic virtual clock behind every clock a snippet can read.

`now` is virtual seconds since the interpreter started; wall-clock readings add a fixed epoch.
Clocks are read by user code through the patched `time`/`datetime` functions; the kernel itself
reads `now` directly so its own bookkeeping never counts as busy-waiting."""

import time as _time

from .interrupts import checkpoint

# 2025-01-01 00:00:00 UTC (a Wednesday). Stated in the README.
EPOCH = 1735689600.0
# Monotonic clocks start at an arbitrary value in CPython too; a round number keeps differences exact.
MONOTONIC_BASE = 1000.0
# A program that reads a clock this many times without virtual time moving is busy-waiting on it:
# from then on each reading advances time by BUSY_STEP, so `while time.time() < end: pass` ends.
BUSY_READS = 20000
BUSY_STEP = 0.001


class Clock:
    def __init__(self):
        self.now = 0.0
        self._reads = 0
        self.on_busy_advance = None  # set by the scheduler: lets a busy thread yield to due threads

    def advance_to(self, t):
        if t > self.now:
            self.now = t
            self._reads = 0

    def _read(self):
        checkpoint()  # a safe point for an interrupt that landed in kernel code
        self._reads += 1
        if self._reads > BUSY_READS:
            self.now += BUSY_STEP
            if self.on_busy_advance is not None:
                self.on_busy_advance()
        return self.now

    def wall(self):
        return EPOCH + self._read()

    def mono(self):
        return MONOTONIC_BASE + self._read()


clock = Clock()

_real = {name: getattr(_time, name) for name in ("localtime", "gmtime", "ctime", "asctime", "strftime")}


def _secs_or_now(secs):
    return clock.wall() if secs is None else secs


def install():
    t = _time
    real = {name: getattr(t, name) for name in _VIRTUAL if hasattr(t, name)}
    t.time = lambda: clock.wall()
    t.time_ns = lambda: int(round(clock.wall() * 1e9))
    t.monotonic = lambda: clock.mono()
    t.monotonic_ns = lambda: int(round(clock.mono() * 1e9))
    t.perf_counter = lambda: clock.mono()
    t.perf_counter_ns = lambda: int(round(clock.mono() * 1e9))
    # CPU time: snippets spend (almost) none in virtual time; keep it deterministic.
    t.process_time = lambda: 0.0
    t.process_time_ns = lambda: 0
    if hasattr(t, "thread_time"):  # absent under Emscripten
        t.thread_time = lambda: 0.0
        t.thread_time_ns = lambda: 0
    t.localtime = lambda secs=None: _real["localtime"](_secs_or_now(secs))
    t.gmtime = lambda secs=None: _real["gmtime"](_secs_or_now(secs))
    t.ctime = lambda secs=None: _real["ctime"](_secs_or_now(secs))
    t.asctime = lambda tm=None: _real["asctime"](_real["localtime"](clock.wall()) if tm is None else tm)
    t.strftime = lambda fmt, tm=None: _real["strftime"](fmt, _real["localtime"](clock.wall()) if tm is None else tm)
    _install_datetime()
    _rebind_aliases(real)
    # logging (imported before the clock was virtual) measures %(relativeCreated)d from the real
    # time of its import; in a script that is the program's start: make it the virtual start.
    import sys
    if "logging" in sys.modules:
        sys.modules["logging"]._startTime = int(round((EPOCH + clock.now) * 1e9))


_VIRTUAL = ("time", "time_ns", "monotonic", "monotonic_ns", "perf_counter", "perf_counter_ns",
            "process_time", "process_time_ns", "thread_time", "thread_time_ns")


def _rebind_aliases(real):
    """Point module-level aliases of the real clock functions at the virtual ones.

    Modules imported before the clock became virtual (`queue`, `threading`, `sched`: all do
    `from time import monotonic as time`) keep the real function under their own name. An
    interpreter booted from a memory snapshot has many such modules already imported, so without
    this a `queue.get(timeout=1)` would wait in real time there and in virtual time on a plain boot.
    """
    import sys
    by_id = {id(fn): getattr(_time, name) for name, fn in real.items()}
    for name, module in list(sys.modules.items()):
        namespace = getattr(module, "__dict__", None)
        # The kernel keeps the real clock on purpose (the real-time budget is measured with it).
        if not isinstance(namespace, dict) or module is _time or name.split(".")[0] in ("vkernel", "world"):
            continue
        for key, value in list(namespace.items()):
            virtual = by_id.get(id(value))
            if virtual is not None and value is real.get(getattr(value, "__name__", ""), None):
                namespace[key] = virtual


def _install_datetime():
    # The C datetime reads the system clock directly. The pure-Python implementation reads
    # time.time(), which is virtual now; serve it under the name `datetime` to snippets.
    import sys
    import types
    import _pydatetime

    module = types.ModuleType("datetime", _pydatetime.__doc__)
    for name in dir(_pydatetime):
        if not name.startswith("__"):
            setattr(module, name, getattr(_pydatetime, name))
    module.__all__ = list(_pydatetime.__all__)
    sys.modules["datetime"] = module
