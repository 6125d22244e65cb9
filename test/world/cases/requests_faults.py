# requests: sequential latency, errors in requests' own format.
import time

import requests

start = time.time()
for i in (1, 2, 3):
    r = requests.get(f"https://api.example.com/users/{i}", timeout=5)
print(f"three requests: {time.time() - start:.1f}s", r.status_code, r.json())
print(r, r.ok, r.reason, r.url, r.headers["Content-Type"], r.encoding, r.elapsed.total_seconds())

r = requests.get("https://example.com/broken")
print(r.status_code, bool(r))
try:
    r.raise_for_status()
except requests.exceptions.HTTPError as e:
    print(f"HTTPError: {e}")

start = time.time()
try:
    requests.get("https://example.com/hangs", timeout=2)
except requests.exceptions.Timeout as e:
    print(f"{type(e).__name__}: {e} ({time.time() - start:.1f}s)")

try:
    requests.get("http://localhost:8000/api", timeout=3)
except requests.exceptions.ConnectionError as e:
    print(f"ConnectionError: {e}")

with requests.Session() as s:
    s.headers.update({"Authorization": "Bearer token"})
    r = s.get("https://httpbin.org/get", params={"q": "asyncio", "page": 2})
    data = r.json()
    print(data["args"], data["url"], data["headers"]["Authorization"], data["headers"]["User-Agent"])

r = requests.get("https://google.com")
print(r.status_code, r.url, r.history)
try:
    requests.get("https://example.com/").json()
except requests.exceptions.JSONDecodeError as e:
    print(f"JSONDecodeError: {e}")
