"""MemoryStore: the Store interface in dicts and a numpy key table, for one process (tests, bench)."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace

import numpy as np

from newscrawl.store.base import BLOCK_DOC_CAP, DocRow, KeyPairs, SeenEntry, Store, StoreError
from newscrawl.store.keytable import KeyTable, sorted_unique
from newscrawl.store.labels import ClusterLabels

__all__ = ["MemoryStore"]


def _int64s(values) -> np.ndarray:
    return values if isinstance(values, np.ndarray) else np.fromiter(values, dtype=np.int64)


class MemoryStore(Store):
    """Everything in process memory; `transaction()` is a lock (writes are not rolled back on error)."""

    def __init__(self, url: str = "memory://"):
        self.url = url
        self._lock = threading.RLock()
        self._docs: list[DocRow] = []  # id -> row, fingerprint dropped (kept per content)
        self._by_url: dict[str, int] = {}
        self._by_content: dict[int, int] = {}  # content -> the smallest id that has it (as SQLite's MIN(id))
        self._more_docs: dict[int, list[int]] = {}  # content -> its other ids, only for contents of 2+ docs
        self._fingerprints: dict[int, bytes] = {}
        self._keys = KeyTable(capacity=1 << 20)  # 16 MB: no rehashing for the first 13k docs
        self._labels = ClusterLabels()
        self._pending: dict[int, str] = {}  # id -> the batch that stored it, until its links are merged
        self._noted: dict[str, int] = {}
        self._settings: dict[str, str] = {}
        self._seen: dict[str, SeenEntry] = {}
        self._blocks: dict[tuple[str, str], set[str]] = {}
        self._closed = False

    def _check(self) -> None:
        if self._closed:
            raise StoreError(f"store {self.url} is closed")

    @contextmanager
    def transaction(self):
        self._check()
        with self._lock:
            yield

    # --- documents ------------------------------------------------------------------------
    def _keep(self, row: DocRow) -> DocRow:
        if row.fingerprint is not None:
            self._fingerprints.setdefault(row.content, row.fingerprint)
        elif row.content not in self._fingerprints:
            raise StoreError(f"{row.url}: no fingerprint stored for its content")
        return replace(row, fingerprint=None)

    def add_docs(self, rows: Sequence[DocRow]) -> list[int]:
        self._check()
        ids = []
        for row in rows:
            if row.url in self._by_url:
                raise StoreError(f"{row.url} is already stored")
            doc_id = len(self._docs)
            self._docs.append(self._keep(row))
            self._labels.add([doc_id])
            self._by_url[row.url] = doc_id
            self._content_add(row.content, doc_id)
            ids.append(doc_id)
        return ids

    def update_doc(self, doc_id: int, row: DocRow) -> None:
        self._check()
        old = self._docs[doc_id].content
        self._docs[doc_id] = replace(self._keep(row), url=self._docs[doc_id].url)  # a doc keeps its URL
        if old != row.content:  # the old text is no longer this doc's: a later copy of it is not an exact one
            self._content_remove(old, doc_id)
            self._content_add(row.content, doc_id)

    def _content_add(self, content: int, doc_id: int) -> None:
        first = self._by_content.setdefault(content, doc_id)
        if first != doc_id:
            self._by_content[content] = min(first, doc_id)
            self._more_docs.setdefault(content, []).append(max(first, doc_id))

    def _content_remove(self, content: int, doc_id: int) -> None:
        more = self._more_docs.get(content, [])
        if self._by_content.get(content) == doc_id:
            if more:
                self._by_content[content] = min(more)
                more.remove(min(more))
            else:
                del self._by_content[content]
        elif doc_id in more:
            more.remove(doc_id)
        if content in self._more_docs and not more:
            del self._more_docs[content]

    def doc_ids(self, urls: Iterable[str]) -> dict[str, int]:
        return {url: self._by_url[url] for url in urls if url in self._by_url}

    def content_docs(self, contents: Iterable[int]) -> dict[int, int]:
        return {c: self._by_content[c] for c in contents if c in self._by_content}

    def docs(self, ids: Iterable[int], fingerprints: bool = False) -> dict[int, DocRow]:
        out = {}
        for doc_id in ids:
            if 0 <= doc_id < len(self._docs):
                row = self._docs[doc_id]
                out[doc_id] = replace(row, fingerprint=self._fingerprints[row.content]) if fingerprints else row
        return out

    def count_docs(self) -> int:
        return len(self._docs)

    # --- candidate index ---------------------------------------------------------------
    def add_keys(self, pairs: Iterable[tuple[int, int]]) -> None:
        self._check()
        pairs = KeyPairs.of(pairs)
        self._keys.insert(pairs.keys, pairs.doc_ids)

    def lookup_keys(self, keys: Iterable[int]) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        pairs = self.lookup_pairs(keys)
        for key, doc_id in zip(pairs.keys.tolist(), pairs.doc_ids.tolist()):
            found.setdefault(key, []).append(doc_id)
        return found

    def lookup_pairs(self, keys: Iterable[int]) -> KeyPairs:
        wanted = sorted_unique(_int64s(keys))
        at, docs = self._keys.lookup(wanted)
        return KeyPairs(wanted[at], docs).distinct()  # the table may hold a pair twice

    # --- clusters --------------------------------------------------------------------------
    def clusters_of(self, ids: Iterable[int]) -> dict[int, int]:
        return self._labels.of(ids)

    def merge_clusters(self, groups: Iterable[Sequence[int]]) -> None:
        self._check()
        self._labels.merge(groups)

    def cluster_members(self, label: int) -> list[int]:
        return self._labels.members(label)

    def iter_clusters(self) -> Iterator[list[int]]:
        return iter(self._labels)

    def mark_pending(self, ids: Iterable[int], batch: str) -> None:
        self._check()
        self._pending.update((i, batch) for i in ids)

    def pending_docs(self, ids: Iterable[int]) -> set[int]:
        return {i for i in ids if i in self._pending}

    def settle(self, ids: Iterable[int], batch: str) -> None:
        self._check()
        for i in ids:
            if self._pending.get(i) == batch:
                del self._pending[i]

    def note_cluster_ids(self, pairs: Iterable[tuple[str, int]]) -> None:
        for cluster_id, doc_id in pairs:
            self._noted.setdefault(cluster_id, doc_id)

    def noted_cluster_ids(self) -> Iterator[tuple[str, int]]:
        yield from sorted(self._noted.items())

    # --- settings, seen URLs, blocks ------------------------------------------------------------
    def get_setting(self, name: str) -> str | None:
        return self._settings.get(name)

    def put_setting(self, name: str, value: str) -> None:
        self._settings[name] = value

    def seen_get(self, url: str) -> SeenEntry | None:
        return self._seen.get(url)

    def seen_put(self, url, content_hash, lastmod, fetched_at) -> None:
        self._check()
        self._seen[url] = SeenEntry(content_hash, lastmod, fetched_at)

    def blocks_observe(self, site: str, block_hashes: Iterable[str], doc_key: str) -> None:
        self._check()
        for block in block_hashes:
            keys = self._blocks.setdefault((site, block), set())
            if len(keys) < BLOCK_DOC_CAP:
                keys.add(doc_key)

    def blocks_doc_counts(self, site: str, block_hashes: Iterable[str]) -> dict[str, int]:
        return {block: len(self._blocks.get((site, block), ())) for block in block_hashes}

    def iter_blocks(self) -> Iterator[tuple[str, str, int]]:
        return iter([(site, block, len(keys)) for (site, block), keys in sorted(self._blocks.items())])

    # --- housekeeping ---------------------------------------------------------------------
    def integrity_check(self) -> list[str]:
        problems = self._labels.problems()
        missing = {row.content for row in self._docs} - set(self._fingerprints)
        if missing:
            problems.append(f"{len(missing)} contents without a fingerprint")
        by_content: dict[int, list[int]] = {}
        for doc_id, row in enumerate(self._docs):
            by_content.setdefault(row.content, []).append(doc_id)
        indexed = {c: [first, *self._more_docs.get(c, [])] for c, first in self._by_content.items()}
        wrong = sum(sorted(indexed.get(c, [])) != ids or self._by_content.get(c) != ids[0]
                    for c, ids in by_content.items()) + len(indexed.keys() - by_content.keys())
        if wrong:
            problems.append(f"{wrong} content index entries that disagree with the docs")
        return problems

    def close(self) -> None:
        self._closed = True
