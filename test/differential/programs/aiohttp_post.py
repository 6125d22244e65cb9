# aiohttp POST with json= and data=, query params, and what the client sends.
import asyncio

import aiohttp


async def main():
    async with aiohttp.ClientSession(headers={"X-Client": "guide"}) as session:
        async with session.post("https://httpbin.org/post", json={"title": "asyncio", "n": 3}) as r:
            data = await r.json()
            print(r.status, data["json"], repr(data["data"]), data["form"], data["url"])
            print(data["headers"]["Content-Type"], data["headers"]["Content-Length"], data["headers"]["X-Client"])
        async with session.post("https://httpbin.org/post", data={"user": "kim"}, params={"page": "2"}) as r:
            data = await r.json()
            print(data["form"], data["args"], data["json"], data["url"])
            print(data["headers"]["Content-Type"])
        async with session.get("https://httpbin.org/get", params={"q": "파이썬", "n": "1"}) as r:
            data = await r.json()
            print(data["args"], data["url"], r.url)
            print(data["headers"]["User-Agent"])
            print(data["headers"]["Accept"], data["headers"]["Accept-Encoding"], data["headers"]["Host"])


asyncio.run(main())
