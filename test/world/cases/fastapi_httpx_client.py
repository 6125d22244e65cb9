# TestClient is an httpx.Client whose transport calls the app: redirects are followed with a
# history, a redirect not followed names its next request, a closed client refuses, and a plain
# httpx.Client beside it still goes to the simulated network. (Printed the same with the real
# FastAPI, Starlette and httpx.)
import httpx
from fastapi import FastAPI
from fastapi.responses import RedirectResponse
from fastapi.testclient import TestClient

app = FastAPI()


@app.get("/old")
async def old():
    return RedirectResponse("/new")


@app.get("/new")
async def new():
    return {"ok": True}


@app.get("/boom")
async def boom():
    raise ValueError("bad")


client = TestClient(app)
print(isinstance(client, httpx.Client))
r = client.get("/old")
print(type(r).__module__, type(r).__name__, r.status_code, r.json(), [x.status_code for x in r.history], r.url)
r = client.get("/old", follow_redirects=False)
print(r.status_code, r.headers["location"], r.next_request.url)
print(r.request.headers["user-agent"], r.request.headers["host"], client.base_url)
try:
    client.get("/boom")
except ValueError as e:
    print("raised", e)
r = TestClient(app, raise_server_exceptions=False).get("/boom")
print(r.status_code, r.text)
client.close()
try:
    client.get("/new")
except RuntimeError as e:
    print("closed:", e)

with httpx.Client() as plain:
    print(plain.get("https://api.example.com/users/3").status_code)

import simworld  # noqa: E402

for u in simworld.take_usage():
    print(u["kind"], u["target"], u["detail"])
