"""One deterministic virtual clock behind every clock a snippet can read.

`now` is virtual seconds since the interpreter started; wall-clock readings add a fixed epoch.
Clocks are read by user code through the patched `time`/`datetime` functions; the kernel itself
reads `now` directly so its own bookkeeping never counts as busy-waiting."""

import sys as _sys
import time as _time

from .interrupts import checkpoint

# 2025-01-01 00:00:00 UTC (a Wednesday). Stated in the README.
EPOCH = 1735689600.0
# Monotonic clocks start at an arbitrary value in CPython too; a round number keeps differences exact.
MONOTONIC_BASE = 1000.0
# A program that reads a clock this many times without virtual time moving may be busy-waiting on
# it: from then on each reading is looked at, and those of a busy-wait advance time by BUSY_STEP,
# so `while time.time() < end: pass` ends. What tells a busy-wait from work that reads the clock:
# - a wait reads the clock over and over from one place in the code (its condition), while a loop
#   timing its work reads it before and after the work: two places. A reading is attributed to the
#   snippet's own line, the first caller outside the standard library and the kernel (two
#   `datetime.now()` calls are two places, though both read time.time() inside datetime).
# - a wait compares what it reads (`now < end`, `now - t0 >= 2`, maybe through a variable); a
#   reading stored and followed by other work, or collected into a list, is a measurement. A place
#   like that counts as a wait only after BUSY_READS_UNCOMPARED readings in a row, which a loop
#   over finite work seldom reaches, so that a wait of a form this look at the code misses ends.
# (A loop that compares the clock to decide when to report its progress looks like a wait, and
# advances time once it has read the clock BUSY_READS times.) Looking at a reading's place costs
# a frame walk, so it is done only once time has stood still for BUSY_READS readings, and a loop
# found to read from two places goes back to unexamined readings for another BUSY_READS.
BUSY_READS = 20000
BUSY_READS_UNCOMPARED = 200000
BUSY_STEP = 0.001
# Where the kernel, its stand-in libraries and the standard library live (src/kernel/read-only.ts).
_LIBRARY = ("/lib/", "/kernel/", "/usr/lib/")
# Instructions after the clock call that show the reading is being compared (or handed back to a
# caller that may compare it), and those that show it went into other work.
_COMPARES = {"COMPARE_OP", "RETURN_VALUE", "YIELD_VALUE"}
_CONSUMES = {"CALL", "CALL_KW", "CALL_FUNCTION_EX", "LIST_APPEND", "SET_ADD", "MAP_ADD",
             "JUMP_BACKWARD", "JUMP_BACKWARD_NO_INTERRUPT", "FOR_ITER", "POP_TOP", "STORE_SUBSCR",
             "STORE_ATTR", "BUILD_LIST", "BUILD_TUPLE", "BUILD_MAP", "BUILD_SET", "BUILD_STRING",
             "FORMAT_SIMPLE", "FORMAT_WITH_SPEC", "END_FOR"}
_LOOKAHEAD = 10
_compared = {}  # id(code), offset -> (code, whether the reading there is compared)


def _reading_is_compared(code, offset):
    key = (id(code), offset)
    known = _compared.get(key)
    if known is not None and known[0] is code:
        return known[1]
    import dis
    verdict, seen, after = True, 0, False
    for ins in dis.get_instructions(code):
        if not after:
            after = ins.offset == offset
            continue
        if ins.opname in _COMPARES:
            break
        if ins.opname in _CONSUMES:
            verdict = False
            break
        seen += 1
        if seen >= _LOOKAHEAD:
            break
    _compared[key] = (code, verdict)
    return verdict


class Clock:
    def __init__(self):
        self.now = 0.0
        self.on_busy_advance = None  # set by the scheduler: lets a busy thread yield to due threads
        self.reset_busy()

    def reset_busy(self):
        self._reads = 0       # readings since virtual time last moved
        self._code = None     # where the last examined reading was made: code object, offset
        self._offset = -1
        self._patience = 0    # examinations that found one place reading without comparing

    def advance_to(self, t):
        if t > self.now:
            self.now = t
            self.reset_busy()

    def _read(self):
        checkpoint()  # a safe point for an interrupt that landed in kernel code
        self._reads += 1
        if self._reads > BUSY_READS and self._waiting():
            self.now += BUSY_STEP
            if self.on_busy_advance is not None:
                self.on_busy_advance()
        return self.now

    def _waiting(self):
        """Whether this reading, made after time stood still for BUSY_READS, is one of a wait's."""
        frame = _sys._getframe(2)
        while frame is not None and frame.f_code.co_filename.startswith(_LIBRARY):
            frame = frame.f_back
        code, offset = (None, -1) if frame is None else (frame.f_code, frame.f_lasti)
        if code is not self._code or offset != self._offset:
            first = self._code is None
            self._code, self._offset = code, offset
            if not first:  # readings from more than one place: work that measures itself
                self._reads = 0
                self._patience = 0
            return False
        if code is None or _reading_is_compared(code, offset):
            return True
        self._patience += 1
        if self._patience * BUSY_READS < BUSY_READS_UNCOMPARED:
            self._reads = 0
            return False
        return True

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
