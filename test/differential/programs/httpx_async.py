# httpx.AsyncClient: concurrent requests with gather, as aiohttp does.
import asyncio
import time

import httpx


async def fetch(client, url):
    response = await client.get(url)
    return response.json()


async def main():
    async with httpx.AsyncClient() as client:
        start = time.time()
        results = await asyncio.gather(*(fetch(client, f"https://api.example.com/users/{i}") for i in (1, 2, 3)))
        print(f"three users: {time.time() - start:.1f}s")
        for user in results:
            print(user)
        start = time.time()
        pages = await asyncio.gather(client.get("https://api.weather.com/seoul"), client.get("https://api.news.com/tech"))
        print(f"weather and news: {time.time() - start:.1f}s")
        print(pages[0].json(), pages[1].json()["articles"][0])
        r = await client.post("https://httpbin.org/post", json={"x": [1, 2]})
        print(r.status_code, r.json()["json"])
        r = await client.get("https://httpbin.org/status/404")
        print(r.status_code, r.is_error)


asyncio.run(main())
