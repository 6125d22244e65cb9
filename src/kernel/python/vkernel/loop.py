"""An asyncio event loop on the virtual clock.

BaseEventLoop does all the scheduling; this loop supplies the two things a real loop gets from the
operating system: time (the virtual clock) and waiting (`select(timeout)`, here a green-thread wait
that moves virtual time or is cut short by `call_soon_threadsafe` from another thread). Sockets are
not offered: a snippet's network goes through the simulated I/O world instead."""

import asyncio.base_events as base_events
import asyncio.events as events
import itertools
import threading

from . import limits
from .clock import MONOTONIC_BASE, clock
from .interrupts import checkpoint, trampoline
from .sandbox import NETWORK_LIMIT


class _VirtualSelector:
    def __init__(self, loop):
        self._loop = loop

    def select(self, timeout=None):
        checkpoint(poll=True)  # the loop's one wait: a safe point for an interrupt deferred out of host code
        loop = self._loop
        if loop._woken:
            loop._woken = False
            return []
        deadline = None if timeout is None else clock.now + timeout
        sched = loop._sched
        waiting = loop._tracer.waiting_tasks(loop) if timeout != 0 else ()
        t0 = clock.now
        loop._selecting_thread = sched.current
        try:
            sched.block(deadline, "select", loop)
        finally:
            loop._selecting_thread = None
            loop._woken = False
            if clock.now > t0:
                loop._tracer.tasks_waited(waiting, t0, clock.now)
        return []

    def close(self):
        pass


class VirtualEventLoop(base_events.BaseEventLoop):
    _sched = None    # set by install()
    _tracer = None

    def __init__(self):
        super().__init__()
        self._selector = _VirtualSelector(self)
        self._woken = False
        self._selecting_thread = None
        # The clock is exact; a small resolution absorbs float rounding in `when - now`.
        self._clock_resolution = 1e-9
        self._tracer.loop_created(self)

    def time(self):
        # CPython's BaseEventLoop.time() is time.monotonic(): snippets compare the two. Read the
        # clock directly (not through time.monotonic), so the loop's own readings never count as
        # busy-waiting.
        return MONOTONIC_BASE + clock.now

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        self._woken = True
        if self._selecting_thread is not None:
            self._sched.notify(self._selecting_thread)

    def create_task(self, coro, **kwargs):
        task = super().create_task(coro, **kwargs)
        self._tracer.task_created(task)
        return task

    @trampoline
    def _run_once(self):
        self._tracer.steps_starting(self._ready)
        super()._run_once()

    def _refuse_network(self, *args, **kwargs):
        limits.hit(NETWORK_LIMIT)
        raise OSError(101, "Network is unreachable (the sandbox has no network; "
                           "the simulated I/O world answers aiohttp, requests and friends)")

    create_connection = create_server = create_datagram_endpoint = _refuse_network
    create_unix_connection = create_unix_server = connect_accepted_socket = _refuse_network
    sock_connect = sock_accept = sock_recv = sock_sendall = _refuse_network

    async def getaddrinfo(self, *args, **kwargs):
        self._refuse_network()

    def add_signal_handler(self, sig, callback, *args):
        raise NotImplementedError  # as on platforms without signal support; Runner copes

    def remove_signal_handler(self, sig):
        return False


# What `print(loop)` shows on Linux: the loop CPython would give the reader's program.
VirtualEventLoop.__name__ = VirtualEventLoop.__qualname__ = "_UnixSelectorEventLoop"
VirtualEventLoop.__module__ = "asyncio.unix_events"


_timer_order = itertools.count()


class _OrderedTimerHandle(events.TimerHandle):
    """A TimerHandle that sorts by (when, order of scheduling).

    On a real clock two `call_later(1, ...)` or two `sleep(1)` made one after the other have
    deadlines microseconds apart, so they fire in the order they were made. On the virtual clock the
    deadlines are equal and the loop's heap would order them arbitrarily; the scheduling order breaks
    the tie, as the real clock's microseconds do. Equality and hashing stay CPython's."""

    __slots__ = ("_order",)

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(when, callback, args, loop, context)
        self._order = next(_timer_order)

    def __lt__(self, other):
        if isinstance(other, _OrderedTimerHandle):
            return (self._when, self._order) < (other._when, other._order)
        return super().__lt__(other)

    def __le__(self, other):
        if isinstance(other, _OrderedTimerHandle):
            return (self._when, self._order) <= (other._when, other._order)
        return super().__le__(other)

    def __gt__(self, other):
        if isinstance(other, _OrderedTimerHandle):
            return (self._when, self._order) > (other._when, other._order)
        return super().__gt__(other)

    def __ge__(self, other):
        if isinstance(other, _OrderedTimerHandle):
            return (self._when, self._order) >= (other._when, other._order)
        return super().__ge__(other)

    __hash__ = events.TimerHandle.__hash__


# What `type(handle)` shows: asyncio's own class, by name and module.
_OrderedTimerHandle.__name__ = _OrderedTimerHandle.__qualname__ = "TimerHandle"
_OrderedTimerHandle.__module__ = "asyncio.events"


class VirtualEventLoopPolicy(events._AbstractEventLoopPolicy):
    """One current loop per (green) thread, created only when asked for, as in CPython 3.14."""

    def __init__(self):
        self._loops = {}

    def get_event_loop(self):
        loop = self._loops.get(threading.get_ident())
        if loop is None:
            raise RuntimeError("There is no current event loop in thread %r."
                               % threading.current_thread().name)
        return loop

    def set_event_loop(self, loop):
        if loop is not None and not isinstance(loop, events.AbstractEventLoop):
            raise TypeError("loop must be an instance of AbstractEventLoop or None, "
                            f"not '{type(loop).__name__}'")
        self._loops[threading.get_ident()] = loop

    def new_event_loop(self):
        return VirtualEventLoop()


def install(sched, tracer):
    import asyncio.runners
    import asyncio.unix_events

    VirtualEventLoop._sched = sched
    VirtualEventLoop._tracer = tracer
    # Undo Pyodide's WebLoop: it is "running" forever and its asyncio.run relies on the host.
    events._set_running_loop(None)
    events._set_event_loop_policy(VirtualEventLoopPolicy())
    asyncio.run = asyncio.runners.run
    # BaseEventLoop.call_at makes its handles from the module's name: equal deadlines keep their order.
    events.TimerHandle = asyncio.TimerHandle = _OrderedTimerHandle
    asyncio.SelectorEventLoop = VirtualEventLoop
    asyncio.EventLoop = VirtualEventLoop
    asyncio.unix_events.SelectorEventLoop = VirtualEventLoop
    asyncio.unix_events.EventLoop = VirtualEventLoop
    if hasattr(asyncio.tasks, "_AsCompletedIterator"):  # CPython 3.13 and later
        asyncio.tasks._AsCompletedIterator.__init__ = _as_completed_init


def _as_completed_init(self, aws, timeout):
    """`asyncio.as_completed` with its awaitables taken in the order given.

    CPython's makes a set of them (`{ensure_future(aw) for aw in set(aws)}`): the tasks are
    created, started and told of completion in the order of the objects' addresses, which differ
    between two interpreters (one booted from the snapshot and one plainly, a document resumed after
    a crash), so the timeline's rows and the order of results that finish together would too. The
    order given is one of the orders CPython may take, and the same on every run. The rest is
    CPython 3.14's `_AsCompletedIterator.__init__`, duplicates still counted once."""
    import asyncio.queues as queues
    from asyncio.tasks import ensure_future

    self._done = queues.Queue()
    self._timeout_handle = None
    loop = events.get_event_loop()
    todo = dict.fromkeys(ensure_future(aw, loop=loop) for aw in dict.fromkeys(aws))
    for f in todo:
        f.add_done_callback(self._handle_completion)
    if todo and timeout is not None:
        self._timeout_handle = loop.call_later(timeout, self._handle_timeout)
    self._todo = set(todo)
    self._todo_left = len(todo)


_as_completed_init.__qualname__ = "_AsCompletedIterator.__init__"
