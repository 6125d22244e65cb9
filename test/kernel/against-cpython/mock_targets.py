# Callables that are not functions (a Mock answers every attribute, or refuses dunders) run as
# thread targets and executor jobs as they do in CPython.
import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from unittest import mock

target = mock.Mock(return_value=3)
thread = threading.Thread(target=target, args=(1, 2))
thread.start()
thread.join()
print(target.call_args)
with ThreadPoolExecutor(max_workers=1) as pool:
    print(pool.submit(mock.Mock(return_value="job")).result())


async def main():
    print(await asyncio.to_thread(mock.Mock(return_value="to_thread")))
    print(await asyncio.get_running_loop().run_in_executor(None, mock.MagicMock(return_value=7)))


asyncio.run(main())
