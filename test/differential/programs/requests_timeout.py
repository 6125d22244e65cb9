# Timeouts and connection errors with requests.
import time

import requests

start = time.time()
try:
    requests.get("https://example.com/hangs", timeout=2)
except requests.exceptions.Timeout as e:
    print(f"{type(e).__name__}: {e} ({time.time() - start:.1f}s)")
    print(isinstance(e, requests.exceptions.ReadTimeout), isinstance(e, requests.exceptions.ConnectionError))

start = time.time()
try:
    requests.get("https://example.com/hangs", timeout=(3, 1.5))
except requests.exceptions.ReadTimeout as e:
    print(f"{type(e).__name__}: {e} ({time.time() - start:.1f}s)")

r = requests.get("https://api.example.com/users/1", timeout=5)
print(r.status_code, r.json()["name"])

try:
    requests.get("http://localhost:9/api", timeout=3)
except requests.exceptions.ConnectionError as e:
    print(f"{type(e).__name__}: {e}")

try:
    requests.get("https://example.com/reset", timeout=3)
except requests.exceptions.ConnectionError as e:
    print(f"{type(e).__name__}: {e}")

try:
    requests.get("https://nowhere.invalid/", timeout=3)
except requests.exceptions.ConnectionError as e:
    print(f"{type(e).__name__}: {e}")
