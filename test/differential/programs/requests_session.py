# requests.Session: shared headers and parameters, redirects, history, context manager.
import requests

with requests.Session() as s:
    s.headers.update({"Authorization": "Bearer token", "X-Client": "guide"})
    r = s.get("https://httpbin.org/get", params={"q": "asyncio", "page": 2})
    data = r.json()
    print(data["args"], data["url"])
    print(data["headers"]["Authorization"], data["headers"]["X-Client"], data["headers"]["Accept"])
    print(data["headers"]["User-Agent"], data["headers"]["Accept-Encoding"], data["headers"]["Connection"])
    r = s.get("https://httpbin.org/headers", headers={"X-Client": "override"})
    print(r.json()["headers"]["X-Client"])
    for url in ["https://api.example.com/users/1", "https://api.example.com/users/2"]:
        print(s.get(url).json())

r = requests.get("https://google.com")
print(r.status_code, r.url, r.history, r.history[0].status_code, r.history[0].headers["Location"])
print(r.headers["Content-Type"], r.encoding, "<title>Google</title>" in r.text)
r = requests.get("https://google.com", allow_redirects=False)
print(r.status_code, r.is_redirect, r.headers["Location"], r.history)
r = requests.get("https://reddit.com/")
print(r.status_code, r.url, [h.url for h in r.history])
