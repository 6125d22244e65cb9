# The complete guide's news crawler: aiohttp fetches the articles concurrently, BeautifulSoup
# (html.parser) finds each title and body.
import asyncio
import time

import aiohttp
from bs4 import BeautifulSoup


async def crawl(session, url):
    async with session.get(url) as response:
        html = await response.text()
    soup = BeautifulSoup(html, "html.parser")
    article = soup.find("article")
    return {
        "url": url,
        "title": soup.find("h1").text,
        "page_title": soup.title.string,
        "paragraphs": [p.get_text(strip=True) for p in article.find_all("p")],
        "lang": soup.html.get("lang"),
        "links": [(a.text, a["href"]) for a in soup.find_all("a", href=True)],
    }


async def main():
    urls = [f"https://news.example.com/article{i}" for i in range(1, 4)]
    async with aiohttp.ClientSession() as session:
        start = time.time()
        results = await asyncio.gather(*(crawl(session, url) for url in urls))
        print(f"crawled {len(results)} in {time.time() - start:.1f}s")
    for r in results:
        print(r["url"], r["title"], r["page_title"], r["lang"], r["links"])
        for p in r["paragraphs"]:
            print("  ", p[:40])
    soup = BeautifulSoup("<p class='a b'>x<b>y</b></p>", "html.parser")
    print(soup.p["class"], soup.p.b, soup.p.contents, repr(soup.p.string), soup.p.get_text("|"))


asyncio.run(main())
