"""The kernel's entry point: one Kernel per interpreter, i.e. per document. The host creates it once
and calls `run_cell` for each cell in order (through JSPI's callPromising, so threads can switch)."""

import ast
import builtins
import linecache
import sys
import threading
import time
import traceback

from . import clock as clock_module, interrupts, limits, probes
from .clock import clock

_real_perf_counter = time.perf_counter  # captured before the clock is virtualised
_KERNEL_FILES = ("/vkernel/",)
_TOP_LEVEL_AWAIT = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT


def _without_kernel_frames(report, seen):
    """A traceback as the reader's own program would show it: no frame of the kernel, in the
    exception, its cause or context, or the members of an exception group."""
    if id(report) in seen:
        return
    seen.add(id(report))
    kept = [f for f in report.stack if not any(k in (f.filename or "") for k in _KERNEL_FILES)]
    report.stack = traceback.StackSummary.from_list(kept)
    for linked in (report.__cause__, report.__context__):
        if linked is not None:
            _without_kernel_frames(linked, seen)
    for member in getattr(report, "exceptions", None) or ():
        _without_kernel_frames(member, seen)


def _first(items, limit):
    """The first `limit` items (all of them when there is no limit), and how many were left out."""
    if limit is None or len(items) <= limit:
        return items, 0
    return items[:limit], len(items) - limit


def _cut_trace(trace, limit):
    """Cuts the trace's lists to the host's limit (src/kernel/types.ts, RUN_LIST_LIMIT): the first
    tasks and threads, and of each its first spans. The run is judged on its output all the same."""
    trace["actors"], actors = _first(trace["actors"], limit)
    spans = 0
    for actor in trace["actors"]:
        actor["spans"], left_out = _first(actor["spans"], limit)
        spans += left_out
    return {"actors": actors, "spans": spans}


def _random_seeding():
    """Each cell's random numbers follow from its own code, never from which earlier cells ran in
    this interpreter (a cached cell does not run again; a cell may run in an interpreter of its
    own): a cell that sleeps for `random.uniform(...)` prints the same thing however, wherever and
    how often it is checked, in Node and in the browser. Once a document calls `random.seed`
    itself, it owns the sequence from then on. The wrapper holds nothing of the kernel."""
    import functools
    import random
    original = random.seed
    seeded_by_document = [False]

    @functools.wraps(original)
    def seed(*args, **kwargs):
        seeded_by_document[0] = True
        return original(*args, **kwargs)

    random.seed = seed
    return original, lambda: seeded_by_document[0]


class Kernel:
    def __init__(self, fixtures=None, sink=None, world_paths=(), guards=True):
        from .green import Scheduler
        from .trace import _hide_from_reprs, Tracer
        from . import threads, loop, sandbox

        sandbox.open_channel()  # first: takes the host's objects out of every module's reach
        main_ident = threading.get_ident()
        clock_module.install()
        from . import errnos
        errnos.install()
        self.sched = Scheduler(main_ident)
        self.tracer = Tracer(self.sched)
        _hide_from_reprs(self.tracer)
        clock.on_busy_advance = self.sched.preempt_if_due
        self.sched.diagnose = self.diagnose
        threads.install(self.sched, self.tracer)
        loop.install(self.sched, self.tracer)
        self.world = self._install_world(world_paths, fixtures or [])
        if guards:  # False only in the tests of the other layers (src/kernel/engine.ts)
            sandbox.seal()

        from .output import EventLog, StreamWriter
        import io
        self.log = EventLog()
        sys.stdout = StreamWriter(self.log, "stdout", bool(sink))
        sys.stderr = StreamWriter(self.log, "stderr", bool(sink))
        sys.stdin = io.StringIO("")
        # The cells run in the namespace of a real `__main__` module, as a script does: pickle finds
        # functions and classes by `sys.modules['__main__']` (process pools ship them by
        # reference), and `import __main__` sees the snippet's globals.
        import types
        main_module = types.ModuleType("__main__")
        main_module.__builtins__ = builtins
        main_module.__spec__ = None
        main_module.__loader__ = None
        sys.modules["__main__"] = main_module
        self.namespace = main_module.__dict__
        self.cells_run = 0
        self._install_job_tracing()
        self._install_warning_location()
        self._seed_random, self._document_seeds_random = _random_seeding()
        self._real_start, self._real_budget = _real_perf_counter(), float("inf")
        self._install_thread_interrupts()
        interrupts.install()
        from . import frames
        frames.install()

    def _install_thread_interrupts(self):
        # The real-time budget's interrupt (SIGINT) lands in whichever green thread is running.
        # In a thread other than the main one, threading would print "Exception in thread ...:
        # KeyboardInterrupt" and go on, and the cell would end `ok` although its program never
        # ends (CPython delivers SIGINT to the main thread only; the loop would spin forever).
        # End the cell as a timeout instead, as for a CPU loop in the main thread.
        hook = threading.excepthook

        def stop_for(name, exc):
            from .errors import CpuTimeout
            tb = traceback.format_exception(type(exc), exc, exc.__traceback__)
            self.sched._stop(CpuTimeout(
                f"interrupted after {self._real_budget:g} s of real time: the cell never "
                f"yields (a CPU-bound loop in thread {name})", tb))

        def excepthook(args):
            if args.exc_type is not None and issubclass(args.exc_type, KeyboardInterrupt) \
                    and _real_perf_counter() - self._real_start >= self._real_budget * 0.9:
                stop_for(args.thread.name if args.thread is not None else "?", args.exc_value)
                return
            hook(args)

        threading.excepthook = excepthook
        self.sched.on_interrupt = lambda green, exc: stop_for(green.name, exc)

    @staticmethod
    def _install_warning_location():
        # A warning raised while only kernel frames are on the stack (typically "coroutine ...
        # was never awaited" when a failed cell's traceback is released) would name a kernel file
        # and line. In a script that moment is interpreter shutdown, with no Python frame at all,
        # and CPython reports it as `<sys>:0: RuntimeWarning: ...` with no source line and no
        # tracemalloc hint (tracemalloc cannot be imported at shutdown): report it the same way.
        import warnings
        show = warnings._showwarnmsg

        def showwarnmsg(msg):
            if any(k in str(msg.filename) for k in _KERNEL_FILES):
                msg.filename, msg.lineno, msg.line, msg.source = "<sys>", 0, None, None
            show(msg)

        warnings._showwarnmsg = showwarnmsg

    @staticmethod
    def _install_world(paths, fixtures):
        if not paths:
            return None
        for path in reversed(paths):
            if path not in sys.path:
                sys.path.insert(0, path)
        import simworld
        simworld.configure(fixtures)
        return simworld

    def _install_job_tracing(self):
        import concurrent.futures.thread as cft
        tracer = self.tracer
        original_run = cft._WorkItem.run

        running = self._running_jobs = set()  # futures of executor work items being run

        def run(item, *args, **kwargs):
            fn, fn_args = item.task[0], item.task[1]
            token = tracer.job_started(fn, fn_args)
            running.add(item.future)
            try:
                return original_run(item, *args, **kwargs)
            finally:
                running.discard(item.future)
                exc = item.future.exception() if item.future.done() and not item.future.cancelled() else None
                tracer.job_finished(token, exc)

        cft._WorkItem.run = run

    # -- diagnosis ---------------------------------------------------------------------------
    def diagnose(self):
        from .trace import describe_await, coroutine_label
        lines = []
        for task in self.tracer.pending_tasks():
            kind, detail = describe_await(task)
            lines.append(f"{task.get_name()} {coroutine_label(task.get_coro())} waits on {detail}")
        for green in self.sched.threads:
            if green.state == "blocked" and green.waiting_on and green.waiting_on[0] != "select":
                kind = green.waiting_on[0]
                what = {"lock": "a lock (acquire)", "join": "another thread (join)",
                        "sleep": "time.sleep()"}.get(kind, kind)
                lines.append(f"thread {green.name} waits on {what}")
        return lines

    # -- running -----------------------------------------------------------------------------
    def run_cell_json(self, source, budget=3600.0, real_budget=10.0, segments_json="[]", options_json="{}"):
        import json
        segments = [tuple(s) for s in json.loads(segments_json)]
        options = json.loads(options_json)
        return json.dumps(self.run_cell(source, budget, real_budget, segments, **options), ensure_ascii=False)

    def run_cell(self, source, budget=3600.0, real_budget=10.0, segments=(), number=None, stdin=None, on_loop=False,
                 limit=None, script=False):
        self.cells_run += 1
        if not self._document_seeds_random():
            self._seed_random(source)
        # The number the page shows (a document's cells may run out of order, or from the cache).
        filename = f"<cell {number if number is not None else self.cells_run}>"
        self._stdin(stdin)
        lines = source.splitlines(keepends=True)
        linecache.cache[filename] = (len(source), None, lines, filename)
        from .names import defines_and_uses, imported_names
        defines, uses = defines_and_uses(source, filename)
        imports = imported_names(source, filename)

        start = clock.now
        # Busy-waiting is counted within a cell: without this, a cell that ended in a busy loop on
        # a clock left the count high, and the next cell's first readings each moved time 1 ms.
        clock.reset_busy()
        self.log.reset(start)
        self.statements = []
        limits.take()  # what earlier cells were refused is theirs
        self.tracer.reset()
        self.sched.stopped = None
        self.sched.budget_deadline = start + budget
        real_start = _real_perf_counter()
        self._real_start, self._real_budget = real_start, real_budget
        # Threads and executor work still alive now were left by a cell that hung or was
        # interrupted: that cell's program never ended, and later cells do not wait for them.
        leftover = (set(threading.enumerate()), set(self._executor_work()))
        status, error, result = "ok", None, None
        interrupts.arm()
        try:
            result = self._execute(source, filename, segments, on_loop, script)
        except BaseException as exc:  # noqa: B902 - a snippet may raise anything
            status, error = self._outcome(exc, real_start, real_budget)
        if status in ("ok", "error") and self.sched.stopped is None:
            # Like the end of a script, even one that failed (the interpreter prints the
            # traceback, then waits for its threads at shutdown): wait for the threads it started.
            try:
                self._wait_for_threads(*leftover)
            except BaseException as exc:  # noqa: B902
                if error is not None and status == "error":
                    # Never reached the end: the traceback is what the terminal showed meanwhile.
                    sys.stderr.write("".join(error["traceback"]))
                status, error = self._outcome(exc, real_start, real_budget)
        if self.sched.stopped is not None and status != "hangs":
            # A bare `except:` in the snippet swallowed the stop; it still ended the program.
            stop = self.sched.stopped
            status = stop.status
            error = {"ename": getattr(stop, "ename", type(stop).__name__), "evalue": stop.message,
                     "traceback": stop.diagnosis}
        if status == "error":
            # The failed program ends here, and its traceback, with the tasks and coroutines it
            # holds in reference cycles, is garbage. Collect it now, so that what CPython reports
            # while finalizing them at shutdown ("<sys>:0: RuntimeWarning: coroutine ... was never
            # awaited", "Task exception was never retrieved") comes with this cell and not with
            # whichever later cell happens to trigger a collection.
            import gc
            gc.collect()
        interrupts.disarm()
        self.log.frozen = status == "hangs"
        if self.sched.stopped is not None:
            self.sched.stopped = None  # let later cells run
        trace = self._trace_export()
        statements, cut_statements = _first(self.statements, limit)
        world, cut_world = _first(self.world.take_usage() if self.world is not None else [], limit)
        cut = _cut_trace(trace, limit)
        if any(cut.values()) or cut_statements or cut_world:
            trace["cut"] = {**cut, "statements": cut_statements, "world": cut_world}
        return {
            "status": status,
            "events": self._kept_events(),
            "result": result,
            "error": error,
            "virtualSeconds": round(clock.now - start, 9),
            "cpuMs": round((_real_perf_counter() - real_start) * 1000, 3),
            "trace": trace,
            "statements": statements,
            "segments": probes.export(self.cells_run, self.log.origin) if segments else [],
            "defines": defines,
            "imports": imports,
            "uses": uses,
            "world": world,
            "limits": limits.take(),
        }

    def _kept_events(self):
        notice = self.log.omitted_notice()
        if notice is None:
            return self.log.events
        last = self.log.events[-1]["t"] if self.log.events else 0.0
        return self.log.events + [{"stream": "stderr", "text": notice, "t": last}]

    def _stdin(self, text):
        """What `input()` and `sys.stdin` read: the cell's settings' input, or an empty stream
        (end of file, as for a program whose standard input is closed)."""
        import io
        sys.stdin = io.StringIO(text or "")

    def _awaiting_loop(self):
        """The event loop top-level `await` runs on, kept from cell to cell as Jupyter keeps its own:
        tasks a cell starts go on running while later cells await."""
        import asyncio
        loop = getattr(self, "_top_level_loop", None)
        if loop is None or loop.is_closed():
            loop = self._top_level_loop = asyncio.new_event_loop()
        return loop

    def _run_statement(self, code, mode, on_loop=False):
        """Run one compiled statement. In a cell with top-level await every statement runs inside
        the kept loop, as a Jupyter cell does (so `asyncio.create_task` finds a running loop)."""
        import inspect
        if not on_loop:
            return eval(code, self.namespace) if mode == "eval" else exec(code, self.namespace)
        import asyncio
        namespace = self.namespace

        async def statement():
            if code.co_flags & inspect.CO_COROUTINE:
                return await eval(code, namespace)
            return eval(code, namespace) if mode == "eval" else exec(code, namespace)

        loop = self._awaiting_loop()
        asyncio.set_event_loop(loop)
        try:
            return loop.run_until_complete(statement())
        finally:
            asyncio.set_event_loop(None)

    def _execute(self, source, filename, segments=(), force_loop=False, script=False):
        tree = ast.parse(source, filename, "exec")
        # Compiled whole first, as CPython compiles a script: a SyntaxError anywhere (a `return`
        # outside a function, a misplaced `await`) means nothing runs at all. A block the document
        # runs as a file (`python main.py`) is compiled without top-level await, as that file is.
        import inspect
        whole = compile(tree, filename, "exec", flags=0 if script else _TOP_LEVEL_AWAIT, dont_inherit=True)
        # The asyncio REPL (`python -m asyncio`) runs every statement inside its running loop.
        on_loop = force_loop or bool(whole.co_flags & inspect.CO_COROUTINE)
        if segments:
            probes.instrument(tree, segments, self.cells_run)
        last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        if last is not None:
            tree.body.pop()
        # Top-level statements run one at a time (as the interpreter does anyway) so that the
        # virtual time each one took is known: documents claim "총 3초 소요" about a program.
        uses_future = any(isinstance(n, ast.ImportFrom) and n.module == "__future__" for n in tree.body)
        groups = [tree.body] if uses_future else [[n] for n in tree.body]
        for group in groups:
            if not group:
                continue
            interrupts.checkpoint()
            started = clock.now
            record = {"line": group[0].lineno, "endLine": group[-1].end_lineno,
                      "start": round(started - self.log.origin, 9), "end": None}
            self.statements.append(record)
            self._run_statement(compile(ast.Module(group, []), filename, "exec", flags=_TOP_LEVEL_AWAIT, dont_inherit=True), "exec", on_loop)
            record["end"] = round(clock.now - self.log.origin, 9)
        if last is None:
            return None
        record = {"line": last.lineno, "endLine": last.end_lineno,
                  "start": round(clock.now - self.log.origin, 9), "end": None}
        self.statements.append(record)
        value = self._run_statement(compile(ast.Expression(last.value), filename, "eval", flags=_TOP_LEVEL_AWAIT, dont_inherit=True), "eval", on_loop)
        record["end"] = round(clock.now - self.log.origin, 9)
        if value is None:
            return None
        self.namespace["_"] = value
        return {"text/plain": repr(value)}

    def _outcome(self, exc, real_start, real_budget):
        """(status, error) for an exception that ended the cell."""
        from .errors import KernelStop
        if isinstance(exc, SystemExit):
            return ("ok", None) if exc.code in (None, 0) else ("error", self._error(exc))
        if isinstance(exc, KeyboardInterrupt):
            over = _real_perf_counter() - real_start >= real_budget * 0.9
            error = self._error(exc)
            if over:
                error["evalue"] = (f"interrupted after {real_budget:g} s of real time: "
                                   "the cell never yields (a CPU-bound loop)")
            return ("timeout" if over else "error"), error
        if isinstance(exc, KernelStop):
            return exc.status, {"ename": getattr(exc, "ename", type(exc).__name__),
                                "evalue": exc.message, "traceback": exc.diagnosis}
        return "error", self._error(exc)

    def _executor_work(self):
        """Futures of executor work items queued or running."""
        import concurrent.futures.thread as cft
        futures = list(self._running_jobs)
        for work_queue in list(cft._threads_queues.values()):
            items = getattr(work_queue, "_queue", ())  # queue._PySimpleQueue, see threads.py
            futures.extend(item.future for item in list(items) if item is not None)
        return futures

    def _wait_for_threads(self, leftover_threads=(), leftover_work=()):
        # Like the end of a script, in the order of CPython's threading._shutdown(): first the
        # executors' atexit hook (concurrent.futures.thread._python_exit) marks the interpreter as
        # shutting down, so submitting more work raises RuntimeError, and waits for the work
        # already queued; then every other non-daemon thread is joined. Idle executor workers are
        # not waited for, and the executors stay usable by later cells, whose namespace still
        # holds them: the shutdown mark is lifted once the cell is over.
        import concurrent.futures as cf
        import concurrent.futures.thread as cft
        main = threading.main_thread()
        cft._shutdown = True
        try:
            while work := [f for f in self._executor_work()
                           if f not in leftover_work and not f.done()]:
                cf.wait(work)
            while True:
                workers = set(cft._threads_queues)
                threads = [t for t in threading.enumerate()
                           if t is not main and not t.daemon and t not in leftover_threads
                           and t not in workers]
                if not threads:
                    return
                for thread in threads:
                    thread.join()
        finally:
            cft._shutdown = False

    def _error(self, exc):
        report = traceback.TracebackException(type(exc), exc, exc.__traceback__, compact=True)
        _without_kernel_frames(report, set())
        return {
            "ename": type(exc).__name__,
            "evalue": str(exc),
            "traceback": list(report.format()),
        }

    def _trace_export(self):
        actors = self.tracer.export()
        return {"actors": actors}
