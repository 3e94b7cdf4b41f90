"""WCXB dev split: text F1, title, authors, date and article detection, newscrawl beside trafilatura.

Used by bench/extraction.py when a --data directory holds WCXB (metadata.json + dev/html/).
Per page both systems get the gzip-decompressed bytes (each decodes them its own way).

Systems: `newscrawl` = extract_article(html, url) (a page it judges not an article, or BadInput,
gives no record); `trafilatura` = trafilatura.extract(html, url=url, output_format="json",
with_metadata=True) (its defaults otherwise; None output = no record).

Metrics, over the article pages (page_type "article") unless said otherwise:
* text F1: lower-cased `\\w+` tokens, multiset overlap, F1 per page, averaged over articles whose
  ground truth has main_content; no record = F1 0.
* title: share of articles whose title equals the truth's, compared as lower-cased `\\w+` tokens.
* authors (set-exact): the truth's author string and each predicted name are split on `,` `;` `&`
  `and`/`|`; credential pieces (`MS`, `Ph.D.`, `E-RYT 200`: up to 7 capitals/dots, or digits)
  dropped; names compared as lower-cased `\\w+` tokens without honorifics (`Dr.`); the sets must be
  equal (truth without author: nothing predicted).
* authors*: the same, on the articles whose WCXB author is not the site itself (`Swoogo` on
  swoogo.com): newscrawl's contract puts an outlet in `publisher`, never in `authors`.
* date: share of articles with a truth publish_date whose predicted date is the same day.
* detection (all 1,497 pages): an article is "detected" when the system gives a record;
  precision / recall of that against page_type == "article".
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from newscrawl.extraction import BadInput, extract_article, site_of
from newscrawl.extraction.names import is_outlet

_WORD = re.compile(r"\w+")
_HONORIFICS = {"dr", "prof", "mr", "mrs", "ms", "sir"}
_SPLIT = re.compile(r"\s*(?:,|;|&|\||\band\b)\s*", re.I)


@dataclass
class WcxbPage:
    id: str
    url: str
    html: bytes
    article: bool
    truth: dict


def is_wcxb(directory: Path) -> bool:
    return (directory / "metadata.json").is_file() and (directory / "dev" / "html").is_dir()


def load(directory: Path, limit: int | None) -> list[WcxbPage]:
    """Every page of dev/html; its type from the ground truth's `_internal.page_type`, else metadata.json.

    (metadata.json lists 1,358 of the 1,497 pages; 82 of the 139 it leaves out are articles.)
    """
    files = json.loads((directory / "metadata.json").read_text("utf-8"))["files"]
    pages = []
    for html_path in sorted((directory / "dev" / "html").glob("*.html.gz"))[:limit]:
        page_id = html_path.name.split(".")[0]
        truth_path = directory / "dev" / "ground-truth" / f"{page_id}.json"
        if not truth_path.is_file():
            continue
        data = json.loads(truth_path.read_text("utf-8"))
        kind = ((data.get("_internal") or {}).get("page_type") or {}).get("primary") \
            or files.get(page_id, {}).get("page_type")
        pages.append(WcxbPage(page_id, data.get("url") or f"https://wcxb.invalid/{page_id}", gzip.decompress(html_path.read_bytes()),
                              kind == "article", data.get("ground_truth") or {}))
    return pages


def words(text: str | None) -> list[str]:
    return _WORD.findall((text or "").lower())


def text_f1(truth: str, prediction: str | None) -> float:
    expected, got = words(truth), words(prediction)
    if not expected and not got:
        return 1.0
    common = sum((_counter(expected) & _counter(got)).values())
    if not common:
        return 0.0
    precision, recall = common / len(got), common / len(expected)
    return 2 * precision * recall / (precision + recall)


def _counter(tokens):
    from collections import Counter
    return Counter(tokens)


def names(values) -> frozenset[str]:
    """Normalised person names of an author string or list (credentials dropped)."""
    if not values:
        return frozenset()
    values = [values] if isinstance(values, str) else values
    found = set()
    for value in values:
        for piece in _SPLIT.split(value):
            piece = piece.strip()
            if re.search(r"\d", piece) or re.fullmatch(r"[A-Z.®]{1,7}|(?i:ph\.?\s?d|m\.?d|jr|sr|mba)\.?", piece):
                continue  # MS, RD, FAND, E-RYT 200: credentials, not names
            key = " ".join(w for w in words(piece) if w not in _HONORIFICS) or " ".join(words(piece))
            if key:
                found.add(key)
    return frozenset(found)


def names_the_site(author: str | None, url: str) -> bool:
    """Whether WCXB's author is the site itself (`Swoogo` on swoogo.com): newscrawl's record puts
    an outlet in `publisher`, never in `authors`, so these are scored apart too."""
    return bool(author) and is_outlet(author, [site_of(url), site_of(url).split(".")[0]])


def run_newscrawl(page: WcxbPage) -> dict | None:
    try:
        record = extract_article(page.html, page.url)
    except BadInput:
        return None
    if not record.get("text") or record.get("page_kind", "article") != "article":
        return None
    return {"text": record["text"], "title": record.get("title"), "authors": record.get("authors") or [],
            "date": record.get("published")}


def run_trafilatura(page: WcxbPage) -> dict | None:
    output = trafilatura.extract(page.html, url=page.url, output_format="json", with_metadata=True)
    if not output:
        return None
    data = json.loads(output)
    return {"text": data.get("text"), "title": data.get("title"),
            "authors": (data.get("author") or "").split(";") if data.get("author") else [],
            "date": data.get("date")}


RUNNERS = {"newscrawl": run_newscrawl, "trafilatura": run_trafilatura}


def figures(pages: list[WcxbPage], outputs: list[dict | None]) -> dict:
    text, title, authors, persons, dates = [], [], [], [], []
    tp = fp = fn = 0
    for page, out in zip(pages, outputs):
        if page.article and out:
            tp += 1
        elif page.article:
            fn += 1
        elif out:
            fp += 1
        if not page.article:
            continue
        truth, out = page.truth, out or {}
        if truth.get("main_content"):
            text.append(text_f1(truth["main_content"], out.get("text")))
        title.append(bool(words(out.get("title"))) and words(out.get("title")) == words(truth.get("title")))
        authors.append(names(out.get("authors")) == names(truth.get("author")))
        if not names_the_site(truth.get("author"), page.url):
            persons.append(authors[-1])
        if truth.get("publish_date"):
            dates.append((out.get("date") or "")[:10] == truth["publish_date"][:10])
    mean = lambda values: sum(values) / len(values) if values else 0.0  # noqa: E731
    return {
        "text_f1": mean(text), "title": mean(title), "authors": mean(authors), "date": mean(dates),
        "authors_not_site": mean(persons), "articles_not_site": len(persons),
        "detect_precision": tp / (tp + fp) if tp + fp else 0.0,
        "detect_recall": tp / (tp + fn) if tp + fn else 0.0,
        "articles": sum(p.article for p in pages), "pages": len(pages), "records": tp + fp,
    }


def bench(directory: Path, limit: int | None, progress=None) -> dict:
    pages = load(directory, limit)
    outputs = {s: [] for s in RUNNERS}
    seconds = dict.fromkeys(RUNNERS, 0.0)
    for i, page in enumerate(pages):
        for system in (RUNNERS if i % 2 == 0 else list(RUNNERS)[::-1]):
            start = time.perf_counter()
            outputs[system].append(RUNNERS[system](page))
            seconds[system] += time.perf_counter() - start
        if progress:
            progress("wcxb", i + 1, len(pages))
    results = {}
    for system in RUNNERS:
        results[system] = figures(pages, outputs[system])
        results[system]["pages_per_s"] = len(pages) / seconds[system] if seconds[system] else 0.0
    print_table(directory, results)
    return {"set": "wcxb", "data": str(directory), "results": results,
            "_pages": pages, "_outputs": outputs}


def print_table(directory: Path, results: dict) -> None:
    print(f"\n== wcxb: {directory}")
    print(f"{'system':<12} {'pages':>5} {'articles':>8} {'text F1':>7} {'title':>6} {'authors':>7} {'authors*':>8}"
          f" {'date':>6} {'detect P':>8} {'detect R':>8} {'records':>7} {'pages/s':>7}")
    for system, r in results.items():
        print(f"{system:<12} {r['pages']:>5} {r['articles']:>8} {r['text_f1']:>7.3f} {r['title']:>6.3f}"
              f" {r['authors']:>7.3f} {r['authors_not_site']:>8.3f} {r['date']:>6.3f}"
              f" {r['detect_precision']:>8.3f} {r['detect_recall']:>8.3f}"
              f" {r['records']:>7} {r['pages_per_s']:>7.1f}")
    print("authors* = on the articles whose WCXB author is not the site itself "
          f"({next(iter(results.values()))['articles_not_site']} of them)")


if __name__ == "__main__":
    sys.exit("run through bench/extraction.py --data DIR")
