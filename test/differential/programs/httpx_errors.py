# httpx: timeouts and connection errors, sync and async.
import asyncio
import time

import httpx

start = time.time()
try:
    httpx.get("https://example.com/hangs", timeout=2.0)
except httpx.TimeoutException as e:
    print(f"{type(e).__name__}: {e} ({time.time() - start:.1f}s)", isinstance(e, httpx.TransportError))
for url in ("http://localhost:9/", "https://nowhere.invalid/", "https://example.com/reset"):
    try:
        httpx.get(url)
    except httpx.HTTPError as e:
        print(f"{type(e).__name__}: {e}", isinstance(e, httpx.TransportError), e.request.url)


async def main():
    async with httpx.AsyncClient(timeout=httpx.Timeout(1.5)) as client:
        start = time.time()
        try:
            await client.get("https://example.com/hangs")
        except httpx.ReadTimeout as e:
            print(f"async {type(e).__name__}: {e} ({time.time() - start:.1f}s)")
        for url in ("http://127.0.0.1:9/", "https://nowhere.invalid/"):
            try:
                await client.get(url)
            except httpx.ConnectError as e:
                print(f"async {type(e).__name__}: {e}")
        try:
            await client.get("https://example.com/reset")
        except httpx.RemoteProtocolError as e:
            print(f"async {type(e).__name__}: {e}")
        r = await client.get("https://api.example.com/users/4")
        print(r.json())


asyncio.run(main())
