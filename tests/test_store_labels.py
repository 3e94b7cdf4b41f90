"""ClusterLabels: labels and member lists of the in-memory cluster bookkeeping."""

import pytest

from newscrawl.store.labels import ClusterLabels


def _labels(n: int) -> ClusterLabels:
    labels = ClusterLabels()
    labels.add(list(range(n)))
    return labels


def test_each_new_doc_is_its_own_cluster():
    labels = _labels(3)
    assert labels.of([0, 1, 2, 7, -1]) == {0: 0, 1: 1, 2: 2}
    assert list(labels) == []
    assert labels.members(2) == [2]


def test_a_merge_keeps_the_biggest_clusters_label_and_the_smallest_on_a_tie():
    labels = _labels(6)
    labels.merge([[4, 5]])  # a tie: 4 keeps
    assert labels.of([4, 5]) == {4: 4, 5: 4}
    labels.merge([[1, 4]])  # 4 holds two: it keeps its label
    assert labels.of([1, 4, 5]) == {1: 4, 4: 4, 5: 4}
    assert labels.members(4) == [1, 4, 5]
    labels.merge([[0, 2], [3, 3]])  # a group of one label changes nothing
    assert list(labels) == [[0, 2], [1, 4, 5]]
    assert labels.problems() == []


def test_labels_grow_past_their_first_capacity():
    labels = ClusterLabels()
    for start in range(0, 5000, 700):
        labels.add(list(range(start, min(start + 700, 5000))))
    labels.merge([[0, 4999]])
    assert len(labels) == 5000
    assert labels.of([4999, 4998]) == {4999: 0, 4998: 4998}


def test_ids_must_follow_on():
    labels = _labels(2)
    with pytest.raises(ValueError):
        labels.add([5])


def test_problems_names_a_label_its_cluster_does_not_list():
    labels = _labels(3)
    labels.merge([[0, 1]])
    labels._label[2] = 0  # what a bug would write
    assert labels.problems() == ["doc 2: label 0 does not list it"]
