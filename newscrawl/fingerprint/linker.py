"""The Linker: fingerprints records, finds and verifies candidates, keeps clusters in a Store.

Clusters are the connected components of verified links. A pair is checked when the
later of the two arrives, and every verification is a pure function of the pair, so the
components (and the originals, chosen from them by provenance rules) don't depend on
arrival order. Per-record answers are the best knowledge at that moment; the clusters
file (`cluster_views`) is authoritative.
"""

from __future__ import annotations

import secrets
import time
from collections import Counter
from collections.abc import Iterable, Mapping

import numpy as np

from newscrawl.fingerprint.candidates import MAX_POSTING, batch_candidates
from newscrawl.fingerprint.clusters import UNIQUE, ClusterView, LinkResult, Mapper, cluster_views, view_of_rows
from newscrawl.fingerprint.prepare import MIN_SHINGLES, Prepared, prepare
from newscrawl.fingerprint.shingles import Fingerprint, unpack
from newscrawl.fingerprint.signature import BANDS, SCHEME, candidate_keys
from newscrawl.fingerprint.verify import link_kind
from newscrawl.store import DocRow, KeyPairs, Store, StoreError

__all__ = ["MAX_VERIFY", "MIN_SHINGLES", "Linker"]

# Candidates verified per document, most shared keys first; candidates already in the
# document's cluster cost nothing, so this only bounds work on texts that match nothing.
MAX_VERIFY = 24


class _Labels:
    """Union-find over cluster labels, for the merges one batch decides."""

    def __init__(self):
        self.parent: dict[int, int] = {}

    def find(self, label: int) -> int:
        root = label
        while root in self.parent:
            root = self.parent[root]
        while label != root:  # path compression
            self.parent[label], label = root, self.parent[label]
        return root

    def union(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for label in self.parent:
            out.setdefault(self.find(label), []).append(label)
        return [[root, *labels] for root, labels in out.items()]


class Linker:
    """Links Article records (mappings with `url` and `text`) into near-duplicate clusters."""

    def __init__(self, store: Store, now: float | None = None):
        self.store = store
        self._now = now
        self.stats: Counter[str] = Counter()
        scheme = store.get_setting("fingerprint_scheme")
        if scheme is None:
            store.put_setting("fingerprint_scheme", SCHEME)
        elif scheme != SCHEME:
            raise StoreError(f"store {store.url} holds fingerprints of scheme {scheme!r}, this newscrawl "
                             f"makes {SCHEME!r}: link into a new store")

    @property
    def now(self) -> float:
        return self._now if self._now is not None else time.time()

    def link(self, record: Mapping) -> LinkResult | None:
        """Link one record; its cluster fields now, or None when it has no text to link."""
        return self.link_many([record])[0]

    def link_many(self, records: Iterable[Mapping], answers: bool = True) -> list[LinkResult | None]:
        """Link a batch (faster than one by one); answers as for `link`, or all None."""
        return self.link_prepared(prepare(records), answers)

    def link_prepared(self, docs: list[Prepared | LinkResult | None],
                      answers: bool = True) -> list[LinkResult | None]:
        """Link what `prepare` made of a batch of records (perhaps in other processes)."""
        todo = [d for d in docs if isinstance(d, Prepared)]
        self.stats["skipped"] += sum(d is None for d in docs)
        self.stats["too_short"] += sum(isinstance(d, LinkResult) for d in docs)
        keys = candidate_keys([d.fp for d in todo],  # CPU work, before the store's atomic step
                              np.array([d.bands for d in todo], dtype=np.int64).reshape(len(todo), BANDS))
        order = np.lexsort((keys[1], keys[0]))  # by key, in arrival order within a key
        keys = tuple(part[order] for part in keys)
        batch = secrets.token_hex(8)  # names this batch's pending marks
        fresh, indexed, held, labels = self._store(todo, [d.row for d in todo], keys, batch)
        groups = self._verify(fresh, indexed, held, labels, *keys)  # the CPU work, between the two
        # The merges and the clusters the answers come from, in one atomic step (one round trip
        # where the store allows it): a merge names clusters by member ids, which stay valid
        # whatever others merged since; the views are computed from it below. It settles the
        # batch's docs: until then they are pending, and linked again if their URL comes back.
        clusters = self.store.merge_and_members(groups, {d.id for d in todo} if answers else (),
                                                sorted({d.id for d in fresh}), batch)
        if not answers:
            return [None] * len(docs)
        results = self._answers(todo, clusters)
        return [results[d.id] if isinstance(d, Prepared) else d for d in docs]

    def _store(self, docs: list[Prepared], rows: list[DocRow], keys: tuple[np.ndarray, np.ndarray, np.ndarray],
               batch: str) -> tuple[list[Prepared], list[Prepared], KeyPairs, dict[int, int]]:
        """Store the batch's new and changed docs and index them (one atomic step, one round trip
        where the store allows it): the docs to link (`fresh`, with the pending ones an
        interrupted batch stored), those of them that were indexed (not exact copies), what
        the index held, and the labels as they stood."""
        states, held, labels = self.store.add_batch(rows, keys[0], keys[1], MAX_POSTING, batch)
        fresh, pending = [], []
        for position, (doc, (state, doc_id, holder)) in enumerate(zip(docs, states)):
            doc.position, doc.id, doc.holder = position, doc_id, holder
            if state in ("new", "updated", "pending"):
                fresh.append(doc)
                self.stats["updated"] += state == "updated"
                if state == "pending":
                    pending.append(doc)
        if pending:  # verified with the evidence stored then, as the interrupted batch would have
            self.stats["relinked"] += len(pending)
            stored = self.store.docs([d.id for d in pending])
            for doc in pending:
                doc.row = stored[doc.id]
        return fresh, [d for d in fresh if d.holder is None], held, labels

    def _verify(self, fresh: list[Prepared], indexed: list[Prepared], held, labels: dict[int, int],
                keys: np.ndarray, owners: np.ndarray, weights: np.ndarray) -> list[list[int]]:
        """Verify the candidates of the indexed docs, as the labels stood when they were indexed;
        the groups of labels (member ids) to merge."""
        keys, owners, weights = _keys_of(indexed, keys, owners, weights)
        candidates, _ = batch_candidates(keys, owners, weights, np.array([d.id for d in indexed], dtype=np.int64),
                                         held)
        by_id = {d.id: d for d in fresh}
        union = _Labels()
        cache: dict[int, DocRow] = {}  # candidates' rows, with fingerprints
        fps: dict[int, Fingerprint] = {}
        for doc in fresh:
            own = labels[doc.id]
            if doc.holder is not None:
                union.union(own, labels[doc.holder])
                self.stats["exact"] += 1
        self._prefetch(indexed, candidates, by_id, labels, union, cache)
        for doc, order in zip(indexed, candidates):
            own = labels[doc.id]
            checked = 0
            for cand in order:
                if checked >= MAX_VERIFY:
                    self.stats["verify_cap"] += 1
                    break
                if union.find(labels[cand]) == union.find(own):
                    continue
                checked += 1
                fp, row = self._candidate(cand, by_id, cache, fps, order, labels, union, own)
                kind = link_kind(doc.fp, doc.row, fp, row)
                self.stats["verified"] += 1
                if kind:
                    self.stats[f"link_{kind}"] += 1
                    union.union(own, labels[cand])
        return union.groups()

    def _prefetch(self, indexed, candidates, by_id, labels, union, cache) -> None:
        # One read for the candidates the loop is likely to verify (the first MAX_VERIFY
        # outside each doc's cluster); it fetches any other it reaches on its own.
        wanted = []
        for doc, order in zip(indexed, candidates):
            own = union.find(labels[doc.id])
            wanted += [c for c in order if c not in by_id and union.find(labels[c]) != own][:MAX_VERIFY]
        if wanted:
            cache.update(self.store.docs(wanted, fingerprints=True))

    def _candidate(self, cand, by_id, cache, fps, order, labels, union, own) -> tuple[Fingerprint, DocRow]:
        if cand in by_id:
            return by_id[cand].fp, by_id[cand].row
        if cand not in cache:
            # Fetch this candidate and the next few unverified ones in one round trip.
            wanted = [i for i in order if i not in cache and i not in by_id
                      and union.find(labels[i]) != union.find(own)][:MAX_VERIFY]
            cache.update(self.store.docs(wanted, fingerprints=True))
        if cand not in fps:
            fps[cand] = unpack(cache[cand].fingerprint, cache[cand].content)
        return fps[cand], cache[cand]

    def _answers(self, docs: list[Prepared], clusters: dict[int, tuple[int, list[int]]]) -> dict[int, LinkResult]:
        """Each doc's answer from the clusters read in its transaction. Rows are read now: a
        row may have changed since (a re-crawled URL), a fingerprint never does."""
        multi = {label: members for label, members in clusters.values() if len(members) > 1}
        rows = self.store.docs({i for members in multi.values() for i in members}, fingerprints=True)
        by_label: dict[int, dict[int, LinkResult]] = {}
        noted = []
        for label, members in sorted(multi.items()):
            view = view_of_rows({i: rows[i] for i in members if i in rows}, self.now)
            noted.append((view.cluster_id, view.doc_ids[0]))
            by_label[label] = {i: view.result(m) for i, m in zip(view.doc_ids, view.members)}
        self.store.note_cluster_ids(noted)
        return {d.id: by_label.get(clusters[d.id][0], {}).get(d.id, UNIQUE) for d in docs}

    def clusters(self, mapper: Mapper = map) -> list[ClusterView]:
        """The authoritative clusters, sorted by cluster id (`mapper`: see `cluster_views`)."""
        return cluster_views(self.store, self.now, mapper)


def _keys_of(indexed: list[Prepared], keys: np.ndarray, owners: np.ndarray,
             weights: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The batch's keys that belong to `indexed` docs, owners renumbered to positions there."""
    where = np.full(len(owners) and int(owners.max()) + 1, -1, dtype=np.int64)
    where[[d.position for d in indexed]] = np.arange(len(indexed))
    owners = where[owners]
    keep = owners >= 0
    return keys[keep], owners[keep], weights[keep]
