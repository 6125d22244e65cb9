# httpx: raise_for_status() and HTTPStatusError, is_success / is_error.
import httpx

with httpx.Client() as client:
    for code in (200, 404, 500):
        r = client.get(f"https://httpbin.org/status/{code}")
        print(code, r.status_code, r.reason_phrase, r.is_success, r.is_error, r.is_client_error, r.is_server_error)
        try:
            r.raise_for_status()
            print("  ok")
        except httpx.HTTPStatusError as e:
            print(f"  {type(e).__name__}: {e}")
            print("  ", e.response.status_code, e.request.url, isinstance(e, httpx.HTTPError))
print(httpx.codes.OK, httpx.codes.NOT_FOUND, httpx.codes(404).name)
