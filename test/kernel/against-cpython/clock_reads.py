# Reading a clock is not busy-waiting: a loop that times its work (two readings per pass, tens of
# thousands of passes) takes as long as the work, a fraction of a second, and so does a list of
# readings. A loop that waits for a deadline by reading the clock still ends, at the deadline.
import time


def work(i):
    return sum(range(i % 50))


start = time.perf_counter()
spent = 0.0
for i in range(25000):
    t0 = time.perf_counter()
    work(i)
    spent += time.perf_counter() - t0
print("timed loop under a second:", time.perf_counter() - start < 1.0, spent < 1.0)

start = time.perf_counter_ns()
marks = [time.perf_counter_ns() for _ in range(30000)]
print("readings in a list:", (time.perf_counter_ns() - start) / 1e9 < 1.0, marks == sorted(marks))

deadline = time.time() + 0.5
spins = 0
while time.time() < deadline:
    spins += 1
late = time.time() - deadline
print("busy-wait reached its deadline:", 0 <= late < 0.1, spins > 0)

start = time.monotonic()
while True:
    now = time.monotonic()
    if now - start >= 0.25:
        break
print("busy-wait through a variable:", 0.25 <= time.monotonic() - start < 0.35)

start = time.perf_counter()
for i in range(25000):
    t0 = time.perf_counter()
    work(i)
    spent += time.perf_counter() - t0
print("timed loop after a busy-wait:", time.perf_counter() - start < 1.0)
