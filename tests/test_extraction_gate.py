"""Site-level extraction gate: token precision and recall per fixture site, against pinned floors.

For each site in tests/fixtures/sites/ every page is extracted in file-name order and
scored on word tokens (case folded, multiset):
  precision = article tokens in the text / tokens in the text
  recall    = article tokens in the text / article tokens
where article tokens are those of the page's expected paragraphs. Per-site averages must
reach the floors in tests/extraction_floors.json. With the site-level boilerplate memory,
the same pages go through one memory per site, and from the fourth page on each page's
precision must reach MEMORY_PRECISION (the template has been seen by then).
Failures name the site, the metric and, for the memory, the page.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

import pytest

from newscrawl.extraction import extract_article
from newscrawl.extraction.boilerplate import SiteBoilerplate

HERE = Path(__file__).parent
SITES = HERE / "fixtures" / "sites"
FLOORS = {
    site: floors
    for site, floors in json.loads((HERE / "extraction_floors.json").read_text()).items()
    if not site.startswith("_")  # "_note" and other comments
}
FIXTURE_NOW = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)
MEMORY_PRECISION = 0.99
MEMORY_FROM_PAGE = 4  # 1-based: pages 1-3 teach the memory the template
METRICS = ("precision", "recall")


def site_pages(site: str) -> list[tuple[str, str | bytes, dict]]:
    """(name, html, expected) for the pages of a fixture site, in file-name order."""
    pages = []
    for expected_path in sorted((SITES / site).glob("*.expected.json")):
        name = expected_path.name[: -len(".expected.json")]
        html_path = expected_path.with_name(name + ".html")
        if html_path.exists():
            html = html_path.read_text(encoding="utf-8")
        else:
            html = gzip.decompress(expected_path.with_name(name + ".html.gz").read_bytes())
        pages.append((name, html, json.loads(expected_path.read_text(encoding="utf-8"))))
    return pages


def tokens(text: str | None) -> Counter:
    return Counter(re.findall(r"\w+", (text or "").lower()))


def score(paragraphs: list[str], text: str | None) -> tuple[float, float]:
    """(precision, recall) of `text` against the article paragraphs, on word tokens."""
    article, extracted = tokens("\n".join(paragraphs)), tokens(text)
    overlap = sum((article & extracted).values())
    precision = overlap / sum(extracted.values()) if extracted else 0.0
    return precision, overlap / sum(article.values())


def extract(html, url: str, **kwargs) -> dict:
    return extract_article(html, url, now=FIXTURE_NOW, **kwargs)


def extract_with_memory(memory: SiteBoilerplate, html, url: str) -> dict:
    """The one place that knows how the site-level memory plugs into extraction."""
    return extract(html, url, memory=memory)


@lru_cache(maxsize=None)
def site_scores(site: str) -> list[tuple[str, float, float]]:
    """(page, precision, recall) per page of a site, extracted page by page."""
    results = []
    for name, html, expected in site_pages(site):
        record = extract(html, expected["url"])
        results.append((name, *score(expected["paragraphs"], record.get("text"))))
    return results


def _mean(values) -> float:
    values = list(values)
    return sum(values) / len(values)


def _table(rows) -> str:
    return "\n".join(f"  {name}: precision {p:.3f}, recall {r:.3f}" for name, p, r in rows)


def test_every_site_has_floors():
    sites = sorted(p.name for p in SITES.iterdir() if p.is_dir())
    missing = [s for s in sites if s not in FLOORS]
    assert not missing, f"fixture sites without floors in tests/extraction_floors.json: {missing}"


@pytest.mark.parametrize(
    "site, metric",
    [pytest.param(site, metric, id=f"{site}-{metric}") for site in sorted(FLOORS) for metric in METRICS],
)
def test_site_floor(site, metric):
    rows = site_scores(site)
    value = _mean(row[1 + METRICS.index(metric)] for row in rows)
    floor = FLOORS[site][metric]
    assert value >= floor, f"{site}: mean {metric} {value:.3f} is below the floor {floor:.3f}\n{_table(rows)}"


@pytest.mark.parametrize("site", [pytest.param(site, id=f"{site}-memory") for site in sorted(FLOORS)])
def test_site_memory(site):
    memory = SiteBoilerplate()
    rows = []
    for name, html, expected in site_pages(site):
        record = extract_with_memory(memory, html, expected["url"])
        rows.append((name, *score(expected["paragraphs"], record.get("text"))))
    late = rows[MEMORY_FROM_PAGE - 1:]
    below = [f"{name} precision {p:.3f}" for name, p, _ in late if p < MEMORY_PRECISION]
    assert not below, (
        f"{site} with site memory: from page {MEMORY_FROM_PAGE} on, precision must be "
        f">= {MEMORY_PRECISION}: " + ", ".join(below) + f"\n{_table(rows)}"
    )
    recall = _mean(r for _, _, r in rows)
    floor = FLOORS[site]["recall"]
    assert recall >= floor, (
        f"{site} with site memory: mean recall {recall:.3f} is below the floor {floor:.3f} "
        f"(the memory removed article text)\n{_table(rows)}"
    )
