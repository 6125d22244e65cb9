"""Process pools in a one-process runtime.

A worker process is modelled as a green thread whose calls cross a pickle boundary both ways, so
what cannot cross a real process boundary (lambdas, local functions, open files) fails the same way,
and results are copies. CPU work costs no virtual time here, as everywhere in the kernel; what
cannot be modelled at all (shared memory, managers, pipes) raises `Unsupported` saying so."""

import functools
import itertools
import os
import pickle

from .errors import Unsupported

CPU_COUNT = os.cpu_count() or 1


class _PickledCall:
    """A call shipped to a modelled worker process: arguments and result cross by pickle."""

    def __init__(self, fn, payload, exception_wrapper=None):
        self.payload = payload
        self.__qualname__ = getattr(fn, "__qualname__", type(fn).__name__)
        self.trace_label = None
        # concurrent.futures.process._ExceptionWithTraceback or multiprocessing.pool's
        self.exception_wrapper = exception_wrapper

    def __call__(self):
        fn, args, kwargs = pickle.loads(self.payload)
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


def install(sched):
    import concurrent.futures as cf
    from concurrent.futures import Future
    from concurrent.futures.thread import ThreadPoolExecutor

    import concurrent.futures.process as _cfp

    class ProcessPoolExecutor(ThreadPoolExecutor):
        _exception_wrapper = _cfp._ExceptionWithTraceback
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
            executor = ProcessPoolExecutor(self._processes, initializer=initializer, initargs=initargs)
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
