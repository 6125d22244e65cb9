# One aiohttp session reused for many requests, a connector's limit, a closed session, a body
# read after its response was released, and aiohttp.request for a single call.
import asyncio
import time

import aiohttp


async def fetch(session, i):
    async with session.get(f"https://api.example.com/users/{i}") as r:
        return (await r.json())["name"]


async def main():
    async with aiohttp.ClientSession() as session:
        start = time.time()
        names = await asyncio.gather(*(fetch(session, i) for i in range(1, 7)))
        print(names, f"{time.time() - start:.1f}s")
        start = time.time()
        for i in (1, 2):
            await fetch(session, i)
        print(f"two in turn: {time.time() - start:.1f}s", session.closed)

    print(session.closed)
    try:
        await session.get("https://api.example.com/users/1")
    except RuntimeError as e:
        print(f"{type(e).__name__}: {e}")

    connector = aiohttp.TCPConnector(limit=2)
    async with aiohttp.ClientSession(connector=connector) as session:
        start = time.time()
        await asyncio.gather(*(fetch(session, i) for i in range(1, 5)))
        print(f"limit=2, four requests: {time.time() - start:.1f}s", connector.limit)

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit_per_host=1)) as session:
        start = time.time()
        await asyncio.gather(fetch(session, 1), fetch(session, 2),
                             session.get("https://api1.com/"))
        print(f"limit_per_host=1: {time.time() - start:.1f}s")

    async with aiohttp.ClientSession(base_url="https://api.example.com") as session:
        async with session.get("/users/9") as r:
            print(r.status, r.url, (await r.json())["email"])

    async with aiohttp.ClientSession() as session:
        async with session.get("https://api.example.com/users/2") as r:
            pass
        try:
            await r.text()
        except aiohttp.ClientConnectionError as e:
            print(f"{type(e).__name__}: {e}")

    async with aiohttp.request("GET", "https://api2.com/") as r:
        print(r.status, await r.json())


asyncio.run(main())
