# BeautifulSoup over the fixture pages as requests fetches them: titles, meta tags, links,
# CSS selectors, navigation, text, and what a missing element gives.
import requests
from bs4 import BeautifulSoup

for url in ["https://example.com", "https://github.com", "https://stackoverflow.com", "https://www.reddit.com/"]:
    soup = BeautifulSoup(requests.get(url).text, "html.parser")
    description = soup.find("meta", attrs={"name": "description"})
    print(url, repr(soup.title.string), soup.h1.get_text(strip=True))
    print("  description:", description["content"] if description else None)
    print("  links:", [a.get("href") for a in soup.find_all("a")])
    print("  select:", [t.name for t in soup.select("body > *")], len(soup.select("a[href]")))

soup = BeautifulSoup(requests.get("https://example.com").text, "html.parser")
div = soup.body.div
print(div.name, [c.name for c in div.children if c.name], div.parent.name, div.h1.next_sibling == "\n")
print(div.find("p").text.split()[:6])
print(soup.find("a"), soup.find("a").attrs)
print(soup.select_one("div > p > a")["href"], soup.select_one("h1").string)
print(soup.find("table"), soup.find_all("table"), soup.select_one(".missing"))
print([m.attrs for m in soup.find_all("meta")])
print(soup.find("meta", charset=True)["charset"], soup.head.title)
print(len(soup.get_text()), soup.get_text().split()[:4])

r = requests.get("https://www.google.com/")
soup = BeautifulSoup(r.text, "html.parser")
print(soup.title.string, soup.find("input", attrs={"name": "q"})["title"], soup.form["action"])
print(soup.find("img")["alt"], soup.img["width"], [i.get("value") for i in soup.find_all("input")])
