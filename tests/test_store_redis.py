"""The Redis store on a real redis-server: every Store behaviour, several processes, faults."""

from __future__ import annotations

import inspect
import itertools
import random
import socket
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator

import pytest
import redis

from newscrawl.fingerprint import Linker
from newscrawl.store import StoreError, open_store
from newscrawl.store import redis as redis_store
from tests import test_store as backend_tests
from tests.redis_server import RedisServer
from tests.test_linking_corpus import CORPUS, DATA, NOW, link
from tests.test_store import row, two_processes_write_at_once

# Every backend test of test_store.py that needs only a `store` runs here on Redis too
# (the `store` fixture below wins inside this module).
for _name, _test in vars(backend_tests).items():
    if _name.startswith("test_") and list(inspect.signature(_test).parameters) == ["store"]:
        globals()[_name] = _test

_prefixes = itertools.count()


@pytest.fixture(scope="module")
def server():
    with RedisServer() as running:
        yield running


def fresh_url(server: RedisServer) -> str:
    """A store URL of its own on the shared server: a new key prefix."""
    return f"{server.url}?prefix=t{next(_prefixes)}"


@pytest.fixture
def store(server):
    with open_store(fresh_url(server)) as opened:
        yield opened


@pytest.fixture
def own_server():
    with RedisServer() as running:
        yield running


def test_the_backend_tests_of_test_store_run_here():
    assert "test_merging_clusters_relabels_whole_clusters" in globals()


def test_prefixes_keep_stores_apart_and_state_persists_across_opens(server):
    url, other = fresh_url(server), fresh_url(server)
    with pytest.raises(StoreError, match="no newscrawl state"):
        open_store(url, create=False)
    with open_store(url) as store:
        store.add_docs([row("https://a.example/1")])
        store.seen_put("https://a.example/1", "h", None, None)
    with open_store(other) as store:
        assert store.count_docs() == 0 and store.seen_get("https://a.example/1") is None
    with open_store(url, create=False) as store:
        assert store.count_docs() == 1 and store.seen_get("https://a.example/1").content_hash == "h"
    with open_store(other, create=False) as store:  # opened once, so it exists, as a new SQLite file
        assert store.count_docs() == 0


def test_a_closed_store_says_so(server):
    store = open_store(fresh_url(server))
    store.close()
    for use in (lambda: store.add_docs([row("https://a.example/1")]), lambda: store.count_docs(),
                lambda: store.add_docs([])):
        with pytest.raises(StoreError, match="closed"):
            use()


def test_values_are_compact(server, store):
    ids = store.add_docs([row(f"https://a.example/{i}", content=-i) for i in range(200)])
    store.add_keys([(k, ids[0]) for k in range(-5, 5)])
    client = store._r
    for key in client.scan_iter(match=f"{store._p}label:*"):
        # ids and labels as ints in small hashes
        assert client.object("encoding", key) in (b"listpack", b"ziplist")
    assert client.hget(f"{store._p}doc", ids[1]).startswith((-1).to_bytes(8, "big", signed=True))
    assert client.hget(f"{store._p}fp", (-1).to_bytes(8, "big", signed=True)) == b"fp-1"


def test_same_answers_as_sqlite_on_a_random_workload(server, tmp_path):
    rng = random.Random(7)
    with open_store(f"sqlite:///{tmp_path}/s.sqlite") as lite, open_store(fresh_url(server)) as red:

        def both(method, *args):
            answers = []
            for store in (lite, red):
                try:
                    answer = getattr(store, method)(*args)
                    answers.append(list(answer) if isinstance(answer, Iterator) else answer)
                except StoreError:
                    answers.append(StoreError)
            assert answers[0] == answers[1], (method, args)
            return answers[0]

        urls = [f"https://a.example/{n}" for n in range(150)]
        for _ in range(400):
            op, count = rng.random(), both("count_docs")
            if op < 0.3:  # new docs, sometimes a URL already stored (refused by both)
                rows = [row(rng.choice(urls), content=rng.randrange(-20, 20)) for _ in range(rng.randint(1, 3))]
                both("add_docs", rows)
            elif op < 0.4 and count:
                both("update_doc", rng.randrange(count + 1), row("ignored", content=rng.randrange(-20, 20)))
            elif op < 0.6 and count:
                keys = [(rng.randrange(-30, 30) << 58) + rng.randrange(3) for _ in range(5)]  # few per hash
                pairs = [(key, rng.randrange(count)) for key in keys]
                both("add_keys", pairs)
            elif op < 0.85 and count:  # labels picked among ids: many are stale
                groups = [rng.sample(range(count), rng.randint(2, min(4, count))) for _ in range(2)]
                both("merge_clusters", groups)
            else:
                both("note_cluster_ids", [(f"c{rng.randrange(9)}", rng.randrange(99))])
                both("blocks_observe", "a.example", [f"b{rng.randrange(5)}"], f"s{rng.randrange(12)}")
            ids = range(count + 2)
            labels = both("clusters_of", ids)
            both("docs", ids, True)
            both("lookup_keys", [(k << 58) + j for k in range(-30, 30) for j in range(3)])
            both("content_docs", range(-20, 20))
            both("doc_ids", urls)
            for label in set(labels.values()) | {rng.randrange(count + 1)}:
                both("cluster_members", label)
            both("iter_clusters")
            both("noted_cluster_ids")
            both("blocks_doc_counts", "a.example", [f"b{n}" for n in range(6)])
        assert len(both("iter_clusters")) > 3
        assert lite.integrity_check() == red.integrity_check() == []


def test_integrity_check_finds_broken_state(store):
    ids = store.add_docs([row(f"https://a.example/{i}", content=i) for i in range(3)])
    store.merge_clusters([[ids[0], ids[1]]])
    client, p = store._r, store._p
    client.hdel(f"{p}label:0", ids[2])  # a doc without a label
    client.hset(f"{p}label:0", ids[1], ids[2])  # a member whose label disagrees with its cluster
    client.hset(f"{p}key:7", b"abcdef", "999")  # an index entry of a doc that doesn't exist
    client.hdel(f"{p}fp", (2).to_bytes(8, "big"))
    problems = " / ".join(store.integrity_check())
    for expected in ("docs without a cluster label", "cluster sets that disagree",
                     "unknown docs in the candidate index",
                     "without a stored fingerprint"):
        assert expected in problems


def test_transactions_are_reentrant_and_exclusive_across_stores(server):
    url = fresh_url(server)
    with open_store(url) as first, open_store(url) as second:
        with first.transaction():
            with first.transaction():  # re-entrant in one thread, as SQLite's
                assert second._lock.acquire(blocking=False) is False  # the other store must wait
            assert second._lock.acquire(blocking=False) is False  # still held by the outer one
        with second.transaction():  # released: the other store goes ahead
            assert first._lock.acquire(blocking=False) is False


def test_a_waiting_store_goes_ahead_once_the_lock_is_released(server):
    url = fresh_url(server)
    with open_store(url) as first, open_store(url) as second:
        entered = threading.Event()

        def waiter():
            with second.transaction():
                entered.set()

        with first.transaction():
            thread = threading.Thread(target=waiter)
            thread.start()
            assert not entered.wait(0.3)  # blocked on the wake-up list meanwhile
            assert second._lock.acquire(blocking_timeout=0.1) is False  # a wait that runs out says so
        thread.join(timeout=30)
        assert entered.is_set()
        assert second._r.llen(second._lock.wake) <= 1  # one wake-up at most is ever kept


def test_a_batch_links_without_the_lock_but_waits_while_someone_holds_it(server):
    url = fresh_url(server)
    with open_store(url) as holder, open_store(url) as linking:
        linker = Linker(linking, now=NOW)
        linker.link_many(CORPUS[:8])  # one atomic script, no lock taken
        assert not linking._r.exists(f"{linking._p}lock")
        linked = threading.Event()

        def link():
            linker.link_many(CORPUS[8:16])
            linked.set()

        with holder.transaction():  # e.g. integrity_check: a consistent view of the whole store
            before = holder.count_docs()
            thread = threading.Thread(target=link)
            thread.start()
            assert not linked.wait(0.5)  # it found the lock held and queued for it
            assert holder.count_docs() == before  # nothing written meanwhile
        thread.join(timeout=30)
        assert linked.is_set() and linking.count_docs() > before
        assert linking.integrity_check() == []


def test_a_long_transaction_keeps_its_lock(server, monkeypatch):
    monkeypatch.setattr(redis_store, "LOCK_TTL", 0.6)
    with open_store(fresh_url(server)) as store, store.transaction():
        time.sleep(1.5)  # renewed meanwhile, so released without complaint
        assert store._lock.owned()


def test_a_transaction_that_lost_its_lock_fails_loudly(store):
    with pytest.raises(StoreError, match="lost its lock"):
        with store.transaction():
            store._r.delete(f"{store._p}lock")  # as if it expired and another worker took over


def test_two_processes_write_one_redis_store_at_once(server, tmp_path):
    two_processes_write_at_once(fresh_url(server), tmp_path)


LINKER = textwrap.dedent("""
    import json, os, sys, time
    from newscrawl.fingerprint import Linker
    from newscrawl.store import open_store
    url, part, corpus, go = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    records = [json.loads(line) for line in open(corpus, encoding="utf-8")][part::2]
    with open_store(url) as store:
        linker = Linker(store)
        while not os.path.exists(go):  # both link copies of the same stories at the same moment
            time.sleep(0.01)
        for record in records:
            linker.link(record)
""")


def test_two_processes_linking_copies_of_one_story_end_with_one_cluster(server, tmp_path):
    url, go = fresh_url(server), tmp_path / "go"
    corpus = str(DATA / "corpus.jsonl")
    procs = [subprocess.Popen([sys.executable, "-c", LINKER, url, str(part), corpus, str(go)],
                              stderr=subprocess.PIPE, text=True) for part in (0, 1)]
    time.sleep(0.5)  # let both import and open the store
    go.touch()
    for proc in procs:
        assert proc.wait(timeout=120) == 0, proc.stderr.read()
    with open_store(url) as store:
        assert store.integrity_check() == []
        shared = Linker(store, now=NOW).clusters()
    alone = link(CORPUS)  # one process, in memory: the reference
    assert [{**v.record(), "former_ids": None} for v in shared] == \
        [{**v.record(), "former_ids": None} for v in alone]


PAIRS = textwrap.dedent("""
    import os, random, sys, time
    from newscrawl.fingerprint import Linker
    from newscrawl.store import open_store
    url, side, go = sys.argv[1:4]
    rng = random.Random(5)
    syllable = lambda: rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou")
    words = [syllable() + syllable() + syllable() for _ in range(3000)]
    stories = [[" ".join(rng.choice(words) for _ in range(14)) + "." for _ in range(24)] for _ in range(200)]
    with open_store(url) as store:
        linker = Linker(store)
        while not os.path.exists(go):
            time.sleep(0.005)
        for n, sentences in enumerate(stories):  # both sides link story n at about the same moment
            if side == "b":  # a partner's copy: another last line
                sentences = sentences[:-1] + ["Reporting by the wire desk and staff of our partner news team."]
            paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
            linker.link({"url": f"https://{side}.example/{n}", "text": "\\n\\n".join(paragraphs)})
""")


def test_two_workers_linking_two_copies_of_each_story_at_once_pair_them_all(server, tmp_path):
    # Without the lock, both lookups of a story can run before either copy is indexed:
    # a few of the 200 pairs then end as two singletons (seen in trials without it).
    url, go = fresh_url(server), tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, "-c", PAIRS, url, side, str(go)], stderr=subprocess.PIPE,
                              text=True) for side in "ab"]
    time.sleep(1)  # let both import and open the store
    go.touch()
    for proc in procs:
        assert proc.wait(timeout=120) == 0, proc.stderr.read()
    with open_store(url) as store:
        clusters = list(store.iter_clusters())
        assert len(clusters) == 200 and {len(members) for members in clusters} == {2}
        assert store.integrity_check() == []


def test_linking_into_redis_matches_memory(server):
    assert [v.record() for v in link(CORPUS, fresh_url(server))] == [v.record() for v in link(CORPUS)]


def test_any_batch_size_links_into_redis_alike(server):
    # The per-record answers differ (a batch answers once, after all of it is linked), and so
    # do the ids they handed out (former_ids); the clusters do not.
    expected = [{**v.record(), "former_ids": None} for v in link(CORPUS)]
    for size in (1, 7, 64):
        with open_store(fresh_url(server)) as store:
            linker = Linker(store, now=NOW)
            for at in range(0, len(CORPUS), size):
                assert all(linker.link_many(CORPUS[at:at + size]))
            assert store.integrity_check() == []
            assert [{**v.record(), "former_ids": None} for v in linker.clusters()] == expected, size


def test_batches_too_big_for_one_script_link_alike_under_the_lock(server, monkeypatch):
    monkeypatch.setattr(redis_store, "KEYS_PER_CALL", 300)  # a batch of 64 has thousands of keys
    expected = [{**v.record(), "former_ids": None} for v in link(CORPUS)]
    with open_store(fresh_url(server)) as store:
        linker = Linker(store, now=NOW)
        for at in range(0, len(CORPUS), 64):
            assert all(linker.link_many(CORPUS[at:at + 64]))
        assert store.integrity_check() == []
        assert [{**v.record(), "former_ids": None} for v in linker.clusters()] == expected


def test_a_linked_batch_takes_a_few_round_trips_whatever_its_size(store, monkeypatch):
    linker = Linker(store, now=NOW)
    linker.link_many(CORPUS[:8])  # the scripts are loaded into the server on first use
    sends = []
    send = redis.connection.Connection.send_packed_command
    monkeypatch.setattr(redis.connection.Connection, "send_packed_command",
                        lambda self, *args, **kw: sends.append(1) or send(self, *args, **kw))
    linker.link_many(CORPUS[8:])
    assert len(CORPUS[8:]) >= 50 and len(sends) <= 6, len(sends)  # 5 when measured; ~80 one item at a time


def test_an_unreachable_server_is_refused_at_open_naming_the_url():
    with RedisServer() as gone:
        refused = f"redis://:s3cret@127.0.0.1:{gone.port}/0"
    with pytest.raises(StoreError, match="cannot reach the Redis server") as error:
        open_store(refused)
    assert f"redis://***@127.0.0.1:{gone.port}/0" in str(error.value) and "s3cret" not in str(error.value)


def test_a_server_that_drops_every_connection_is_retried_a_few_times_then_reported():
    with socket.socket() as listener:  # accepts, then hangs up at once: no Redis behind it
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        accepted = []

        def hang_up():
            while True:
                try:
                    connection, _ = listener.accept()
                except OSError:
                    return
                accepted.append(connection)
                connection.close()

        threading.Thread(target=hang_up, daemon=True).start()
        with pytest.raises(StoreError, match="cannot reach the Redis server"):
            open_store(f"redis://127.0.0.1:{listener.getsockname()[1]}/0")
    assert len(accepted) == redis_store.RETRIES + 1  # retried, boundedly, then reported


def test_a_malformed_url_is_refused():
    for bad in ("redis://127.0.0.1:6379/notadb", "redis://127.0.0.1:6379/0?nosuchoption=1"):
        with pytest.raises(StoreError, match="invalid store URL"):
            open_store(bad)


def test_a_server_that_may_evict_keys_is_refused(own_server):
    own_server.command("CONFIG", "SET", "maxmemory-policy", "allkeys-lru")
    with pytest.raises(StoreError, match="noeviction"):
        open_store(own_server.url)


def test_a_restart_mid_use_is_retried_and_no_acknowledged_write_is_lost(own_server):
    with open_store(own_server.url) as store:
        acknowledged, failed, stop = [], [], threading.Event()

        def writer():
            for n in itertools.count():
                if stop.is_set():
                    return
                try:
                    store.seen_put(f"https://a.example/{n}", str(n), None, None)
                    acknowledged.append(n)
                except StoreError:
                    failed.append(n)

        thread = threading.Thread(target=writer)
        thread.start()
        time.sleep(0.2)
        own_server.restart(keep_data=True)
        time.sleep(0.2)
        stop.set()
        thread.join(timeout=30)
        assert acknowledged and not failed  # the writes during the restart waited and went through
        assert all(store.seen_get(f"https://a.example/{n}").content_hash == str(n) for n in acknowledged)
        with store.transaction():
            store.add_docs([row("https://a.example/after")])
        assert store.integrity_check() == []


def test_linking_goes_on_through_a_restart(own_server):
    twentieth, restarted = threading.Event(), threading.Event()

    def restart():
        twentieth.wait(timeout=60)
        own_server.restart(keep_data=True)
        restarted.set()

    restarter = threading.Thread(target=restart)
    restarter.start()
    with open_store(own_server.url) as store:
        linker = Linker(store, now=NOW)
        for n, record in enumerate(CORPUS):
            linker.link(record)  # the calls during the restart wait for the server
            if n == 20:
                twentieth.set()
        restarter.join(timeout=60)
        assert restarted.is_set() and store.integrity_check() == []
        views = linker.clusters()
    # One by one, answers hand out ids that later clusters replace (former_ids): compare the rest.
    assert [{**v.record(), "former_ids": None} for v in views] == \
        [{**v.record(), "former_ids": None} for v in link(CORPUS)]


def test_a_server_that_lost_the_store_or_stays_down_raises(own_server):
    with open_store(own_server.url) as store:
        store.add_docs([row("https://a.example/1")])
        own_server.restart(keep_data=False)  # no persistence: everything is gone
        for write in (lambda: store.add_docs([row("https://a.example/2")]),
                      lambda: store.put_setting("a", "b"),
                      lambda: store.seen_put("https://a.example/1", "h", None, None)):
            with pytest.raises(StoreError, match="vanished"):
                write()
        own_server.stop()
        with pytest.raises(StoreError, match="cannot reach the Redis server"):
            store.seen_put("https://a.example/3", "h", None, None)
        with pytest.raises(StoreError, match="cannot reach the Redis server"):
            with store.transaction():
                pass


def test_big_batches_take_few_round_trips(store, monkeypatch):
    ids = store.add_docs([row(f"https://a.example/{i}", content=i) for i in range(500)])
    for script in store._scripts.values():  # loaded into the server, as after any first use
        store._r.script_load(script.script)
    sends = []
    send = redis.connection.Connection.send_packed_command
    monkeypatch.setattr(redis.connection.Connection, "send_packed_command",
                        lambda self, *args, **kw: sends.append(1) or send(self, *args, **kw))
    store.add_keys([(k, i) for i in ids for k in range(i * 40, i * 40 + 40)])
    found = store.lookup_keys(range(0, 500 * 40, 7))
    labels = store.clusters_of(ids)
    store.merge_clusters([[i, i + 1] for i in ids[::2]])
    store.blocks_observe("a.example", [f"block{n}" for n in range(100)], "story")
    counts = store.blocks_doc_counts("a.example", [f"block{n}" for n in range(100)])
    assert len(found) == len(range(0, 500 * 40, 7)) and len(labels) == 500 and set(counts.values()) == {1}
    assert len(sends) == 6  # one round trip each
