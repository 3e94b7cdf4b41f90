"""Site knowledge by domain: one registry gives a site's hints to every entry point."""

from __future__ import annotations

import json
import subprocess
import sys

from newscrawl.extraction import SiteHints
from newscrawl.sites import SiteRegistry, default_registry
from tests.crawling import ROOT, run_crawl
from tests.pages import PARAGRAPHS

# A teaser for another story, inside the body: only apnews.com's `drop` hint knows it is not text.
PROMO = ("Elsewhere in Ostland, the northern ferry line will add a second evening crossing from the "
         "harbour at Keldwick next spring.")
# An apnews.com page in the site's markup.
AP_PAGE = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>AP News</title></head><body>"
    "<div class='Page-headline-wrap'><h1 class='Page-headline'>Marrowfield opens its new flood gates</h1></div>"
    "<div class='RichTextStoryBody'>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + f"<div class='Enhancement'><p>{PROMO}</p></div></div></body></html>"
)


def test_a_url_matches_its_host_and_parent_domains_without_www():
    registry = SiteRegistry()
    hints = SiteHints(title="h1.x")
    registry.register(["www.example.org"], hints)
    assert registry.hints_for("https://example.org/a") is hints
    assert registry.hints_for("https://www.example.org/a") is hints
    assert registry.hints_for("https://news.example.org/a") is hints
    assert registry.hints_for("https://badexample.org/a") is None
    assert registry.hints_for("not a url") is None


def test_the_first_registration_of_a_domain_wins():
    registry = SiteRegistry()
    first, second = SiteHints(title="h1.a"), SiteHints(title="h1.b")
    registry.register(["a.org"], first, owner="one")
    registry.register(["a.org"], second, owner="two")
    assert registry.hints_for("https://a.org/") is first


def test_the_default_registry_holds_every_site_file():
    registry = default_registry()
    assert registry.hints_for("https://apnews.com/article/x").wire == "AP"
    assert registry.hints_for("https://www.kvtn7.com/news/a/b/").body == "div.article-body"
    assert registry.hints_for("https://capitatum.com/news/a/1.html").body == "#article-content"


def test_newscrawl_extract_applies_the_sites_hints(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(AP_PAGE, encoding="utf-8")
    records = {}
    for url in ("https://apnews.com/article/marrowfield-gates", "https://ostlandcourier.example/a"):
        result = subprocess.run([sys.executable, "-m", "newscrawl.cli", "extract", str(page), "--url", url],
                                cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        records[url] = json.loads(result.stdout)
    ap = records["https://apnews.com/article/marrowfield-gates"]
    assert ap["wire"] == "AP" and PROMO not in ap["text"]
    assert ap["title"] == "Marrowfield opens its new flood gates"
    # The same markup elsewhere gets no apnews knowledge: its promo stays (when in doubt, keep the text).
    assert PROMO in records["https://ostlandcourier.example/a"]["text"]


def test_a_generic_spider_gets_the_hints_of_the_site_it_lands_on(mockweb, tmp_path):
    site = run_crawl("apnews", tmp_path, mockweb.host_map, name="site")
    urls = tmp_path / "urls.txt"
    urls.write_text("\n".join(r["url"] for r in site.records) + "\n")
    generic = run_crawl("urls", tmp_path, mockweb.host_map, name="generic", args={"file": str(urls)},
                        settings={"NEWSCRAWL_STORE_URL": f"sqlite:///{tmp_path / 'generic.sqlite'}"})
    assert generic.returncode == 0, generic.log[-2000:]
    fields = ("title", "text", "authors", "wire", "dateline")
    want = {r["url"]: {f: r.get(f) for f in fields} for r in site.records}
    got = {r["url"]: {f: r.get(f) for f in fields} for r in generic.records}
    assert got == want
