"""Linking quality: pair precision/recall/F1, false merges, recall per kind of copy, originals.

    python bench/linking.py --wire-copies .bench-data/wire-copies/wire-copies.jsonl
    python bench/linking.py                      # the fictional corpora only (tests/data)

Sets (each linked from scratch in a memory store, one batch, as `newscrawl dedup` does):

* **wire-copies** (a path; see /work/shared/bench/wire-copies/README.md): real page texts
  of wire stories. Gold pairs are all pairs of original/syndication/mirror records of one
  story; every rewrite and distractor stands alone. Records carry only url and text
  (a new user's `dedup` run): no dates, credits or datelines from metadata.
* **wire-copies verbatim**: the same records cut down to sets of verbatim and trimmed
  copies: per story, the largest group that verbatim pairs connect, plus every rewrite
  and distractor.
* **fictional** and **fictional cjk**: the labelled corpora in tests/data/linking
  (English; Japanese, Chinese, Korean), with the original chosen per cluster.

Kind of a gold pair (how much verbatim text it shares; measured here, independently of
the linker): the share of the smaller text's 5-word shingles (CJK: 5-character) that the
other text holds. `verbatim` >= 0.6 (mirrors, trimmed partners); `edited` 0.25-0.6;
below that `spun` when a mirror takes part (content farms rewrite word by word), else
`version` (short and long versions of a wire story, a partner's own top).

* **synthetic** (`--synthetic N`): bench/synthetic_corpus.py's records (whole, edited,
  trimmed and mirrored copies of made-up texts): every copy must name its story's
  original, and no cluster may mix stories.

A false merge is a predicted pair that involves a rewrite or distractor (wire-copies) or
joins records of two stories or a record of none (fictional).
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newscrawl.fingerprint import Linker
from newscrawl.store import open_store

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "tests" / "data" / "linking"
COPY_KINDS = {"original", "syndication", "mirror"}
KINDS = ("verbatim", "edited", "version", "spun")
NOW = 1.9e9  # after every date in the fixtures
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


@dataclass
class Scores:
    name: str
    records: int
    gold: int
    predicted: int
    true: int
    false_merges: int
    by_kind: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind: (found, gold)
    originals: list[tuple[str, str, str]] = field(default_factory=list)  # story, chosen, expected

    @property
    def precision(self) -> float:
        return self.true / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def shingle_set(text: str, k: int = 5) -> set[tuple[str, ...]]:
    """k-grams of words (of characters for CJK text): the kind measure's own, simple shingles."""
    text = unicodedata.normalize("NFKC", text).casefold()
    units = [c for c in text if _CJK.match(c)] if len(_CJK.findall(text)) > len(text) / 4 else _WORD.findall(text)
    return {tuple(units[i:i + k]) for i in range(max(1, len(units) - k + 1))}


def pair_kind(a: dict, b: dict, sets: dict[str, set]) -> str:
    sa, sb = sets[a["url"]], sets[b["url"]]
    share = len(sa & sb) / max(1, min(len(sa), len(sb)))
    if share >= 0.6:
        return "verbatim"
    if share >= 0.25:
        return "edited"
    return "spun" if "mirror" in (a.get("kind"), b.get("kind")) else "version"


def link(records: Iterable[dict]) -> list:
    with open_store("memory://") as store:
        linker = Linker(store, now=NOW)
        linker.link_many(list(records), answers=False)
        return linker.clusters()


def score(name: str, records: list[dict], story_of: dict[str, str | None], kind_of=None,
          expected_original: dict[str, str] | None = None) -> Scores:
    """Pairs found against gold pairs (same non-null story)."""
    views = link(records)
    predicted = {frozenset(p) for v in views for p in itertools.combinations([m.url for m in v.members], 2)}
    by_story: dict[str, list[dict]] = {}
    for record in records:
        if story_of[record["url"]] is not None:
            by_story.setdefault(story_of[record["url"]], []).append(record)
    sets = {r["url"]: shingle_set(r["text"]) for r in records}
    gold: dict[frozenset, str] = {}
    for members in by_story.values():
        for a, b in itertools.combinations(members, 2):
            gold[frozenset((a["url"], b["url"]))] = (kind_of or pair_kind)(a, b, sets)
    false = sum(1 for p in predicted if p not in gold)
    by_kind: dict[str, tuple[int, int]] = {}
    for kind in KINDS:
        pairs = [p for p, k in gold.items() if k == kind]
        by_kind[kind] = (sum(p in predicted for p in pairs), len(pairs))
    out = Scores(name, len(records), len(gold), len(predicted), len(predicted & gold.keys()), false, by_kind)
    if expected_original:
        chosen = {story_of[v.original]: v.original for v in views}
        out.originals = [(s, chosen.get(s, "-"), url) for s, url in sorted(expected_original.items())]
    return out


def wire_copies(path: Path) -> list[dict]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            out.append({"id": r["id"], "url": r.get("url") or f"urn:wire-copies:{r['id']}", "text": r["text"],
                        "story": r["story"], "kind": r["kind"]})
    return out


def wire_story(records: list[dict]) -> dict[str, str | None]:
    return {r["url"]: r["story"] if r["kind"] in COPY_KINDS else None for r in records}


def verbatim_subset(records: list[dict]) -> tuple[list[dict], dict[str, str | None]]:
    """Per story, the groups verbatim pairs connect (as stories of their own), and all lone records."""
    sets = {r["url"]: shingle_set(r["text"]) for r in records}
    story = wire_story(records)
    parent = {r["url"]: r["url"] for r in records}

    def find(u):
        while parent[u] != u:
            u = parent[u]
        return u

    for a, b in itertools.combinations(records, 2):
        if story[a["url"]] and story[a["url"]] == story[b["url"]] and pair_kind(a, b, sets) == "verbatim":
            parent[find(a["url"])] = find(b["url"])
    groups = Counter(find(r["url"]) for r in records)
    largest: dict[str, str] = {}  # story: its largest verbatim group (others would be versions of it)
    for r in sorted(records, key=lambda r: (-groups[find(r["url"])], find(r["url"]))):
        if story[r["url"]]:
            largest.setdefault(story[r["url"]], find(r["url"]))
    keep = [r for r in records if story[r["url"]] is None
            or (groups[find(r["url"])] > 1 and largest[story[r["url"]]] == find(r["url"]))]
    return keep, {r["url"]: (find(r["url"]) if story[r["url"]] else None) for r in keep}


def fictional(path: Path) -> tuple[list[dict], dict, dict[str, str]]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    labels = json.loads((path.parent / path.name.replace("corpus", "labels").replace(".jsonl", ".json"))
                        .read_text(encoding="utf-8"))
    story = {url: label["story"] for url, label in labels.items()}
    originals = {label["story"]: url for url, label in labels.items() if label["relation"] == "original"}
    return records, story, originals


def fictional_kind(labels: dict):
    def kind(a: dict, b: dict, sets) -> str:
        relations = {labels[a["url"]]["relation"], labels[b["url"]]["relation"]}
        return "version" if "version" in relations else pair_kind(a, b, sets)
    return kind


def print_table(results: list[Scores]) -> None:
    head = f"{'set':24} {'recs':>4} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'false':>5}  " + \
        "  ".join(f"{k:>13}" for k in KINDS)
    print(head)
    for s in results:
        kinds = "  ".join(f"{(f'{f}/{g} {f / g:.2f}' if g else '-'):>13}" for f, g in (s.by_kind[k] for k in KINDS))
        print(f"{s.name:24} {s.records:4} {s.gold:5} {s.predicted:5} {s.precision:6.3f} {s.recall:6.3f} "
              f"{s.f1:6.3f} {s.false_merges:5}  {kinds}")
    for s in results:
        if s.originals:
            wrong = [(st, c, e) for st, c, e in s.originals if c != e]
            print(f"\n{s.name}: original right in {len(s.originals) - len(wrong)}/{len(s.originals)} clusters")
            for st, c, e in s.originals:
                print(f"  {'ok ' if c == e else 'BAD'} {st:14} {c}" + ("" if c == e else f"  (expected {e})"))


def synthetic(records: int) -> str:
    """Copies linked to their story's original, wrong originals, clusters mixing stories."""
    sys.path.insert(0, str(HERE))
    from synthetic_corpus import generate

    def story(url: str) -> str:
        return url.rstrip("/").rsplit("/", 1)[-1].removesuffix(".html").split("-")[0]

    data = list(generate(records, seed=7))
    originals = {story(r["url"]): r["url"] for r in data if "title" in r}
    views = link(data)
    found = {m.url: v.original for v in views for m in v.members}
    copies = [r["url"] for r in data if "title" not in r]
    right = sum(found.get(url) == originals[story(url)] for url in copies)
    mixed = sum(len({story(m.url) for m in v.members}) > 1 for v in views)
    wrong = sum(v.original != originals[story(v.original)] for v in views)
    return (f"synthetic: {len(data):,} records, {len(copies):,} copies, {right:,} linked to their original, "
            f"{len(views):,} clusters, {wrong} with a wrong original, {mixed} mixing stories")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wire-copies", type=Path, metavar="JSONL", help="the rebuilt wire-copies records")
    parser.add_argument("--json", type=Path, help="also write the scores here")
    parser.add_argument("--misses", action="store_true", help="list wire-copies gold pairs not found, and false merges")
    parser.add_argument("--synthetic", type=int, default=0, metavar="N", help="also link N synthetic records")
    args = parser.parse_args(argv)
    results = []
    if args.wire_copies:
        records = wire_copies(args.wire_copies)
        results.append(score("wire-copies", records, wire_story(records)))
        subset, story = verbatim_subset(records)
        results.append(score("wire-copies verbatim", subset, story))
        if args.misses:
            show_misses(records)
    for corpus in sorted(FIXTURES.glob("corpus*.jsonl")):
        records, story, originals = fictional(corpus)
        labels = json.loads((corpus.parent / corpus.name.replace("corpus", "labels").replace(".jsonl", ".json"))
                            .read_text(encoding="utf-8"))
        name = "fictional" + corpus.stem.removeprefix("corpus").replace("-", " ")
        results.append(score(name, records, story, fictional_kind(labels), originals))
    print_table(results)
    if args.synthetic:
        print("\n" + synthetic(args.synthetic))
    if args.json:
        args.json.write_text(json.dumps([{**s.__dict__, "precision": s.precision, "recall": s.recall, "f1": s.f1}
                                         for s in results], indent=1) + "\n")
    return 0


def show_misses(records: list[dict]) -> None:
    views = link(records)
    cluster = {m.url: v.cluster_id for v in views for m in v.members}
    story = wire_story(records)
    by_url = {r["url"]: r for r in records}
    sets = {r["url"]: shingle_set(r["text"]) for r in records}
    print("missed gold pairs (kind, ids):")
    for a, b in itertools.combinations(records, 2):
        if story[a["url"]] and story[a["url"]] == story[b["url"]]:
            if cluster.get(a["url"]) is None or cluster.get(a["url"]) != cluster.get(b["url"]):
                print(f"  {pair_kind(a, b, sets):9} {a['id']} {b['id']}")
    print("false merges:")
    for v in views:
        urls = [m.url for m in v.members]
        if len({story[u] for u in urls}) > 1 or None in {story[u] for u in urls}:
            print("  " + ", ".join(f"{by_url[u]['kind']}:{by_url[u]['story']}" for u in urls))
    print()


if __name__ == "__main__":
    sys.exit(main())
