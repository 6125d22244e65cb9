# The complete guide's blocking scraper: len(response.text) per site, one after another.
import time

import requests


def scrape_sync(urls):
    results = []
    for url in urls:
        response = requests.get(url)
        results.append({"url": url, "status": response.status_code, "length": len(response.text)})
    return results


urls = ["https://example.com", "https://github.com", "https://stackoverflow.com", "https://google.com", "https://reddit.com"]
start = time.time()
for result in scrape_sync(urls):
    print(result)
print(f"sync: {time.time() - start:.1f}s")

r = requests.get("https://example.com")
print(r.headers["Content-Type"], r.encoding, r.apparent_encoding if False else "")
print(r.text.splitlines()[3].strip())
r = requests.get("https://example.com/image1.jpg")
print(r.status_code, r.headers["Content-Type"], len(r.content), r.content[:4])
try:
    requests.get("https://example.com/").json()
except requests.exceptions.JSONDecodeError as e:
    print(f"JSONDecodeError: {e}")
