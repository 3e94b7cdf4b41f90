"""RedisStore: the Store on one Redis server, shared by crawler processes on many machines."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np
import redis
from redis.backoff import ExponentialBackoff
from redis.exceptions import LockError
from redis.retry import Retry

from newscrawl.store.base import BLOCK_DOC_CAP, DocRow, KeyPairs, SeenEntry, Store, StoreError
from newscrawl.store.keytable import sorted_unique
from newscrawl.store.redis_lock import QueueLock
from newscrawl.store.redis_lua import INDEX_HASH_BITS, LABELS_PER_HASH, SCRIPTS
from newscrawl.store.redis_values import (INT64, doc_args, held_pairs, id_list, joined, members_by_id, merge_args,
                                         pack_row, unpack_row)

__all__ = ["RedisStore", "open_redis_store"]

# Keys under the prefix P (`nc:`, or `nc:NAME:` with ?prefix=NAME), all plain hashes:
#   meta        layout version, `ids` (the id counter)   lock      transaction lock (token, TTL), lock:wake
#   url         url -> doc id                            doc       id -> content (8 bytes) + JSON evidence
#   fp          content -> packed fingerprint            content   content -> "id,id,..." docs that have it
#   label:N     id -> cluster label, ids N*128 .. N*128+127 (small hashes are stored as compact listpacks)
#   cluster     label -> "id,id,..." members, only for clusters of two or more
#   key:N       index key (its last 6 bytes) -> "id,id,...", N = its first INDEX_HASH_BITS bits
#   pending     id -> the batch that stored it, until that batch merged its links (empty between batches)
#   noted, settings, seen (url -> JSON), blocks:SITE (block -> JSON list of story keys)
LAYOUT = "2"  # 1 had 2^16 index hashes
# A script runs alone on the server: big batches go in slices of this many keys (~50 ms).
KEYS_PER_CALL = 20_000

# A dropped connection is retried for about three seconds (a restarting server), then reported.
# Timeouts are not retried: the command may have run, and a script must not run twice.
RETRIES, BACKOFF_BASE, BACKOFF_CAP = 6, 0.05, 0.8
CONNECT_TIMEOUT = 2.0
COMMAND_TIMEOUT = 30.0  # a big batch script may take a while; a hung server is reported after this
# The lock of a dead holder expires after LOCK_TTL; a live holder renews it every third of it.
LOCK_TTL = 30.0
LOCK_WAIT = 60.0  # as SQLite's busy timeout: how long a writer queues behind others
# Waiters are woken by the release (QueueLock); without a wake-up they try again this often.
LOCK_RETRY = 0.05

def retry_policy() -> Retry:
    """How every Redis connection of a crawl rides out a server restart: ~2 s of backoff, then an error."""
    return Retry(ExponentialBackoff(cap=BACKOFF_CAP, base=BACKOFF_BASE), RETRIES,
                 supported_errors=(redis.ConnectionError,))


def open_redis_store(url: str, create: bool = True) -> RedisStore:
    """The store at a redis:// or rediss:// URL (`?prefix=NAME` keeps projects apart)."""
    return RedisStore(url, create=create)


class RedisStore(Store):
    """State in hashes under one key prefix; `transaction()` holds a lock in Redis.

    Every write is one Lua script, so it is atomic on its own; a transaction serialises
    writers across machines but, unlike SQLite's, does not undo its writes on error.
    """

    def __init__(self, url: str, create: bool = True):
        parts = urlsplit(url)
        self.url = urlunsplit(parts._replace(netloc="***@" + parts.netloc.rsplit("@", 1)[1])) \
            if "@" in parts.netloc else url  # no password in messages
        query = dict(parse_qsl(parts.query))
        prefix = query.pop("prefix", "")
        self._p = f"nc:{prefix}:" if prefix else "nc:"
        if parts.path.strip("/") and not parts.path.strip("/").isdigit():  # redis-py would ignore it
            raise StoreError(f"invalid store URL {self.url}: the path is a database number (/0)")
        self._closed = False
        self._mutex = threading.RLock()
        self._depth = 0
        retry = retry_policy()
        try:
            self._r = redis.Redis.from_url(urlunsplit(parts._replace(query=urlencode(query))), retry=retry,
                                           socket_connect_timeout=CONNECT_TIMEOUT,
                                           socket_timeout=COMMAND_TIMEOUT)
            # Unreachable, refused or unresolvable: say so now, before any fetch.
            policy = self._call("INFO", "memory").get("maxmemory_policy", "")
        except (ValueError, TypeError) as error:  # a malformed URL, an unknown ?option
            raise StoreError(f"invalid store URL {self.url}: {error}") from None
        self._scripts = {name: self._r.register_script(body) for name, body in SCRIPTS.items()}
        self._lock = QueueLock(self._r, self._p + "lock", timeout=LOCK_TTL, sleep=LOCK_RETRY,
                               blocking_timeout=LOCK_WAIT, thread_local=False)
        try:
            self._claim(create, policy)
        except StoreError:
            self._r.close()
            raise

    def _claim(self, create: bool, policy: str) -> None:
        if policy.startswith("allkeys"):
            raise StoreError(f"store {self.url}: the server may evict any key (maxmemory-policy {policy}); "
                             "the store needs noeviction")
        layout = self._call("HGET", self._p + "meta", "layout")
        if layout is None and not create:  # as a missing SQLite file: never written to
            raise StoreError(f"store {self.url}: no newscrawl state under the key prefix {self._p!r}")
        if layout is None:
            self._call("HSETNX", self._p + "meta", "layout", LAYOUT)
        elif layout.decode() != LAYOUT:
            raise StoreError(f"store {self.url}: key layout {layout.decode()}, this newscrawl reads {LAYOUT}")

    # --- plumbing: every Redis call goes through these, so errors all become StoreError --------
    def _check(self) -> None:
        if self._closed:
            raise StoreError(f"store {self.url} is closed")

    @contextmanager
    def _errors(self):
        self._check()
        try:
            yield
        except (redis.ConnectionError, redis.TimeoutError) as error:
            raise StoreError(f"store {self.url}: cannot reach the Redis server ({error})") from None
        except redis.RedisError as error:
            raise StoreError(f"store {self.url}: {error}") from None

    def _call(self, *command):
        with self._errors():
            return self._r.execute_command(*command)

    def _batch(self, commands: list[tuple], atomic: bool = False) -> list:
        """Several commands, one round trip; `atomic`: in MULTI/EXEC, one moment's view."""
        with self._errors():
            pipe = self._r.pipeline(transaction=atomic)
            for command in commands:
                pipe.execute_command(*command)
            return pipe.execute() if commands else []

    def _run(self, script: str, args: list, hash_name: str | None = None):
        with self._errors():
            return self._scripts[script](keys=[hash_name] if hash_name else [], args=[self._p, *args])

    def _hmget(self, hash_name: str, fields: list) -> list:
        if not fields:
            self._check()
            return []
        return self._call("HMGET", hash_name, *fields)

    def _label_hash(self, doc_id: int) -> str:
        return f"{self._p}label:{doc_id // LABELS_PER_HASH}"

    @contextmanager
    def transaction(self):
        with self._mutex:  # threads of this process queue here, other processes on the Redis lock
            outermost = self._depth == 0
            if outermost:
                with self._errors():
                    if not self._lock.acquire():
                        raise StoreError(f"store {self.url}: waited {LOCK_WAIT:.0f} s for another's lock")
                stop = threading.Event()
                threading.Thread(target=self._renew, args=(stop,), daemon=True).start()
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if outermost:
                    stop.set()
                    self._release()

    def _renew(self, stop: threading.Event) -> None:
        # A long section keeps its lock; a holder that dies stops renewing and the lock expires.
        while not stop.wait(LOCK_TTL / 3):
            try:
                self._lock.reacquire()
            except redis.RedisError:
                return  # lost: _release reports it

    def _release(self) -> None:
        with self._errors():
            try:
                self._lock.release()
            except LockError:
                raise StoreError(f"store {self.url}: the transaction lost its lock (expired or the server "
                                 "restarted); another worker may have written meanwhile") from None

    # --- documents ------------------------------------------------------------------------
    def add_docs(self, rows: Sequence[DocRow]) -> list[int]:
        if not rows:
            self._check()
            return []
        first = self._run("add_docs", doc_args(rows))
        return list(range(first, first + len(rows)))

    def update_doc(self, doc_id: int, row: DocRow) -> None:
        fingerprint = [] if row.fingerprint is None else [INT64.pack(row.content), row.fingerprint]
        while True:
            old = self._call("HGET", self._p + "doc", doc_id)
            if old is None:  # as in SQLite: no such doc, but the fingerprint is kept
                if fingerprint:
                    self._run("hset", ["HSETNX", *fingerprint], self._p + "fp")
                return
            new = pack_row(replace(row, url=unpack_row(old).url))  # a doc keeps its URL
            if self._run("update_doc", [doc_id, old, new, *fingerprint]):
                return

    def doc_ids(self, urls: Iterable[str]) -> dict[str, int]:
        urls = list(dict.fromkeys(urls))
        return {u: int(i) for u, i in zip(urls, self._hmget(self._p + "url", urls)) if i is not None}

    def content_docs(self, contents: Iterable[int]) -> dict[int, int]:
        contents = list(dict.fromkeys(contents))
        lists = self._hmget(self._p + "content", [INT64.pack(c) for c in contents])
        return {c: min(id_list(ids)) for c, ids in zip(contents, lists) if ids}

    def known_docs(self, urls: Iterable[str], contents: Iterable[int]) -> tuple[
            dict[str, int], dict[int, DocRow], dict[int, int]]:
        urls, contents = list(dict.fromkeys(urls)), list(dict.fromkeys(contents))
        if not urls and not contents:
            self._check()
            return {}, {}, {}
        reply = self._run("known", [b"".join(INT64.pack(c) for c in contents), *urls])
        ids = {u: int(i) for u, i in zip(urls, reply[:2 * len(urls):2]) if i}
        rows = {int(i): unpack_row(row) for i, row in zip(reply[:2 * len(urls):2], reply[1:2 * len(urls):2]) if i}
        holders = {c: min(id_list(ids)) for c, ids in zip(contents, reply[2 * len(urls):]) if ids}
        return ids, rows, holders

    def docs(self, ids: Iterable[int], fingerprints: bool = False) -> dict[int, DocRow]:
        ids = list(dict.fromkeys(ids))
        if not fingerprints:
            return {i: unpack_row(v) for i, v in zip(ids, self._hmget(self._p + "doc", ids)) if v is not None}
        if not ids:
            self._check()
            return {}
        replies = self._run("docs", [joined(ids), "1"])  # rows and fingerprints in one round trip
        data = {row[:8]: fp for row, fp in zip(replies[::2], replies[1::2]) if fp}
        return {i: replace(unpack_row(row), fingerprint=data.get(row[:8]))
                for i, row in zip(ids, replies[::2]) if row}

    def count_docs(self) -> int:
        return self._call("HLEN", self._p + "doc")

    # --- candidate index ---------------------------------------------------------------
    def add_keys(self, pairs: Iterable[tuple[int, int]]) -> None:
        self._check()
        pairs = KeyPairs.of(pairs)  # the script keeps a repeated pair once
        for at in range(0, len(pairs), KEYS_PER_CALL):
            keys, ids = pairs.keys[at:at + KEYS_PER_CALL], pairs.doc_ids[at:at + KEYS_PER_CALL]
            self._run("add_keys", [keys.astype(">i8").tobytes(), joined(ids.tolist())])

    def lookup_keys(self, keys: Iterable[int]) -> dict[int, list[int]]:
        keys = list(dict.fromkeys(np.fromiter(keys, dtype=np.int64).tolist()))
        if not keys:
            self._check()
            return {}
        packed = np.array(keys, dtype=">i8").tobytes()
        lists = [ids for at in range(0, len(packed), 8 * KEYS_PER_CALL)
                 for ids in self._run("lookup", [packed[at:at + 8 * KEYS_PER_CALL]]).split(b";")]
        return {key: sorted(id_list(ids)) for key, ids in zip(keys, lists) if ids}

    def lookup_and_add_keys(self, keys: np.ndarray, doc_ids: np.ndarray, cap: int) -> KeyPairs:
        self._check()
        keys, doc_ids = np.asarray(keys, dtype=np.int64), np.asarray(doc_ids, dtype=np.int64)
        found, lists = [], []
        at = 0
        while at < len(keys):  # slices of about KEYS_PER_CALL pairs, a key's pairs in one slice
            end = min(at + KEYS_PER_CALL, len(keys))
            while end < len(keys) and keys[end] == keys[end - 1]:
                end += 1
            reply = self._run("index", [keys[at:end].astype(">i8").tobytes(), joined(doc_ids[at:end].tolist()), cap])
            found += sorted_unique(keys[at:end]).tolist()
            lists += reply.split(b";")
            at = end
        return held_pairs(found, lists)

    def add_batch(self, rows: Sequence[DocRow], keys: np.ndarray, owners: np.ndarray, cap: int,
                  batch: str = "") -> tuple[list[tuple[str, int, int | None]], KeyPairs, dict[int, int]]:
        if len(keys) > KEYS_PER_CALL or not rows:  # in slices under the lock, so no one script holds the server long
            return super().add_batch(rows, keys, owners, cap, batch)
        self._check()
        keys = np.asarray(keys, dtype=np.int64)
        args = [len(rows)]
        for row in rows:
            args += [row.url, pack_row(row), INT64.pack(row.content), row.fingerprint or b""]
        args += [keys.astype(">i8").tobytes(), joined(np.asarray(owners).tolist()), cap, batch]
        # No lock: the script is atomic. Only while someone holds the lock (a whole-store
        # reader such as integrity_check, or a big batch) does a batch wait and go under it.
        reply = self._run("add_batch", [b"", *args])
        if reply == b"busy":
            with self.transaction():
                reply = self._run("add_batch", [self._lock.local.token, *args])
        states, ids, holders, lists, found, labels = reply
        names = {b"n": "new", b"u": "updated", b"k": "known", b"p": "pending", b"t": "twin"}
        out = [(names[bytes([state])], int(i), int(h) if h else None)
               for state, i, h in zip(states, ids.split(b","), holders.split(b","))]
        indexed = np.array([state in ("new", "updated", "pending") and h is None for state, _, h in out], dtype=bool)
        owners = np.asarray(owners, dtype=np.int64)
        held = held_pairs(sorted_unique(keys[indexed[owners]]).tolist(), lists.split(b";"))
        labels = {i: int(label) for i, label in zip(id_list(found), labels.split(b",")) if label} if found else {}
        labels.update((i, i) for state, i, _ in out if state == "new")  # a new doc is a cluster of its own
        return out, held, labels

    def add_and_index(self, rows: Sequence[DocRow], keys: np.ndarray, doc_ids: np.ndarray, cap: int,
                      others: Iterable[int] = ()) -> tuple[list[int], KeyPairs, dict[int, int]]:
        others = list(others)
        if len(keys) > KEYS_PER_CALL:  # in slices, so no one script holds the server for long
            return super().add_and_index(rows, keys, doc_ids, cap, others)
        self._check()
        keys, doc_ids = np.asarray(keys, dtype=np.int64), np.asarray(doc_ids, dtype=np.int64)
        first, lists, found, labels = self._run("add_and_index", [
            *doc_args(rows), keys.astype(">i8").tobytes(), joined(doc_ids.tolist()), cap, joined(others)])
        held = held_pairs(sorted_unique(keys).tolist(), lists.split(b";"))
        ids = list(range(first, first + len(rows)))
        out = {i: int(label) for i, label in zip(id_list(found), labels.split(b",")) if label} if found else {}
        out.update((i, i) for i in ids)  # a new doc is a cluster of its own
        return ids, held, out

    # --- clusters --------------------------------------------------------------------------
    def clusters_of(self, ids: Iterable[int]) -> dict[int, int]:
        ids = [i for i in dict.fromkeys(ids) if i >= 0]
        labels = self._run("lookup", ["label", joined(ids)]).split(b";") if ids else []
        return {i: int(label) for i, label in zip(ids, labels) if label}

    def merge_clusters(self, groups: Iterable[Sequence[int]]) -> None:
        self._check()
        args = merge_args(groups)
        if args:
            self._run("merge", args)

    def cluster_members(self, label: int) -> list[int]:
        listed, own = self._batch([("HGET", self._p + "cluster", label),
                                   ("HGET", self._label_hash(label), label)])
        if listed:
            return sorted(id_list(listed))
        return [label] if own is not None and int(own) == label else []

    def clusters_with_members(self, ids: Iterable[int]) -> dict[int, tuple[int, list[int]]]:
        ids = [i for i in dict.fromkeys(ids) if i >= 0]
        return members_by_id(ids, self._run("members", [joined(ids)]).split(b";") if ids else [])

    def merge_and_members(self, groups: Iterable[Sequence[int]], ids: Iterable[int],
                          settled: Iterable[int] = (), batch: str = "") -> dict[int, tuple[int, list[int]]]:
        self._check()
        ids = [i for i in dict.fromkeys(ids) if i >= 0]
        replies = self._run("merge_members", [joined(ids), batch, joined(settled), *merge_args(groups)])
        return members_by_id(ids, replies.split(b";") if ids else [])

    def mark_pending(self, ids: Iterable[int], batch: str) -> None:
        self._check()
        args = [x for i in ids for x in (i, batch)]
        if args:
            self._run("hset", ["HSET", *args], self._p + "pending")

    def pending_docs(self, ids: Iterable[int]) -> set[int]:
        ids = list(dict.fromkeys(ids))
        return {i for i, batch in zip(ids, self._hmget(self._p + "pending", ids)) if batch is not None}

    def settle(self, ids: Iterable[int], batch: str) -> None:
        self._check()
        self._run("settle", [batch, joined(ids)])

    def iter_clusters(self) -> Iterator[list[int]]:
        clusters = self._call("HGETALL", self._p + "cluster")
        return iter([sorted(id_list(clusters[label])) for label in sorted(clusters, key=int)])

    def note_cluster_ids(self, pairs: Iterable[tuple[str, int]]) -> None:
        self._check()
        args = [x for pair in pairs for x in pair]
        if args:
            self._run("hset", ["HSETNX", *args], self._p + "noted")

    def noted_cluster_ids(self) -> Iterator[tuple[str, int]]:
        noted = self._call("HGETALL", self._p + "noted")
        return iter(sorted((cluster_id.decode(), int(doc_id)) for cluster_id, doc_id in noted.items()))

    # --- settings, seen URLs, blocks ------------------------------------------------------------
    def get_setting(self, name: str) -> str | None:
        value = self._call("HGET", self._p + "settings", name)
        return None if value is None else value.decode()

    def put_setting(self, name: str, value: str) -> None:
        self._run("hset", ["HSET", name, value], self._p + "settings")

    def seen_get(self, url: str) -> SeenEntry | None:
        value = self._call("HGET", self._p + "seen", url)
        return None if value is None else SeenEntry(*json.loads(value))

    def seen_put(self, url, content_hash, lastmod, fetched_at) -> None:
        self._run("hset", ["HSET", url, json.dumps([content_hash, lastmod, fetched_at])], self._p + "seen")

    def blocks_observe(self, site: str, block_hashes: Iterable[str], doc_key: str) -> None:
        self._check()
        blocks = list(dict.fromkeys(block_hashes))
        if blocks:
            self._run("blocks", [BLOCK_DOC_CAP, doc_key, *blocks], f"{self._p}blocks:{site}")

    def blocks_doc_counts(self, site: str, block_hashes: Iterable[str]) -> dict[str, int]:
        blocks = list(block_hashes)
        stories = dict(zip(blocks, self._hmget(f"{self._p}blocks:{site}", blocks)))
        return {block: len(json.loads(stories[block])) if stories[block] else 0 for block in blocks}

    def iter_blocks(self) -> Iterator[tuple[str, str, int]]:
        prefix = f"{self._p}blocks:"
        pattern = "".join("\\" + c if c in "*?[]\\" else c for c in prefix) + "*"  # the prefix taken literally
        with self._errors():
            names = sorted(self._r.scan_iter(match=pattern, count=1000))
        out = []
        for name in names:
            site = name.decode()[len(prefix):]
            blocks = self._call("HGETALL", name)
            out += sorted((site, block.decode(), len(json.loads(stories))) for block, stories in blocks.items())
        return iter(out)

    # --- housekeeping ---------------------------------------------------------------------
    def integrity_check(self) -> list[str]:
        p = self._p
        with self.transaction():  # batches wait, so no doc comes or changes meanwhile
            rows = {int(i): unpack_row(v) for i, v in self._call("HGETALL", p + "doc").items()}
            top = int(self._call("HGET", p + "meta", "ids") or 0)
            # Merges take no lock: the labels and the clusters are read at one moment.
            *replies, clusters = self._batch([("HGETALL", self._label_hash(i)) for i in range(0, top, LABELS_PER_HASH)]
                                             + [("HGETALL", p + "cluster")], atomic=True)
            labels = {int(i): int(label) for reply in replies for i, label in reply.items()}
            clusters = {int(label): id_list(v) for label, v in clusters.items()}
            indexed: set[int] = set()
            for first in range(0, 1 << INDEX_HASH_BITS, 4096):  # the index, a slice per call
                ids = self._run("index_ids", [first, first + 4095])
                indexed.update(id_list(ids) if ids else ())
            urls = {url.decode(): int(i) for url, i in self._call("HGETALL", p + "url").items()}
            contents = {c: set(id_list(v)) for c, v in self._call("HGETALL", p + "content").items()}
            stored = set(self._call("HKEYS", p + "fp"))
        by_content: dict[bytes, set[int]] = {}
        for i, row in rows.items():
            by_content.setdefault(INT64.pack(row.content), set()).add(i)
        members = {label: set(ids) for label, ids in clusters.items()}
        checks = {
            "docs without a cluster label": sum(i not in labels for i in rows),
            "docs whose cluster does not list them":
                sum(i not in members.get(label, {label}) or labels.get(label) != label
                    for i, label in labels.items()),
            "cluster sets that disagree with the labels":
                sum(len(set(ids)) != len(ids) or len(ids) < 2 or any(labels.get(i) != label for i in ids)
                    for label, ids in clusters.items()),
            "docs without a stored fingerprint":
                sum(len(ids) for c, ids in by_content.items() if c not in stored),
            "URL index entries that disagree with the docs":
                len(set(urls.items()) ^ {(row.url, i) for i, row in rows.items()}),
            "content index entries that disagree with the docs":
                sum(contents.get(c) != by_content.get(c) for c in contents.keys() | by_content.keys()),
            "unknown docs in the candidate index": len(indexed - rows.keys()),
            "docs with ids beyond the id counter": sum(i >= top for i in rows),
        }
        return [f"{count} {problem}" for problem, count in checks.items() if count]

    def close(self) -> None:
        self._closed = True
        self._r.close()

