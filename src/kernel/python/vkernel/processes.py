"""Process pools in a one-process runtime.

A worker process is modelled as a green thread whose calls cross a pickle boundary both ways, so
what cannot cross a real process boundary (lambdas, local functions, locks, open files) fails the
same way, and results are copies. Each worker has its own pid and its own copy of `__main__`'s
state, so a job that changes a module-level global changes it in that worker only, and later jobs
of the same worker see the change, as in a real pool. CPU work costs no virtual time here, as
everywhere in the kernel; what cannot be modelled at all (shared memory, managers, pipes) raises
`Unsupported` saying so.

Which state a worker starts from. CPython 3.14 on Linux starts workers with `forkserver`: the
server imports the main script afresh (as `__mp_main__`, so top-level code outside the
`if __name__ == "__main__":` guard runs again) and forks each worker from that. A document is
not one script (its cells run one after another, with output), so re-running it per worker is
not an option; the kernel gives each worker what `fork` (3.13's default on Linux) gives it: a copy
of the parent's `__main__` globals as they are when the worker starts. The two agree whenever the
state a job reads was set by top-level code and not changed by the parent before the pool started.
The copy is deep (lists, dicts, instances), with `__main__`'s functions rebound to the copy;
what cannot be copied (modules, locks, files) is shared, and so are classes (a method that
assigns a module-level global assigns the parent's)."""

import copy
import functools
import io
import itertools
import os
import pickle
import sys
import types

from .errors import Unsupported

CPU_COUNT = os.cpu_count() or 1


class _WorkerProcess:
    """A modelled worker process: its pid, its copy of `__main__`, and what
    `multiprocessing.current_process()` returns inside it (made when it starts)."""

    def __init__(self, kind):
        self.pid = None  # its main thread's native id, known once that thread runs
        self.main = _fork_main()
        self.kind = kind  # "Process" for an executor's worker, "PoolWorker" for a Pool's
        self.view = None
        self.parent = None

    def loads(self, data):
        return _WorkerUnpickler(io.BytesIO(data), self.main).load()


def _fork_main():
    """A copy of `__main__` as a forked child sees it: its own globals, its functions bound to them."""
    parent = sys.modules["__main__"]
    child = types.ModuleType("__main__")
    src, dst = parent.__dict__, child.__dict__
    memo = {id(src): dst, id(parent): child}
    for value in src.values():
        if isinstance(value, types.FunctionType) and value.__globals__ is src:
            memo[id(value)] = _rebind(value, dst)
    for name, value in src.items():
        if name == "__builtins__" or isinstance(value, types.ModuleType):
            dst[name] = value
            continue
        if id(value) in memo:  # a function rebound above (deepcopy returns functions as they are)
            dst[name] = memo[id(value)]
            continue
        try:
            dst[name] = copy.deepcopy(value, memo)
        except Exception:  # noqa: BLE001 - what cannot be copied (a lock, a file) is shared
            dst[name] = value
    return child


def _rebind(fn, globals_):
    clone = types.FunctionType(fn.__code__, globals_, fn.__name__, fn.__defaults__, fn.__closure__)
    clone.__kwdefaults__ = copy.copy(fn.__kwdefaults__)
    clone.__qualname__ = fn.__qualname__
    clone.__module__ = fn.__module__
    clone.__doc__ = fn.__doc__
    clone.__dict__.update(fn.__dict__)
    return clone


class _WorkerUnpickler(pickle.Unpickler):
    """Unpickles in a worker: `__main__`'s names are looked up in the worker's copy of it."""

    def __init__(self, file, main):
        super().__init__(file)
        self._main = main

    def find_class(self, module, name):
        if module != "__main__":
            return super().find_class(module, name)
        obj = self._main
        for part in name.split("."):
            try:
                obj = getattr(obj, part)
            except AttributeError:
                raise AttributeError(f"Can't get attribute {name!r} on {self._main!r}") from None
        return obj


def _current_process():
    return _sched.current.process if _sched is not None else None


def _start_view(process, parent_pid):
    """The Process object a worker's `current_process()` returns, as the start method's class
    builds it in the parent (its name counts every process the program started: ForkServerProcess-1,
    ForkServerPoolWorker-3, ...), and its `parent_process()`."""
    import multiprocessing.context as context
    import multiprocessing.process as mp
    cls = context.ForkServerProcess
    view = cls.__new__(cls)
    count = next(mp._process_counter)
    view._identity = mp._current_process._identity + (count,)
    view._config = mp._current_process._config.copy()
    view._parent_pid = parent_pid
    view._parent_name = mp._current_process.name
    view._popen = None  # set when the worker runs: its pid is known then
    view._closed = False
    view._target, view._args, view._kwargs = None, (), {}
    prefix = "ForkServerPoolWorker" if process.kind == "PoolWorker" else cls.__name__
    view._name = f"{prefix}-{count}"
    # A Pool's workers are daemonic; an executor's are not (3.9 and later).
    view._config["daemon"] = process.kind == "PoolWorker"
    process.view = view
    process.parent = mp._ParentProcess(view._parent_name, parent_pid, None)


class _RunningPopen:
    """What a Process object reads its pid from (`ident`, `pid`): the running worker's."""

    returncode = None

    def __init__(self, pid):
        self.pid = pid

    def poll(self, flag=None):
        return None


def _install_current_process():
    """`multiprocessing.current_process()` and `parent_process()` answer for the worker they are
    called in. The functions stay CPython's own objects (the context's names are bound to them):
    only their code is swapped for code that asks the running worker first."""
    import multiprocessing.process as mp

    # These two run with multiprocessing.process's globals (their code goes into its functions):
    # the names below are that module's, not this one's.
    def current_process():
        process = _vkernel_process()  # noqa: F821
        return _current_process if process is None else process.view

    def parent_process():
        process = _vkernel_process()  # noqa: F821
        return _parent_process if process is None else process.parent  # noqa: F821

    mp._vkernel_process = _current_process
    for original, replacement in ((mp.current_process, current_process), (mp.parent_process, parent_process)):
        code = original.__code__
        original.__code__ = replacement.__code__.replace(
            co_name=code.co_name, co_qualname=code.co_qualname, co_filename=code.co_filename,
            co_firstlineno=code.co_firstlineno)


def _loads(data):
    process = _current_process()
    return pickle.loads(data) if process is None else process.loads(data)


_sched = None


class _PickledCall:
    """A call shipped to a modelled worker process: arguments and result cross by pickle."""

    def __init__(self, fn, payload, exception_wrapper=None):
        self.payload = payload
        self.__qualname__ = getattr(fn, "__qualname__", type(fn).__name__)
        self.trace_label = None
        # concurrent.futures.process._ExceptionWithTraceback or multiprocessing.pool's
        self.exception_wrapper = exception_wrapper

    def __call__(self):
        fn, args, kwargs = _loads(self.payload)
        try:
            return pickle.dumps(fn(*args, **kwargs))
        except Exception as exc:  # noqa: BLE001 - as a worker process: it goes back pickled
            if self.exception_wrapper is None:
                raise
            # The worker sends `wrapper(exc, tb)` back by pickle; unpickling it gives a copy of
            # the exception whose __cause__ is the remote traceback (minus this kernel frame).
            try:
                copy = pickle.loads(pickle.dumps(self.exception_wrapper(exc, exc.__traceback__.tb_next)))
            except Exception:  # noqa: BLE001 - not picklable: keep the original
                raise exc from None
        raise copy  # outside the handler, so the copy has no __context__, as in the parent


def _mapstar(func, chunk):
    """One pool task: a chunk of calls (multiprocessing.pool.mapstar)."""
    return [func(*args) for args in chunk]


class _LabelledCall:
    """A call run on a thread pool as one job, with the label the trace shows for it."""

    def __init__(self, label, fn, args):
        self.fn = fn
        self.args = args
        self.__qualname__ = label.split("(")[0]
        self.trace_label = label

    def __call__(self):
        return self.fn(*self.args)


def _chunk_label(func, chunk):
    name = getattr(func, "__qualname__", type(func).__name__)
    first = f"{name}({', '.join(map(_short_repr, chunk[0]))})" if chunk else f"{name}()"
    return first if len(chunk) <= 1 else f"{first} … ({len(chunk)} calls)"


def _short_repr(value):
    import reprlib
    return reprlib.repr(value)


def _failed_future(exc):
    from concurrent.futures import Future
    future = Future()
    future.set_exception(exc)
    return future


def _install_getpid(sched):
    real_getpid = getattr(os.getpid, "__wrapped__", os.getpid)
    real_getppid = getattr(os.getppid, "__wrapped__", os.getppid)

    def getpid():
        """Return the current process id."""
        process = sched.current.process
        return real_getpid() if process is None else process.pid

    def getppid():
        """Return the parent's process id."""
        return real_getppid() if sched.current.process is None else real_getpid()

    getpid.__wrapped__ = real_getpid
    getppid.__wrapped__ = real_getppid
    os.getpid = getpid
    os.getppid = getppid


def install(sched):
    global _sched
    _sched = sched
    _install_getpid(sched)

    import concurrent.futures as cf
    from concurrent.futures import Future
    from concurrent.futures.thread import ThreadPoolExecutor, WorkerContext

    import concurrent.futures.process as _cfp

    class _ProcessContext(WorkerContext):
        """A worker thread's context (3.14's thread pools make one per thread, in the parent, just
        before starting it): here, the worker process it models, forked at that moment."""

        kind = "Process"

        def __init__(self, initializer, initargs):
            self.process = _WorkerProcess(self.kind)
            _start_view(self.process, os.getpid())
            try:  # a real pool sends the initializer to the worker by pickle
                initializer, initargs = self.process.loads(pickle.dumps((initializer, initargs)))
            except Exception:  # noqa: BLE001 - as fork does, run it as it is
                pass
            super().__init__(initializer, initargs)

        def initialize(self):
            me = sched.current
            me.process = self.process
            self.process.pid = sched.native_id()
            self.process.view._popen = _RunningPopen(self.process.pid)
            super().initialize()

    class ProcessPoolExecutor(ThreadPoolExecutor):
        _exception_wrapper = _cfp._ExceptionWithTraceback

        _context = _ProcessContext

        @classmethod
        def prepare_context(cls, initializer, initargs):
            if initializer is not None and not callable(initializer):
                raise TypeError("initializer must be a callable")
            return (lambda: cls._context(initializer, initargs),
                    lambda fn, args, kwargs: (fn, args, kwargs))
        def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *,
                     max_tasks_per_child=None):
            if max_workers is None:
                max_workers = CPU_COUNT
            elif max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            super().__init__(max_workers, thread_name_prefix="ForkServerProcess",
                             initializer=initializer, initargs=initargs)

        def submit(self, fn, /, *args, **kwargs):
            if isinstance(fn, functools.partial) and fn.func is _mapstar:  # a chunk from map()
                label = _chunk_label(fn.args[0], args[0])
            else:
                label = f"{getattr(fn, '__qualname__', type(fn).__name__)}({', '.join(map(_short_repr, args))})"
            return self._submit_pickled(label, fn, args, kwargs)

        def submit_labelled(self, label, fn, /, *args):
            return self._submit_pickled(label, fn, args, {})

        def _submit_pickled(self, label, fn, args, kwargs):
            try:
                payload = pickle.dumps((fn, args, kwargs))
            except Exception as exc:  # a real pool reports this through the future too
                return _failed_future(exc)
            call = _PickledCall(fn, payload, self._exception_wrapper)
            call.__qualname__ = label.split("(")[0]
            call.trace_label = label
            inner = super().submit(call)
            outer = Future()

            def settle(done):
                if done.cancelled():
                    outer.cancel()
                    outer.set_running_or_notify_cancel()
                elif done.exception() is not None:
                    # In CPython the parent unpickles the exception: it carries no worker frames.
                    outer.set_exception(done.exception().with_traceback(None))
                else:
                    outer.set_result(pickle.loads(done.result()))

            inner.add_done_callback(settle)
            return outer

        def map(self, fn, *iterables, timeout=None, chunksize=1, buffersize=None):
            # As CPython's: with chunksize > 1 each worker task is a batch of calls.
            if chunksize < 1:
                raise ValueError("chunksize must be >= 1.")
            if chunksize == 1:
                return super().map(fn, *iterables, timeout=timeout, buffersize=buffersize)
            results = super().map(functools.partial(_mapstar, fn),
                                  itertools.batched(zip(*iterables), chunksize),
                                  timeout=timeout, buffersize=buffersize)
            return itertools.chain.from_iterable(results)

    class _LabelledThreadPool(ThreadPoolExecutor):
        def submit_labelled(self, label, fn, /, *args):
            return self.submit(_LabelledCall(label, fn, args))

    cf.ProcessPoolExecutor = ProcessPoolExecutor
    import concurrent.futures.process as cfp
    cfp.ProcessPoolExecutor = ProcessPoolExecutor

    try:
        import multiprocessing
    except ImportError:
        return
    _install_current_process()

    class _PoolWorkerContext(_ProcessContext):
        kind = "PoolWorker"

    class _PoolExecutor(ProcessPoolExecutor):
        """A Pool's workers: daemonic, named ForkServerPoolWorker-N."""
        _context = _PoolWorkerContext

    class Pool:
        """multiprocessing.Pool on the modelled worker processes.

        map/starmap split their input into chunks as CPython's Pool does (`chunksize` defaults to
        len / (4 * processes), rounded up) and a worker runs a whole chunk as one task, so the
        timing of a map over more items than workers matches a real pool's."""

        _kind = "Pool"

        def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None,
                     context=None):
            if processes is not None and processes < 1:
                raise ValueError("Number of processes must be at least 1")
            self._processes = processes or CPU_COUNT
            self._executor = self._make_executor(initializer, initargs)
            self._state = "RUN"

        def _make_executor(self, initializer, initargs):
            executor = _PoolExecutor(self._processes, initializer=initializer, initargs=initargs)
            import multiprocessing.pool
            executor._exception_wrapper = multiprocessing.pool.ExceptionWithTraceback
            return executor

        def _submit_chunk(self, func, chunk, star):
            return self._executor.submit_labelled(_chunk_label(func, chunk), _mapstar, func, chunk)

        def _check_running(self):
            if self._state != "RUN":
                raise ValueError("Pool not running")

        def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
            self._check_running()
            return _AsyncResult(self._executor.submit(func, *args, **kwds), callback, error_callback)

        def apply(self, func, args=(), kwds={}):
            return self.apply_async(func, args, kwds).get()

        def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
            return self._map_async(func, iterable, chunksize, callback, error_callback, star=False)

        def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
            return self._map_async(func, iterable, chunksize, callback, error_callback, star=True)

        def _map_async(self, func, iterable, chunksize, callback, error_callback, star):
            self._check_running()
            items = [tuple(args) if star else (args,) for args in iterable]
            if chunksize is None:
                chunksize, extra = divmod(len(items), self._processes * 4)
                if extra:
                    chunksize += 1
            chunksize = max(1, chunksize)
            futures = [self._submit_chunk(func, items[i:i + chunksize], star)
                       for i in range(0, len(items), chunksize)]
            return _ListResult(futures, callback, error_callback, flatten=True)

        def map(self, func, iterable, chunksize=None):
            return self.map_async(func, iterable, chunksize).get()

        def starmap(self, func, iterable, chunksize=None):
            return self.starmap_async(func, iterable, chunksize).get()

        def _chunk_futures(self, func, iterable, chunksize):
            self._check_running()
            if chunksize < 1:
                raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
            items = [(x,) for x in iterable]
            return [self._submit_chunk(func, items[i:i + chunksize], False)
                    for i in range(0, len(items), chunksize)]

        def imap(self, func, iterable, chunksize=1):
            futures = self._chunk_futures(func, iterable, chunksize)
            return (x for f in futures for x in f.result())

        def imap_unordered(self, func, iterable, chunksize=1):
            futures = self._chunk_futures(func, iterable, chunksize)
            return (x for f in cf.as_completed(futures) for x in f.result())

        def close(self):
            self._state = "CLOSE"

        def terminate(self):
            self._state = "TERMINATE"
            self._executor.shutdown(wait=False, cancel_futures=True)

        def join(self):
            if self._state == "RUN":
                raise ValueError("Pool is still running")
            self._executor.shutdown(wait=True)

        def __enter__(self):
            self._check_running()
            return self

        def __exit__(self, *exc):
            self.terminate()  # as multiprocessing.Pool does: pending work is dropped

        def __repr__(self):
            return f"<multiprocessing.pool.{self._kind} state={self._state} pool_size={self._processes}>"

    class ThreadPool(Pool):
        """multiprocessing.pool.ThreadPool: the same pool API on threads, so nothing is pickled.
        (CPython's own class needs `_multiprocessing` semaphores and OS pipes, absent here.)"""

        _kind = "ThreadPool"

        def __init__(self, processes=None, initializer=None, initargs=()):
            super().__init__(processes, initializer, initargs)

        def _make_executor(self, initializer, initargs):
            return _LabelledThreadPool(self._processes, initializer=initializer, initargs=initargs)

    class _AsyncResult:
        def __init__(self, future, callback=None, error_callback=None):
            self._future = future
            if callback or error_callback:
                def done(f):
                    if f.exception() is None:
                        callback and callback(f.result())
                    else:
                        error_callback and error_callback(f.exception())
                future.add_done_callback(done)

        def get(self, timeout=None):
            try:
                return self._future.result(timeout)
            except cf.TimeoutError:
                raise multiprocessing.TimeoutError from None

        def wait(self, timeout=None):
            cf.wait([self._future], timeout)

        def ready(self):
            return self._future.done()

        def successful(self):
            if not self.ready():
                raise ValueError(f"{self!r} not ready")
            return self._future.exception() is None

    class _ListResult(_AsyncResult):
        def __init__(self, futures, callback=None, error_callback=None, flatten=False):
            self._futures = futures
            gathered = Future()
            remaining = [len(futures)]
            first_error = []

            def one_done(f):
                remaining[0] -= 1
                if f.exception() is not None and not first_error:
                    first_error.append(f.exception())  # as MapResult: the first to fail, in time
                if remaining[0] == 0 and not gathered.done():
                    if first_error:
                        gathered.set_exception(first_error[0])
                    elif flatten:
                        gathered.set_result([x for f in futures for x in f.result()])
                    else:
                        gathered.set_result([f.result() for f in futures])

            if not futures:
                gathered.set_result([])
            for f in futures:
                f.add_done_callback(one_done)
            super().__init__(gathered, callback, error_callback)

    def refuse(name):
        def refused(*args, **kwargs):
            raise Unsupported(
                f"multiprocessing.{name} cannot be modelled in a one-process runtime; "
                "use multiprocessing.Pool or concurrent.futures.ProcessPoolExecutor")
        return refused

    multiprocessing.Pool = Pool
    import multiprocessing.pool as mpp
    mpp.Pool = Pool
    mpp.ThreadPool = ThreadPool
    multiprocessing.cpu_count = lambda: CPU_COUNT
    for name in ("Process", "Queue", "JoinableQueue", "SimpleQueue", "Manager", "Pipe", "Value",
                 "Array", "Lock", "RLock", "Semaphore", "Event", "Barrier", "Condition"):
        setattr(multiprocessing, name, refuse(name))
