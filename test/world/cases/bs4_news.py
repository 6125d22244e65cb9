# The guide's news crawler: aiohttp + BeautifulSoup(html, 'html.parser').
import asyncio
import time

import aiohttp
from bs4 import BeautifulSoup


async def fetch_article(session, url):
    async with session.get(url) as response:
        html = await response.text()
        soup = BeautifulSoup(html, "html.parser")
        return {
            "url": url,
            "title": soup.find("h1").text if soup.find("h1") else "제목 없음",
            "content": soup.find("article").text[:40] if soup.find("article") else "",
        }


async def main():
    urls = [f"https://news.example.com/article{i}" for i in (1, 2, 3)]
    start = time.perf_counter()
    async with aiohttp.ClientSession() as session:
        articles = await asyncio.gather(*(fetch_article(session, u) for u in urls))
    print(f"{len(articles)} articles in {time.perf_counter() - start:.1f}s")
    for a in articles:
        print(a["title"], "|", repr(a["content"]))


asyncio.run(main())

soup = BeautifulSoup('<ul id="nav"><li class="item active"><a href="/a">A</a></li><li class="item"><a href="/b">B &amp; C</a></li></ul><p>Hi<br>there</p>', "html.parser")
print(soup.find_all("a"))
print([a["href"] for a in soup.select("#nav li.item > a")])
print(soup.select_one("li.active").get_text(), soup.find("li", class_="item")["class"])
print(soup.p, repr(soup.p.get_text(" ", strip=True)), soup.p.string)
print(soup.find("a", string="B & C"), soup.li.find_next_sibling("li").a.text)
print(soup.ul.prettify())
try:
    soup.find_all("li").text
except AttributeError as e:
    print(e)
try:
    BeautifulSoup("<p>x</p>", "lxml")
except Exception as e:
    print(f"{type(e).__name__}: {e}")
