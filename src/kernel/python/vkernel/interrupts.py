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
until the cell ends."""

import signal
import sys

from . import host as _host

# Code whose frames are never interrupted: the kernel itself and Pyodide's host glue.
_HOST_MARKERS = ("/vkernel/", "/_pyodide/", "/pyodide/")
_CELL_PREFIX = "<cell "

_pending = False
_armed = False


def _is_host(filename):
    return any(marker in filename for marker in _HOST_MARKERS)


def _runs_snippet(frame):
    """True when the code being run was called by a cell rather than by the host.

    Walking outwards from the innermost frame, the first frame that is either a cell's or the
    host's decides: a library the snippet called (json, asyncio's scheduling) is the snippet's; the
    same library called by the kernel or by Pyodide's conversions (abc's subclass checks inside
    `run_sync`) is the host's."""
    while frame is not None:
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
        raise KeyboardInterrupt
    _pending = _armed


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
        raise KeyboardInterrupt


def arm():
    """A cell starts: interrupts from now on are meant for it."""
    global _armed, _pending
    _armed, _pending = True, False


def disarm():
    """The cell is over: an interrupt that arrives late is meant for nobody."""
    global _armed, _pending
    _armed, _pending = False, False


def install():
    signal.signal(signal.SIGINT, _on_sigint)
