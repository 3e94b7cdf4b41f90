"""Report benchmark: `newscrawl report` on a linked store against the clusters file it builds on, same process.

The baseline is `cluster_views` (what `newscrawl clusters` computes: every cluster's
original and relations); the report reads those, each member's row and seen entry, the
boilerplate memory, computes its figures and renders the page. Prints CPU and wall time
of each phase, the ratio report / clusters, peak RSS and the page's size.

    python bench/synthetic_corpus.py --records 100000 -o /tmp/c.jsonl
    newscrawl dedup /tmp/c.jsonl -o /tmp/linked.jsonl --store sqlite:////tmp/s.sqlite
    python bench/report.py --store sqlite:////tmp/s.sqlite [--corpus /tmp/linked.jsonl]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from newscrawl.fingerprint import cluster_views
from newscrawl.report.data import from_jsonl, from_store
from newscrawl.report.figures import compute
from newscrawl.report.page import render
from newscrawl.store import open_store


class Clock:
    """CPU and wall seconds since the last `lap`."""

    def __init__(self):
        self.cpu, self.wall = time.process_time(), time.perf_counter()

    def lap(self) -> tuple[float, float]:
        cpu, wall = time.process_time(), time.perf_counter()
        out = (cpu - self.cpu, wall - self.wall)
        self.cpu, self.wall = cpu, wall
        return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, help="a linked store, e.g. sqlite:////tmp/s.sqlite")
    parser.add_argument("--corpus", help="also time the report from this linked JSONL corpus")
    args = parser.parse_args(argv)
    clock, now = Clock(), time.time()
    with open_store(args.store, create=False) as store:
        documents = store.count_docs()
        clock.lap()
        views = cluster_views(store, now)
        base = clock.lap()
        corpus = from_store(store, now)
        read = clock.lap()
    figures = compute(corpus)
    figured = clock.lap()
    page = render(figures)
    rendered = clock.lap()
    total = tuple(sum(x) for x in zip(read, figured, rendered))
    print(f"store: {documents:,} documents, {len(views):,} clusters, {figures.copies:,} copies on "
          f"{len(figures.sites):,} sites")
    print(f"{'phase':<22} {'cpu s':>7} {'wall s':>7}")
    for name, (cpu, wall) in (("clusters (baseline)", base), ("report: read", read), ("report: figures", figured),
                              ("report: page", rendered), ("report: total", total)):
        print(f"{name:<22} {cpu:>7.1f} {wall:>7.1f}")
    print(f"report / clusters: {total[0] / base[0]:.2f}x cpu, {total[1] / base[1]:.2f}x wall; page "
          f"{len(page.encode()) / 1e6:.2f} MB; peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB")
    if args.corpus:
        clock.lap()
        page = render(compute(from_jsonl([Path(args.corpus)], now)))
        cpu, wall = clock.lap()
        print(f"report from {args.corpus}: {cpu:.1f} s cpu, {wall:.1f} s wall, page {len(page.encode()) / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
