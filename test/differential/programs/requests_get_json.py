# requests as the tutorials use it: blocking GETs one after another, .json(), .status_code.
import time

import requests

start = time.time()
results = []
for url in ["https://api1.com", "https://api2.com", "https://api3.com"]:
    response = requests.get(url)
    results.append(response.json())
print(f"sequential: {time.time() - start:.1f}s")
print(results)

r = requests.get("https://api.example.com/users/7")
print(r.status_code, r.ok, r.reason, r.url)
print(r.headers["Content-Type"], r.headers.get("content-length"), r.encoding)
print(r.json(), type(r.json()).__name__)
print(repr(r.text), len(r.content), type(r.content).__name__)
print(r, bool(r))
print(r.json()["name"], r.json()["email"])
