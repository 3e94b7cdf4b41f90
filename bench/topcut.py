"""Top-cut copies: the bottom of a story under another top. How many does the linker find?

A partner that runs only the second half of a wire story under its own lede, or a page
with junk in front of the kept part, shares neither the story's lead sentences nor its
top (where loose keys come from), and often too little of the whole for an LSH band.
Each made-up story (bench/synthetic_corpus.py's writer) gets one copy that keeps its
bottom 40-60% of sentences, cut at a paragraph break or inside a paragraph, under one
of these tops:

* `lede`: a new paragraph of 1-3 sentences of its own;
* `junk`: template lines and a teaser sentence of another story in front, the headline run into
  the first kept line;
* `edited`: a new lede, and 30% of the kept paragraphs with a word added after their
  first word (as synthetic_corpus.py's edited copies);
* `mirror`: junk in front as `junk`, and a mirror's sidebar (link list, a newsletter
  line) after, as synthetic_corpus.py's mirrored copies.

With `--ticker` the prose line in front of `junk` and `mirror` copies is one network's
templated market ticker, the same words on every page and the figures changing (as a
real mirror network does), instead of another story's teaser: two mirror copies of
different stories then share the ticker and the newsletter line, and must not link.

Every record is linked from scratch (memory store, batches as `newscrawl dedup` links
them); a copy counts as found when it ends up in its story's cluster. Also the index
keys per doc (LSH bands, sentence anchors, loose keys) and the bytes per doc of the
same records (and of `--synthetic N` synthetic_corpus.py records) linked into a SQLite file.

    python bench/topcut.py [--stories 2000] [--seed 5] [--ticker] [--sqlite] [--synthetic 20000]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
from collections import Counter
from contextlib import closing
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_corpus import SIDEBAR, _Writer  # noqa: E402
from synthetic_corpus import generate as generate_synthetic  # noqa: E402

from newscrawl.fingerprint import Linker, fingerprint  # noqa: E402
from newscrawl.fingerprint.signature import BANDS  # noqa: E402
from newscrawl.store import open_store  # noqa: E402

TOPS = ("lede", "junk", "edited", "mirror")
BATCH = 256
NOW = 1.9e9
_JUNK = ["Current:Home > World > Harbor News", "Will Sage Astor View", "Date:2026-07-04 20:00:55"]


def _sentences(paragraph: str) -> list[str]:
    return [s if s.endswith(".") else s + "." for s in paragraph.split(". ") if s]


def ticker(w: _Writer) -> str:
    """A mirror network's templated market line: the same words on every page, the numbers new."""
    rose, fell = w.rng.integers(1, 50, size=2) / 10
    return (f"Markets: the Harbor composite index rose {rose:.1f} percent and the Coastline industrial average "
            f"fell {fell:.1f} percent in early trading.")


def top_cut(w: _Writer, paras: list[str], title: str, top: str, templated: bool = False) -> str:
    """The bottom 40-60% of the story's sentences under a new top (`templated`: the junk's prose
    line is the network's ticker, not another story's teaser)."""
    split = [_sentences(p) for p in paras]
    total = sum(len(s) for s in split)
    keep = int(round(total * float(w.rng.uniform(0.4, 0.6))))
    flat = [(i, s) for i, sents in enumerate(split) for s in sents]
    cut = total - keep
    if w.rng.random() < 0.5:  # at the paragraph break nearest the cut
        starts = [k for k, (i, _) in enumerate(flat) if k == 0 or flat[k - 1][0] != i]
        cut = min(starts[1:] or starts, key=lambda k: abs(k - cut))
    kept: dict[int, list[str]] = {}
    for i, sentence in flat[cut:]:
        kept.setdefault(i, []).append(sentence)
    body = [" ".join(s) for s in kept.values()]
    if top in ("junk", "mirror"):
        body[0] = f"{title} {body[0]}"
        # A prose line in front: another story's teaser (its own on every page), or with
        # `templated` the network's ticker, the same on every page but for its numbers.
        line = ticker(w) if templated else _sentences(w.story()[0])[0]
        return "\n".join([*_JUNK, line, *body, *(SIDEBAR if top == "mirror" else [])])
    if top == "edited":
        body = [p.replace(" ", " the ", 1) if w.rng.random() < 0.3 else p for p in body]
    lede = " ".join(_sentences(w.story()[0])[:3])
    return "\n\n".join([lede, *body])


def generate(stories: int, seed: int, templated: bool = False) -> list[dict]:
    """Per story its original, then one top-cut copy; `story` and `top` say what each is."""
    w = _Writer(seed)
    out = []
    for n in range(stories):
        paras = w.story()
        top = TOPS[n % len(TOPS)]
        out.append({"url": f"https://wire.example/{n}", "title": f"Story {n}", "text": "\n\n".join(paras),
                    "story": n, "top": None})
        copy = top_cut(w, paras, f"Story {n}", top, templated)
        out.append({"url": f"https://partner{n % 50}.example/{n}-copy", "text": copy, "story": n, "top": top})
    return out


def link(records: list[dict], url: str) -> list:
    with open_store(url) as store:
        linker = Linker(store, now=NOW)
        for at in range(0, len(records), BATCH):
            linker.link_many(records[at:at + BATCH], answers=False)
        return linker.clusters()


def misses(records: list[dict], url: str = "memory://") -> tuple[Counter, Counter, int]:
    """(copies per top, copies found per top, clusters mixing stories)."""
    views = link(records, url)
    story = {r["url"]: r["story"] for r in records}
    cluster = {m.url: v.cluster_id for v in views for m in v.members}
    mixed = sum(len({story[m.url] for m in v.members}) > 1 for v in views)
    original = {r["story"]: r["url"] for r in records if r["top"] is None}
    total, found = Counter(), Counter()
    for r in records:
        if r["top"] is not None:
            total[r["top"]] += 1
            mine = cluster.get(r["url"])
            found[r["top"]] += mine is not None and mine == cluster.get(original[r["story"]])
    return total, found, mixed


def keys_per_doc(records: list[dict]) -> dict[str, float]:
    fps = [fingerprint(r["text"]) for r in records]
    return {"bands": BANDS, "anchors": float(np.mean([len(fp.anchors) for fp in fps])),
            "loose": float(np.mean([len(fp.loose_keys) for fp in fps]))}


def sqlite_size(records: list[dict]) -> str:
    """The records linked into a SQLite file: its bytes, and its index's rows and bytes, per doc."""
    with tempfile.TemporaryDirectory() as scratch:
        path = os.path.join(scratch, "topcut.sqlite")
        link(records, f"sqlite:///{path}")
        size = sum(os.path.getsize(p) for p in Path(scratch).iterdir())
        with closing(sqlite3.connect(path)) as db:
            rows = sum(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("keys", "keys_recent"))
            index = db.execute("SELECT sum(pgsize) FROM dbstat WHERE name IN ('keys', 'keys_recent')").fetchone()[0]
    n = len(records)
    return (f"SQLite store: {size / n:,.0f} B/doc; index {rows / n:.1f} rows/doc, {index / n:,.0f} B/doc "
            f"({n:,} docs)")


def report(name: str, records: list[dict], sqlite: bool) -> None:
    keys = keys_per_doc(records)
    print(f"{name}: keys per doc " + ", ".join(f"{k} {v:.2f}" for k, v in keys.items())
          + f", all {sum(keys.values()):.2f}")
    if sqlite:
        print("  " + sqlite_size(records))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--ticker", action="store_true",
                        help="junk and mirror tops carry one templated ticker line (numbers varying), not a teaser")
    parser.add_argument("--sqlite", action="store_true", help="also link into a SQLite file: bytes per doc")
    parser.add_argument("--synthetic", type=int, default=0, metavar="N",
                        help="index size also on N records of synthetic_corpus.py (seed 3, as bench/dedup.py)")
    args = parser.parse_args(argv)
    records = generate(args.stories, args.seed, args.ticker)
    total, found, mixed = misses(records)
    missed = sum(total.values()) - sum(found.values())
    print(f"{args.stories:,} stories, {sum(total.values()):,} top-cut copies: {missed:,} missed "
          f"({missed / sum(total.values()):.2%}), {mixed} clusters mixing stories")
    for top in TOPS:
        print(f"  {top:7} {total[top] - found[top]:5,} of {total[top]:,} missed")
    report("top-cut set", records, args.sqlite)
    if args.synthetic:
        report(f"synthetic_corpus.py, {args.synthetic:,} records", list(generate_synthetic(args.synthetic, seed=3)),
               args.sqlite)
    return 0


if __name__ == "__main__":
    sys.exit(main())
