"""On the mock web's mirror network, the site memory makes generic extraction clean by page four."""

from __future__ import annotations

import re
import urllib.request
from collections import Counter

import trafilatura

from newscrawl.extraction import extract_article
from newscrawl.extraction.boilerplate import SiteBoilerplate
from tests.mockweb import MIRROR_HOSTS, truth

WORD = re.compile(r"\w+")


def fetch(web, url: str) -> bytes:
    host = url.split("/")[2]
    path = url.split(host, 1)[1]
    request = urllib.request.Request(f"http://{web.address}{path}", headers={"Host": host})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read()


def precision(extracted: str | None, paragraphs: list[str]) -> float:
    """Article tokens / extracted tokens (multisets)."""
    got = Counter(WORD.findall((extracted or "").lower()))
    want = Counter(WORD.findall(" ".join(paragraphs).lower()))
    total = sum(got.values())
    return sum((got & want).values()) / total if total else 0.0


def test_mirror_pages_reach_099_precision_from_the_fourth_page(mockweb):
    memory = SiteBoilerplate()
    report = []
    for host in MIRROR_HOSTS:
        site_pages = sorted((p for p in truth.pages(1) if p.url.split("/")[2] == host), key=lambda p: p.url)
        for position, page in enumerate(site_pages, start=1):
            html = fetch(mockweb, page.url)
            ours = extract_article(html, page.url, memory=memory)  # no site hints: generic + memory
            bare = trafilatura.extract(html.decode("utf-8"), url=page.url)
            report.append((host, position, precision(ours["text"], page.paragraphs),
                           precision(bare, page.paragraphs), ours["boilerplate_rules"], page.url))
    later = [row for row in report if row[1] >= 4]
    assert later and all(row[2] >= 0.99 for row in later), [r for r in later if r[2] < 0.99]
    ours_mean = sum(r[2] for r in report) / len(report)
    bare_mean = sum(r[3] for r in report) / len(report)
    print(f"mirror precision: newscrawl {ours_mean:.3f} vs bare trafilatura {bare_mean:.3f}")
    assert ours_mean >= bare_mean
    assert any(r[4] > 0 for r in later), "the memory never removed anything"
