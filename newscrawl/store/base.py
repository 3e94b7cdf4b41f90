"""The Store interface: every piece of state that outlives a process, behind one ABC."""

from __future__ import annotations

import itertools
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace

import numpy as np

from newscrawl.store.keytable import capped_pairs, sorted_unique

__all__ = ["BLOCK_DOC_CAP", "DocRow", "KeyPairs", "SeenEntry", "Store", "StoreError"]

# blocks_observe keeps at most this many story keys per block: enough to call a block
# boilerplate, small enough that a footer seen on a million pages costs eight rows.
BLOCK_DOC_CAP = 8


class StoreError(Exception):
    """The store cannot be opened or used; the message says why and which URL."""


@dataclass(frozen=True)
class SeenEntry:
    """What a crawler remembers about a URL it fetched."""

    content_hash: str | None
    lastmod: str | None
    fetched_at: str | None


@dataclass(frozen=True)
class DocRow:
    """One linked document: its identity, the evidence provenance needs, and its fingerprint.

    `content` is a 64-bit hash of the normalised text: documents with equal content share
    one stored fingerprint. `fingerprint` is opaque bytes (newscrawl.fingerprint packs it);
    it is None when a read did not ask for it.
    """

    url: str
    content: int
    site: str | None = None
    wire: str | None = None
    dateline: str | None = None
    published: float | None = None  # POSIX seconds, UTC
    fetched: float | None = None  # POSIX seconds, UTC
    size: int = 0  # shingles in the fingerprint
    fingerprint: bytes | None = None


class KeyPairs:
    """(key, doc_id) pairs held as two int64 arrays; iterates as tuples of Python ints.

    The linker hands whole batches to `add_keys` this way: a backend may use the arrays
    directly (memory, SQLite), or simply iterate (any other backend).
    """

    __slots__ = ("keys", "doc_ids")

    def __init__(self, keys, doc_ids):
        self.keys = np.asarray(keys, dtype=np.int64)
        self.doc_ids = np.asarray(doc_ids, dtype=np.int64)

    @classmethod
    def of(cls, pairs: Iterable[tuple[int, int]]) -> KeyPairs:
        if isinstance(pairs, KeyPairs):
            return pairs
        flat = np.fromiter(itertools.chain.from_iterable(pairs), dtype=np.int64).reshape(-1, 2)
        return cls(flat[:, 0], flat[:, 1])

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self.keys.tolist(), self.doc_ids.tolist())

    def __len__(self) -> int:
        return len(self.keys)

    def distinct(self) -> KeyPairs:
        """The same pairs, each once."""
        order = np.argsort(self.keys * np.int64(-7046029254386353131) ^ self.doc_ids)  # repeats side by side
        keys, doc_ids = self.keys[order], self.doc_ids[order]
        repeat = np.zeros(len(keys), dtype=bool)
        repeat[1:] = (keys[1:] == keys[:-1]) & (doc_ids[1:] == doc_ids[:-1])
        return KeyPairs(keys[~repeat], doc_ids[~repeat]) if repeat.any() else self


class Store(ABC):
    """Persistent state: linking (documents, candidate keys, clusters), seen URLs, site blocks.

    Linking uses a few small operations so that any backend with atomic multi-key
    updates (SQLite transactions, Redis MULTI/Lua) can carry it. Cluster membership is a
    label per document (the id of one member); `merge_clusters` relabels whole clusters.
    Writers that read-then-write wrap the sequence in `transaction()`, which serialises
    them across threads and processes. A linker's batch takes two atomic steps,
    `add_batch` and `merge_and_members`, with its verification between them: a backend
    that can run each as one server-side script (Redis) needs no lock for them. The first
    step marks the docs it stores as pending, the second settles them: a doc left pending
    (its process died between the steps) is linked again when its URL comes back.
    """

    url: str

    # --- linking: documents -------------------------------------------------------------
    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """Exclusive read-write section; commits on success, rolls back on error."""

    @abstractmethod
    def add_docs(self, rows: Sequence[DocRow]) -> list[int]:
        """Insert new documents (each its own cluster); returns their ids in order.

        A row's fingerprint is stored once per distinct `content`; later rows with the
        same content may carry None.
        """

    @abstractmethod
    def update_doc(self, doc_id: int, row: DocRow) -> None:
        """Replace a document's content and evidence (a URL whose text changed)."""

    @abstractmethod
    def doc_ids(self, urls: Iterable[str]) -> dict[str, int]:
        """Ids of the known URLs among `urls`."""

    @abstractmethod
    def content_docs(self, contents: Iterable[int]) -> dict[int, int]:
        """For each known content hash, the id of one document that has it."""

    def known_docs(self, urls: Iterable[str], contents: Iterable[int]) -> tuple[
            dict[str, int], dict[int, DocRow], dict[int, int]]:
        """`doc_ids(urls)`, the `docs` of those ids and `content_docs(contents)`, read at one
        moment; a backend may do it in one round trip."""
        known = self.doc_ids(urls)
        return known, self.docs(known.values()), self.content_docs(contents)

    @abstractmethod
    def docs(self, ids: Iterable[int], fingerprints: bool = False) -> dict[int, DocRow]:
        """Rows of the given ids (unknown ids are absent), with fingerprints if asked."""

    @abstractmethod
    def count_docs(self) -> int:
        """Number of documents."""

    # --- linking: candidate index -----------------------------------------------------
    @abstractmethod
    def add_keys(self, pairs: Iterable[tuple[int, int]]) -> None:
        """Index (key, doc_id) pairs (e.g. a KeyPairs); keys are signed 64-bit; a pair is kept once."""

    @abstractmethod
    def lookup_keys(self, keys: Iterable[int]) -> dict[int, list[int]]:
        """Doc ids indexed under each key (keys without any are absent); keys may be an int64 array."""

    def lookup_pairs(self, keys: Iterable[int]) -> KeyPairs:
        """`lookup_keys` as (key, doc_id) arrays, each pair once; backends holding arrays override it."""
        hits = self.lookup_keys(keys)
        sizes = [len(ids) for ids in hits.values()]
        doc_ids = np.fromiter(itertools.chain.from_iterable(hits.values()), dtype=np.int64, count=sum(sizes))
        return KeyPairs(np.repeat(np.array(list(hits), dtype=np.int64), sizes), doc_ids)

    def lookup_and_add_keys(self, keys: np.ndarray, doc_ids: np.ndarray, cap: int) -> KeyPairs:
        """`lookup_pairs` of `keys` as they are, then index the (key, doc_id) pairs their key has
        room for: `keys` sorted, arrival order within a key; a key takes no more docs once
        `cap` have it. A backend may do both in one round trip."""
        held = self.lookup_pairs(sorted_unique(keys))
        self.add_keys(KeyPairs(*capped_pairs(keys, doc_ids, held.keys, cap)))
        return held

    def add_and_index(self, rows: Sequence[DocRow], keys: np.ndarray, doc_ids: np.ndarray, cap: int,
                      others: Iterable[int] = ()) -> tuple[list[int], KeyPairs, dict[int, int]]:
        """`add_docs(rows)`, then `lookup_and_add_keys(keys, doc_ids, cap)`, then `clusters_of`
        the ids found and `others`; a negative id -k in `doc_ids` or `others` stands for the
        k-th new row's. The new ids, the pairs found and the labels. A backend may do it all
        in one round trip."""
        ids = self.add_docs(rows)
        new = np.array([0, *ids], dtype=np.int64)
        doc_ids, others = np.asarray(doc_ids, dtype=np.int64), np.fromiter(others, dtype=np.int64)
        held = self.lookup_and_add_keys(keys, np.where(doc_ids < 0, new[-np.minimum(doc_ids, 0)], doc_ids), cap)
        others = np.where(others < 0, new[-np.minimum(others, 0)], others)
        labels = dict(zip(ids, ids))  # a doc is stored as a cluster of its own: no need to ask
        labels.update(self.clusters_of({*held.doc_ids.tolist(), *others.tolist()} - labels.keys()))
        return ids, held, labels

    def add_batch(self, rows: Sequence[DocRow], keys: np.ndarray, owners: np.ndarray, cap: int,
                  batch: str = "") -> tuple[list[tuple[str, int, int | None]], KeyPairs, dict[int, int]]:
        """Store a linker's batch (each row with its fingerprint) and index it, in one atomic step.

        Per row, in order: its state, its id and its holder (a doc with the same content, or
        None). `new`: stored; `updated`: its URL's doc now has this text; `known`: its URL is
        stored with this text already; `pending`: as known, but the batch that stored it never
        merged its links (its row is kept; it is indexed and labelled again, to be linked
        anew); `twin`: its URL came earlier in the batch (that doc's id). A doc with a holder
        is an exact copy: stored without its fingerprint, not indexed. The indexed docs' keys
        (`keys` sorted, arrival order within a key, `owners[i]` the position of the row
        owning `keys[i]`) go through `lookup_and_add_keys`. New, updated and pending docs are
        marked pending under `batch` until `merge_and_members` settles them. Returns the
        states, the pairs the index held, and the labels of those docs, of the holders and of
        the updated and pending docs (a new doc is its own). A backend may do it in one round trip."""
        with self.transaction():
            known, old, contents = self.known_docs({r.url for r in rows}, {r.content for r in rows})
            pending = self.pending_docs(known.values()) if known else set()
            out: list[list] = []
            new: list[DocRow] = []
            urls: dict[str, int] = {}
            for position, row in enumerate(rows):
                doc_id = known.get(row.url)
                if row.url in urls:
                    out.append(["twin", urls[row.url], None])  # a position, for now
                    continue
                if doc_id is not None and old[doc_id].content == row.content:
                    if doc_id in pending:  # its holder: an earlier doc with its content, not itself
                        urls[row.url] = position
                        holder = contents.get(row.content)
                        out.append(["pending", doc_id, None if holder == doc_id else holder])
                    else:
                        out.append(["known", doc_id, None])
                    continue
                urls[row.url] = position
                holder = contents.get(row.content)
                stored = row if holder is None else replace(row, fingerprint=None)
                if doc_id is not None:
                    self.update_doc(doc_id, stored)
                    out.append(["updated", doc_id, holder])
                else:
                    new.append(stored)
                    out.append(["new", -len(new), holder])  # the k-th new row, for now
                contents.setdefault(row.content, out[-1][1])
            linked = ("new", "updated", "pending")
            indexed = np.array([state in linked and holder is None for state, _, holder in out], dtype=bool)
            owners = np.asarray(owners, dtype=np.int64)
            keep = indexed[owners] if len(owners) else np.zeros(0, dtype=bool)
            refs = np.array([ident for _, ident, _ in out], dtype=np.int64)
            others = {h for _, _, h in out if h is not None} | {i for s, i, _ in out if s in ("updated", "pending")}
            ids, held, labels = self.add_and_index(new, np.asarray(keys)[keep], refs[owners[keep]], cap, others)
            for entry in out:
                if entry[0] != "twin":
                    entry[1] = ids[-1 - entry[1]] if entry[1] < 0 else entry[1]
                    entry[2] = ids[-1 - entry[2]] if entry[2] is not None and entry[2] < 0 else entry[2]
            for entry in out:
                if entry[0] == "twin":
                    entry[1] = out[entry[1]][1]
            self.mark_pending([i for state, i, _ in out if state in linked], batch)
            return [tuple(entry) for entry in out], held, labels

    # --- linking: a batch between its two steps ---------------------------------------------
    @abstractmethod
    def mark_pending(self, ids: Iterable[int], batch: str) -> None:
        """Mark docs as stored by `batch` with their links not merged yet (replacing any mark)."""

    @abstractmethod
    def pending_docs(self, ids: Iterable[int]) -> set[int]:
        """Those of `ids` still marked pending."""

    @abstractmethod
    def settle(self, ids: Iterable[int], batch: str) -> None:
        """Drop the pending marks `batch` set on these docs (a mark another batch set since stays)."""

    # --- linking: clusters --------------------------------------------------------------
    @abstractmethod
    def clusters_of(self, ids: Iterable[int]) -> dict[int, int]:
        """Cluster label of each known id."""

    @abstractmethod
    def merge_clusters(self, groups: Iterable[Sequence[int]]) -> None:
        """Make each group of labels one cluster (the biggest keeps its label)."""

    @abstractmethod
    def cluster_members(self, label: int) -> list[int]:
        """Ids in the cluster with this label, ascending."""

    def clusters_with_members(self, ids: Iterable[int]) -> dict[int, tuple[int, list[int]]]:
        """(label, member ids ascending) of each known id, read at one moment; a backend may
        do it in one round trip."""
        labels = self.clusters_of(ids)
        members = {label: self.cluster_members(label) for label in set(labels.values())}
        return {i: (label, members[label]) for i, label in labels.items()}

    def merge_and_members(self, groups: Iterable[Sequence[int]], ids: Iterable[int],
                          settled: Iterable[int] = (), batch: str = "") -> dict[int, tuple[int, list[int]]]:
        """Make the clusters holding each group of doc ids one cluster (as `merge_clusters`),
        `settle(settled, batch)`, then `clusters_with_members(ids)`: one atomic step, without
        the caller's transaction (a doc's cluster is found when the merge runs, so it may
        have been merged since the caller looked). A backend may do it in one round trip."""
        groups = [list(group) for group in groups]
        with self.transaction():
            labels = self.clusters_of({i for group in groups for i in group})
            self.merge_clusters([[labels[i] for i in group if i in labels] for group in groups])
            self.settle(settled, batch)
            return self.clusters_with_members(ids)

    @abstractmethod
    def iter_clusters(self) -> Iterator[list[int]]:
        """Member ids (ascending) of every cluster with two or more members."""

    @abstractmethod
    def note_cluster_ids(self, pairs: Iterable[tuple[str, int]]) -> None:
        """Remember that a cluster id was handed out for a cluster holding doc_id."""

    @abstractmethod
    def noted_cluster_ids(self) -> Iterator[tuple[str, int]]:
        """Every (cluster_id, doc_id) ever noted."""

    # --- settings -----------------------------------------------------------------------
    @abstractmethod
    def get_setting(self, name: str) -> str | None:
        """A value stored with the state (e.g. the fingerprint scheme it was built with)."""

    @abstractmethod
    def put_setting(self, name: str, value: str) -> None:
        """Store a setting, replacing any old value."""

    # --- seen URLs ----------------------------------------------------------------------
    @abstractmethod
    def seen_get(self, url: str) -> SeenEntry | None:
        """What was recorded for `url`, or None."""

    @abstractmethod
    def seen_put(self, url: str, content_hash: str | None, lastmod: str | None,
                 fetched_at: str | None) -> None:
        """Record (or replace) what a fetch of `url` found."""

    # --- site boilerplate memory -----------------------------------------------------------
    @abstractmethod
    def blocks_observe(self, site: str, block_hashes: Iterable[str], doc_key: str) -> None:
        """Record that these text blocks appeared on a page of story `doc_key` on `site`."""

    @abstractmethod
    def blocks_doc_counts(self, site: str, block_hashes: Iterable[str]) -> dict[str, int]:
        """Distinct story keys each block was seen with (saturates at BLOCK_DOC_CAP)."""

    @abstractmethod
    def iter_blocks(self) -> Iterator[tuple[str, str, int]]:
        """(site, block, distinct story keys) of every remembered block, sorted by site then block."""

    # --- housekeeping -------------------------------------------------------------------
    @abstractmethod
    def integrity_check(self) -> list[str]:
        """Problems found in the stored state; empty when all is well."""

    @abstractmethod
    def close(self) -> None:
        """Release the store; further use is an error."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
