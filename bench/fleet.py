"""Fleet linking capacity: several processes link into one store at once, each item alone vs in batches.

Records are fingerprinted before the clock starts (a crawl does that outside the store's
lock); each process then links its share, with answers, as FingerprintPipeline does with
NEWSCRAWL_LINK_BATCH_SIZE 1 and B. Every measurement gets a key prefix of its own.

    python bench/fleet.py --store redis://127.0.0.1:6379/0 [--procs 4] [--per-proc 1000] [--batch 64]
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_corpus import generate  # noqa: E402

from newscrawl.fingerprint import Linker  # noqa: E402
from newscrawl.fingerprint.prepare import prepare  # noqa: E402
from newscrawl.store import open_store  # noqa: E402


def _link(url: str, items: list, batch: int, out) -> None:
    with open_store(url) as store:
        linker = Linker(store)
        start = time.perf_counter()
        for at in range(0, len(items), batch):
            linker.link_prepared(items[at:at + batch], answers=True)
        out.put(time.perf_counter() - start)


def with_prefix(url: str, prefix: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(query=urlencode({**dict(parse_qsl(parts.query)), "prefix": prefix})))


def fleet(url: str, parts: list[list], batch: int) -> float:
    """Items linked per second by all processes together (the slowest one's time)."""
    out = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=_link, args=(url, part, batch, out)) for part in parts]
    for proc in procs:
        proc.start()
    took = max(out.get() for _ in procs)
    for proc in procs:
        proc.join()
    return sum(len(part) for part in parts) / took


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, metavar="URL", help="e.g. redis://127.0.0.1:6379/0")
    parser.add_argument("--procs", type=int, default=4)
    parser.add_argument("--per-proc", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args(argv)
    records = list(generate(args.procs * args.per_proc, seed=11))
    parts = [prepare(records[i::args.procs]) for i in range(args.procs)]
    stamp = f"fleet{int(time.time())}"
    single = fleet(with_prefix(args.store, f"{stamp}b1"), parts, 1)
    print(f"{args.procs} processes, {len(records):,} records, one store")
    print(f"  each item alone         {single:8,.0f} items/s")
    batched = fleet(with_prefix(args.store, f"{stamp}b{args.batch}"), parts, args.batch)
    print(f"  batches of {args.batch:<4}         {batched:8,.0f} items/s   {batched / single:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
