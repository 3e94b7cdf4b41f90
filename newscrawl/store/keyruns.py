"""KeyRuns: an append-only (key, doc) index as sorted runs in memory-mapped files, for a one-process scratch store.

Index keys are hashes, so a batch's keys land all over a B-tree: once the tree outgrows
the cache, every batch rewrites most of its pages (at 200k docs, half of the linking
time). Here a batch becomes a sorted run of its own, and runs of about equal size merge,
as the digits of a binary counter carry: each pair is written about log2(pairs / batch)
times, in order, and a lookup is one binary search per run (at most that many runs).
The runs are files mapped into memory, so their pages belong to the kernel's page cache,
which it can drop, not to the process's anonymous memory.
"""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path

import numpy as np

from newscrawl.store.keytable import ranges

__all__ = ["KeyRuns"]

# Pairs placed per step of a merge: bounds the memory a merge needs (~5 arrays of this many int64).
MERGE_STEP = 1 << 20


class _Run:
    """Pairs sorted by key (older pairs first within a key), in two arrays."""

    def __init__(self, keys: np.ndarray, docs: np.ndarray, paths: tuple[Path, ...] = ()):
        self.keys, self.docs, self.paths = keys, docs, paths

    def __len__(self) -> int:
        return len(self.keys)

    def drop(self) -> None:
        self.keys = self.docs = None
        for path in self.paths:
            path.unlink(missing_ok=True)


class KeyRuns:
    """A multimap from int64 keys to int64 doc ids in sorted runs under `folder` (a new
    temporary folder in it, removed by `close`). Not safe for several processes: the
    runs are this object's."""

    def __init__(self, folder: Path | str):
        self._folder = Path(tempfile.mkdtemp(prefix="keyruns-", dir=folder))
        self._runs: list[_Run] = []
        self._names = itertools.count()
        self.count = 0

    def __len__(self) -> int:
        return self.count

    def add(self, keys: np.ndarray, docs: np.ndarray) -> None:
        """Index the pairs; a pair added twice is held twice (`lookup` reads each once)."""
        if not len(keys):
            return
        order = np.argsort(keys, kind="stable")
        self._runs.append(_Run(keys[order], docs[order]))  # small: in memory until it merges
        self.count += len(keys)
        # Sizes compared by their power of two, as a binary counter's digits: batches differ
        # a little in size, and an older run a pair smaller than the newer one must still merge.
        while len(self._runs) >= 2 and len(self._runs[-2]).bit_length() <= len(self._runs[-1]).bit_length():
            newer, older = self._runs.pop(), self._runs.pop()
            self._runs.append(self._merge(older, newer))

    def lookup(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(key, doc) arrays of every pair whose key is among `keys` (sorted and distinct);
        a pair held twice comes twice."""
        found_keys, found_docs = [], []
        for run in self._runs:
            lo = np.searchsorted(run.keys, keys, side="left")
            counts = np.searchsorted(run.keys, keys, side="right") - lo
            hit = counts > 0
            if hit.any():
                lo, counts = lo[hit], counts[hit]
                found_keys.append(np.repeat(keys[hit], counts))
                found_docs.append(run.docs[ranges(lo, counts)])
        if not found_keys:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(found_keys), np.concatenate(found_docs)

    def _merge(self, older: _Run, newer: _Run) -> _Run:
        """One run of both, older pairs first within a key, written to a new pair of files.

        A pair's place is its place in its run plus the pairs of the other run that go
        before it (for equal keys, the older run's), so the output is written in steps
        without sorting anything."""
        size = len(older) + len(newer)
        name = next(self._names)
        paths = (self._folder / f"{name}.keys.npy", self._folder / f"{name}.docs.npy")
        keys = np.lib.format.open_memmap(paths[0], mode="w+", dtype=np.int64, shape=(size,))
        docs = np.lib.format.open_memmap(paths[1], mode="w+", dtype=np.int64, shape=(size,))
        for run, other, side in ((older, newer, "left"), (newer, older, "right")):
            for start in range(0, len(run), MERGE_STEP):
                part = run.keys[start:start + MERGE_STEP]
                at = np.arange(start, start + len(part)) + np.searchsorted(other.keys, part, side=side)
                keys[at] = part
                docs[at] = run.docs[start:start + MERGE_STEP]
        keys.flush()
        docs.flush()
        del keys, docs
        older.drop()
        newer.drop()
        return _Run(np.load(paths[0], mmap_mode="r"), np.load(paths[1], mmap_mode="r"), paths)

    def close(self) -> None:
        for run in self._runs:
            run.drop()
        self._runs = []
        try:
            self._folder.rmdir()
        except OSError:
            pass

