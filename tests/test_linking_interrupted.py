"""A batch stopped between its two store steps (killed, crashed, store gone) loses no link once its records come again."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap

import pytest

from newscrawl.fingerprint import Linker
from newscrawl.store import StoreError, open_store
from newscrawl.store import redis as redis_store
from tests.redis_server import RedisServer
from tests.test_linking_corpus import CORPUS, NOW, link

SIZE = 16  # records per batch; the second batch is the one interrupted
STOP = 1


def batches(records):
    return [records[at:at + SIZE] for at in range(0, len(records), SIZE)]


def clusters(store) -> list[dict]:
    # former_ids list the ids handed out with earlier answers: they depend on the batches.
    return [{**view.record(), "former_ids": None} for view in Linker(store, now=NOW).clusters()]


EXPECTED = [{**view.record(), "former_ids": None} for view in link(CORPUS)]

# A linker process that stores batch STOP, then is killed before it merges that batch's links.
KILLED = textwrap.dedent("""
    import json, os, signal, sys
    from newscrawl.fingerprint import Linker
    from newscrawl.store import open_store
    url, corpus, size, stop = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    if len(sys.argv) > 5:  # Redis in slices under its lock, as for batches too big for one script
        import newscrawl.store.redis
        newscrawl.store.redis.KEYS_PER_CALL = int(sys.argv[5])
    records = [json.loads(line) for line in open(corpus, encoding="utf-8")]
    store = open_store(url)
    linker = Linker(store, now=1.9e9)
    for n, at in enumerate(range(0, (stop + 1) * size, size)):
        if n == stop:  # the batch's docs are stored and indexed; SIGKILL before its merges
            store.merge_and_members = lambda *args, **kwargs: os.kill(os.getpid(), signal.SIGKILL)
        linker.link_many(records[at:at + size])
    sys.exit("not killed")
""")


@pytest.fixture(params=["sqlite", "redis", "redis-sliced"])
def store(request, tmp_path, monkeypatch):
    """(store URL, extra child arguments)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/state.sqlite", []
        return
    extra = []
    if request.param == "redis-sliced":
        monkeypatch.setattr(redis_store, "KEYS_PER_CALL", 300)  # a batch of 16 has ~1,000 keys
        extra = ["300"]
    with RedisServer() as server:
        yield f"{server.url}?prefix=killed", extra


def unreachable(*args, **kwargs):
    raise StoreError("store memory://: cannot reach it")


def relink_after_the_stop(store) -> None:
    """What is left of the interrupted batch; then the corpus again, by a fresh linker."""
    assert store.count_docs() == (STOP + 1) * SIZE  # the batch was stored and indexed ...
    assert clusters(store) != EXPECTED  # ... and its links are missing
    linker = Linker(store, now=NOW)
    for part in batches(CORPUS):
        linker.link_many(part)
    assert clusters(store) == EXPECTED
    assert linker.stats["relinked"] == SIZE  # the interrupted batch's docs, linked anew
    assert store.integrity_check() == []
    again = Linker(store, now=NOW)
    again.link_many(CORPUS)
    assert again.stats["relinked"] == 0 and again.stats["verified"] == 0  # settled: nothing to redo


def test_a_linker_killed_between_the_two_steps_loses_no_link(store, tmp_path):
    store_url, extra = store
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in CORPUS), encoding="utf-8")
    child = subprocess.run([sys.executable, "-c", KILLED, store_url, str(corpus), str(SIZE), str(STOP), *extra],
                           capture_output=True, text=True, timeout=120)
    assert child.returncode == -signal.SIGKILL, child.stderr[-2000:]
    with open_store(store_url) as store:
        relink_after_the_stop(store)


def test_a_merge_that_fails_loses_no_link_in_a_memory_store():
    # In one process: the store stops answering at the merge (as an unreachable server).
    with open_store("memory://") as store:
        linker = Linker(store, now=NOW)
        for n, part in enumerate(batches(CORPUS)[:STOP + 1]):
            if n == STOP:
                store.merge_and_members = unreachable
                with pytest.raises(StoreError):
                    linker.link_many(part)
            else:
                linker.link_many(part)
        del store.merge_and_members
        relink_after_the_stop(store)


def test_a_relinked_doc_keeps_its_stored_evidence(tmp_path):
    # Its record comes again from a later fetch: the doc is linked anew, not stored anew.
    with open_store(f"sqlite:///{tmp_path}/state.sqlite") as store:
        record = {**CORPUS[0], "fetched_at": "2026-01-02T00:00:00Z"}
        linker = Linker(store, now=NOW)
        store.merge_and_members = unreachable
        with pytest.raises(StoreError):
            linker.link(record)
        del store.merge_and_members
        [doc_id] = store.doc_ids([record["url"]]).values()
        before = store.docs([doc_id])[doc_id]
        later = Linker(store, now=NOW)
        assert later.link({**record, "fetched_at": "2026-03-04T00:00:00Z"}) is not None
        assert later.stats["relinked"] == 1 and store.docs([doc_id])[doc_id] == before
        assert store.pending_docs([doc_id]) == set()
