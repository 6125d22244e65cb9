"""Threads, locks and executors on green threads.

`threading` is kept as it is; only the primitives it is built on are replaced (thread start and
handles, locks, the thread identity), so Thread, Condition, Event, Semaphore, Barrier, Timer, queue
and concurrent.futures behave as the standard library's own code says. Modules that captured the
old primitives at import time are re-imported after the switch."""

import math
import operator
import os
import sys
import time

from .clock import clock
from .errors import Unsupported


def _document_pid():
    # os.getpid answers for the modelled process the current thread is in (processes.py)
    return getattr(os.getpid, "__wrapped__", os.getpid)()


class GreenLock:
    """`_thread.lock` with waits in virtual time. FIFO hand-off keeps runs deterministic.

    A class, as `threading.Lock` is since 3.13 (`isinstance(x, threading.Lock)` works), named and
    placed as `_thread.lock`; the scheduler is the interpreter's one (set by install())."""

    _sched = None

    def __init__(self):
        self._locked = False
        self._waiters = []  # threads, in arrival order; a release hands the lock to the first

    def __reduce_ex__(self, protocol):
        # As the C type: a lock cannot cross to another process (nor be deep-copied).
        raise TypeError("cannot pickle '_thread.lock' object")

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout < 0 and timeout != -1:
            raise ValueError("timeout value must be a non-negative number")
        if not self._locked:
            self._locked = True
            return True
        if not blocking:
            return False
        me = self._sched.current
        deadline = None if timeout == -1 else clock.now + timeout
        self._waiters.append(me)
        try:
            while me in self._waiters:
                self._sched.block(deadline, "lock", self)
                if me in self._waiters and deadline is not None and clock.now >= deadline:
                    self._waiters.remove(me)
                    return False
            return True  # handed over by release()
        except BaseException:
            if me in self._waiters:
                self._waiters.remove(me)
            raise

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        if self._waiters:
            heir = self._waiters.pop(0)  # stays locked: ownership passes to the heir
            self._sched.notify(heir)
        else:
            self._locked = False

    def locked(self):
        return self._locked

    def _at_fork_reinit(self):
        self._locked = False
        self._waiters = []

    __enter__ = acquire
    acquire_lock = acquire
    release_lock = release
    locked_lock = locked

    def __exit__(self, *exc):
        self.release()

    def __repr__(self):
        state = "locked" if self._locked else "unlocked"
        return f"<{state} _thread.lock object at {id(self):#x}>"


GreenLock.__name__ = GreenLock.__qualname__ = "lock"
GreenLock.__module__ = "_thread"


class GreenThreadHandle:
    """`_thread._ThreadHandle`: what Thread.join() and is_alive() consult."""

    def __init__(self, sched):
        self._sched = sched
        self.ident = None
        self._done = False
        self._joiners = []

    def is_done(self):
        return self._done

    def _set_done(self):
        self._done = True
        for thread in self._joiners:
            self._sched.notify(thread)
        self._joiners = []

    def join(self, timeout=None):
        if timeout is not None and timeout < 0:
            timeout = 0
        deadline = None if timeout is None else clock.now + timeout
        me = self._sched.current
        while not self._done:
            if deadline is not None and clock.now >= deadline:
                return
            self._joiners.append(me)
            self._sched.block(deadline, "join", self)
            if me in self._joiners:
                self._joiners.remove(me)


# CPython keeps durations as signed 64-bit nanoseconds (PyTime_t).
_NS_LIMIT = 2 ** 63


def _seconds(value):
    """A duration as CPython's time functions read it, with their errors for what they refuse."""
    if isinstance(value, float):
        if math.isnan(value):
            raise ValueError("Invalid value NaN (not a number)")
        if not -_NS_LIMIT <= value * 1e9 < _NS_LIMIT:
            raise OverflowError("timestamp out of range for platform time_t")
        return value
    value = operator.index(value)  # the TypeError CPython gives: "'str' object cannot be interpreted as an integer"
    if not -_NS_LIMIT <= value * 10 ** 9 < _NS_LIMIT:
        raise OverflowError("timestamp too large to convert to C PyTime_t")
    return value


def _install_select(sched):
    """select.select waits out its timeout on the virtual clock.

    Under Emscripten the real select returns at once. It still checks its arguments (and answers
    for descriptors that are ready), so it runs first; when nothing is ready, the wait it was asked
    for passes in virtual time: a timeout sleeps, none waits forever (a hang, as in CPython)."""
    import select as _select

    real = _select.select

    def select(rlist, wlist, xlist, timeout=None):
        ready = real(rlist, wlist, xlist, 0)
        if timeout is not None:
            real([], [], [], timeout)  # CPython's checks of the timeout, with its messages
        if any(ready):
            return ready
        if timeout is None:
            sched.block(None, "select")
        elif timeout > 0:
            sched.sleep(timeout)
        return ready

    _select.select = select


def install(sched, tracer):
    import _thread
    import _threading_local
    import queue
    import threading

    GreenLock._sched = sched

    def allocate_lock():
        return GreenLock()

    def start_joinable_thread(function, handle=None, daemon=True):
        handle = handle if handle is not None else GreenThreadHandle(sched)
        owner = _thread_object_starting.pop() if _thread_object_starting else None
        name = owner.name if owner is not None else "Thread"

        def run():
            try:
                function()
            finally:
                handle._set_done()

        green = sched.spawn(run, name=name, daemon=daemon)
        handle.ident = green.tid
        tracer.thread_started(green, owner)
        return handle

    # Thread.start() calls _start_joinable_thread(self._bootstrap, ...): remember which Thread
    # object is starting, so its green thread gets a readable label.
    _thread_object_starting = []
    original_start = threading.Thread.start

    def start(self):
        _thread_object_starting.append(self)
        try:
            return original_start(self)
        finally:
            if _thread_object_starting and _thread_object_starting[-1] is self:
                _thread_object_starting.pop()

    threading.Thread.start = start

    def start_new_thread(function, args, kwargs=None):
        handle = start_joinable_thread(lambda: function(*args, **(kwargs or {})))
        return handle.ident

    def get_ident():
        return sched.current.tid

    threading._start_joinable_thread = start_joinable_thread
    threading._ThreadHandle = lambda: GreenThreadHandle(sched)
    threading._allocate_lock = allocate_lock
    threading.Lock = GreenLock
    _thread.LockType = _thread.lock = GreenLock
    threading._CRLock = None  # threading.RLock() then builds _PyRLock on our locks

    def _refuse_rlock_pickle(self, protocol):
        raise TypeError("cannot pickle '_thread.RLock' object")

    threading._PyRLock.__reduce_ex__ = _refuse_rlock_pickle
    def get_native_id():
        # As on Linux: the main thread's id is the process id, other threads count on from it
        # (a modelled worker process's pid is its main thread's id: processes.py).
        return _document_pid() + (sched.current.tid - sched.main.tid)

    threading.get_ident = get_ident
    threading.get_native_id = get_native_id
    _thread.get_native_id = get_native_id
    # Emscripten's threading has no native ids; Linux's has, and every Thread then carries one.
    threading._HAVE_THREAD_NATIVE_ID = True
    if not hasattr(threading.Thread, "native_id"):
        def _set_native_id(self):
            self._native_id = get_native_id()

        def native_id(self):
            """The thread's id as the operating system reports it; None before it starts."""
            return self._native_id

        threading.Thread._set_native_id = _set_native_id
        threading.Thread.native_id = property(native_id)
    threading.main_thread()._native_id = get_native_id()
    sched.native_id = get_native_id
    threading.local = _threading_local.local
    _thread.allocate_lock = allocate_lock
    _thread.allocate = allocate_lock
    _thread.start_new_thread = start_new_thread
    _thread.start_new = start_new_thread
    _thread.start_joinable_thread = start_joinable_thread
    _thread.get_ident = get_ident
    queue.SimpleQueue = queue._PySimpleQueue

    def sleep(seconds):
        seconds = _seconds(seconds)
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        sched.sleep(seconds)

    time.sleep = sleep
    _install_select(sched)

    # Re-import what captured the old primitives (module-level locks, SimpleQueue).
    for name in [m for m in sys.modules if m.startswith(("concurrent.futures.", "multiprocessing"))]:
        del sys.modules[name]
    import concurrent.futures as cf
    for attr in ("ThreadPoolExecutor", "ProcessPoolExecutor", "InterpreterPoolExecutor"):
        cf.__dict__.pop(attr, None)
    from . import processes
    processes.install(sched)


def unsupported(what, why):
    def refuse(*args, **kwargs):
        raise Unsupported(f"{what} cannot run in this kernel: {why}")
    return refuse
