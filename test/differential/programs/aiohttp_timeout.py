# aiohttp timeouts: ClientTimeout(total=...) for a session and for one request.
# (asyncio's own timeouts are in aiohttp_cancel.py: Debian's aiohttp 3.8 leaves the task cancelled
# after a ClientTimeout fires, which breaks a later asyncio.timeout on Python 3.11; aiohttp 3.9 fixed it.)
import asyncio
import time

import aiohttp


async def main():
    timeout = aiohttp.ClientTimeout(total=2)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        start = time.time()
        try:
            async with session.get("https://example.com/hangs") as r:
                print("not reached", r.status)
        except asyncio.TimeoutError as e:
            print(f"ClientTimeout(total=2): {type(e).__name__} {e!r} ({time.time() - start:.1f}s)")
            print(isinstance(e, TimeoutError), isinstance(e, aiohttp.ClientError))
        start = time.time()
        async with session.get("https://example.com/slow", timeout=aiohttp.ClientTimeout(total=5)) as r:
            print(r.status, await r.text(), f"({time.time() - start:.1f}s)")
        async with session.get("https://api.example.com/users/3") as r:
            print(r.status, (await r.json())["name"])


asyncio.run(main())
