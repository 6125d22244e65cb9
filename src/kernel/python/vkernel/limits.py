"""What a cell asked for that the sandbox does not provide: a network, a shell or another process,
a construct the kernel cannot model. Each refusal records what was refused, whether or not the
program catches the error, so the check can tell "the runtime could not do this" from "the document
is wrong" (a program that catches the refused connection and prints something else is the former)."""

_hit = []


def hit(what):
    """Record one refusal (once per cell)."""
    if what not in _hit:
        _hit.append(what)


def take():
    """The refusals since the last call, in the order they happened."""
    out = list(_hit)
    _hit.clear()
    return out
