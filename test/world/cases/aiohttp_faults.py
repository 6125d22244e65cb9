# HTTP errors, timeouts and refused connections, as aiohttp raises them.
import asyncio
import time

import aiohttp


async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get("https://example.com/broken") as r:
            print(r.status, r.reason, r.ok)
            try:
                r.raise_for_status()
            except aiohttp.ClientResponseError as e:
                print(f"{type(e).__name__}: {e}")
                print(e.status, e.message)

        start = time.perf_counter()
        try:
            timeout = aiohttp.ClientTimeout(total=2)
            async with session.get("https://example.com/hangs", timeout=timeout) as r:
                print("unexpected", r.status)
        except asyncio.TimeoutError as e:
            print(f"ClientTimeout: {type(e).__name__} {e!r} after {time.perf_counter() - start:.1f}s")

        start = time.perf_counter()
        try:
            await asyncio.wait_for(session.get("https://httpbin.org/delay/5"), timeout=1.5)
        except asyncio.TimeoutError:
            print(f"wait_for: timed out after {time.perf_counter() - start:.1f}s")

        try:
            await session.get("http://localhost:8000/users/1")
        except aiohttp.ClientConnectorError as e:
            print(f"{type(e).__name__}: {e}")

        async with session.get("https://example.com/") as r:
            try:
                await r.json()
            except aiohttp.ContentTypeError as e:
                print(f"{type(e).__name__}: {e}")

    # Retry until the flaky endpoint (fails twice, fixture `times: 2`) answers.
    async with aiohttp.ClientSession(raise_for_status=True) as session:
        for attempt in range(1, 4):
            try:
                async with session.get("https://flaky.example.com/data") as r:
                    print(f"attempt {attempt}: {r.status} {await r.json()}")
                    break
            except aiohttp.ClientResponseError as e:
                print(f"attempt {attempt}: {e.status}")
    print(session.closed)


asyncio.run(main())
