# Three 1-second requests one after another take 3 s; with gather they overlap: 1 s.
import asyncio
import time

import aiohttp


async def fetch(session, user_id):
    async with session.get(f"https://api.example.com/users/{user_id}") as response:
        return await response.json()


async def main():
    async with aiohttp.ClientSession() as session:
        start = time.perf_counter()
        for i in (1, 2, 3):
            await fetch(session, i)
        print(f"sequential: {time.perf_counter() - start:.1f}s")

        start = time.perf_counter()
        users = await asyncio.gather(*(fetch(session, i) for i in (1, 2, 3)))
        print(f"gather: {time.perf_counter() - start:.1f}s")
        print([u["name"] for u in users])

        # The document's pattern: gather the un-entered request objects, then read them.
        start = time.perf_counter()
        responses = await asyncio.gather(*[session.get(u) for u in ["https://api1.com", "https://api2.com"]])
        print([(r.status, (await r.json())["source"]) for r in responses], round(time.perf_counter() - start, 1))

        async with session.get("https://jsonplaceholder.typicode.com/posts/1") as r:
            print(r.status, r.reason, r.content_type, r.charset, r.url)
            print(r.headers["content-type"], r.headers.get("Server"))
            text = await r.text()
            print(repr(text[:50]))


asyncio.run(main())
