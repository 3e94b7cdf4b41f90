"""Per-page text F1 on WCXB articles: newscrawl, newscrawl without the page-kind gate, bare trafilatura.

Usage:
    .venv/bin/python bench/wcxb_pages.py --data /work/shared/bench/wcxb-dev --cache .bench-data/wcxb-pages \
        [--only newscrawl] [--ids ID,ID] [--top N] [--workers K]

Each system's per-page outputs (text, page_kind) are cached as JSON in the --cache directory
(git-ignored .bench-data/: third-party text never goes into a commit); a system whose cache file
exists is not run again unless named in --only (re-run it after changing the extractor). The table
lists the articles where newscrawl's F1 falls furthest below trafilatura's; `ungated` is newscrawl's
text whatever page_kind says, so `gated - ungated` is what detection costs.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import wcxb  # noqa: E402  (bench/ is scripts, not a package)


def _newscrawl(page) -> dict:
    try:
        record = wcxb.extract_article(page.html, page.url)
    except wcxb.BadInput as error:
        return {"text": None, "page_kind": None, "error": str(error)}
    return {"text": record.get("text"), "page_kind": record.get("page_kind")}


def _trafilatura(page) -> dict:
    out = wcxb.run_trafilatura(page)
    return {"text": out["text"] if out else None}


SYSTEMS = {"newscrawl": _newscrawl, "trafilatura": _trafilatura}


def _run(args):
    system, page = args
    logging.disable(logging.WARNING)
    return page.id, SYSTEMS[system](page)


def outputs(pages, cache: Path, only: set[str], workers: int) -> dict[str, dict]:
    cache.mkdir(parents=True, exist_ok=True)
    found = {}
    for system in SYSTEMS:
        path = cache / f"{system}.json"
        if path.is_file() and system not in only:
            found[system] = json.loads(path.read_text("utf-8"))
            continue
        with ProcessPoolExecutor(workers) as pool:
            found[system] = dict(pool.map(_run, [(system, p) for p in pages], chunksize=8))
        path.write_text(json.dumps(found[system]), "utf-8")
    return found


def rows(pages, found) -> list[dict]:
    table = []
    for page in pages:
        if not page.article or not page.truth.get("main_content"):
            continue
        truth = page.truth["main_content"]
        ours, theirs = found["newscrawl"][page.id], found["trafilatura"][page.id]
        gated = ours["text"] if ours["text"] and (ours["page_kind"] or "article") == "article" else None
        table.append({
            "id": page.id, "url": page.url, "kind": ours["page_kind"],
            "ours": wcxb.text_f1(truth, gated), "ungated": wcxb.text_f1(truth, ours["text"]),
            "theirs": wcxb.text_f1(truth, theirs["text"]),
            "truth_words": len(wcxb.words(truth)), "our_words": len(wcxb.words(ours["text"])),
            "their_words": len(wcxb.words(theirs["text"])),
        })
    table.sort(key=lambda r: r["ours"] - r["theirs"])
    return table


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--cache", type=Path, default=Path(".bench-data/wcxb-pages"))
    parser.add_argument("--only", default="", help="comma-separated systems to re-run")
    parser.add_argument("--ids", default="", help="only these page ids")
    parser.add_argument("--top", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    pages = [p for p in wcxb.load(args.data, None) if p.article and p.truth.get("main_content")]
    if args.ids:
        wanted = set(args.ids.split(","))
        pages = [p for p in pages if p.id in wanted]
    found = outputs(pages, args.cache, set(filter(None, args.only.split(","))), args.workers)
    table = rows(pages, found)
    (args.cache / "rows.json").write_text(json.dumps(table, indent=1), "utf-8")
    n = len(table) or 1
    mean = lambda key: sum(r[key] for r in table) / n  # noqa: E731
    print(f"{len(table)} articles: newscrawl {mean('ours'):.4f}  ungated {mean('ungated'):.4f}"
          f"  trafilatura {mean('theirs'):.4f}")
    print(f"{'loss':>7} {'ours':>5} {'ungat':>5} {'traf':>5} {'words t/o/t':>16} {'kind':<10} id  url")
    for r in table[:args.top]:
        print(f"{r['ours'] - r['theirs']:+7.3f} {r['ours']:5.2f} {r['ungated']:5.2f} {r['theirs']:5.2f}"
              f" {r['truth_words']:>5}/{r['our_words']:>5}/{r['their_words']:>5} {str(r['kind']):<10}"
              f" {r['id']}  {r['url'][:70]}")


if __name__ == "__main__":
    main()
