# asyncio.wait_for and asyncio.timeout cancel an aiohttp request as they cancel any other await.
import asyncio
import time

import aiohttp


async def main():
    async with aiohttp.ClientSession() as session:
        start = time.time()
        try:
            await asyncio.wait_for(session.get("https://example.com/slow"), timeout=1.0)
        except asyncio.TimeoutError as e:
            print(f"wait_for: {type(e).__name__} ({time.time() - start:.1f}s)")
        start = time.time()
        try:
            async with asyncio.timeout(1.5):
                async with session.get("https://example.com/hangs") as r:
                    await r.text()
        except TimeoutError as e:
            print(f"asyncio.timeout: {type(e).__name__} ({time.time() - start:.1f}s)")
        async with session.get("https://api.example.com/users/3") as r:
            print(r.status, (await r.json())["name"])
        task = asyncio.create_task(session.get("https://example.com/slow"))
        await asyncio.sleep(0.5)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            print("cancelled:", task.cancelled())


asyncio.run(main())
