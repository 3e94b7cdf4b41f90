"""KeyRuns: the scratch store's key index answers as a plain multimap does, however its runs merged."""

from __future__ import annotations

import numpy as np
import pytest

from newscrawl.store import keyruns
from newscrawl.store.keyruns import KeyRuns


@pytest.mark.parametrize("step", [keyruns.MERGE_STEP, 7])  # merges in one step, and in many small ones
def test_lookups_find_every_pair_added_in_any_number_of_batches(tmp_path, monkeypatch, step):
    monkeypatch.setattr(keyruns, "MERGE_STEP", step)
    rng = np.random.default_rng(5)
    runs, held = KeyRuns(tmp_path), {}
    for batch in range(23):
        keys = rng.integers(-50, 50, size=int(rng.integers(1, 40)), dtype=np.int64)  # many repeats across batches
        docs = np.full(len(keys), batch, dtype=np.int64) + rng.integers(0, 3, size=len(keys))
        runs.add(keys, docs)
        for key, doc in zip(keys.tolist(), docs.tolist()):
            held.setdefault(key, []).append(doc)
        wanted = np.arange(-60, 60, dtype=np.int64)
        found_keys, found_docs = runs.lookup(wanted)
        got: dict[int, list[int]] = {}
        for key, doc in zip(found_keys.tolist(), found_docs.tolist()):
            got.setdefault(key, []).append(doc)
        assert {k: sorted(v) for k, v in got.items()} == {k: sorted(v) for k, v in held.items()}
    assert len(runs) == sum(len(v) for v in held.values())
    assert len(runs._runs) <= 6  # a binary counter: about log2(23) runs, not one per batch
    runs.close()
    assert not any(tmp_path.iterdir())  # nothing left behind


def test_within_a_key_older_pairs_come_first(tmp_path):
    runs = KeyRuns(tmp_path)
    for doc in range(8):
        runs.add(np.array([1, 2], dtype=np.int64), np.array([doc, doc], dtype=np.int64))
    keys, docs = runs.lookup(np.array([1], dtype=np.int64))
    assert keys.tolist() == [1] * 8 and docs.tolist() == list(range(8))
    runs.close()


def test_runs_stay_few_when_every_batch_is_a_little_smaller_than_the_last(tmp_path):
    runs = KeyRuns(tmp_path)
    for size in range(300, 200, -1):  # no two equal: merging only equal runs would keep 100
        runs.add(np.arange(size, dtype=np.int64), np.full(size, size, dtype=np.int64))
    assert len(runs._runs) <= 8  # about log2(30,000 / 300) + 1
    assert len(runs.lookup(np.array([5], dtype=np.int64))[0]) == 100
    runs.close()
