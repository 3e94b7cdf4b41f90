"""`newscrawl dedup IN.jsonl -o OUT.jsonl [--store URL]`: link a JSONL corpus, write it back linked."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from functools import partial
from pathlib import Path

from newscrawl.commands.corpus import (default_jobs, fewer_collections, in_order, keep_freed_memory, mapped_chunks,
                                       parse_line, prepared_chunks)
from newscrawl.fingerprint import UNIQUE, Linker, results_by_url, write_clusters
from newscrawl.fingerprint.records import record_text
from newscrawl.store import StoreError, open_store

__all__ = ["HELP", "add_arguments", "run"]

HELP = "link near-duplicates in a JSONL corpus and write it back with cluster fields"
# Records linked per store transaction: big batches amortise the round trips and, on
# SQLite, rewrite each index page once per batch rather than once per few records.
BATCH = 16384
# Records prepared by the workers while this process links a batch: a whole batch, so they
# never wait for it (200k records, 2 cores: 102 -> 89 s, the same peak memory as half a
# batch, now that a prepared record holds its fingerprint once, ~7 kB).
AHEAD = BATCH
# While the workers have nothing ready, a batch this big or bigger, and half as big as all
# linked before it, is linked at once rather than filled up: the linking of a small corpus
# overlaps its preparing instead of following it. Past 2 * BATCH records, batches are full
# again: every batch costs the store a commit and the key runs a merge step (200k records,
# 2 cores: early batches all along made 35 batches instead of 13, and the linking took
# ~2.6x as long in a profile).
EARLY = 4096


def add_arguments(parser) -> None:
    parser.add_argument("input", metavar="IN.jsonl", help="records with `url` and `text` (title, published, "
                        "site, wire, fetched_at are used when present)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.jsonl",
                        help="where the records go, with cluster fields ('-' for stdout)")
    parser.add_argument("--store", metavar="URL", help="keep the index in this store (e.g. sqlite:///x.sqlite) "
                        "so a later run links to this run's originals; default: a temporary SQLite store")
    parser.add_argument("--clusters", metavar="PATH", help="also write the clusters file here")
    parser.add_argument("--jobs", type=_positive, default=default_jobs(), metavar="N",
                        help="processes that fingerprint records (default: every core, here %(default)s); "
                        "the output is the same for any N")


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


def _skip(path: Path, number: int, reason: str, problems: Counter) -> None:
    problems[reason.split(" ")[0]] += 1
    print(f"newscrawl dedup: {path}:{number}: skipped: {reason}", file=sys.stderr)


class _Quiet:
    """A progress bar nobody sees."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def update(self, n: int) -> None:
        pass


def _progress(path: Path, desc: str):
    """A progress bar over the file's bytes, only when someone watches stderr."""
    if not sys.stderr.isatty():
        return _Quiet()
    from tqdm import tqdm  # a tenth of a second to import: only for a terminal

    return tqdm(total=path.stat().st_size, unit="B", unit_scale=True, desc=desc, file=sys.stderr)


def _link_all(linker, path: Path, problems: Counter, jobs: int) -> int:
    """Link the corpus in batches of BATCH records, fingerprinted by `jobs` processes."""
    records = linked = 0
    batch: list = []
    with _progress(path, "linking") as progress:
        for (skipped, items, size), waiting in prepared_chunks(path, jobs, ahead=AHEAD):
            progress.update(size)
            for number, reason in skipped:
                _skip(path, number, reason, problems)
            empty = sum(item is None for item in items)  # no text: written back, not linked
            if empty:
                problems["empty_text"] += empty
            records += len(items) - empty
            batch += items
            while len(batch) >= BATCH:
                linker.link_prepared(batch[:BATCH], answers=False)
                del batch[:BATCH]
                linked += BATCH
            if waiting and len(batch) >= max(EARLY, linked // 2):
                linker.link_prepared(batch, answers=False)
                linked += len(batch)
                batch = []
        linker.link_prepared(batch, answers=False)
    return records


# What the writing workers know of the linking: URL -> result of every clustered record.
_RESULTS: dict = {}


def _use_results(results: dict) -> None:
    global _RESULTS
    _RESULTS = results


def _linked_lines(lines: list[tuple[int, bytes]]) -> tuple[bytes, Counter, int]:
    """A chunk of the corpus with each record's cluster fields, as UTF-8 JSONL (encoded here, in
    the worker), and what was written."""
    written: Counter = Counter()
    out = []
    for _, raw in lines:
        record, _ = parse_line(raw)
        if record is None:  # reported when the corpus was read for linking
            continue
        if record_text(record) is not None:
            result = _RESULTS.get(record["url"], UNIQUE)
            for name, value in result.fields().items():
                # Absent values are omitted, and a stale link from an earlier run must go.
                if value is None:
                    record.pop(name, None)
                else:
                    record[name] = value
            written["linked" if result.duplicate_of else result.relation] += 1
        try:
            out.append(json.dumps(record, ensure_ascii=False).encode() + b"\n")
        except UnicodeEncodeError:  # a lone surrogate (JSON may escape one): kept, escaped as the input had it
            out.append(json.dumps(record).encode() + b"\n")
    return b"".join(out), written, sum(len(raw) for _, raw in lines)


def _write_all(path: Path, out, final: dict, jobs: int) -> Counter:
    """The corpus again, with cluster fields, in input order; `jobs` processes make the lines."""
    written: Counter = Counter()
    binary = getattr(out, "buffer", None)  # the bytes under a text stream: no decoding and encoding again
    out.flush()
    with _progress(path, "writing") as progress:
        for lines, counts, size in mapped_chunks(path, _linked_lines, jobs, initializer=_use_results,
                                                  initargs=(final,)):
            if binary is not None:
                binary.write(lines)
            else:
                out.write(lines.decode())
            written.update(counts)
            progress.update(size)
    return written


def _scratch_store(path: Path):
    """The index of a run without `--store`: files nobody keeps (store/scratch.py)."""
    from newscrawl.store.scratch import ScratchStore

    return ScratchStore(path)


def run(args) -> int:
    if args.jobs == 1:  # this process fingerprints too (workers do it for --jobs 2 and more)
        keep_freed_memory()
    with fewer_collections():
        return _run(args)


def _run(args) -> int:
    source = Path(args.input)
    if not source.is_file():
        print(f"newscrawl dedup: no such file: {source}", file=sys.stderr)
        return 2
    if args.output != "-" and Path(args.output).resolve() == source.resolve():
        print("newscrawl dedup: the output must not overwrite the input (it is read twice)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="newscrawl-dedup-") as scratch:
        try:
            store = open_store(args.store) if args.store else _scratch_store(Path(scratch, "index.sqlite"))
            linker = Linker(store)
        except StoreError as error:
            print(f"newscrawl dedup: {error}", file=sys.stderr)
            return 2
        problems: Counter = Counter()
        try:
            with store:
                records = _link_all(linker, source, problems, args.jobs)
                views = linker.clusters(partial(in_order, jobs=args.jobs))
        except StoreError as error:
            print(f"newscrawl dedup: {error}", file=sys.stderr)
            return 1
    final = dict(results_by_url(views))
    try:
        if args.clusters:
            write_clusters(views, args.clusters)
        if args.output == "-":
            written = _write_all(source, sys.stdout, final, args.jobs)
        else:
            Path(args.output).parent.mkdir(parents=True, exist_ok=True)
            with open(args.output, "w", encoding="utf-8") as out:
                written = _write_all(source, out, final, args.jobs)
    except OSError as error:
        print(f"newscrawl dedup: cannot write: {error}", file=sys.stderr)
        return 1
    reasons = ", ".join(f"{reason}: {count}" for reason, count in sorted(problems.items()))
    print(f"newscrawl dedup: {records} records, {written['linked']} linked to an original, "
          f"{len(views)} clusters, {sum(problems.values())} skipped" + (f" ({reasons})" if reasons else ""),
          file=sys.stderr)
    return 0
