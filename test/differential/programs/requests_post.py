# requests.post with a JSON body, a form body and query parameters, echoed back by httpbin.
import requests

r = requests.post("https://httpbin.org/post", json={"name": "asyncio", "tags": ["a", "b"]})
data = r.json()
print(r.status_code, data["json"], repr(data["data"]), data["form"], data["args"])
print(data["headers"]["Content-Type"], data["headers"]["Content-Length"], data["url"])

r = requests.post("https://httpbin.org/post", data={"user": "kim", "page": "2"}, params={"q": "x"})
data = r.json()
print(data["form"], repr(data["data"]), data["json"], data["args"], data["url"])
print(data["headers"]["Content-Type"], data["headers"]["Content-Length"])

r = requests.post("https://httpbin.org/post", data="plain text body")
data = r.json()
print(repr(data["data"]), data["json"], data["form"], data["headers"].get("Content-Type"))

r = requests.get("https://httpbin.org/get", params={"a": 1, "b": ["x", "y"]})
data = r.json()
print(data["args"], data["url"], r.url)
print(sorted(k for k in data["headers"] if k not in ("User-Agent", "X-Amzn-Trace-Id")))
