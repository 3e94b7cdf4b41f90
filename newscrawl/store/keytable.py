"""KeyTable: (key, doc) pairs in an open-addressing hash table of numpy arrays, probed in batches."""

from __future__ import annotations

import numpy as np

__all__ = ["KeyTable", "capped_pairs", "ranges", "sorted_unique"]

_EMPTY = -1
# Linear probing stays short below half full; the table doubles before that.
_MAX_LOAD = 0.5


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """np.unique for 1-D arrays, several times faster here (numpy 2's hashing unique is slow)."""
    if len(values) < 2 or bool(np.all(values[1:] > values[:-1])):
        return values  # already sorted and unique, as the linker's batches are
    # Stable (radix sort or timsort): twice as fast as the default on keys already sorted by
    # their high bits (per-doc values tagged with the doc, fingerprint/batch.py), as fast on others.
    ordered = np.sort(values, kind="stable")
    keep = np.ones(len(ordered), dtype=bool)
    keep[1:] = ordered[1:] != ordered[:-1]
    return ordered[keep]


def ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Concatenated ranges [start, start + count), one per row."""
    offsets = np.repeat(np.cumsum(counts) - counts, counts)
    return np.repeat(starts, counts) + (np.arange(int(counts.sum())) - offsets)


def capped_pairs(keys: np.ndarray, doc_ids: np.ndarray, held_keys: np.ndarray,
                 cap: int) -> tuple[np.ndarray, np.ndarray]:
    """The (key, doc) pairs of a batch to index: `keys` sorted, arrival order within a key;
    a key takes a doc while fewer than `cap` pairs came before it (one per `held_keys`
    entry, the stored pairs, and the batch's earlier ones)."""
    held = np.sort(held_keys)
    in_store = np.searchsorted(held, keys, side="right") - np.searchsorted(held, keys, side="left")
    first = np.ones(len(keys), dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    rank = np.arange(len(keys)) - np.flatnonzero(first)[np.cumsum(first) - 1]
    keep = rank < cap - in_store
    return keys[keep], doc_ids[keep]


class KeyTable:
    """A multimap from int64 keys to int64 doc ids; one slot per pair, whole batches per call.

    Keys are hashes already (LSH bands, sentence hashes), so their low bits pick the slot.
    Compared with a dict of lists this holds a pair in ~32 bytes instead of ~80, and a
    batch costs a few numpy passes instead of a Python loop per key.
    """

    def __init__(self, capacity: int = 1 << 16):
        self._allocate(1 << max(4, (capacity - 1).bit_length()))
        self.count = 0

    def _allocate(self, size: int) -> None:
        # Key and doc of a slot side by side: a probe touches one cache line, not two.
        self._slots = np.zeros((size, 2), dtype=np.int64)
        self._slots[:, 1] = _EMPTY
        self.keys, self.docs = self._slots[:, 0], self._slots[:, 1]

    def __len__(self) -> int:
        return self.count

    def _start(self, keys: np.ndarray) -> np.ndarray:
        return keys & np.int64(len(self.keys) - 1)

    def lookup(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(query positions, doc ids) of every pair whose key is among `keys`."""
        mask = np.int64(len(self.keys) - 1)
        active = np.arange(len(keys))
        slots = self._start(keys)
        found_at, found_doc = [], []
        while active.size:
            docs = self.docs[slots]
            occupied = docs != _EMPTY
            hit = occupied & (self.keys[slots] == keys[active])
            found_at.append(active[hit])
            found_doc.append(docs[hit])
            active, slots = active[occupied], (slots[occupied] + 1) & mask
        if not found_at:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(found_at), np.concatenate(found_doc)

    def insert(self, keys: np.ndarray, docs: np.ndarray) -> None:
        """Add pairs; a pair added twice is held twice (callers drop repeats when reading)."""
        if self.count + len(keys) > _MAX_LOAD * len(self.keys):
            self._grow(self.count + len(keys))
        self._place(keys, docs)
        self.count += len(keys)

    def _place(self, keys: np.ndarray, docs: np.ndarray) -> None:
        mask = np.int64(len(self.keys) - 1)
        pending = np.arange(len(keys))
        slots = self._start(keys)
        while pending.size:
            free = self.docs[slots] == _EMPTY
            # Several pending pairs may want one free slot: one write sticks, that pair
            # has the slot; the others find it taken on the next round and probe on.
            self.docs[slots[free]] = pending[free]
            placed = free & (self.docs[slots] == pending)
            self.keys[slots[placed]] = keys[pending[placed]]
            self.docs[slots[placed]] = docs[pending[placed]]
            slots = np.where(free, slots, (slots + 1) & mask)[~placed]
            pending = pending[~placed]

    def _grow(self, needed: int) -> None:
        occupied = self.docs != _EMPTY
        keys, docs = self.keys[occupied], self.docs[occupied]
        size = len(self.keys)
        while needed > _MAX_LOAD * size:
            size *= 2
        self._allocate(size)
        self._place(keys, docs)

    def nbytes(self) -> int:
        return self._slots.nbytes
