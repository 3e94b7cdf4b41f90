"""Synthetic news corpus for linking benchmarks: wire stories and their copies, as JSONL.

Words come from a made-up Zipfian vocabulary, so the text means nothing but has the
statistics that matter (sentence and paragraph lengths, shared function words).
About 30% of records are copies of another record: whole, edited, trimmed to the
first paragraphs, or mirrored inside template lines with fake dates.

    python bench/synthetic_corpus.py --records 1000000 -o /tmp/corpus.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timedelta, timezone

import numpy as np

__all__ = ["generate"]

SYLLABLES = ["ka", "lo", "mi", "ren", "to", "sa", "vel", "ur", "dan", "ti", "mor", "el", "qua", "sin", "pe",
             "bro", "ha", "lin", "ost", "ne", "gar", "fi", "wen", "dul", "ar", "cho", "me", "rit", "zo", "ban"]
SIDEBAR = ["Related", *(f"- Trending headline number {n} you will not believe" for n in range(8)), "Ranking",
           "Sign up for our morning briefing and get the top stories in your inbox before breakfast."]
COPY_RATE = 0.3


def _vocabulary(rng: np.random.Generator, size: int = 40_000) -> np.ndarray:
    words = sorted({"".join(rng.choice(SYLLABLES, size=rng.integers(1, 4))) for _ in range(size * 3)})
    return np.array(words, dtype=object)[rng.permutation(len(words))[:size]]


class _Writer:
    def __init__(self, seed: int):
        self.rng = np.random.default_rng(seed)
        self.vocab = _vocabulary(self.rng)
        weights = 1 / np.arange(1, len(self.vocab) + 1)
        self.cdf = np.cumsum(weights) / weights.sum()
        self.start = datetime(2026, 1, 1, tzinfo=timezone.utc)

    def story(self) -> list[str]:
        """9-20 paragraphs of 1-3 sentences of 10-27 words: ~540 words, like the median real
        article (529 words) of the Zyte extraction benchmark's ground truth."""
        per_para = self.rng.integers(1, 4, size=self.rng.integers(9, 21))
        lengths = self.rng.integers(10, 28, size=per_para.sum())
        words = self.vocab[np.searchsorted(self.cdf, self.rng.random(lengths.sum()))].tolist()
        sentences, at = [], 0
        for length in lengths.tolist():
            text = " ".join(words[at:at + length])
            sentences.append(text[0].upper() + text[1:] + ".")
            at += length
        paras, at = [], 0
        for count in per_para.tolist():
            paras.append(" ".join(sentences[at:at + count]))
            at += count
        return paras

    def when(self, base: datetime, hours: float) -> str:
        return (base + timedelta(hours=hours)).isoformat(timespec="seconds")


def _copy(w: _Writer, n: int, paras: list[str], base: datetime, story: int) -> dict:
    kind = w.rng.choice(["partner", "edited", "trimmed", "mirror"], p=[0.3, 0.2, 0.25, 0.25])
    record = {"url": f"https://www.partner{w.rng.integers(200)}.example/news/{story}-{n}",
              "published": w.when(base, float(w.rng.uniform(0.2, 30))), "wire": "AP"}
    if kind == "edited":
        paras = [p.replace(" ", " the ", 1) if w.rng.random() < 0.3 else p for p in paras]
        paras = [p for i, p in enumerate(paras) if i != w.rng.integers(len(paras))]
    elif kind == "trimmed":
        paras = paras[:3]
    elif kind == "mirror":
        fake = w.when(base, float(w.rng.uniform(24 * 60, 24 * 200)))
        record = {"url": f"https://mirror{w.rng.integers(20)}.example/{story}-{n}.html", "published": fake}
        return {**record, "text": "\n".join(["Current:Home > News", "Will Sage Astor View", f"Date:{fake}",
                                             *paras, "veryGood! (91)", *SIDEBAR])}
    return {**record, "text": "\n\n".join(paras)}


def generate(records: int, seed: int = 1):
    """Yield `records` synthetic records (dicts), originals before their copies."""
    w = _Writer(seed)
    n = story = 0
    while n < records:
        story += 1
        paras = w.story()
        base = w.start + timedelta(minutes=int(w.rng.integers(0, 60 * 24 * 300)))
        agency = w.rng.random() < 0.5
        url = f"https://apnews.com/article/{story}" if agency else f"https://www.local{story % 500}.example/{story}"
        yield {"url": url, "title": f"Story {story}", "text": "\n\n".join(paras), "wire": "AP" if agency else None,
               "published": w.when(base, 0), "fetched_at": "2026-12-31T00:00:00+00:00"}
        n += 1
        # Copies per story: geometric, so the copy share of all records is COPY_RATE.
        copies = w.rng.geometric(1 - COPY_RATE) - 1 if w.rng.random() < 0.5 else 0
        copies = copies * 2 if copies else 0
        for _ in range(min(copies, records - n)):
            yield {**_copy(w, n, paras, base, story), "fetched_at": "2026-12-31T00:00:00+00:00"}
            n += 1


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", default="-")
    args = parser.parse_args(argv)
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    copies = 0
    for record in generate(args.records, args.seed):
        copies += "title" not in record
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if out is not sys.stdout:
        out.close()
    print(f"{args.records} records, {copies} copies ({copies / args.records:.0%})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
