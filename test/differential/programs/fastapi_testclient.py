# The complete guide's FastAPI endpoint, called with TestClient: an async endpoint that gathers a
# database stand-in (asyncio.sleep) and an aiohttp request; errors, 404 and 405 as FastAPI renders them.
import asyncio
import time

import aiohttp
from fastapi import FastAPI, HTTPException
from fastapi.testclient import TestClient

app = FastAPI()


@app.get("/users/{user_id}")
async def get_user(user_id: int):
    if user_id <= 0:
        raise HTTPException(status_code=404, detail="User not found")
    user_data, user_posts = await asyncio.gather(fetch_user_from_db(user_id), fetch_user_posts(user_id))
    return {"user": user_data, "posts": user_posts}


async def fetch_user_from_db(user_id):
    await asyncio.sleep(0.1)
    return {"id": user_id, "name": "홍길동"}


async def fetch_user_posts(user_id):
    async with aiohttp.ClientSession() as session:
        async with session.get(f"https://api.blog.com/posts?user={user_id}") as resp:
            return await resp.json()


client = TestClient(app)
start = time.time()
response = client.get("/users/7")
print(response.status_code, f"{time.time() - start:.1f}s")
print(response.json())
print(response.headers["content-type"], response.headers["content-length"], response.url)
for path in ("/users/0", "/nothing"):
    r = client.get(path)
    print(path, r.status_code, r.reason_phrase, r.json(), r.headers["content-type"])
r = client.post("/users/1")
print(r.status_code, r.json(), r.headers.get("allow"))
r = client.get("/users/abc")
print(r.status_code, r.json()["detail"][0]["loc"])
print(r.json())
