"""Green threads on a virtual clock.

Every Python thread a snippet starts is a separate WebAssembly stack (entered through JSPI's
`callPromising`); only one runs at a time and control passes explicitly, so runs are
deterministic. A thread that blocks (sleep, lock, join, the event loop's select) names a deadline
and what it waits on; the scheduler then runs the threads that are ready, in the order they became
ready, and when none is, moves the virtual clock to the earliest deadline. CPU work costs no virtual
time, so threads overlap exactly when their waits overlap, as real threads doing I/O would.

Without stack switching (Node 20, older browsers) there is only the main thread: blocking calls
still advance the clock, and starting a thread raises `Unsupported` with the reason."""

import asyncio.events as _events
import itertools

from .clock import clock
from .errors import Hang, Unsupported
from .interrupts import checkpoint

from . import host as _host


def _suspend_on(gate):
    # The host channel lends Pyodide its own WebLoop for the suspension (see sandbox.py).
    _host.call("wait", gate)


class GreenThread:
    __slots__ = ("tid", "name", "state", "deadline", "notified", "waiting_on", "gate", "seq",
                 "ready_seq", "actor", "daemon", "on_exit", "process")

    def __init__(self, tid, name):
        self.tid = tid
        self.name = name
        self.state = "running"   # running | ready | blocked | done
        self.deadline = None     # virtual time at which a blocked thread times out
        self.notified = False    # woken by notify() rather than by its deadline
        self.waiting_on = None   # (kind, detail) while blocked, for traces and diagnoses
        self.gate = None         # id of the host gate this thread's stack is suspended on
        self.seq = 0             # order in which it blocked: ties between equal deadlines
        self.ready_seq = 0       # order in which it became ready
        self.actor = None        # the trace record its waits are attributed to
        self.daemon = False
        self.on_exit = []
        self.process = None      # the modelled worker process it belongs to (processes.py), if any


class Scheduler:
    def __init__(self, main_ident):
        self._seq = itertools.count(1)
        self.main = GreenThread(main_ident, "MainThread")
        self.current = self.main
        self.threads = [self.main]
        self._next_tid = itertools.count(main_ident + 1)
        self.stopped = None          # a Hang that ended the cell; every later wait re-raises it
        self.budget_deadline = None  # virtual time at which the cell's budget is spent
        self.diagnose = None         # callable returning the diagnosis lines for a hang
        self.on_wait = None          # tracer hook: (thread, kind, detail, t0, t1)
        self.on_interrupt = None     # (thread, KeyboardInterrupt) that ended a thread: the cell stops

    # -- queries ---------------------------------------------------------------------------
    @property
    def can_spawn(self):
        return _host.available()

    def others_alive(self):
        return any(t is not self.current and t.state != "done" for t in self.threads)

    # -- blocking --------------------------------------------------------------------------
    def block(self, deadline, kind, detail=None):
        """Block the current thread until notify() or the deadline. True when notified."""
        checkpoint(poll=True)  # an interrupt deferred out of host code lands here, before any bookkeeping
        if self.stopped is not None:
            raise self.stopped
        me = self.current
        me.state = "blocked"
        me.deadline = deadline
        me.notified = False
        me.waiting_on = (kind, detail)
        me.seq = next(self._seq)
        t0 = clock.now
        try:
            self._run_until_ready(me)
        finally:
            me.waiting_on = None
            me.deadline = None
            if self.on_wait is not None and clock.now > t0:
                self.on_wait(me, kind, detail, t0, clock.now)
        if self.stopped is not None:
            raise self.stopped
        return me.notified

    def sleep(self, seconds, kind="sleep", detail=None):
        deadline = clock.now + max(0.0, seconds)
        while True:
            self.block(deadline, kind, detail)  # sleep(0) too: ready threads get their turn
            if clock.now >= deadline:
                return

    def notify(self, thread):
        if thread.state == "blocked":
            thread.notified = True
            thread.state = "ready"
            thread.ready_seq = next(self._seq)

    def _pick(self, me):
        ready = [t for t in self.threads if t.state == "ready" and t is not me]
        if ready:
            return min(ready, key=lambda t: t.ready_seq), None
        timed = [t for t in self.threads if t.state == "blocked" and t.deadline is not None]
        if me.state == "ready":
            return me, None
        if not timed:
            return None, None
        nxt = min(timed, key=lambda t: (t.deadline, t.seq))
        return nxt, nxt.deadline

    def _run_until_ready(self, me):
        while True:
            if me.state == "ready":
                me.state = "running"
                return
            nxt, wake_at = self._pick(me)
            if nxt is None:
                self._stop(Hang("deadlock: every thread waits and nothing can wake it",
                                self._diagnosis()))
                if self._resume_main_or_raise(me):
                    return
                continue
            if wake_at is not None:
                if self.budget_deadline is not None and wake_at > self.budget_deadline:
                    clock.advance_to(self.budget_deadline)
                    self._stop(Hang("virtual-time budget spent: the program keeps waiting on timers",
                                    self._diagnosis()))
                    if self._resume_main_or_raise(me):
                        return
                    continue
                clock.advance_to(wake_at)
                nxt.state = "ready"
                nxt.ready_seq = next(self._seq)
            if nxt is me:
                continue
            self._switch_to(nxt)
            return  # resumed: the scheduler chose this thread, so it is its turn

    def _stop(self, hang):
        if self.stopped is None:
            self.stopped = hang

    def _resume_main_or_raise(self, me):
        if me is self.main:
            me.state = "ready"
            return
        # A hang found on another thread ends the cell in the main thread, which is suspended;
        # this thread stays suspended, still blocked on what it waited for.
        self._switch_to(self.main)
        if self.stopped is not None:
            raise self.stopped
        # A later cell woke it (the hang is over and `stopped` was cleared): as after any other
        # switch, being resumed means it is this thread's turn. (Raising `stopped` here, now
        # None, crashed the thread with "exceptions must derive from BaseException".)
        return True

    def _diagnosis(self):
        return self.diagnose() if self.diagnose is not None else []

    def _switch_to(self, nxt):
        me = self.current
        gate = _host.call("gate")
        me.gate = gate
        self.current = nxt
        nxt.state = "running"
        _host.call("open", nxt.gate)
        _suspend_on(gate)
        self.current = me

    # -- threads ---------------------------------------------------------------------------
    def spawn(self, func, name="Thread", daemon=False):
        if not self.can_spawn:
            raise Unsupported(
                "can't start new thread: this JavaScript runtime lacks WebAssembly stack "
                "switching (JSPI), which the kernel needs to model threads")
        thread = GreenThread(next(self._next_tid), name)
        thread.daemon = daemon
        thread.process = self.current.process  # a thread started in a worker process stays in it
        thread.state = "ready"
        thread.ready_seq = next(self._seq)
        thread.gate = _host.call("gate")
        self.threads.append(thread)
        first_turn = thread.gate

        def bootstrap():
            _events._set_running_loop(None)
            _suspend_on(first_turn)
            self.current = thread
            try:
                func()
            except KeyboardInterrupt as exc:
                # The real-time budget's interrupt, past threading's own handling (which reports it
                # through threading.excepthook): it still ends the cell, not just this thread.
                if self.on_interrupt is None:
                    raise
                self.on_interrupt(thread, exc)
            finally:
                thread.state = "done"
                # Whatever happens in the callbacks, the next thread must get its turn: a stack
                # that ends without handing off leaves every other one suspended for good.
                try:
                    for callback in thread.on_exit:
                        callback()
                finally:
                    self._hand_off_from_finished(thread)

        _host.call("spawn", bootstrap)
        return thread

    def _hand_off_from_finished(self, thread):
        if self.stopped is not None and self.main.state != "done":
            self.main.state = "ready"
        nxt, wake_at = self._pick(thread)
        if nxt is None:
            if self.main.state == "done":
                return  # nothing left to run: the cell is over
            self._stop(Hang("deadlock: every thread waits and nothing can wake it", self._diagnosis()))
            nxt, wake_at = self.main, None
        elif wake_at is not None:
            if self.budget_deadline is not None and wake_at > self.budget_deadline:
                clock.advance_to(self.budget_deadline)
                self._stop(Hang("virtual-time budget spent: the program keeps waiting on timers",
                                self._diagnosis()))
                nxt = self.main
            else:
                clock.advance_to(wake_at)
        self.current = nxt
        nxt.state = "running"
        _host.call("open", nxt.gate)

    def preempt_if_due(self):
        """Called while a thread busy-waits on a clock: let threads whose deadline passed run."""
        me = self.current
        if self.stopped is not None or not any(
                t.state == "blocked" and t.deadline is not None and t.deadline <= clock.now
                for t in self.threads if t is not me):
            return
        self.block(clock.now, "busy")
