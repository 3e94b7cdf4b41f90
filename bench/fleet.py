"""Fleet linking capacity: several processes link into one store at once, each item alone vs in batches.

Records are fingerprinted before the clock starts (a crawl does that outside the store's
lock, in each worker); each process then links its share, with answers, as
FingerprintPipeline does with NEWSCRAWL_LINK_BATCH_SIZE 1 and B. A last row fingerprints
inside the clock too, as a crawl's workers do. On Redis, the server's own CPU time per
item (INFO cpu) says what one Redis core could link if the linkers ran elsewhere.
Every measurement gets a key prefix of its own.

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


def _timed_steps(store) -> list[float]:
    """Time each batch's atomic step in the store (add_batch: under the store's lock where it
    takes one, one script on Redis); [seconds so far]."""
    held, add_batch = [0.0], store.add_batch

    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return add_batch(*args, **kwargs)
        finally:
            held[0] += time.perf_counter() - start

    store.add_batch = timed
    return held


def _link(url: str, items: list, batch: int, out, fingerprint: bool) -> None:
    with open_store(url) as store:
        held = _timed_steps(store)
        linker = Linker(store)
        start = time.perf_counter()
        for at in range(0, len(items), batch):
            chunk = prepare(items[at:at + batch]) if fingerprint else items[at:at + batch]
            linker.link_prepared(chunk, answers=True)
        out.put((time.perf_counter() - start, held[0]))


def server_cpu(url: str) -> float | None:
    """CPU seconds the Redis server has used so far (None for other stores)."""
    if not url.startswith("redis"):
        return None
    import redis

    client = redis.Redis.from_url(url.split("?")[0])
    info = client.info("cpu")
    client.close()
    return info["used_cpu_user"] + info["used_cpu_sys"]


def with_prefix(url: str, prefix: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(query=urlencode({**dict(parse_qsl(parts.query)), "prefix": prefix})))


def fleet(url: str, parts: list[list], batch: int, fingerprint: bool = False) -> tuple[float, float, float | None]:
    """Items linked per second by all processes together (the slowest one's time), ms per
    item in the store's atomic step, and the store server's CPU ms per item (None if not Redis)."""
    out = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=_link, args=(url, part, batch, out, fingerprint)) for part in parts]
    before = server_cpu(url)
    for proc in procs:
        proc.start()
    times = [out.get() for _ in procs]
    for proc in procs:
        proc.join()
    items = sum(len(part) for part in parts)
    after = server_cpu(url)
    held = sum(h for _, h in times) * 1000 / items
    return items / max(t for t, _ in times), held, None if before is None else (after - before) * 1000 / items


def _row(label: str, rate: float, held: float, cpu: float | None, base: float | None = None) -> str:
    ratio = f"{rate / base:5.1f}x" if base else "      "
    server = f"   server CPU {cpu:.3f} ms/item ({1000 / cpu:,.0f}/s)" if cpu else ""
    return f"  {label:<30} {rate:8,.0f} items/s {ratio}   in the atomic step {held:.3f} ms/item{server}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, metavar="URL", help="e.g. redis://127.0.0.1:6379/0")
    parser.add_argument("--procs", type=int, default=4)
    parser.add_argument("--per-proc", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args(argv)
    records = list(generate(args.procs * args.per_proc, seed=11))
    shares = [records[i::args.procs] for i in range(args.procs)]
    parts = [prepare(share) for share in shares]
    stamp = f"fleet{int(time.time())}"
    print(f"{args.procs} processes, {len(records):,} records, one store")
    single, held, cpu = fleet(with_prefix(args.store, f"{stamp}b1"), parts, 1)
    print(_row("each item alone", single, held, cpu), flush=True)
    batched, held, cpu = fleet(with_prefix(args.store, f"{stamp}b{args.batch}"), parts, args.batch)
    print(_row(f"batches of {args.batch}", batched, held, cpu, single), flush=True)
    whole, held, cpu = fleet(with_prefix(args.store, f"{stamp}f{args.batch}"), shares, args.batch, fingerprint=True)
    print(_row(f"batches of {args.batch}, fingerprinting", whole, held, cpu, single))
    return 0


if __name__ == "__main__":
    sys.exit(main())
