"""The kernel's one door to its host (green-thread gates, thread starts, the interrupt buffer,
live output).

No JavaScript object is ever held by Python code a snippet can reach: every call goes through an
audit event that only the sandbox's audit hook answers (see sandbox.py), and answers come back as
plain Python values in a box the caller passes. A snippet may raise the same event; the hook gives
it nothing it could not do anyway (start a green thread, wait on a gate).

Outside Pyodide (unit checks under CPython) nothing answers, so `available()` is False."""

import sys

_audit = sys.audit
EVENT = "vkernel.host"


def call(op, *args):
    box = [None]
    _audit(EVENT, op, args, box)
    answer = box[0]
    if type(answer).__name__ == "_Failure":
        raise answer.exc
    return answer


def available():
    return call("available") is True
