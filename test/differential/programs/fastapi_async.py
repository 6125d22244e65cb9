# FastAPI endpoints, async and plain: query parameters with defaults, JSON bodies, status codes,
# dependencies, headers, and concurrency inside one async endpoint.
import asyncio
import time

from fastapi import Depends, FastAPI, Header, HTTPException
from fastapi.responses import JSONResponse, PlainTextResponse
from fastapi.testclient import TestClient

app = FastAPI()
items = {}


async def settings():
    await asyncio.sleep(0.05)
    return {"region": "kr"}


@app.get("/slow")
async def slow(n: int = 3, delay: float = 0.3):
    start = time.time()
    results = await asyncio.gather(*(asyncio.sleep(delay, result=i) for i in range(n)))
    return {"results": results, "took": round(time.time() - start, 1)}


@app.post("/items/{name}", status_code=201)
async def create(name: str, payload: dict, conf: dict = Depends(settings)):
    if name in items:
        raise HTTPException(status_code=409, detail={"error": "exists", "name": name})
    items[name] = payload
    return {"name": name, "payload": payload, "region": conf["region"]}


@app.get("/items")
def list_items(limit: int = 10, prefix: str = ""):
    return sorted(k for k in items if k.startswith(prefix))[:limit]


@app.get("/whoami")
async def whoami(user_agent: str = Header(default=None), x_token: str = Header(default="none")):
    return {"agent": user_agent, "token": x_token}


@app.get("/text", response_class=PlainTextResponse)
async def text():
    return "plain 텍스트"


@app.get("/teapot")
async def teapot():
    return JSONResponse({"short": "and stout"}, status_code=418, headers={"X-Pot": "1"})


with TestClient(app) as client:
    start = time.time()
    r = client.get("/slow", params={"n": 4})
    print(r.status_code, r.json(), f"{time.time() - start:.1f}s")
    print(client.get("/slow?n=2&delay=0.5").json())
    r = client.post("/items/pen", json={"color": "blue", "n": 2})
    print(r.status_code, r.json())
    r = client.post("/items/pen", json={})
    print(r.status_code, r.json())
    client.post("/items/pencil", json={"color": "red"})
    print(client.get("/items").json(), client.get("/items", params={"prefix": "penc"}).json())
    print(client.get("/items?limit=1").json())
    print(client.get("/whoami").json(), client.get("/whoami", headers={"X-Token": "t1"}).json()["token"])
    r = client.get("/text")
    print(r.status_code, repr(r.text), r.headers["content-type"])
    r = client.get("/teapot")
    print(r.status_code, r.reason_phrase, r.json(), r.headers["x-pot"])
