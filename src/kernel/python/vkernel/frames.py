"""Stacks and tracebacks as the reader's own program would see them: without the kernel's frames.

A cell runs under the kernel's own calls (the cell runner above `<module>`, the loop's step, the
green threads' start-up), and a snippet that prints `traceback.extract_stack()`, `format_exc()` or
`print_stack()` would see them. CPython's stack of the same program begins at `<module>` and holds
only the standard library's frames and the program's. The traceback module walks stacks and
tracebacks through three generators; each is wrapped to leave out the frames of the kernel and of
Pyodide's host glue. Frames themselves (`f_back`, `sys._getframe(n)`) are what they are."""

import sys
import traceback

from .interrupts import _is_host


def _visible(walk):
    def wrapper(start):
        return ((frame, position) for frame, position in walk(start) if not _is_host(frame.f_code.co_filename))
    for attribute in ("__name__", "__qualname__", "__doc__", "__module__"):
        setattr(wrapper, attribute, getattr(walk, attribute))
    wrapper.__wrapped__ = walk
    return wrapper


def install():
    if hasattr(traceback.walk_stack, "__wrapped__"):
        return
    walk_stack = _visible(traceback.walk_stack)

    def walk_stack_from_caller(f):
        # walk_stack(None) starts at its caller; the wrapper must not become that caller.
        return walk_stack(sys._getframe(1) if f is None else f)

    for attribute in ("__name__", "__qualname__", "__doc__", "__module__", "__wrapped__"):
        setattr(walk_stack_from_caller, attribute, getattr(walk_stack, attribute))
    traceback.walk_stack = walk_stack_from_caller
    traceback.walk_tb = _visible(traceback.walk_tb)
    traceback._walk_tb_with_full_positions = _visible(traceback._walk_tb_with_full_positions)
