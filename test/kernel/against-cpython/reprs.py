# What the kernel's own objects look like to a snippet: asyncio's and _thread's, by name, module,
# repr and isinstance.
import asyncio
import threading


async def main():
    task = asyncio.create_task(asyncio.sleep(1), name="sleeper")
    print(repr(task).split(" coro=")[0], repr(task).endswith("cb=[]>"), "cb=[" in repr(task))
    await task
    print(repr(task).split(" coro=")[0])
    loop = asyncio.get_running_loop()
    print(type(loop).__module__, type(loop).__name__, repr(loop).split(" running=")[0])
    print(repr(loop.create_future()))


asyncio.run(main())
lock = threading.Lock()
print(type(lock), threading.Lock, isinstance(lock, threading.Lock), repr(lock).split(" object at")[0])
with lock:
    print(repr(lock).split(" object at")[0], lock.locked())
