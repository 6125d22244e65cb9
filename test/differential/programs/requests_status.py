# Status codes and raise_for_status(), as the tutorials check them.
import requests

for code in (200, 201, 204, 404, 500, 503):
    r = requests.get(f"https://httpbin.org/status/{code}")
    print(code, r.status_code, r.ok, r.reason, repr(r.text), bool(r))
    try:
        result = r.raise_for_status()
        print("  no error:", result)
    except requests.exceptions.HTTPError as e:
        print("  HTTPError:", e)
        print("  response:", e.response.status_code, e.response is r, isinstance(e, requests.RequestException))

print(requests.codes.ok, requests.codes.not_found, requests.codes["server_error"])
r = requests.get("https://httpbin.org/status/404")
try:
    r.raise_for_status()
except requests.HTTPError as e:
    print(type(e).__module__, type(e).__name__, e.args)
