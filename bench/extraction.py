"""Main-text quality and speed of newscrawl's extractor against bare trafilatura.

Usage:
    .venv/bin/python bench/extraction.py --data /work/shared/bench/article-extraction-benchmark \
        --data /work/shared/bench/trafilatura-eval --data /work/shared/bench/wcxb-dev \
        [--limit N] [--repeat K] [--json FILE] [--diff N]
    .venv/bin/python bench/extraction.py --data .../article-extraction-benchmark \
        --score-file .../article-extraction-benchmark/output/trafilatura.json   # check the metric

Systems: `newscrawl` = newscrawl.extraction.extract_article(html, url)["text"] (BadInput counts as
empty output); `trafilatura` = trafilatura.extract(html, url=url) with its defaults.

Data sets, detected from the directory's contents (see each directory's SOURCE.md):
* zyte (scrapinghub/article-extraction-benchmark: ground-truth.json, html/<id>.html.gz). Both systems
  get the same string (gzip bytes decoded as UTF-8, errors="replace"). Per page: tokens are `\\w+`
  matches (case kept), shingles are multisets of 4 consecutive tokens (a text of 1-3 tokens is one
  shingle); TP/FP/FN = shared / extra / missing shingles, normalised to sum to 1; page precision =
  TP/(TP+FP), recall = TP/(TP+FN). Empty prediction: precision 1, recall 0 (empty truth: recall 1; no
  shingles on either side: both 1). Precision and recall are averaged over pages (macro), F1 = harmonic
  mean of the two averages; accuracy = share of pages whose token sequence equals the truth's;
  +/- = std of F1 over 1000 seeded bootstrap resamples of the pages. Scoring the shipped
  output/*.json (--score-file) gives the published figures to the third decimal.
* trafeval (adbar/trafilatura tests: tests/evaldata.json, tests/eval|cache/*.html). newscrawl gets the
  file's bytes (its own decoding is part of it); trafilatura gets them decoded by trafilatura's own
  decode_file (what trafilatura.extract does with bytes), outside the timed region. Each "with"
  segment found in the whitespace-normalised output is a TP, else FN; each "without" found is a FP,
  else TN; counts pooled over pages.

  On the pages hand-labelled in bench/labels/ (publisher, wire, language), newscrawl's metadata
  is scored too (bench/zyte_labels.py).
* wcxb (WCXB dev split: metadata.json, dev/html, dev/ground-truth): text F1, title, authors,
  date and article detection; see bench/wcxb.py for the metrics.

Timing: both systems warm up on the first 5 pages, then run every page in the same process, the
order of the two alternating from page to page; pages/s = pages * repeat / summed call time.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import trafilatura
from trafilatura.utils import decode_file

from newscrawl.extraction import BadInput, extract_article

sys.path.insert(0, str(Path(__file__).parent))
import wcxb  # noqa: E402  (bench/ is scripts, not a package)
import zyte_labels  # noqa: E402

SYSTEMS = ("newscrawl", "trafilatura")
SHINGLE = 4
BOOTSTRAP = 1000
WARMUP = 5
_TOKEN = re.compile(r"\w+")


@dataclass
class Page:
    id: str
    url: str
    ours: bytes | str  # what newscrawl is given
    theirs: str  # what trafilatura is given
    truth: object  # zyte: the article body; trafeval: (with, without)


# --- data sets ---------------------------------------------------------------------------------

def detect(directory: Path) -> str:
    if (directory / "ground-truth.json").is_file() and (directory / "html").is_dir():
        return "zyte"
    if (directory / "tests" / "evaldata.json").is_file():
        return "trafeval"
    sys.exit(f"{directory}: neither ground-truth.json + html/ nor tests/evaldata.json")


def load_zyte(directory: Path, limit: int | None) -> list[Page]:
    truth = json.loads((directory / "ground-truth.json").read_text("utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        raw = gzip.decompress((directory / "html" / f"{page_id}.html.gz").read_bytes())
        html = raw.decode("utf-8", errors="replace")
        pages.append(Page(page_id, truth[page_id]["url"], html, html, truth[page_id]["articleBody"]))
    return pages


def load_trafeval(directory: Path, limit: int | None) -> list[Page]:
    tests = directory / "tests"
    entries = json.loads((tests / "evaldata.json").read_text("utf-8"))
    pages = []
    for url in list(entries)[:limit]:
        entry = entries[url]
        path = next((tests / sub / entry["file"] for sub in ("eval", "cache")
                     if (tests / sub / entry["file"]).is_file()), None)
        if path is None:
            sys.exit(f"{entry['file']}: in neither tests/eval nor tests/cache")
        raw = path.read_bytes()
        pages.append(Page(entry["file"], url, raw, decode_file(raw), (entry["with"], entry["without"])))
    return pages


LOADERS = {"zyte": load_zyte, "trafeval": load_trafeval}


# --- systems and timing ------------------------------------------------------------------------

def run_newscrawl(page: Page) -> str:
    try:
        return extract_article(page.ours, page.url)["text"] or ""
    except BadInput:
        return ""


def run_trafilatura(page: Page) -> str:
    return trafilatura.extract(page.theirs, url=page.url) or ""


RUNNERS = {"newscrawl": run_newscrawl, "trafilatura": run_trafilatura}


def progress(label: str, done: int, total: int) -> None:
    if sys.stderr.isatty():
        end = "\n" if done == total else ""
        print(f"\r{label}: {done}/{total} pages", end=end, file=sys.stderr, flush=True)


def run_systems(pages: list[Page], repeat: int, label: str) -> tuple[dict, dict]:
    """Outputs (first round) and summed seconds of each system; the order alternates per page."""
    for page in pages[:WARMUP]:
        for system in SYSTEMS:
            RUNNERS[system](page)
    outputs = {s: [""] * len(pages) for s in SYSTEMS}
    seconds = dict.fromkeys(SYSTEMS, 0.0)
    total = len(pages) * repeat
    for round_ in range(repeat):
        for i, page in enumerate(pages):
            order = SYSTEMS if (i + round_) % 2 == 0 else SYSTEMS[::-1]
            for system in order:
                start = time.perf_counter()
                text = RUNNERS[system](page)
                seconds[system] += time.perf_counter() - start
                if round_ == 0:
                    outputs[system][i] = text
            progress(label, round_ * len(pages) + i + 1, total)
    return outputs, seconds


# --- Zyte metric -------------------------------------------------------------------------------

def tokens(text: str | None) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(words: list[str]) -> Counter:
    if 0 < len(words) < SHINGLE:
        return Counter([tuple(words)])
    return Counter(tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def zyte_page(truth: str, prediction: str) -> tuple[float, float, bool]:
    """(precision, recall) on normalised shingle counts, and whether the token sequences are equal."""
    true_words, pred_words = tokens(truth), tokens(prediction)
    expected, got = shingles(true_words), shingles(pred_words)
    tp = sum((expected & got).values())
    fp = sum((got - expected).values())
    fn = sum((expected - got).values())
    total = tp + fp + fn or 1
    tp, fp, fn = tp / total, fp / total, fn / total
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, true_words == pred_words


def harmonic(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b else 0.0


def zyte_summary(scores: list[tuple]) -> dict:
    n = len(scores) or 1
    precision = sum(s[0] for s in scores) / n
    recall = sum(s[1] for s in scores) / n
    accuracy = sum(s[2] for s in scores) / n
    return {"f1": harmonic(precision, recall), "precision": precision, "recall": recall, "accuracy": accuracy}


def bootstrap_std(scores: list[tuple], key: str = "f1", seed: int = 0) -> float:
    rng = random.Random(seed)
    values = [zyte_summary(rng.choices(scores, k=len(scores)))[key] for _ in range(BOOTSTRAP)]
    mean = sum(values) / len(values)
    return (sum((v - mean) ** 2 for v in values) / (len(values) - 1)) ** 0.5


def zyte_figures(pages: list[Page], predictions: list[str]) -> tuple[dict, list[tuple]]:
    scores = [zyte_page(p.truth, pred) for p, pred in zip(pages, predictions)]
    figures = zyte_summary(scores)
    figures["f1_std"] = bootstrap_std(scores)
    return figures, scores


# --- trafilatura-eval metric -------------------------------------------------------------------

def squash(text: str) -> str:
    return " ".join(text.split())


def trafeval_page(truth: tuple[list, list], prediction: str) -> Counter:
    text = squash(prediction)
    counts = Counter()
    for segment in truth[0]:
        counts["tp" if squash(segment) in text else "fn"] += 1
    for segment in truth[1]:
        counts["fp" if squash(segment) in text else "tn"] += 1
    return counts


def trafeval_figures(pages: list[Page], predictions: list[str]) -> tuple[dict, list[Counter]]:
    scores = [trafeval_page(p.truth, pred) for p, pred in zip(pages, predictions)]
    c = sum(scores, Counter())
    precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = (c["tp"] + c["tn"]) / c.total() if c.total() else 0.0
    return {"f1": f1, "precision": precision, "recall": recall, "accuracy": accuracy, **c}, scores


FIGURES = {"zyte": zyte_figures, "trafeval": trafeval_figures}


# --- report ------------------------------------------------------------------------------------

def print_table(name: str, results: dict) -> None:
    print(f"\n== {name}")
    print(f"{'system':<12} {'pages':>5} {'F1':>15} {'precision':>9} {'recall':>7} {'accuracy':>8} {'pages/s':>8}"
          f" {'empty':>5}")
    for system, r in results.items():
        f1 = f"{r['f1']:.3f}" + (f" ± {r['f1_std']:.3f}" if "f1_std" in r else "")
        print(f"{system:<12} {r['pages']:>5} {f1:>15} {r['precision']:>9.3f} {r['recall']:>7.3f} "
              f"{r['accuracy']:>8.3f} {r['pages_per_s']:>8.1f} {r['empty']:>5}")
    ours, theirs = results["newscrawl"], results["trafilatura"]
    print(f"F1 ratio newscrawl/trafilatura = {ours['f1'] / theirs['f1']:.3f}" if theirs["f1"] else "")
    print(f"speed ratio newscrawl/trafilatura = {ours['pages_per_s'] / theirs['pages_per_s']:.2f}×")


def print_differences(pages: list[Page], ours: list[tuple], theirs: list[tuple], n: int) -> None:
    """The n Zyte pages where newscrawl's page F1 falls furthest below trafilatura's, and above."""
    rows = [(harmonic(*o[:2]) - harmonic(*t[:2]), page, o, t) for page, o, t in zip(pages, ours, theirs)]
    rows.sort(key=lambda row: row[0])
    losses = [row for row in rows[:n] if row[0] < 0]
    gains = [row for row in rows[::-1][:n] if row[0] > 0]
    for title, chosen in (("losses", losses), ("gains", gains)):
        print(f"\n{title} (page F1 newscrawl - trafilatura; P and R ours/theirs):")
        for change, page, (p, r, _), (tp, tr, _) in chosen:
            print(f"{change:+.3f}  {page.id[:12]}  P {p:.2f}/{tp:.2f}  R {r:.2f}/{tr:.2f}  {page.url}")


def print_trafeval_differences(pages: list[Page], ours: list[Counter], theirs: list[Counter], n: int) -> None:
    """The n trafilatura-eval pages where newscrawl finds fewer "with" segments than trafilatura, and more."""
    rows = [(o["tp"] - t["tp"], o["fp"] - t["fp"], page) for page, o, t in zip(pages, ours, theirs)]
    rows.sort(key=lambda row: (row[0], -row[1]))
    losses = [row for row in rows[:n] if row[0] < 0]
    gains = [row for row in rows[::-1][:n] if row[0] > 0]
    for title, chosen in (("recall losses", losses), ("recall gains", gains)):
        print(f"\n{title} (found segments newscrawl - trafilatura; boilerplate kept, same):")
        for found, kept, page in chosen:
            print(f"{found:+d} {kept:+d}  {page.id[:40]}  {page.url}")


def stored_predictions(path: Path) -> dict[str, str]:
    data = json.loads(path.read_text("utf-8"))
    if set(data) == {"version", "output"}:
        data = data["output"]
    return {k: (v.get("articleBody") if isinstance(v, dict) else v) or "" for k, v in data.items()}


def score_file(directory: Path, path: Path, limit: int | None) -> None:
    truth = json.loads((directory / "ground-truth.json").read_text("utf-8"))
    pages = [Page(i, truth[i]["url"], "", "", truth[i]["articleBody"]) for i in sorted(truth)[:limit]]
    predicted = stored_predictions(path)
    figures, _ = zyte_figures(pages, [predicted.get(p.id, "") for p in pages])
    print(f"\n== {path.name} over {len(pages)} Zyte pages: F1 {figures['f1']:.3f} ± {figures['f1_std']:.3f}"
          f"  precision {figures['precision']:.3f}  recall {figures['recall']:.3f}"
          f"  accuracy {figures['accuracy']:.3f}")


def bench(directory: Path, args) -> dict:
    if wcxb.is_wcxb(directory):
        report = wcxb.bench(directory, args.limit, progress)
        return {k: v for k, v in report.items() if not k.startswith("_")}
    kind = detect(directory)
    pages = LOADERS[kind](directory, args.limit)
    outputs, seconds = run_systems(pages, args.repeat, kind)
    results, scores = {}, {}
    for system in SYSTEMS:
        figures, scores[system] = FIGURES[kind](pages, outputs[system])
        figures["pages"] = len(pages)
        figures["empty"] = sum(not text.strip() for text in outputs[system])
        figures["pages_per_s"] = len(pages) * args.repeat / seconds[system] if seconds[system] else 0.0
        results[system] = figures
    print_table(f"{kind}: {directory}", results)
    if kind == "zyte" and args.diff:
        print_differences(pages, scores["newscrawl"], scores["trafilatura"], args.diff)
    if kind == "trafeval" and args.diff:
        print_trafeval_differences(pages, scores["newscrawl"], scores["trafilatura"], args.diff)
    if kind == "zyte" and zyte_labels.LABELS.is_file():
        results["newscrawl"]["labels"] = zyte_labels.score(pages)
        zyte_labels.print_scores(results["newscrawl"]["labels"])
    return {"set": kind, "data": str(directory), "results": results}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, action="append", required=True, help="data set directory")
    parser.add_argument("--limit", type=int, help="only the first N pages of each set")
    parser.add_argument("--repeat", type=int, default=1, help="timing rounds (default 1)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--diff", type=int, default=0,
                        help="list the N pages lost / gained most (Zyte: page F1; trafilatura-eval: recall)")
    parser.add_argument("--score-file", type=Path, help="only score stored Zyte predictions (output/*.json)")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)  # extractors' per-page warnings would drown the tables
    if args.score_file:
        score_file(args.data[0], args.score_file, args.limit)
        return
    report = [bench(directory, args) for directory in args.data]
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
