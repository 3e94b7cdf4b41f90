"""A JSONL corpus read in chunks and prepared for linking, in worker processes when asked, results in input order."""

from __future__ import annotations

import gc
import json
import mmap
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TypeVar

__all__ = ["CHUNK", "Chunk", "default_jobs", "fewer_collections", "in_order", "in_workers", "keep_freed_memory",
           "mapped_chunks", "parse_line", "prepared_chunks"]

# Lines per task sent to a worker: big enough that pickling overhead is small, small
# enough that a few in flight per worker keep every core busy and memory flat.
CHUNK = 256
# Chunks in flight per worker at least: the reader stays ahead without holding the whole corpus.
AHEAD = 3

# (problems as (line number, reason), one item per usable record, bytes read)
Chunk = tuple[list[tuple[int, str]], list, int]
T = TypeVar("T")
A = TypeVar("A")


@contextmanager
def fewer_collections() -> Iterator[None]:
    """The cyclic garbage collector run once per 100,000 new objects instead of 700, and its
    older generations rarely, while a corpus is processed (in worker processes forked inside
    too). A run keeps hundreds of thousands of objects alive and makes few reference cycles,
    and each pass walks the live ones: at the default thresholds the passes took 11.6 of the
    linking process's ~100 s of CPU in a 200k-record dedup, at these 2.9 s."""
    before = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def parse_line(raw: bytes) -> tuple[dict | None, str | None]:
    """(record, None) for a usable JSONL line, else (None, reason); (None, None) for a blank line."""
    if not raw.strip():
        return None, None
    try:
        record = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return None, f"bad_json ({error.__class__.__name__}: {error})"
    if not isinstance(record, dict):
        return None, "not_object"
    if not (isinstance(record.get("url"), str) and record["url"].strip()):
        return None, "missing_url"
    if not isinstance(record.get("text"), str):
        return None, "missing_text"
    return record, None


def _prepare(lines: list[tuple[int, bytes]]) -> Chunk:
    """What a worker does with a chunk: parse, check, fingerprint (an item per usable record,
    None for an empty text, see fingerprint.prepare)."""
    from newscrawl.fingerprint.prepare import prepare

    problems, records = [], []
    for number, raw in lines:
        record, reason = parse_line(raw)
        if reason is not None:
            problems.append((number, reason))
        elif record is not None:
            records.append(record)
    return problems, prepare(records), sum(len(raw) for _, raw in lines)


def _spans(path: Path) -> Iterator[tuple[int, int, int]]:
    """(number of the first line, start, end) of each chunk of CHUNK lines: where a worker reads
    it itself (the lines never pass through this process, nor through a pipe)."""
    with path.open("rb") as corpus:
        size = os.fstat(corpus.fileno()).st_size
        if size == 0:
            return
        with mmap.mmap(corpus.fileno(), 0, access=mmap.ACCESS_READ) as view:
            start, number = 0, 1
            while start < size:
                end, lines = start, 0
                while lines < CHUNK and end < size:
                    newline = view.find(b"\n", end)
                    end = size if newline < 0 else newline + 1
                    lines += 1
                yield number, start, end
                start, number = end, number + lines


def _read_span(path: Path, span: tuple[int, int, int]) -> list[tuple[int, bytes]]:
    """A chunk's (line number, line) pairs, each line with its newline, as iterating the file gives them."""
    first, start, end = span
    with path.open("rb") as corpus:  # an open per chunk of CHUNK lines costs nothing to speak of
        corpus.seek(start)
        parts = corpus.read(end - start).split(b"\n")
    lines = [part + b"\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
    return list(enumerate(lines, start=first))


def _work_on_span(work: Callable[[list[tuple[int, bytes]]], T], path: Path, span: tuple[int, int, int]) -> T:
    return work(_read_span(path, span))


def prepared_chunks(path: Path, jobs: int, ahead: int = 0) -> Iterator[tuple[Chunk, bool]]:
    """The corpus's chunks, prepared, in input order, each with whether the next one is still
    being prepared; `jobs` worker processes (1: this one, where nothing is ever waited for).

    Each chunk's result is a pure function of its lines, so the output does not depend on
    `jobs`: linking consumes it in one process, in order. Up to `ahead` lines are in
    flight, so workers keep busy while the consumer links a batch of that size.
    """
    return in_workers(partial(_work_on_span, _prepare, path), _spans(path), jobs, ahead // CHUNK)


def mapped_chunks(path: Path, work: Callable[[list[tuple[int, bytes]]], T], jobs: int, ahead: int = 0,
                  initializer: Callable[..., None] | None = None, initargs: tuple = ()) -> Iterator[T]:
    """`work` of each chunk of the corpus's (line number, line) pairs, in input order, done by
    `jobs` worker processes (1: this one), each set up by `initializer(*initargs)` first.
    Up to `ahead` lines (or a few chunks per worker) are in flight."""
    return in_order(partial(_work_on_span, work, path), _spans(path), jobs, ahead // CHUNK, initializer, initargs)


def in_order(work: Callable[[A], T], tasks: Iterable[A], jobs: int, ahead: int = 0,
             initializer: Callable[..., None] | None = None, initargs: tuple = ()) -> Iterator[T]:
    """`in_workers` without the word on what comes next: `work(task)` of each task, in order."""
    return (result for result, _ in in_workers(work, tasks, jobs, ahead, initializer, initargs))


def _set_up_worker(initializer: Callable[..., None] | None, initargs: tuple) -> None:
    keep_freed_memory()
    if initializer is not None:
        initializer(*initargs)


# M_TRIM_THRESHOLD and M_MMAP_THRESHOLD of glibc's mallopt, and the values set in workers.
_MALLOPT = ((-1, 256 << 20), (-3, 32 << 20))


def keep_freed_memory() -> None:
    """Let glibc's malloc keep up to 256 MB freed, and serve blocks up to 32 MB from its heap.

    A worker allocates and frees the same big arrays for every chunk; by default each one
    over 128 kB is a fresh mapping the kernel zeroes page by page: 20k records, 2 workers,
    340k page faults and 1.1 s of system time, ~35k and 0.3 s this way. For the processes that
    fingerprint: workers, or `dedup --jobs 1`'s one process; not a linking process beside
    workers, whose memory is the one kept low. Elsewhere than glibc, nothing changes."""
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    for option, value in _MALLOPT:
        mallopt(option, value)


def in_workers(work: Callable[[A], T], tasks: Iterable[A], jobs: int, ahead: int = 0,
               initializer: Callable[..., None] | None = None, initargs: tuple = ()) -> Iterator[tuple[T, bool]]:
    """`work(task)` of each task, in order, each with whether the next result is not done yet;
    `jobs` worker processes (1: this one, where nothing is ever waited for), each set up by
    `initializer(*initargs)` first, with up to `ahead` (at least a few per worker) tasks in flight."""
    if jobs <= 1:
        if initializer is not None:
            initializer(*initargs)
        yield from ((work(task), False) for task in tasks)
        return
    # fork starts workers at once with everything imported (and `initargs` not pickled);
    # where it is missing, the default.
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_set_up_worker,
                               initargs=(initializer, initargs))
    try:
        pending: deque = deque()
        for task in tasks:
            pending.append(pool.submit(work, task))
            if len(pending) >= max(jobs * AHEAD, ahead):
                result = pending.popleft().result()
                yield result, not pending[0].done()
        while pending:
            result = pending.popleft().result()
            yield result, bool(pending) and not pending[0].done()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
