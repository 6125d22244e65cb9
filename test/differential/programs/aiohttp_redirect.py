# aiohttp follows redirects (google.com -> www.google.com) and keeps the history.
import asyncio
import time

import aiohttp


async def fetch(session, url):
    start = time.time()
    async with session.get(url) as response:
        text = await response.text()
        return {"url": url, "final": str(response.url), "status": response.status, "length": len(text),
                "history": [(h.status, str(h.url)) for h in response.history], "took": f"{time.time() - start:.1f}s"}


async def main():
    urls = ["https://example.com", "https://github.com", "https://stackoverflow.com", "https://google.com", "https://reddit.com"]
    async with aiohttp.ClientSession() as session:
        start = time.time()
        for result in await asyncio.gather(*(fetch(session, url) for url in urls)):
            print(result)
        print(f"async: {time.time() - start:.1f}s")
        async with session.get("https://google.com", allow_redirects=False) as r:
            print(r.status, r.headers["Location"], r.history)


asyncio.run(main())
