"""A record of the tasks and threads a cell ran: when each was created, started and finished, how it
ended, and the intervals it spent waiting (and on what) or blocking the thread it ran on.

Virtual time moves only while something waits, so the waits are recorded exactly where time moves:
in the event loop's select (every pending task is waiting on something) and in green-thread waits."""

import functools
import sys
import reprlib
import types
import weakref

from .clock import clock

_repr = reprlib.Repr()
_repr.maxstring = 24
_repr.maxother = 24
_repr.maxlist = 4

# Where an awaiting coroutine chain ends tells what a task waits on.
_AWAIT_KINDS = {
    "sleep": "sleep",
    "Lock.acquire": "lock",
    "Semaphore.acquire": "semaphore",
    "BoundedSemaphore.acquire": "semaphore",
    "Event.wait": "event",
    "Condition.wait": "condition",
    "Condition.wait_for": "condition",
    "Queue.get": "queue",
    "Queue.put": "queue",
    "Queue.join": "queue",
    "Barrier.wait": "barrier",
    "wait_for": "wait_for",
    "wait": "wait",
    "gather": "gather",
    "staggered_race": "wait",
    "to_thread": "thread",
    "TaskGroup.__aexit__": "taskgroup",
    "Timeout.__aexit__": "timeout",
}


def call_label(func_name, names, values):
    args = ", ".join(_repr.repr(values[n]) for n in names if n in values)
    return f"{func_name}({args})"


# The timeline's labels (not the diagnosis of a hang, which keeps `coroutine_label`): what a reader
# recognises from the code, `limited_task(3)`, not the repr of the semaphore passed to it.
_LITERALS = (int, float, complex, str, bytes, bool, type(None))
_CONTAINERS = {list: "[…]", tuple: "(…)", dict: "{…}", set: "{…}", frozenset: "{…}"}


def _short_arg(value):
    """A literal as the code would write it (strings up to 80 characters: the page shortens the
    drawn label and keeps this one in its table); containers as their brackets; anything else
    (locks, sessions, queues: their reprs are addresses and internals) is left out (None)."""
    if isinstance(value, _LITERALS):
        text = repr(value)
        return text if len(text) <= 80 else text[:79] + "…"
    for kind, brackets in _CONTAINERS.items():
        if type(value) is kind:
            return brackets if value else repr(value)
    return None


def display_label(func_name, values, positional=(), keyword_only=()):
    """`func(args)` with the literal arguments; keyword-only ones only when set (not None)."""
    shown = [_short_arg(values[n]) for n in positional if n in values]
    shown += [f"{n}={_short_arg(values[n])}" for n in keyword_only
              if n in values and values[n] is not None and _short_arg(values[n]) is not None]
    return f"{func_name}({', '.join(a for a in shown if a is not None)})"


def _args_label(func_name, args):
    return display_label(func_name, dict(enumerate(args)), range(len(args)))


def task_label(task):
    """A task's name when the program gave it one, else its coroutine's call."""
    name = task.get_name()
    if not (name.startswith("Task-") and name[5:].isdigit()):
        return name
    coro = task.get_coro()
    # aiohttp's request context managers wrap the request coroutine: show the request.
    inner = getattr(coro, "_coro", None)
    if getattr(coro, "cr_code", None) is None and getattr(inner, "cr_code", None) is not None:
        coro = inner
    code = getattr(coro, "cr_code", None) or getattr(coro, "gi_code", None)
    frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None)
    if code is None or frame is None:
        return getattr(coro, "__qualname__", type(coro).__name__) + "()"
    values = frame.f_locals
    if code.co_qualname == "Kernel._run_statement.<locals>.statement":
        # A cell with top-level await runs each statement as a task (as Jupyter does); the page
        # words this marker in its language.
        return f"(top level, line {getattr(values.get('code'), 'co_firstlineno', '?')})"
    if code.co_qualname.endswith("._request") and "method" in values:
        url = values.get("str_or_url", values.get("url"))
        return f"{values['method']} {url}"
    names = [n for n in code.co_varnames[:code.co_argcount] if n != "self"]
    keyword_only = code.co_varnames[code.co_argcount:code.co_argcount + code.co_kwonlyargcount]
    name = code.co_qualname
    if _is_library(code.co_filename):
        # A library's defaults are not what the program passed: `asyncio.sleep(1)`, not (1, None).
        while names and values.get(names[-1]) is None:
            names.pop()
        if "/asyncio/" in code.co_filename:
            name = f"asyncio.{name}"
    return display_label(name, values, names, keyword_only)


def coroutine_label(coro):
    code = getattr(coro, "cr_code", None) or getattr(coro, "gi_code", None)
    frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None)
    if code is None or frame is None:
        return getattr(coro, "__qualname__", type(coro).__name__) + "()"
    argc = code.co_argcount + code.co_kwonlyargcount
    names = [n for n in code.co_varnames[:argc] if n != "self"]
    return call_label(code.co_qualname, names, frame.f_locals)


def describe_await(task):
    """(kind, detail) for what a pending task waits on, read from its coroutine chain."""
    coro = task.get_coro()
    user_frame = None
    last_name = None
    last_frame_file = None
    entry = None  # the first library call after the program's own frames: what it asked for
    seen = 0
    while coro is not None and seen < 64:
        seen += 1
        if not hasattr(coro, "cr_code") and hasattr(getattr(coro, "_coro", None), "cr_code"):
            coro = coro._coro  # aiohttp's request context manager: the request it wraps
        frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None) \
            or getattr(coro, "ag_frame", None)
        code = getattr(coro, "cr_code", None) or getattr(coro, "gi_code", None) \
            or getattr(coro, "ag_code", None)
        if code is not None:
            last_name = code.co_qualname
            last_frame_file = code.co_filename
            if frame is not None and not _is_library(code.co_filename):
                user_frame = (code.co_qualname, frame.f_lineno)
                entry = None
            elif entry is None:
                entry = code
        nxt = getattr(coro, "cr_await", None) or getattr(coro, "gi_yieldfrom", None) \
            or getattr(coro, "ag_await", None)
        if nxt is None or not (hasattr(nxt, "cr_frame") or hasattr(nxt, "gi_frame")
                               or hasattr(nxt, "ag_frame")):
            break
        coro = nxt
    waiter = getattr(task, "_fut_waiter", None)
    kind = _entry_kind(entry) if entry is not None else None
    if kind is None and last_frame_file and _is_library(last_frame_file):
        kind = _AWAIT_KINDS.get(last_name or "", None)  # never the program's own `wait()`
    if kind is None:
        kind = _kind_of_awaited(waiter)
    where = f" in {user_frame[0]} at line {user_frame[1]}" if user_frame else ""
    if last_name is not None and last_frame_file and _is_library(last_frame_file):
        what = f"{last_name}()"
    else:
        what = _describe_awaited(waiter)
    return kind, f"{what}{where}"


# The stand-in libraries wait with asyncio.sleep; what the program waits on is the request.
_WORLD_KINDS = {"aiohttp": "http", "httpx": "http", "requests": "http", "urllib3": "http",
                "asyncpg": "db", "psycopg2": "db", "aiofiles": "file", "fastapi": "app",
                "uvicorn": "app"}


def _entry_kind(code):
    """What the program's first library call waits on: a stand-in library's I/O by its module,
    as_completed by name (it waits on a queue inside), otherwise as the call's name says."""
    filename = code.co_filename
    if "/world/" in filename:
        package = filename.split("/world/modules/", 1)[-1].split("/", 1)[0]
        return _WORLD_KINDS.get(package, "io")
    if "as_completed" in code.co_qualname or code.co_qualname.startswith("_AsCompletedIterator"):
        return "as_completed"
    return _AWAIT_KINDS.get(code.co_qualname)


def _is_library(filename):
    return filename.startswith(("/lib/", "<frozen")) or "/vkernel/" in filename \
        or "/world/" in filename


def _kind_of_awaited(awaited):
    name = type(awaited).__name__
    if name == "_GatheringFuture":
        return "gather"
    if name in ("Task", "_asyncio.Task"):
        return "task"
    # run_in_executor's future is chained to the pool's (asyncio.futures._chain_future).
    callbacks = getattr(awaited, "_callbacks", None) or ()
    if any(getattr(cb[0] if isinstance(cb, tuple) else cb, "__name__", "") == "_call_check_cancel"
           for cb in callbacks):
        return "thread"
    return "future"


def _describe_awaited(awaited):
    if awaited is None:
        return "nothing"
    if type(awaited).__name__ == "_GatheringFuture":
        return "gather()"
    get_name = getattr(awaited, "get_name", None)
    if callable(get_name):
        return f"task {get_name()} {coroutine_label(awaited.get_coro())}"
    return "a Future"


class Actor:
    __slots__ = ("id", "kind", "name", "label", "thread", "created", "started", "finished",
                 "outcome", "error", "spans")

    def __init__(self, id, kind, name, label, thread, created):
        self.id = id
        self.kind = kind
        self.name = name
        self.label = label
        self.thread = thread
        self.created = created
        self.started = None
        self.finished = None
        self.outcome = "pending"
        self.error = None
        self.spans = []

    def add_span(self, kind, t0, t1, detail=None):
        if t1 <= t0:
            return
        last = self.spans[-1] if self.spans else None
        if last is not None and last["kind"] == kind and last["detail"] == detail \
                and abs(last["to"] - t0) < 1e-12:
            last["to"] = t1
        else:
            self.spans.append({"kind": kind, "from": t0, "to": t1, "detail": detail})


def _text_attribute(obj, name, default):
    """An attribute that names something in the trace, when it is text: a snippet's callable may
    be anything (a Mock answers every attribute with another Mock, or raises for dunders)."""
    try:
        value = getattr(obj, name, default)
    except Exception:
        return default
    return value if isinstance(value, str) else default


def _hide_from_reprs(tracer):
    """`print(task)` shows the callbacks a task holds; the tracer's is the kernel's, not the
    program's, and CPython shows no such callback: leave it out of every future's repr."""
    import asyncio.base_futures as base_futures
    original = getattr(base_futures._format_callbacks, "__wrapped__", base_futures._format_callbacks)

    def _format_callbacks(cb):
        kept = [entry for entry in cb if getattr(entry[0], "__self__", None) is not tracer]
        # With only the tracer's callback, CPython's repr would hold no `cb=` part at all.
        return original(kept) if kept else _NO_CALLBACKS

    _format_callbacks.__wrapped__ = original
    base_futures._format_callbacks = _format_callbacks
    original_info = getattr(base_futures._future_repr_info, "__wrapped__", base_futures._future_repr_info)

    def _future_repr_info(future):
        return [part for part in original_info(future) if part is not _NO_CALLBACKS]

    _future_repr_info.__wrapped__ = original_info
    base_futures._future_repr_info = _future_repr_info


class _Omitted(str):
    """A repr part that is left out (told apart by identity, not by its text)."""


_NO_CALLBACKS = _Omitted("cb=[]")


class Tracer:
    def __init__(self, sched):
        self.sched = sched
        self.loops = weakref.WeakSet()
        self.reset()
        sched.on_wait = self.thread_waited

    def reset(self):
        self.origin = clock.now
        self.actors = []
        self._by_task = weakref.WeakKeyDictionary()
        self._unstarted = weakref.WeakSet()
        self._counter = 0

    def _new(self, kind, name, label, thread):
        self._counter += 1
        actor = Actor(f"{kind}-{self._counter}", kind, name, label, thread, clock.now)
        self.actors.append(actor)
        return actor

    # -- tasks -------------------------------------------------------------------------------
    def loop_created(self, loop):
        self.loops.add(loop)

    def task_created(self, task):
        code = getattr(task.get_coro(), "cr_code", None)
        if code is not None and code.co_qualname.startswith("BaseEventLoop.") \
                and _is_library(code.co_filename):
            return  # asyncio's own housekeeping (shutdown_asyncgens, ...) is not the program's
        actor = self._new("task", task.get_name(), task_label(task), self.sched.current.name)
        self._by_task[task] = actor
        self._unstarted.add(task)
        task.add_done_callback(self._task_done)

    def steps_starting(self, ready_handles):
        if not self._unstarted:
            return
        for handle in ready_handles:
            task = getattr(handle._callback, "__self__", None)
            if task is not None and task in self._unstarted:
                self._unstarted.discard(task)
                self._by_task[task].started = clock.now

    def _task_done(self, task):
        actor = self._by_task.get(task)
        if actor is None:
            return
        actor.finished = clock.now
        if actor.started is None:
            actor.started = actor.created
        # `task.exception()` would mark the exception as retrieved, and asyncio would no longer
        # log "Task exception was never retrieved" when the task is collected: read the field.
        exc = None if task.cancelled() else getattr(task, "_exception", None)
        if task.cancelled():
            actor.outcome = "cancelled"
        elif exc is not None:
            actor.outcome = "error"
            actor.error = f"{type(exc).__name__}: {exc}"
        else:
            actor.outcome = "ok"

    def waiting_tasks(self, loop):
        import asyncio
        waiting = []
        for task in asyncio.all_tasks(loop):
            actor = self._by_task.get(task)
            if actor is not None and not task.done():
                kind, detail = describe_await(task)
                waiting.append((actor, kind, detail))
        return waiting

    def tasks_waited(self, waiting, t0, t1):
        for actor, kind, detail in waiting:
            actor.add_span(kind, t0, t1, detail)

    def pending_tasks(self):
        import asyncio
        for loop in list(self.loops):
            if loop.is_closed():
                continue
            for task in asyncio.all_tasks(loop):
                if not task.done():
                    yield task

    # -- threads -----------------------------------------------------------------------------
    def thread_started(self, green, thread_object):
        target = getattr(thread_object, "_target", None)
        code = getattr(target, "__code__", None)
        name = _text_attribute(target, "__name__", type(target).__name__)
        if isinstance(code, types.CodeType) and _is_library(code.co_filename) and name != "_worker":
            return  # asyncio's own housekeeping (shutting the default executor down)
        if target is not None and name != "_worker":
            label = _args_label(name, getattr(thread_object, "_args", ()))
        else:
            label = green.name
        actor = self._new("thread", green.name, label, green.name)
        actor.started = clock.now
        green.actor = actor
        green.on_exit.append(lambda: self._thread_finished(actor))

    def _thread_finished(self, actor):
        actor.finished = clock.now
        actor.outcome = "ok"

    def job_started(self, fn, args):
        # to_thread submits functools.partial(context.run, func, *args): show func(*args).
        while isinstance(fn, functools.partial) and not fn.keywords:
            fn, args = fn.func, (*fn.args, *args)
            if getattr(fn, "__qualname__", "") == "Context.run" and args:
                fn, args = args[0], args[1:]
        name = _text_attribute(fn, "__qualname__", type(fn).__name__)
        if "<locals>" in name:
            name = _text_attribute(fn, "__name__", name)  # the kernel's stand-in for time.sleep
        label = _text_attribute(fn, "trace_label", None) or _args_label(name, args)
        actor = self._new("job", name, label, self.sched.current.name)
        actor.started = clock.now
        previous = self.sched.current.actor
        self.sched.current.actor = actor
        return actor, previous

    def job_finished(self, token, error=None):
        actor, previous = token
        actor.finished = clock.now
        actor.outcome = "error" if error is not None else "ok"
        if error is not None:
            actor.error = f"{type(error).__name__}: {error}"
        self.sched.current.actor = previous

    def thread_waited(self, green, kind, detail, t0, t1):
        if kind == "select":
            return  # the loop's tasks are credited in tasks_waited
        label = _wait_detail(kind, detail)
        blocking = kind == "sleep"
        if blocking:
            # A blocking stand-in library (requests.get, psycopg2's execute) waits with time.sleep:
            # the thread waits on that library's I/O, named by the call the program made.
            library = _blocking_library_call(sys._getframe(1))
            if library is not None:
                kind, label = library
        if green.actor is not None:
            green.actor.add_span(kind, t0, t1, label)
        if green is self.sched.main and blocking:
            # A blocking call on the loop's thread blocks the running task and stalls every other one.
            import asyncio
            for loop in list(self.loops):
                task = asyncio.current_task(loop) if loop.is_running() else None
                if task is not None and task in self._by_task:
                    self._by_task[task].add_span("block", t0, t1, f"{label} blocks the event loop")

    # -- output ------------------------------------------------------------------------------
    def export(self):
        o = self.origin
        rel = lambda t: None if t is None else round(t - o, 9)  # noqa: E731
        out = []
        for a in self.actors:
            out.append({
                "id": a.id, "kind": a.kind, "name": a.name, "label": a.label, "thread": a.thread,
                "created": rel(a.created), "started": rel(a.started), "finished": rel(a.finished),
                "outcome": a.outcome, "error": a.error,
                "spans": [{"kind": s["kind"], "from": rel(s["from"]), "to": rel(s["to"]),
                           "detail": s["detail"]} for s in a.spans],
            })
        return out


def _blocking_library_call(frame):
    """(kind, "requests.get()") when a stand-in library's code is on the stack: the outermost of its
    frames under the program's own, i.e. the call the program made; None for the program's own
    time.sleep."""
    outermost = None
    while frame is not None:
        filename = frame.f_code.co_filename
        if "/world/modules/" in filename:
            outermost = frame
        elif outermost is not None and not _is_library(filename):
            break
        frame = frame.f_back
    if outermost is None:
        return None
    package = outermost.f_code.co_filename.split("/world/modules/", 1)[1].split("/", 1)[0]
    name = outermost.f_code.co_qualname
    call = f"{package}.{name}()" if "." not in name else f"{name}()"
    return _WORLD_KINDS.get(package, "io"), call


def _wait_detail(kind, detail):
    if kind == "sleep":
        return "time.sleep()"
    if kind == "lock":
        return "waiting for a lock"
    if kind == "join":
        return "join()"
    return kind
