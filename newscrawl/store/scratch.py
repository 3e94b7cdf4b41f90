"""ScratchStore: `newscrawl dedup`'s temporary index, a SQLite file and key runs that one process writes and nobody keeps."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np

from newscrawl.store.base import DocRow, KeyPairs, StoreError
from newscrawl.store.keyruns import KeyRuns
from newscrawl.store.keytable import sorted_unique
from newscrawl.store.labels import ClusterLabels
from newscrawl.store.sqlite import SqliteStore

__all__ = ["ScratchStore"]

# Bigger pages than SQLite's 4 kB: a stored fingerprint (~6 kB) fits in one, without overflow pages.
PAGE_BYTES = 16384


class ScratchStore(SqliteStore):
    """A SqliteStore for one run of one process: the docs in a SQLite file without journal
    or syncs (nothing reads it after a crash, so each page is written once instead of to
    the WAL and back), the index keys in sorted runs beside it (keyruns.py), the cluster
    labels in memory (labels.py: at 200k docs, asking SQLite for them took ~7% of the linking).

    Without a journal a failed transaction cannot be undone: the store refuses all work
    after one (StoreError) instead of going on half-written.
    """

    def __init__(self, path: Path):
        self._broken = False
        self._keys = KeyRuns(path.parent)
        self._labels = ClusterLabels()
        super().__init__(f"sqlite:///{path.as_posix()}", str(path))
        self._db.execute("DROP INDEX IF EXISTS docs_cluster")  # the labels are not read from SQLite

    def _configure(self) -> None:
        self._db.execute(f"PRAGMA page_size = {PAGE_BYTES}")
        self._db.execute("PRAGMA locking_mode = EXCLUSIVE")
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")

    def _begin(self) -> None:
        if self._broken:
            raise StoreError(f"store {self.url}: a scratch store is unusable after a failed transaction")
        super()._begin()

    def _rollback(self) -> None:
        self._broken = True  # ROLLBACK without a journal leaves the file undefined

    def add_keys(self, pairs: Iterable[tuple[int, int]]) -> None:
        pairs = KeyPairs.of(pairs)
        try:
            self._keys.add(pairs.keys, pairs.doc_ids)
        except OSError as error:  # a full disk, a folder removed under it: the run cannot go on
            raise StoreError(f"store {self.url}: cannot write the key index: {error}") from None

    def lookup_pairs(self, keys: Iterable[int]) -> KeyPairs:
        keys = keys if isinstance(keys, np.ndarray) else np.fromiter(keys, dtype=np.int64)
        found, docs = self._keys.lookup(sorted_unique(keys.astype(np.int64, copy=False)))
        # Each pair once, by key then doc, as SQLite's index gives them.
        order = np.lexsort((docs, found))
        found, docs = found[order], docs[order]
        repeat = np.zeros(len(found), dtype=bool)
        repeat[1:] = (found[1:] == found[:-1]) & (docs[1:] == docs[:-1])
        return KeyPairs(found[~repeat], docs[~repeat])

    def add_docs(self, rows: Sequence[DocRow]) -> list[int]:
        ids = super().add_docs(rows)
        self._labels.add(ids)
        return ids

    def clusters_of(self, ids: Iterable[int]) -> dict[int, int]:
        return self._labels.of(ids)

    def merge_clusters(self, groups: Iterable[Sequence[int]]) -> None:
        self._labels.merge(groups)

    def cluster_members(self, label: int) -> list[int]:
        return self._labels.members(label)

    def iter_clusters(self) -> Iterator[list[int]]:
        return iter(self._labels)

    def integrity_check(self) -> list[str]:
        return super().integrity_check() + self._labels.problems()

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._keys.close()
