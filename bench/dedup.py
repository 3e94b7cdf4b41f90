"""Linking benchmark: newscrawl's candidate index against datasketch's MinHashLSH, same run.

Both sides get the same shingle sets (5-word shingles of synthetic news texts, see
bench/synthetic_corpus.py), 128 permutations and 32 bands of 4 rows. Timed per doc:
signature + candidate query + insert. newscrawl runs in batches through the Store
interface (memory:// and a SQLite file); datasketch one doc at a time, as it is used.
Then: which MinHash to use (numpy vs rensa), full Linker throughput, and the per-doc
cost with 10k vs --index-docs docs already indexed. `--store URL` adds a store to every
comparison (a Redis server: each measurement gets its own key prefix, removed after), with
the bytes it holds per indexed doc.

    python bench/dedup.py                      # a few minutes
    python bench/dedup.py --docs 5000 --index-docs 100000
    python bench/dedup.py --store redis://127.0.0.1:6379/0
    python bench/dedup.py --whole [--docs 20000]  # only the whole-process comparison (whole_process.py)
    python bench/dedup.py --linker-before /work/main/.venv/bin/python [--docs 20000]
            [--linker-store sqlite:/// --linker-batch 64]
        # only Linker.link_many, this tree against another install (e.g. main's), alternating in one run
"""

from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_corpus import generate  # noqa: E402

from newscrawl.commands.dedup import BATCH  # noqa: E402  (records per linking transaction)
from newscrawl.fingerprint import Linker, fingerprint  # noqa: E402
from newscrawl.fingerprint.shingles import Fingerprint  # noqa: E402
from newscrawl.fingerprint.signature import BANDS, NUM_PERM, ROWS, candidate_keys  # noqa: E402
from newscrawl.store import KeyPairs, open_store  # noqa: E402
from newscrawl.store.keytable import sorted_unique  # noqa: E402

_runs = itertools.count()


class Backend:
    """One kind of store under test: a fresh, empty store per measurement, and its size."""

    def __init__(self, url: str, scratch: str):
        self.url, self.scratch = url, scratch
        self.scheme = url.split("://", 1)[0].lower()
        self.label = {"memory": "memory", "sqlite": "sqlite"}.get(self.scheme, "redis")

    def fresh(self) -> str:
        run = next(_runs)
        if self.scheme == "sqlite":
            return f"sqlite:///{self.scratch}/run{run}.sqlite"
        if self.label == "redis":  # a key prefix of its own, so runs neither meet nor need a flush
            parts = urlsplit(self.url)
            query = {**dict(parse_qsl(parts.query)), "prefix": f"bench{os.getpid()}r{run}"}
            return urlunsplit(parts._replace(query=urlencode(query)))
        return self.url

    def size(self, url: str) -> int | None:
        """Bytes the store at `url` holds: SQLite files, or Redis memory of its keys."""
        if self.scheme == "sqlite":
            path = url[len("sqlite:///"):]
            return sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.exists(p))
        if self.label == "redis":
            server, prefix = self._server(url)
            return sum(server.memory_usage(key, samples=0) or 0 for key in server.scan_iter(prefix + "*", count=1000))
        return None

    def drop(self, url: str) -> None:
        if self.label == "redis":
            server, prefix = self._server(url)
            for key in server.scan_iter(prefix + "*", count=1000):
                server.unlink(key)

    @staticmethod
    def _server(url: str):
        import redis

        parts = urlsplit(url)
        query = dict(parse_qsl(parts.query))
        prefix = f"nc:{query.pop('prefix')}:"
        return redis.Redis.from_url(urlunsplit(parts._replace(query=urlencode(query)))), prefix


def bytes_per_doc(size: int | None, docs: int) -> str:
    return "" if size is None else f"   {size / docs:7,.0f} B/doc stored"


def per_doc(seconds: float, docs: int) -> str:
    return f"{seconds / docs * 1e6:8.1f} us/doc {docs / seconds:10,.0f} docs/s"


def index_batch(store, fps, first_id: int) -> None:
    """What linking does to the index: signatures and keys, one lookup, one insert."""
    keys, owners, _ = candidate_keys(fps)
    with store.transaction():
        store.lookup_pairs(sorted_unique(keys))
        store.add_keys(KeyPairs(keys, owners + first_id))


def run_index(store, fps, first_id: int = 0, batch: int = BATCH) -> float:
    start = time.perf_counter()
    for at in range(0, len(fps), batch):
        index_batch(store, fps[at:at + batch], first_id + at)
    return time.perf_counter() - start


def best_of(runs: int, measure) -> float:
    """The fastest of a few runs: what the code costs, not what other processes on the box did."""
    return min(measure() for _ in range(runs))


def best_of_sized(runs: int, measure) -> tuple[float, int | None]:
    """best_of for measurements that also return the store's size (the same every run)."""
    return min((measure() for _ in range(runs)), key=lambda result: result[0])


def fresh_index(backend: Backend, fps) -> tuple[float, int | None]:
    url = backend.fresh()
    try:
        with open_store(url) as store:
            took = run_index(store, fps)
        return took, backend.size(url)
    finally:
        backend.drop(url)


def run_datasketch(fps) -> float:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(num_perm=NUM_PERM, params=(BANDS, ROWS))
    permutations = MinHash(num_perm=NUM_PERM, seed=1).permutations
    start = time.perf_counter()
    for n, fp in enumerate(fps):
        m = MinHash(num_perm=NUM_PERM, hashfunc=int, permutations=permutations, scheme="affine32")
        m.update_batch(fp.shingles)
        lsh.query(m)
        lsh.insert(n, m)
    return time.perf_counter() - start


def signature_choice(fps) -> None:
    """The measurement behind using rensa: MinHash signature cost per doc, three ways."""
    from rensa import RMinHash

    rng = np.random.default_rng(0)
    a = rng.integers(1, 2**63, NUM_PERM, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63, NUM_PERM, dtype=np.uint64)
    sets = [fp.shingles.astype(np.uint64) for fp in fps]
    start = time.perf_counter()
    for s in sets:  # k independent permutations (multiply-shift), vectorised over shingles
        ((s[:, None] * a + b) >> np.uint64(32)).min(axis=0)
    kperm = time.perf_counter() - start
    start = time.perf_counter()
    flat = np.concatenate(sets)
    offsets = np.concatenate([[0], np.cumsum([len(s) for s in sets])]).astype(np.uint64)
    doc = np.repeat(np.arange(len(sets)), np.diff(offsets).astype(np.int64))
    h = flat * np.uint64(0x9E3779B97F4A7C15)  # one permutation hashing: bin = top bits
    sig = np.full(len(sets) * NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    np.minimum.at(sig, doc * NUM_PERM + (h >> np.uint64(57)).astype(np.int64), h & np.uint64(2**57 - 1))
    oph = time.perf_counter() - start
    start = time.perf_counter()
    matrix = RMinHash.digest_matrix_from_flat_token_hashes(flat, offsets, NUM_PERM, 7)
    np.array(matrix.to_rows(), dtype=np.uint32)
    rensa = time.perf_counter() - start
    n = len(sets)
    print(f"  numpy k-permutation MinHash  {per_doc(kperm, n)}")
    print(f"  numpy one-permutation (OPH)  {per_doc(oph, n)}")
    print(f"  rensa R-MinHash (chosen)     {per_doc(rensa, n)}   {kperm / rensa:.0f}x / {oph / rensa:.1f}x faster")


def random_fingerprints(n: int, rng) -> list[Fingerprint]:
    """Stand-ins for prefilling a big index: random shingle sets of news-text size."""
    sizes = rng.integers(150, 700, n)
    flat = rng.integers(0, 2**32, sizes.sum(), dtype=np.uint64).astype(np.uint32)
    empty = np.zeros(0, dtype=np.uint32)
    anchors = rng.integers(-2**63, 2**63 - 1, (n, 6), dtype=np.int64).tolist()
    return [Fingerprint(np.unique(s), empty, empty, anchors=tuple(a))
            for s, a in zip(np.split(flat, np.cumsum(sizes)[:-1]), anchors)]


def growth(backend: Backend, probe_small, probe_big, index_docs: int) -> tuple[float, float]:
    """Per-doc cost of indexing a batch into an index of 10k docs, then of index_docs docs."""
    rng = np.random.default_rng(5)
    url = backend.fresh()
    with open_store(url) as store:
        run_index(store, random_fingerprints(10_000, rng))
        small = run_index(store, probe_small, first_id=10_000) / len(probe_small)
        filled = 10_000 + len(probe_small)
        while filled < index_docs:
            chunk = min(50_000, index_docs - filled)
            run_index(store, random_fingerprints(chunk, rng), first_id=filled)
            filled += chunk
        big = run_index(store, probe_big, first_id=filled) / len(probe_big)
    filled += len(probe_big)
    print(f"  {backend.label:8} 10k: {small * 1e6:7.1f} us/doc   {filled:,}: {big * 1e6:7.1f} us/doc   "
          f"growth {big / small:.2f}x" + bytes_per_doc(backend.size(url), filled))
    backend.drop(url)
    return small, big


# Timed in a fresh interpreter, so either install's newscrawl can be measured on the same records;
# CPU time, since the other jobs on a loaded machine only ever add wall time.
LINKER_RUN = """\
import sys, tempfile, time
sys.path.insert(0, sys.argv[1])
from synthetic_corpus import generate
from newscrawl.fingerprint import Linker
from newscrawl.fingerprint.prepare import prepare
from newscrawl.store import open_store
records, url, batch = list(generate(int(sys.argv[2]), seed=3)), sys.argv[3], int(sys.argv[4])
with tempfile.TemporaryDirectory() as scratch:
    url = f"sqlite:///{scratch}/index.sqlite" if url == "sqlite:///" else url
    with open_store(url) as store:
        linker = Linker(store)
        total = store_side = 0.0
        for at in range(0, len(records), batch):
            start = time.process_time()
            docs = prepare(records[at:at + batch])
            between = time.process_time()
            linker.link_prepared(docs, answers=False)
            total, store_side = total + time.process_time() - start, store_side + time.process_time() - between
    print(total, sum(linker.stats[k] for k in linker.stats if k.startswith("link_")), store_side)
"""


def linker_before_after(before: str, docs: int, url: str = "memory://", batch: int = BATCH, rounds: int = 3) -> None:
    """Linker.link_many under another interpreter's newscrawl and this one's, alternating; best of `rounds`.
    Also its part after fingerprinting (`link_prepared`: candidates, the store's steps, verification)."""
    sides = {"before": before, "this tree": sys.executable}
    best = dict.fromkeys(sides, float("inf"))
    after_fp = dict.fromkeys(sides, float("inf"))
    links = {}
    for _ in range(rounds):
        for name, python in sides.items():
            out = subprocess.run([python, "-c", LINKER_RUN, str(Path(__file__).resolve().parent), str(docs), url,
                                  str(batch)], check=True, capture_output=True, text=True).stdout.split()
            best[name], links[name] = min(best[name], float(out[0])), int(out[1])
            after_fp[name] = min(after_fp[name], float(out[2]))
    print(f"Linker.link_many, {docs:,} synthetic records, {url} store, batches of {batch:,}, CPU time, "
          f"best of {rounds} alternating runs (and link_prepared, the part after fingerprinting):")
    for name, python in sides.items():
        print(f"  {name:10} {per_doc(best[name], docs)}   link_prepared {per_doc(after_fp[name], docs)}   "
              f"{links[name]:,} links   ({python})")
    print(f"  throughput this tree / before: {best['before'] / best['this tree']:.3f}   "
          f"link_prepared: {after_fp['before'] / after_fp['this tree']:.3f}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000, help="docs for the throughput comparison")
    parser.add_argument("--index-docs", type=int, default=1_000_000, help="big index size for the growth test")
    parser.add_argument("--store", action="append", default=[], metavar="URL",
                        help="another store to measure beside memory and SQLite (e.g. redis://127.0.0.1:6379/0)")
    parser.add_argument("--whole", action="store_true",
                        help="only the whole-process comparison: newscrawl dedup (1 and all cores) vs a "
                        "datasketch script, wall time and peak RSS (bench/whole_process.py)")
    parser.add_argument("--before", metavar="PATH", help="with --whole: another newscrawl executable "
                        "(e.g. main's) to run beside, for before/after in one run")
    parser.add_argument("--linker-before", metavar="PYTHON", help="only Linker.link_many: this tree against the "
                        "newscrawl that interpreter imports (e.g. main's .venv/bin/python), same records, one run")
    parser.add_argument("--linker-store", metavar="URL", default="memory://",
                        help="with --linker-before: the store (sqlite:/// for a new temporary file each run)")
    parser.add_argument("--linker-batch", type=int, default=BATCH, help="with --linker-before: records a batch "
                        f"(default {BATCH:,}, as `newscrawl dedup`; a crawl links 64)")
    args = parser.parse_args(argv)
    if args.linker_before:
        linker_before_after(args.linker_before, args.docs, args.linker_store, args.linker_batch)
        return 0
    if args.whole:
        import whole_process

        return whole_process.main(["--records", str(args.docs), *(["--before", args.before] if args.before else [])])

    records = list(generate(args.docs + 2 * BATCH, seed=3))  # then two probe batches
    start = time.perf_counter()
    fps = [fingerprint(r["text"]) for r in records]
    print(f"{len(fps):,} synthetic docs, {np.mean([fp.size for fp in fps]):.0f} shingles on average; "
          f"fingerprinting (normalise, shingle, hash): {per_doc(time.perf_counter() - start, len(fps))}")
    work, probes = fps[:args.docs], fps[args.docs:]

    print("\nMinHash signatures (128 slots), same shingles:")
    signature_choice(work[:2000])

    print(f"\nsignature + query + insert, {args.docs:,} docs, {NUM_PERM} perms, {BANDS} bands x {ROWS} rows:")
    baseline = best_of(3, lambda: run_datasketch(work))
    print(f"  datasketch MinHashLSH        {per_doc(baseline, len(work))}   (best of 3 runs, each side)")
    with tempfile.TemporaryDirectory() as scratch:
        backends = [Backend(url, scratch) for url in ("memory://", "sqlite:///", *args.store)]
        for backend in backends:
            took, size = best_of_sized(3, lambda: fresh_index(backend, work))
            print(f"  newscrawl {backend.label:18} {per_doc(took, len(work))}   {baseline / took:5.1f}x datasketch"
                  + bytes_per_doc(size, len(work)))

        print(f"\nfull Linker.link_many (fingerprint, keys, verification, clusters), {args.docs:,} records:")
        for backend in backends:
            url = backend.fresh()
            with open_store(url) as store:
                linker = Linker(store)
                start = time.perf_counter()
                for at in range(0, len(work), BATCH):
                    linker.link_many(records[at:min(at + BATCH, len(work))], answers=False)
                took = time.perf_counter() - start
            print(f"  {backend.label:28} {per_doc(took, len(work))}" + bytes_per_doc(backend.size(url), len(work)))
            backend.drop(url)

        print(f"\nper-doc cost (signature + query + insert, batches of {BATCH}) as the index grows:")
        half = len(probes) // 2
        for backend in backends:
            growth(backend, probes[:half], probes[half:], args.index_docs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
