# aiohttp connection errors: refused, a name that does not resolve, a server that hangs up.
import asyncio

import aiohttp


async def get(session, url):
    try:
        async with session.get(url) as r:
            return r.status
    except aiohttp.ClientConnectorError as e:
        print(f"{type(e).__name__}: {e}")
        print("  host/port:", e.host, e.port, isinstance(e, aiohttp.ClientOSError), isinstance(e, OSError))
    except aiohttp.ServerDisconnectedError as e:
        print(f"{type(e).__name__}: {e}")
        print("  ", isinstance(e, aiohttp.ClientConnectionError))
    except aiohttp.ClientError as e:
        print(f"other {type(e).__name__}: {e}")


async def main():
    async with aiohttp.ClientSession() as session:
        await get(session, "http://localhost:9/api")
        await get(session, "https://nowhere.invalid/")
        await get(session, "https://example.com/reset")
        results = await asyncio.gather(
            session.get("http://127.0.0.1:9/"), session.get("https://api.example.com/users/1"), return_exceptions=True)
        print([type(r).__name__ for r in results])
        results[1].release()


asyncio.run(main())
