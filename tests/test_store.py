"""The Store interface on both backends; open_store URLs; two processes writing one SQLite file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import threading
from dataclasses import replace

import numpy as np
import pytest

from newscrawl.store import BLOCK_DOC_CAP, DocRow, KeyPairs, SeenEntry, Store, StoreError, open_store
from newscrawl.store.keytable import KeyTable
from newscrawl.store.scratch import ScratchStore


@pytest.fixture(params=["memory", "sqlite", "scratch"])
def store(request, tmp_path):
    if request.param == "scratch":  # `newscrawl dedup`'s temporary index
        opened = ScratchStore(tmp_path / "scratch.sqlite")
    else:
        opened = open_store("memory://" if request.param == "memory" else f"sqlite:///{tmp_path}/deep/er/state.sqlite")
    with opened:
        yield opened


def row(url: str, content: int = 1, size: int = 20, **kw) -> DocRow:
    return DocRow(url=url, content=content, size=size, fingerprint=f"fp{content}".encode(), **kw)


def test_docs_are_stored_with_their_evidence_and_one_fingerprint_per_content(store):
    with store.transaction():
        ids = store.add_docs([row("https://a.example/1", content=-5, site="a.example", wire="AP",
                                  dateline="SEOUL", published=1.5e9, fetched=1.6e9),
                              DocRow(url="https://b.example/1", content=-5, size=20)])
    assert len(set(ids)) == 2
    assert store.doc_ids(["https://a.example/1", "https://nope.example/"]) == {"https://a.example/1": ids[0]}
    assert store.content_docs([-5, 7]) == {-5: ids[0]}
    rows = store.docs(ids, fingerprints=True)
    assert rows[ids[0]].wire == "AP" and rows[ids[0]].published == 1.5e9 and rows[ids[0]].dateline == "SEOUL"
    assert rows[ids[1]].fingerprint == b"fp-5"  # shared with the first doc of that content
    assert store.docs(ids)[ids[0]].fingerprint is None
    assert store.count_docs() == 2
    store.update_doc(ids[1], row("https://b.example/1", content=9))
    assert store.docs([ids[1]], fingerprints=True)[ids[1]].fingerprint == b"fp9"
    assert store.integrity_check() == []


def test_a_changed_text_is_no_longer_found_under_the_old_one(store):
    ids = store.add_docs([row("https://a.example/1", content=1), row("https://a.example/2", content=1),
                          row("https://a.example/3", content=2)])
    store.update_doc(ids[0], row("https://a.example/1", content=3))
    assert store.content_docs([1, 2, 3]) == {1: ids[1], 2: ids[2], 3: ids[0]}
    store.update_doc(ids[1], row("https://a.example/2", content=4))
    assert store.content_docs([1, 4]) == {4: ids[1]}
    store.update_doc(ids[2], row("https://a.example/3", content=3))  # a later doc takes an earlier one's text
    assert store.content_docs([2, 3]) == {3: ids[0]}
    store.update_doc(ids[0], row("https://a.example/1", content=5))
    assert store.content_docs([3, 5]) == {3: ids[2], 5: ids[0]}
    assert store.doc_ids(["https://a.example/1"]) == {"https://a.example/1": ids[0]}
    assert store.integrity_check() == []


def test_a_url_is_stored_once(store):
    store.add_docs([row("https://a.example/1")])
    with pytest.raises(StoreError):
        store.add_docs([row("https://a.example/1")])


def test_keys_map_to_every_doc_that_has_them(store):
    ids = store.add_docs([row(f"https://a.example/{i}", content=i) for i in range(3)])
    big = -(2**63)  # keys are signed 64-bit
    store.add_keys([(big, ids[0]), (big, ids[1]), (7, ids[2]), (7, ids[2])])
    store.add_keys([(7, ids[2])])
    found = store.lookup_keys([big, 7, 8])
    assert sorted(found[big]) == sorted(ids[:2]) and found[7] == [ids[2]] and 8 not in found


def test_merging_clusters_relabels_whole_clusters(store):
    ids = store.add_docs([row(f"https://a.example/{i}", content=i) for i in range(5)])
    labels = store.clusters_of(ids)
    assert [labels[i] for i in ids] == ids  # every doc starts alone
    store.merge_clusters([[ids[0], ids[1]], [ids[2], ids[3]]])
    store.merge_clusters([[store.clusters_of([ids[1]])[ids[1]], store.clusters_of([ids[3]])[ids[3]]]])
    labels = store.clusters_of(ids)
    assert len({labels[i] for i in ids[:4]}) == 1 and labels[ids[4]] == ids[4]
    assert store.cluster_members(labels[ids[0]]) == sorted(ids[:4])
    assert list(store.iter_clusters()) == [sorted(ids[:4])]
    assert store.integrity_check() == []


def test_a_merge_names_clusters_by_member_ids_whatever_was_merged_since(store):
    ids = store.add_docs([row(f"https://a.example/{i}", content=i) for i in range(4)])
    store.merge_clusters([[ids[1], ids[3]]])  # another worker, after this one read the labels
    members = store.merge_and_members([[ids[0], ids[3]]], [ids[0], ids[2]])  # ids[3] was a label
    assert members[ids[0]][1] == [ids[0], ids[1], ids[3]] and members[ids[2]][1] == [ids[2]]
    assert store.integrity_check() == []


def test_a_batch_is_stored_as_a_linker_needs_it(store):
    first = store.add_docs([row("https://a.example/old", content=1), row("https://a.example/same", content=2)])
    rows = [row("https://a.example/new", content=3), row("https://a.example/same", content=2),
            row("https://a.example/old", content=4), row("https://a.example/new", content=9),
            row("https://a.example/copy", content=3), row("https://a.example/stored-copy", content=2)]
    keys, owners = np.array([5, 5, 5, 8, 8]), np.array([0, 2, 4, 0, 5])  # sorted, arrival order within a key
    states, held, labels = store.add_batch(rows, keys, owners, cap=50)
    new = states[0][1]
    assert states == [("new", new, None), ("known", first[1], None), ("updated", first[0], None),
                      ("twin", new, None), ("new", states[4][1], new), ("new", states[5][1], first[1])]
    assert len(held) == 0  # nothing was indexed before; exact copies (4, 5) are not indexed
    assert store.lookup_keys([5, 8]) == {5: sorted([new, first[0]]), 8: [new]}
    assert labels == {i: i for i in (new, first[0], first[1], states[4][1], states[5][1])}
    assert store.docs([first[0]])[first[0]].content == 4 and store.content_docs([4]) == {4: first[0]}
    assert store.integrity_check() == []


def test_a_batch_s_docs_stay_pending_until_its_merge_settles_them(store):
    rows = [row("https://a.example/1", content=1), row("https://a.example/2", content=1),
            row("https://a.example/3", content=3)]
    keys, owners = np.array([5, 5]), np.array([0, 2])
    ids = [i for _, i, _ in store.add_batch(rows, keys, owners, cap=50, batch="b1")[0]]
    assert store.pending_docs(ids) == set(ids)  # stored and indexed; links not merged
    # The same records again (a later fetch, other evidence): linked anew, not stored anew.
    again = [replace(r, fetched=2e9) for r in rows]
    states, held, labels = store.add_batch(again, keys, owners, cap=50, batch="b2")
    assert states == [("pending", ids[0], None), ("pending", ids[1], ids[0]), ("pending", ids[2], None)]
    assert sorted(held) == [(5, ids[0]), (5, ids[2])] and labels == {i: i for i in ids}
    assert all(r.fetched is None for r in store.docs(ids).values())
    assert store.lookup_keys([5]) == {5: sorted([ids[0], ids[2]])}
    store.merge_and_members([], [], settled=ids, batch="b1")  # the first batch's merge, late
    assert store.pending_docs(ids) == set(ids)  # the second batch's marks stay
    store.merge_and_members([[ids[0], ids[2]]], [], settled=ids, batch="b2")
    assert store.pending_docs(ids) == set()
    states = store.add_batch(again, keys, owners, cap=50, batch="b3")[0]
    assert [state for state, _, _ in states] == ["known"] * 3
    assert store.integrity_check() == []


def test_noted_cluster_ids_and_settings(store):
    store.note_cluster_ids([("c1", 3), ("c1", 4), ("c2", 5)])
    assert list(store.noted_cluster_ids()) == [("c1", 3), ("c2", 5)]
    assert store.get_setting("scheme") is None
    store.put_setting("scheme", "a")
    store.put_setting("scheme", "b")
    assert store.get_setting("scheme") == "b"


def test_seen_urls(store):
    assert store.seen_get("https://a.example/") is None
    store.seen_put("https://a.example/", "h1", "2026-01-01", "2026-01-02T00:00:00Z")
    store.seen_put("https://a.example/", "h2", None, "2026-01-03T00:00:00Z")
    assert store.seen_get("https://a.example/") == SeenEntry("h2", None, "2026-01-03T00:00:00Z")


def test_block_counts_are_distinct_story_keys_and_saturate(store):
    store.blocks_observe("a.example", ["footer", "nav"], "story-1")
    store.blocks_observe("a.example", ["footer"], "story-1")
    store.blocks_observe("a.example", ["footer"], "story-2")
    store.blocks_observe("b.example", ["footer"], "story-3")
    assert store.blocks_doc_counts("a.example", ["footer", "nav", "new"]) == {"footer": 2, "nav": 1, "new": 0}
    for n in range(20):
        store.blocks_observe("a.example", ["footer"], f"story-x{n}")
    assert store.blocks_doc_counts("a.example", ["footer"]) == {"footer": BLOCK_DOC_CAP}


def test_every_remembered_block_is_listed_with_its_story_count(store):
    store.blocks_observe("b.example", ["nav", "footer"], "story-1")
    store.blocks_observe("a.example", ["footer"], "story-1")
    store.blocks_observe("a.example", ["footer"], "story-2")
    store.blocks_observe("a.*[x]", ["footer"], "story-1")  # glob characters in a site are taken literally
    assert list(store.iter_blocks()) == [("a.*[x]", "footer", 1), ("a.example", "footer", 2),
                                         ("b.example", "footer", 1), ("b.example", "nav", 1)]


def test_a_failed_transaction_leaves_sqlite_unchanged(tmp_path):
    with open_store(f"sqlite:///{tmp_path}/s.sqlite") as store:
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.add_docs([row("https://a.example/1")])
                raise RuntimeError("boom")
        assert store.count_docs() == 0


def test_a_scratch_store_refuses_work_after_a_failed_transaction(tmp_path):
    # Without a journal a transaction cannot be undone: the store must not go on half-written.
    path = tmp_path / "scratch.sqlite"
    with ScratchStore(path) as store:
        store.add_docs([row("https://a.example/1")])
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.add_docs([row("https://a.example/2")])
                raise RuntimeError("boom")
        with pytest.raises(StoreError, match="unusable after a failed transaction"):
            store.add_docs([row("https://a.example/3")])


def test_a_scratch_store_that_cannot_write_its_key_runs_says_so(tmp_path):
    with ScratchStore(tmp_path / "scratch.sqlite") as store:
        store.add_keys(KeyPairs([1, 2], [0, 0]))
        for run_file in store._keys._folder.iterdir():  # a merge writes new files there
            run_file.unlink()
        store._keys._folder.rmdir()
        with pytest.raises(StoreError, match="cannot write the key index"):
            store.add_keys(KeyPairs([3, 4], [1, 1]))


def test_a_closed_store_says_so(tmp_path):
    for url in ("memory://", f"sqlite:///{tmp_path}/s.sqlite"):
        store = open_store(url)
        store.close()
        with pytest.raises(StoreError, match="closed"):
            store.add_docs([row("https://a.example/1")])


@pytest.mark.parametrize("url, message", [
    ("ftp://x", "unsupported store URL"),
    ("state.sqlite", "invalid store URL"),
    ("sqlite:///", "needs a path"),
    ("sqlite://relative.sqlite", "needs a path"),
])
def test_invalid_store_urls_are_refused_clearly(url, message):
    with pytest.raises(StoreError, match=message):
        open_store(url)


def test_unusable_sqlite_files_are_refused_clearly(tmp_path):
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="garbage.sqlite"):
        open_store(f"sqlite:///{garbage}")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create"):
        open_store(f"sqlite:///{blocker}/sub/state.sqlite")
    with pytest.raises(StoreError, match="no such file"):
        open_store(f"sqlite:///{tmp_path}/missing.sqlite", create=False)


def test_a_store_made_with_fingerprints_keyed_by_content_still_works(tmp_path):
    # Stores made before fingerprints were appended keep their table; the same statements serve both.
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE fingerprints (content INTEGER PRIMARY KEY, data BLOB NOT NULL)")
    with open_store(f"sqlite:///{path}") as store:
        ids = store.add_docs([row("https://a.example/1", content=7), row("https://a.example/2", content=7)])
        assert [r.fingerprint for r in store.docs(ids, fingerprints=True).values()] == [b"fp7", b"fp7"]
        assert store.integrity_check() == []


def test_sqlite_store_persists_across_opens(tmp_path):
    url = f"sqlite:///{tmp_path}/state.sqlite"
    with open_store(url) as store:
        store.add_docs([row("https://a.example/1")])
        store.seen_put("https://a.example/1", "h", None, None)
    with open_store(url, create=False) as store:
        assert store.count_docs() == 1 and store.seen_get("https://a.example/1").content_hash == "h"


WRITER = textwrap.dedent("""
    import os, sys, time
    from newscrawl.store import DocRow, open_store
    url, name, go = sys.argv[1:4]
    with open_store(url) as store:
        while not os.path.exists(go):  # both processes start writing together
            time.sleep(0.01)
        for n in range(300):
            with store.transaction():
                [doc] = store.add_docs([DocRow(url=f"https://{name}.example/{n}", content=n, size=20,
                                               fingerprint=b"fp")])
                store.add_keys([(n, doc)])
                hits = store.lookup_keys([n])[n]
                labels = store.clusters_of(hits)
                store.merge_clusters([sorted(set(labels.values()))])
            store.seen_put(f"https://{name}.example/{n}", "h", None, None)
            store.blocks_observe("shared.example", ["footer"], f"{name}-{n}")
""")


def two_processes_write_at_once(url: str, tmp_path) -> None:
    """Run WRITER twice at once against `url`; both processes' work is there, consistent."""
    go = tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, url, name, str(go)], stderr=subprocess.PIPE,
                              text=True) for name in ("left", "right")]
    go.touch()
    for proc in procs:
        assert proc.wait(timeout=120) == 0, proc.stderr.read()
    with open_store(url) as store:
        assert store.count_docs() == 600
        assert store.integrity_check() == []
        # Each key n was written by both processes; whoever came second saw the first.
        clusters = list(store.iter_clusters())
        assert len(clusters) == 300 and all(len(members) == 2 for members in clusters)
        assert store.seen_get("https://left.example/299") is not None
        assert store.blocks_doc_counts("shared.example", ["footer"]) == {"footer": BLOCK_DOC_CAP}


def test_two_processes_write_one_sqlite_store_at_once(tmp_path):
    two_processes_write_at_once(f"sqlite:///{tmp_path}/shared.sqlite", tmp_path)


def test_a_store_opens_while_another_writer_holds_the_lock(tmp_path):
    # Switching to WAL needs an exclusive lock and SQLite refuses it at once ("database
    # is locked") instead of waiting: opening must wait for the writer like any write.
    path = tmp_path / "busy.sqlite"
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    writer.execute("CREATE TABLE t (x)")
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO t VALUES (1)")
    release = threading.Timer(0.3, writer.execute, ("COMMIT",))
    release.start()
    try:
        with open_store(f"sqlite:///{path}") as store:
            store.add_docs([row("https://a.example/1")])
    finally:
        release.join()
        writer.close()
    with open_store(f"sqlite:///{path}") as store:
        assert store.integrity_check() == []


def test_empty_key_batches_are_fine(store):
    store.add_keys([])
    assert store.lookup_keys([]) == {}


def test_the_memory_key_table_grows_and_keeps_colliding_keys_apart():
    table = KeyTable(capacity=16)
    keys = np.array([k << 20 for k in range(3000)] * 2, dtype=np.int64)  # equal low bits: one probe chain
    docs = np.arange(len(keys), dtype=np.int64)
    table.insert(keys, docs)
    assert len(table) == 6000 and len(table.keys) >= 12000
    at, found = table.lookup(np.array([0, 5 << 20, 12345], dtype=np.int64))
    assert sorted(zip(at.tolist(), found.tolist())) == [(0, 0), (0, 3000), (1, 5), (1, 3005)]


def test_sqlite_moves_new_keys_into_the_main_index_without_losing_any(tmp_path, monkeypatch):
    monkeypatch.setattr("newscrawl.store.sqlite.MERGE_MIN_ROWS", 10)
    with open_store(f"sqlite:///{tmp_path}/s.sqlite") as store:
        ids = store.add_docs([row(f"https://a.example/{i}", content=i) for i in range(40)])
        for batch in range(8):  # several merges, and pairs added again after their merge
            store.add_keys([(k, ids[(k + batch) % 40]) for k in range(batch * 5, batch * 5 + 12)])
        found = store.lookup_keys(range(60))
        assert sorted(found[7]) == sorted({ids[(7 + b) % 40] for b in range(8) if b * 5 <= 7 < b * 5 + 12})
        assert store.integrity_check() == []


def test_a_lookup_that_indexes_the_batch_caps_each_key_and_answers_the_keys_as_they_were(store):
    ids = store.add_docs([row(f"https://a.example/{i}", content=i) for i in range(7)])
    big = -(2**63)
    store.add_keys([(7, ids[0]), (7, ids[1])])
    # Sorted keys, arrival order within a key; doc 5 has key 9 twice (kept once, counted twice).
    keys = np.array([big, 7, 7, 7, 9, 9, 9, 9], dtype=np.int64)
    docs = np.array([ids[2], ids[2], ids[3], ids[4], ids[4], ids[5], ids[5], ids[6]], dtype=np.int64)
    held = store.lookup_and_add_keys(keys, docs, cap=3)
    assert sorted(held) == [(7, ids[0]), (7, ids[1])]
    found = {key: sorted(found) for key, found in store.lookup_keys([big, 7, 9]).items()}
    assert found == {big: [ids[2]], 7: [ids[0], ids[1], ids[2]], 9: [ids[4], ids[5]]}
    assert sorted(store.lookup_and_add_keys(np.array([7]), np.array([ids[6]]), cap=3)) == \
        [(7, ids[0]), (7, ids[1]), (7, ids[2])]  # full: doc 6 is not indexed
    assert sorted(store.lookup_keys([7])[7]) == [ids[0], ids[1], ids[2]]


def test_key_lookups_as_arrays_agree_with_lookups_as_dicts(store):
    ids = store.add_docs([row(f"https://a.example/{i}", content=i) for i in range(4)])
    store.add_keys(KeyPairs([5, 5, 9, -3, 5], [ids[0], ids[1], ids[2], ids[3], ids[0]]))
    as_dict = store.lookup_keys(np.array([5, 9, 11, -3], dtype=np.int64))
    for pairs in (store.lookup_pairs([5, 9, 11, -3]), Store.lookup_pairs(store, [5, 9, 11, -3])):
        assert sorted(zip(pairs.keys.tolist(), pairs.doc_ids.tolist())) == \
            sorted((k, i) for k, found in as_dict.items() for i in found)
    assert sorted(as_dict[5]) == sorted(ids[:2])
