"""What a simulated HTTP exchange does, decided once for every client library.

aiohttp, httpx and requests each used to walk the fixture faults in their own copy of one
sequence, and their usage-log texts had drifted apart. `plan()` now walks it once and returns an
`Outcome`; `wait()` / `wait_async()` spend its time and log it in the same words for every
library; each stand-in then maps `outcome.kind` to its own exceptions (which
test/differential checks against the real libraries).

The sequence, in the order a real client meets it:

1. Connecting: `refused` (nothing listens) and `dns` (the name does not resolve) fail after the
   fault's latency, 0 unless the fixture says otherwise.
2. Reading: the server answers after the route's `latency`, or never (`timeout`). If one of the
   client's limits is shorter, the client gives up when it runs out: kind `timeout`, with the
   limit that fired, named as the library names it ("ClientTimeout total=2").
3. No limit and no answer: kind `forever`; the client waits for ever, as the real one would (the
   kernel then reports the hang).
4. `reset`: the server closes the connection after the latency, without a response.
5. Otherwise the response arrives after the latency.
"""

from __future__ import annotations

import asyncio
import math
import time
from dataclasses import dataclass

FOREVER = math.inf


@dataclass(frozen=True)
class Outcome:
    kind: str  # "refused", "dns", "timeout", "forever", "reset" or "response"
    wait: float  # seconds before it happens (FOREVER for "forever")
    limit: str | None = None  # for "timeout": the setting that ran out
    seconds: float | None = None  # for "timeout": that setting's configured value

    def detail(self, answer) -> str | None:
        """The usage log's outcome text (None: the answer's own, its status)."""
        if self.kind == "refused":
            return "connection refused"
        if self.kind == "dns":
            return "DNS lookup failed"
        if self.kind == "timeout":
            return f"timed out after {self.wait:g} s ({self.limit})"
        if self.kind == "forever":
            return "no answer and no timeout: waiting forever"
        if self.kind == "reset":
            return "connection closed without a response"
        return None


def plan(answer, limits=()) -> Outcome:
    """The outcome of one exchange. `limits`: (seconds left, name, configured seconds) for each
    read limit the client has; None seconds means that limit is off."""
    if answer.kind in ("refused", "dns"):
        return Outcome(answer.kind, answer.latency)
    latency = FOREVER if answer.kind == "timeout" else answer.latency
    active = [limit for limit in limits if limit[0] is not None]
    if active:
        left, name, configured = min(active, key=lambda limit: limit[0])
        if latency > left:
            return Outcome("timeout", max(left, 0.0), name, configured)
    if latency == FOREVER:
        return Outcome("forever", FOREVER)
    return Outcome("reset" if answer.kind == "reset" else "response", latency)


def wait(answer, outcome: Outcome) -> None:
    """Spend the outcome's time on the calling thread (blocking clients), then log it."""
    if outcome.kind == "forever":
        answer.log(outcome.detail(answer))
        while True:
            time.sleep(3600)
    time.sleep(outcome.wait)
    answer.log(outcome.detail(answer))


async def wait_async(answer, outcome: Outcome) -> None:
    """Spend the outcome's time in the event loop (async clients), then log it. A cancelled
    request (asyncio.timeout, wait_for, task.cancel()) is logged as such."""
    try:
        if outcome.kind == "forever":
            answer.log(outcome.detail(answer))
            await asyncio.get_running_loop().create_future()
        await asyncio.sleep(outcome.wait)
    except asyncio.CancelledError:
        answer.log("cancelled")
        raise
    answer.log(outcome.detail(answer))
