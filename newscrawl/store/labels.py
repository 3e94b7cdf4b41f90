"""ClusterLabels: each document's cluster label and each cluster's members, in memory, for a store one process owns."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import numpy as np

__all__ = ["ClusterLabels"]


class ClusterLabels:
    """Labels of docs with dense ids (0, 1, 2, ... in the order they were added), each doc its
    own cluster at first. A merge keeps the biggest cluster's label (the smallest on a tie),
    as SqliteStore's does. Only clusters of two or more keep a member list."""

    def __init__(self) -> None:
        self._label = np.zeros(1024, dtype=np.int64)  # id -> label; grows by doubling
        self._count = 0
        self._members: dict[int, list[int]] = {}

    def __len__(self) -> int:
        return self._count

    def add(self, ids: Sequence[int]) -> None:
        """New docs, each a cluster of its own: the next ids, in order."""
        if list(ids) != list(range(self._count, self._count + len(ids))):
            raise ValueError(f"doc ids must follow on from {self._count}, not {list(ids)[:3]}...")
        while self._count + len(ids) > len(self._label):
            self._label = np.concatenate([self._label, np.zeros(len(self._label), dtype=np.int64)])
        self._label[self._count:self._count + len(ids)] = np.arange(self._count, self._count + len(ids))
        self._count += len(ids)

    def of(self, ids: Iterable[int]) -> dict[int, int]:
        """The label of each known id (unknown ids are left out)."""
        wanted = np.fromiter(ids, dtype=np.int64)
        wanted = wanted[(wanted >= 0) & (wanted < self._count)]
        return dict(zip(wanted.tolist(), self._label[wanted].tolist()))

    def members(self, label: int) -> list[int]:
        """Ids in the cluster with this label, ascending."""
        return sorted(self._members_of(label))

    def _members_of(self, label: int) -> list[int]:
        return self._members.get(label) or [label]

    def merge(self, groups: Iterable[Sequence[int]]) -> None:
        """Make each group of labels one cluster."""
        for group in groups:
            labels = sorted(set(group), key=lambda lab: (-len(self._members_of(lab)), lab))
            keep = labels[0]
            members = list(self._members_of(keep))
            for label in labels[1:]:
                moved = self._members.pop(label, None) or [label]
                self._label[moved] = keep
                members.extend(moved)
            if len(members) > 1:
                self._members[keep] = members

    def __iter__(self) -> Iterator[list[int]]:
        """Member ids (ascending) of every cluster of two or more, by label."""
        for label in sorted(self._members):
            yield sorted(self._members[label])

    def problems(self) -> list[str]:
        """Where labels and member lists disagree (nothing, unless a bug wrote them)."""
        found = []
        for label, members in self._members.items():
            wrong = [m for m in members if self._label[m] != label]
            if wrong:
                found.append(f"cluster {label}: members {wrong[:5]} carry another label")
        listed = {m: label for label, members in self._members.items() for m in members}
        for doc_id, label in enumerate(self._label[:self._count].tolist()):
            if label != doc_id and listed.get(doc_id) != label:
                found.append(f"doc {doc_id}: label {label} does not list it")
        return found
