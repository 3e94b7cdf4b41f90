"""Cluster views: a cluster's original, each member's relation to it, and the clusters file."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from xxhash import xxh3_64_hexdigest

from newscrawl.fingerprint.provenance import choose_original
from newscrawl.fingerprint.shingles import unpack
from newscrawl.fingerprint.verify import relation_to_original
from newscrawl.store import DocRow, Store

__all__ = ["ClusterView", "LinkResult", "Mapper", "Member", "UNIQUE", "cluster_id_for", "cluster_views",
           "results_by_url", "view_of", "view_of_rows", "write_clusters"]


@dataclass(frozen=True)
class LinkResult:
    """The cluster fields of one record."""

    cluster_id: str | None
    duplicate_of: str | None
    relation: str
    similarity: float | None

    def fields(self) -> dict:
        return {"cluster_id": self.cluster_id, "duplicate_of": self.duplicate_of,
                "relation": self.relation, "similarity": self.similarity}


UNIQUE = LinkResult(None, None, "unique", None)


@dataclass(frozen=True)
class Member:
    url: str
    relation: str
    similarity: float


@dataclass(frozen=True)
class ClusterView:
    """One cluster as the clusters file shows it; the original is the first member."""

    cluster_id: str
    original: str
    members: tuple[Member, ...]
    doc_ids: tuple[int, ...] = ()  # store ids of the members, in the same order; not written
    former_ids: tuple[str, ...] = ()  # ids handed out earlier in a crawl for this cluster

    def result(self, member: Member) -> LinkResult:
        original = member.url == self.original
        return LinkResult(self.cluster_id, None if original else self.original,
                          member.relation, member.similarity)

    def record(self) -> dict:
        out = {"cluster_id": self.cluster_id, "original": self.original,
               "members": [{"url": m.url, "relation": m.relation, "similarity": m.similarity}
                           for m in self.members]}
        if self.former_ids:
            out["former_ids"] = list(self.former_ids)
        return out


def cluster_id_for(original_url: str) -> str:
    """A cluster is named after its original: the same id in every run and input order."""
    return "c" + xxh3_64_hexdigest(original_url.encode("utf-8"))


def view_of(store: Store, member_ids: Sequence[int], now: float) -> ClusterView:
    """The cluster of these store ids, original chosen and relations computed now."""
    return view_of_rows(store.docs(member_ids, fingerprints=True), now)


def view_of_rows(rows: Mapping[int, DocRow], now: float) -> ClusterView:
    """The cluster of these rows (by store id, with fingerprints), original chosen and relations computed now."""
    ids = sorted(rows, key=lambda i: rows[i].url)
    ordered = [rows[i] for i in ids]
    fps = [unpack(row.fingerprint, row.content) for row in ordered]
    first = choose_original(ordered, now, fps)
    original = ordered[first]
    members = [Member(original.url, "original", 1.0)]
    for row, fp in zip(ordered[:first] + ordered[first + 1:], fps[:first] + fps[first + 1:]):
        relation, similarity = relation_to_original(fp, fps[first])
        members.append(Member(row.url, relation, similarity))
    ids = [ids[first]] + ids[:first] + ids[first + 1:]
    return ClusterView(cluster_id_for(original.url), original.url, tuple(members), tuple(ids))


# Rows read from the store in one query and worked on in one task by `cluster_views`.
VIEW_ROWS = 1024
Mapper = Callable[[Callable[[Any], Any], Iterable[Any]], Iterable[Any]]


def cluster_views(store: Store, now: float, mapper: Mapper = map) -> list[ClusterView]:
    """Every cluster of two or more documents, sorted by id; with the ids handed out before.

    `mapper(work, tasks)` gives `work(task)` of each task in order: `map` here, or another
    that does them in worker processes (`newscrawl dedup`): the store is read here, in
    one query per VIEW_ROWS rows, and the views are pure functions of the rows."""
    views = sorted((view for views in mapper(partial(_views_of_clusters, now=now), _cluster_rows(store))
                    for view in views), key=lambda v: v.cluster_id)
    where = {doc_id: n for n, view in enumerate(views) for doc_id in view.doc_ids}
    former: dict[int, set[str]] = {}
    for cluster_id, doc_id in store.noted_cluster_ids():
        n = where.get(doc_id)
        if n is not None and cluster_id != views[n].cluster_id:
            former.setdefault(n, set()).add(cluster_id)
    return [ClusterView(v.cluster_id, v.original, v.members, v.doc_ids, tuple(sorted(former.get(n, ()))))
            for n, v in enumerate(views)]


def _cluster_rows(store: Store) -> Iterator[list[dict[int, DocRow]]]:
    """Every cluster of two or more as its rows (with fingerprints) by store id, in groups
    of about VIEW_ROWS rows read at once."""
    group: list[list[int]] = []
    rows = 0
    for ids in store.iter_clusters():
        group.append(ids)
        rows += len(ids)
        if rows >= VIEW_ROWS:
            yield _rows_of(store, group)
            group, rows = [], 0
    if group:
        yield _rows_of(store, group)


def _rows_of(store: Store, clusters: list[list[int]]) -> list[dict[int, DocRow]]:
    rows = store.docs([i for ids in clusters for i in ids], fingerprints=True)
    return [{i: rows[i] for i in ids if i in rows} for ids in clusters]


def _views_of_clusters(clusters: list[dict[int, DocRow]], now: float) -> list[ClusterView]:
    return [view_of_rows(rows, now) for rows in clusters]


def write_clusters(views: Iterable[ClusterView], target: str | Path | TextIO) -> int:
    """Write the clusters file (one JSON object per line) to a path or an open text file."""
    if hasattr(target, "write"):
        return _write_lines(views, target)
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        return _write_lines(views, out)


def _write_lines(views: Iterable[ClusterView], out: TextIO) -> int:
    count = 0
    for view in views:
        out.write(json.dumps(view.record(), ensure_ascii=False) + "\n")
        count += 1
    return count


def results_by_url(views: Iterable[ClusterView]) -> Iterator[tuple[str, LinkResult]]:
    """(url, final cluster fields) of every clustered document."""
    for view in views:
        for member in view.members:
            yield member.url, view.result(member)
