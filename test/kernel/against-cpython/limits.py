# What CPython refuses to wait for, and how long select waits with nothing to watch.
import select
import time

for value in (-1, -0.5, float("nan"), float("inf"), float("-inf"), 9.3e9, 10 ** 10, 10 ** 19, "1", None, 1j):
    try:
        time.sleep(value)
        print(repr(value), "slept")
    except Exception as error:
        print(repr(value), type(error).__name__, error)

start = time.monotonic()
# Whole seconds, rounded down: a loaded machine's CPython oversleeps by a tenth now and then.
print(select.select([], [], [], 1.5), int(time.monotonic() - start))
for value in (-1, float("nan"), "x"):
    try:
        select.select([], [], [], value)
    except Exception as error:
        print(repr(value), type(error).__name__, error)
