# The stack a snippet sees is its own program's: from <module> down, with the standard library's
# frames between, and nothing of the kernel (in a coroutine, in a thread, in a caught exception).
import asyncio
import threading
import time
import traceback


def names(stack):
    return [frame.name for frame in stack]


async def main():
    print(names(traceback.extract_stack()))


asyncio.run(main())
worker = threading.Thread(target=lambda: print(names(traceback.extract_stack())))
worker.start()
worker.join()
try:
    time.sleep(-1)
except ValueError as error:
    print(names(traceback.extract_tb(error.__traceback__)), error)


def fail():
    raise KeyError("k")


try:
    fail()
except KeyError:
    print([line.strip().split(",")[-1] for line in traceback.format_exc().splitlines() if line.strip().startswith("File")])
