# Deadlines made one after the other fire in the order they were made: timers, sleeps, call_at
# from a fresh reading of the loop's clock, timeouts, and threads' sleeps. (A deadline computed
# once and given to several call_at is a true tie in CPython too, broken by its heap: not shown.)
import asyncio
import threading
import time


async def sleeper(name, delay, log):
    await asyncio.sleep(delay)
    log.append(name)


def blocking(name, log, lock):
    time.sleep(1.0)
    with lock:
        log.append(name)


async def main():
    loop = asyncio.get_running_loop()
    log = []
    for i in range(16):
        loop.call_later(1, log.append, f"later{i}")
    for i in range(8):
        loop.call_at(loop.time() + 2, log.append, f"at{i}")
    await asyncio.gather(*(sleeper(f"sleep{i}", 0.5, log) for i in range(16)))
    await asyncio.sleep(2.5)
    print(" ".join(log))
    lock = threading.Lock()
    threads = []
    for i in range(6):
        t = threading.Thread(target=blocking, args=(f"thread{i}", log, lock))
        threads.append(t)
        t.start()
        time.sleep(0.5)  # one after the other, far enough apart that a busy machine keeps their order (0.05 s was not)
    for t in threads:
        t.join()
    print(" ".join(log[-6:]))

    async def patient(name):
        try:
            async with asyncio.timeout(0.5):
                await asyncio.sleep(10)
        except TimeoutError:
            log.append(name)

    await asyncio.gather(*(patient(f"timeout{i}") for i in range(8)))
    print(" ".join(log[-8:]))
    handle = loop.call_later(1, print)
    print(type(handle).__name__, type(handle).__module__, isinstance(handle, asyncio.TimerHandle))
    handle.cancel()


asyncio.run(main())
