# aiohttp: raise_for_status(), ClientResponseError, the session-wide raise_for_status=True.
import asyncio

import aiohttp


async def main():
    async with aiohttp.ClientSession() as session:
        for code in (200, 404, 500):
            async with session.get(f"https://httpbin.org/status/{code}") as r:
                print(code, r.status, r.reason, r.ok, repr(await r.text()))
                try:
                    r.raise_for_status()
                    print("  no error")
                except aiohttp.ClientResponseError as e:
                    print(f"  {type(e).__name__}: {e}")
                    print("  ", e.status, e.message, isinstance(e, aiohttp.ClientError))
    async with aiohttp.ClientSession(raise_for_status=True) as session:
        try:
            async with session.get("https://httpbin.org/status/503") as r:
                print("not reached", r.status)
        except aiohttp.ClientResponseError as e:
            print(f"{type(e).__name__}: {e.status} {e.message}")
        async with session.get("https://httpbin.org/status/201") as r:
            print(r.status, r.reason)
    async with aiohttp.ClientSession() as session:
        async with session.get("https://example.com/") as r:
            try:
                await r.json()
            except aiohttp.ContentTypeError as e:
                print(f"{type(e).__name__}: {e.status} {e.message}")


asyncio.run(main())
