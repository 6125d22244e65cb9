# The guide's FastAPI endpoint, called in-process with TestClient (no server in the sandbox).
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
print(response.headers["content-type"])
for path in ("/users/0", "/users/abc", "/nothing"):
    r = client.get(path)
    print(r.status_code, r.json())
print(client.post("/users/1").status_code)

import uvicorn  # noqa: E402

try:
    uvicorn.run(app, host="0.0.0.0", port=8000)
except RuntimeError as e:
    print(type(e).__name__, str(e).splitlines()[0])
import simworld  # noqa: E402

for u in simworld.take_usage():
    print(u["kind"], u["target"], u["detail"], u["fixture"])
