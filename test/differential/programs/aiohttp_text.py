# aiohttp: .text(), .status, headers, content type, the tutorials' fetch(session, url) pattern.
import asyncio
import time

import aiohttp


async def fetch(session, url):
    async with session.get(url) as response:
        return await response.text()


async def main():
    urls = ["https://example.com", "https://github.com", "https://stackoverflow.com"]
    async with aiohttp.ClientSession() as session:
        start = time.time()
        pages = await asyncio.gather(*(fetch(session, url) for url in urls))
        print(f"three pages: {time.time() - start:.1f}s")
        for url, page in zip(urls, pages):
            print(url, len(page), page.splitlines()[0])
        async with session.get("https://example.com") as r:
            print(r.status, r.reason, r.ok, r.method, r.url, r.real_url, r.host)
            print(r.content_type, r.charset, r.content_length, r.headers["Content-Type"])
            print(r.version, type(r.headers).__name__, r.headers.get("X-Missing"), "Content-Length" in r.headers)
            body = await r.read()
            print(type(body).__name__, len(body), (await r.text()) == body.decode())
        async with session.get("https://example.com/image2.jpg") as r:
            data = await r.read()
            print(r.status, r.content_type, r.charset, len(data), data[:4])
        async with session.get("https://api.example.com/users/5") as r:
            print(await r.json(), r.content_type, r.charset)
            print(await r.text())


asyncio.run(main())
