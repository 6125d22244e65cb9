# aiohttp as the tutorials use it: one session, gather over several URLs, .json() and .text().
import asyncio
import time

import aiohttp


async def fetch_json(session, url):
    async with session.get(url) as response:
        return await response.json()


async def fetch_text(session, url):
    async with session.get(url) as response:
        return response.status, await response.text()


async def main():
    async with aiohttp.ClientSession() as session:
        start = time.time()
        posts = await asyncio.gather(*(fetch_json(session, f"https://jsonplaceholder.typicode.com/posts/{i}") for i in (1, 2, 3)))
        print(f"three posts: {time.time() - start:.1f}s")
        for post in posts:
            print(post["id"], post["title"])
            print(post["body"][:50])
        status, text = await fetch_text(session, "https://jsonplaceholder.typicode.com/posts/1")
        print(status, len(text))
        print(text)


asyncio.run(main())
