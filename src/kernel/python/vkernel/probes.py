"""Timing of statements inside function bodies, for claims written there (`    # 총 2초`).

Top-level statements are timed by the cell runner as it executes them one by one; code inside a
function runs whenever it is called, so the statements a claim measures are bracketed in the
cell's syntax tree by two calls that read the virtual clock. Only cells with such claims are
instrumented, and the brackets keep the line numbers of the code they surround, so tracebacks
and line events are those of the original code."""

import ast

from .clock import clock

# Per cell (its number), one record per segment. A function instrumented in one cell and called in
# a later one writes into its own cell's records, never into the later cell's.
_records = {}


def hit(cell, index, edge):
    """Called by the instrumented code: edge 0 before the first statement, 1 after the last. The
    first complete execution counts (a function called again later does not move the record)."""
    record = _records[cell][index]
    if edge == 0:
        if record["end"] is None:
            record["start"] = clock.now
    elif record["start"] is not None and record["end"] is None:
        record["end"] = clock.now


def _bracket(cell, index, edge, near):
    # vkernel.probes.hit(index, edge), reached through the module cache: nothing is added to the
    # snippet's namespace.
    call = ast.Expr(ast.Call(
        func=ast.Attribute(
            value=ast.Attribute(
                value=ast.Call(ast.Name("__import__", ast.Load()), [ast.Constant("vkernel.probes")], []),
                attr="probes", ctx=ast.Load()),
            attr="hit", ctx=ast.Load()),
        args=[ast.Constant(cell), ast.Constant(index), ast.Constant(edge)], keywords=[]))
    return ast.copy_location(call, near)


def _bodies(tree):
    for node in ast.walk(tree):
        for field in ("body", "orelse", "finalbody"):
            body = getattr(node, field, None)
            if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                yield body


def instrument(tree, segments, cell):
    """Brackets each (from_line, to_line) segment's statements in `tree`, in place, for `cell`."""
    _records[cell] = [{"line": a, "endLine": b, "start": None, "end": None} for a, b in segments]
    for index, (first, last) in enumerate(segments):
        for body in _bodies(tree):
            inside = [k for k, s in enumerate(body) if s.lineno >= first and s.end_lineno <= last]
            if not inside or isinstance(body[inside[0]], (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            lo, hi = inside[0], inside[-1]
            body.insert(hi + 1, _bracket(cell, index, 1, body[hi]))
            body.insert(lo, _bracket(cell, index, 0, body[lo]))
            break
    ast.fix_missing_locations(tree)


def export(cell, origin):
    """The cell's segments with virtual times relative to `origin` (None where they never ran)."""
    def rel(t):
        return None if t is None else round(t - origin, 9)
    return [{"line": r["line"], "endLine": r["endLine"], "start": rel(r["start"]), "end": rel(r["end"])}
            for r in _records.get(cell, [])]
