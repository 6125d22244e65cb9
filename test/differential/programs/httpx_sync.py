# httpx's blocking API: httpx.get, a Client with a base URL and headers, status and JSON.
import httpx

r = httpx.get("https://api.example.com/users/2")
print(r.status_code, r.reason_phrase, r.is_success, r.url, r.http_version)
print(r.headers["content-type"], r.encoding, r.json(), len(r.content), r.text[:20])
print(repr(r), type(r.url).__name__, r.url.host, r.url.path, r.url.scheme)

with httpx.Client(base_url="https://api.example.com", headers={"X-Client": "guide"}) as client:
    for i in (1, 2):
        r = client.get(f"/users/{i}")
        print(r.status_code, r.json()["name"], r.request.method, r.request.url)
    r = client.get("https://httpbin.org/get", params={"q": "asyncio"})
    data = r.json()
    print(data["args"], data["url"], data["headers"]["X-Client"], data["headers"]["Accept"])
    print(data["headers"]["User-Agent"], data["headers"]["Accept-Encoding"])

r = httpx.post("https://httpbin.org/post", json={"a": 1})
print(r.status_code, r.json()["json"], r.json()["headers"]["Content-Type"], r.json()["headers"]["Content-Length"])
r = httpx.post("https://httpbin.org/post", data={"k": "v"})
print(r.json()["form"], r.json()["headers"]["Content-Type"])

r = httpx.get("https://google.com")
print(r.status_code, r.is_redirect, r.headers["location"], r.next_request.url if r.next_request else None)
r = httpx.get("https://google.com", follow_redirects=True)
print(r.status_code, r.url, r.history)
