"""Where the real-time budget's interrupt may land.

The host stops a runaway cell by writing SIGINT into Pyodide's interrupt buffer; Python then calls
the SIGINT handler at the next bytecode boundary, in whatever Python code happens to run. Under
stack switching that is not always the snippet: Pyodide resumes suspended green threads through
its own event loop's callbacks, which JavaScript calls directly. A KeyboardInterrupt raised there
has no Python caller to catch it and takes the whole interpreter down; one raised inside the
scheduler's bookkeeping (half-way through a thread switch) corrupts it.

So the handler raises only where the snippet's own code (or a library it called) is running, and
otherwise defers: the interrupt stays pending and is raised at the next safe point the kernel
offers (a clock reading, a blocking call), or lands with the host's next SIGINT, which it repeats
until the cell ends.

To the snippet, that SIGINT is CPython's Ctrl-C: the kernel's handler stays installed, but
`signal.signal`/`signal.getsignal` show the snippet a SIGINT handler of its own, Python's default
until it sets one, and a delivered interrupt calls it. So `asyncio.Runner` (asyncio.run) installs
its handler as under CPython, and the first interrupt cancels the main task (its `except
CancelledError` and `finally` run, and a loop waiting in select is woken) before KeyboardInterrupt
propagates from asyncio.run; the host's repeated interrupt then raises it at once, as a second
Ctrl-C does. A handler that ignores SIGINT does not stop the kernel's interrupt: the cell must end."""

import signal
import sys

from . import host as _host

# Code whose frames are never interrupted: the kernel itself and Pyodide's host glue.
_HOST_MARKERS = ("/vkernel/", "/_pyodide/", "/pyodide/")
_CELL_PREFIX = "<cell "

_pending = False
_armed = False
_real_signal = signal.signal
_real_getsignal = signal.getsignal
_snippet_handler = signal.default_int_handler  # what the snippet sees installed for SIGINT


def _is_host(filename):
    return any(marker in filename for marker in _HOST_MARKERS)


# Kernel functions that only pass control on to the library code they override (the event loop's
# `_run_once`): the frames above them decide, so an interrupt lands in asyncio's loop as it would
# in CPython's instead of waiting for a safe point the loop may never reach.
_TRAMPOLINES = set()


def trampoline(func):
    _TRAMPOLINES.add(func.__code__)
    return func


def _runs_snippet(frame):
    """True when the code being run was called by a cell rather than by the host.

    Walking outwards from the innermost frame, the first frame that is either a cell's or the
    host's decides: a library the snippet called (json, asyncio's scheduling) is the snippet's; the
    same library called by the kernel or by Pyodide's conversions (abc's subclass checks inside
    `run_sync`) is the host's."""
    while frame is not None:
        if frame.f_code in _TRAMPOLINES:
            frame = frame.f_back
            continue
        filename = frame.f_code.co_filename
        if filename.startswith(_CELL_PREFIX):
            return True
        if _is_host(filename):
            return False
        frame = frame.f_back
    return False


def _on_sigint(signum, frame):
    global _pending
    if _armed and _runs_snippet(frame):
        _pending = False
        _deliver(frame)
        return
    _pending = _armed


def _deliver(frame):
    handler = _snippet_handler
    if callable(handler) and handler is not signal.default_int_handler:
        handler(signal.SIGINT, frame)
    else:
        raise KeyboardInterrupt


def checkpoint(poll=False):
    """Raise a deferred interrupt. Called by the kernel where raising leaves its state intact, and
    only on behalf of a snippet: the same kernel call made by the kernel itself (a lock taken while
    a thread winds down, a clock read while a cell ends) is no place for it either.

    With `poll`, the interrupt buffer is looked at too (at thread switches): Pyodide notices a SIGINT
    only after so many eval-loop checks, which threads that switch all the time may never reach."""
    global _pending
    if poll and _armed and _host.call("take_interrupt"):
        _pending = True
    if not _pending:
        return
    frame = sys._getframe(1)
    while frame is not None and _is_host(frame.f_code.co_filename):
        frame = frame.f_back
    if _runs_snippet(frame):
        _pending = False
        _deliver(frame)


def arm():
    """A cell starts: interrupts from now on are meant for it."""
    global _armed, _pending
    _armed, _pending = True, False


def disarm():
    """The cell is over: an interrupt that arrives late is meant for nobody."""
    global _armed, _pending
    _armed, _pending = False, False


def _signal(signalnum, handler, /):
    """Set the action for the given signal. (SIGINT's is the snippet's own: see the module.)"""
    global _snippet_handler
    if signalnum != signal.SIGINT:
        return _real_signal(signalnum, handler)
    import threading
    if threading.current_thread() is not threading.main_thread():
        raise ValueError("signal only works in main thread of the main interpreter")
    if not callable(handler) and handler not in (signal.SIG_IGN, signal.SIG_DFL):
        raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
    previous, _snippet_handler = _snippet_handler, handler
    return previous


def _getsignal(signalnum, /):
    """Return the current action for the given signal."""
    return _snippet_handler if signalnum == signal.SIGINT else _real_getsignal(signalnum)


def install():
    global _snippet_handler
    _real_signal(signal.SIGINT, _on_sigint)
    _snippet_handler = signal.default_int_handler
    signal.signal = _signal
    signal.getsignal = _getsignal
