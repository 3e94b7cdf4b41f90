"""SqliteStore: the embedded default store, one file, safe with several writing processes."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from newscrawl.store.base import BLOCK_DOC_CAP, DocRow, KeyPairs, SeenEntry, Store, StoreError
from newscrawl.store.keytable import sorted_unique

__all__ = ["SqliteStore"]

# A writer waits this long for another process's transaction before giving up.
BUSY_TIMEOUT_MS = 120_000
# Page cache per connection (KiB), and reads through mmap: the key index is read at random.
# Reads come from the mapped file (page cache the kernel can reclaim), so the cache holds
# mostly pages being written: 64 MiB links as fast as 256 did (bench/README.md) and keeps
# anonymous memory down on large runs.
CACHE_KIB = 64 * 1024
MMAP_BYTES = 2 << 30
# New index keys go to a small table first and move into the big one in key order once
# they are a tenth of it: inserting at random into a big B-tree rewrites most of its pages
# on every commit, a sorted merge rewrites each page once (~3x faster at 1M docs).
MERGE_FRACTION = 0.1
MERGE_MIN_ROWS = 1_000_000

SCHEMA = """
CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
    id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, content INTEGER NOT NULL,
    cluster INTEGER NOT NULL, site TEXT, wire TEXT, dateline TEXT,
    published REAL, fetched REAL, size INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS docs_cluster ON docs (cluster);
CREATE INDEX IF NOT EXISTS docs_content ON docs (content);
CREATE TABLE IF NOT EXISTS fingerprints (id INTEGER PRIMARY KEY, content INTEGER NOT NULL UNIQUE, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS keys (key INTEGER NOT NULL, doc INTEGER NOT NULL,
    PRIMARY KEY (key, doc)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS keys_recent (key INTEGER NOT NULL, doc INTEGER NOT NULL,
    PRIMARY KEY (key, doc)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS key_rows (level TEXT PRIMARY KEY, rows INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS noted (cluster_id TEXT PRIMARY KEY, doc INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS pending (doc INTEGER PRIMARY KEY, batch TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS seen (url TEXT PRIMARY KEY, content_hash TEXT, lastmod TEXT,
    fetched_at TEXT);
CREATE TABLE IF NOT EXISTS blocks (site TEXT NOT NULL, block TEXT NOT NULL,
    doc_key TEXT NOT NULL, PRIMARY KEY (site, block, doc_key)) WITHOUT ROWID;
"""
# Fingerprints (~6 kB each) are appended in arrival order and found through an index on
# their content hash: keyed by the hash itself, each batch inserted them all over the
# table's B-tree (3x the CPU and wall time at 200k docs). Stores made before keep that
# layout; every statement here works on both.
_ROW = "d.id, d.url, d.content, d.site, d.wire, d.dateline, d.published, d.fetched, d.size"
# Id lists travel as one JSON parameter: no limit on host parameters, one statement.
_IDS = "(SELECT value FROM json_each(?))"


def _json(values: Iterable) -> str:
    return json.dumps(list(values))


def _switch_to_wal(db: sqlite3.Connection) -> None:
    """Put the file in WAL mode, waiting out other processes that hold it.

    Changing the journal mode needs an exclusive lock, and SQLite answers "database is
    locked" at once instead of calling the busy handler; so two processes opening a new
    store together, or one opening while another writes, would fail. Retry until the
    busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


class SqliteStore(Store):
    """State in one SQLite file (WAL); `transaction()` is BEGIN IMMEDIATE, so writers queue."""

    def __init__(self, url: str, path: str, create: bool = True):
        self.url = url
        self._lock = threading.RLock()
        self._depth = 0
        if path != ":memory:":
            file = Path(path)
            if not create and not file.exists():
                raise StoreError(f"store {url}: no such file {file}")
            try:
                file.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(f"store {url}: cannot create {file.parent}: {error.strerror}") from None
        try:
            self._db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                       check_same_thread=False)
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._configure()
            self._db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            self._db.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            with self.transaction():
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        self._db.execute(statement)
        except sqlite3.Error as error:
            raise StoreError(f"store {url}: cannot open {path}: {error}") from None

    def _configure(self) -> None:
        """Journal and syncing, before the schema is made: WAL, so readers never wait for writers."""
        _switch_to_wal(self._db)
        self._db.execute("PRAGMA synchronous = NORMAL")

    def _begin(self) -> None:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise StoreError(f"store {self.url}: {error}") from None

    def _rollback(self) -> None:
        self._db.execute("ROLLBACK")

    def _q(self, sql: str, params: Sequence = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.Error as error:
                raise StoreError(f"store {self.url}: {error}") from None

    def _many(self, sql: str, rows: Iterable[Sequence]) -> None:
        with self.transaction():
            try:
                self._db.executemany(sql, rows)
            except sqlite3.Error as error:
                raise StoreError(f"store {self.url}: {error}") from None

    @contextmanager
    def transaction(self):
        with self._lock:
            outermost = self._depth == 0
            if outermost:
                self._begin()
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth -= 1
                if outermost:
                    self._rollback()
                raise
            self._depth -= 1
            if outermost:
                self._db.execute("COMMIT")

    # --- documents ------------------------------------------------------------------------
    def add_docs(self, rows: Sequence[DocRow]) -> list[int]:
        with self.transaction():
            first = self._q("SELECT COALESCE(MAX(id), -1) + 1 FROM docs")[0][0]
            ids = list(range(first, first + len(rows)))
            try:
                self._db.executemany(
                    "INSERT INTO docs (id, url, content, cluster, site, wire, dateline, published, fetched,"
                    " size) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(i, r.url, r.content, i, r.site, r.wire, r.dateline, r.published, r.fetched, r.size)
                     for i, r in zip(ids, rows)])
            except sqlite3.IntegrityError as error:
                raise StoreError(f"store {self.url}: {error}") from None
            self._put_fingerprints(rows)
        return ids

    def _put_fingerprints(self, rows: Iterable[DocRow]) -> None:
        self._db.executemany("INSERT OR IGNORE INTO fingerprints (content, data) VALUES (?, ?)",
                             [(r.content, r.fingerprint) for r in rows if r.fingerprint is not None])

    def update_doc(self, doc_id: int, row: DocRow) -> None:
        with self.transaction():
            self._db.execute(
                "UPDATE docs SET content = ?, site = ?, wire = ?, dateline = ?, published = ?, fetched = ?,"
                " size = ? WHERE id = ?",
                (row.content, row.site, row.wire, row.dateline, row.published, row.fetched, row.size, doc_id))
            self._put_fingerprints([row])

    def doc_ids(self, urls: Iterable[str]) -> dict[str, int]:
        return dict(self._q(f"SELECT url, id FROM docs WHERE url IN {_IDS}", (_json(urls),)))

    def content_docs(self, contents: Iterable[int]) -> dict[int, int]:
        sql = f"SELECT content, MIN(id) FROM docs WHERE content IN {_IDS} GROUP BY content"
        return dict(self._q(sql, (_json(contents),)))

    def docs(self, ids: Iterable[int], fingerprints: bool = False) -> dict[int, DocRow]:
        if fingerprints:
            sql = (f"SELECT {_ROW}, f.data FROM docs d LEFT JOIN fingerprints f ON f.content = d.content"
                   f" WHERE d.id IN {_IDS}")
        else:
            sql = f"SELECT {_ROW}, NULL FROM docs d WHERE d.id IN {_IDS}"
        return {row[0]: DocRow(*row[1:]) for row in self._q(sql, (_json(ids),))}

    def count_docs(self) -> int:
        return self._q("SELECT COUNT(*) FROM docs")[0][0]

    # --- candidate index ---------------------------------------------------------------
    def add_keys(self, pairs: Iterable[tuple[int, int]]) -> None:
        pairs = KeyPairs.of(pairs)
        # Sorted inserts walk the B-tree in order: far fewer page visits per batch.
        order = np.lexsort((pairs.doc_ids, pairs.keys))
        with self.transaction():
            cursor = self._db.executemany("INSERT OR IGNORE INTO keys_recent (key, doc) VALUES (?, ?)",
                                          zip(pairs.keys[order].tolist(), pairs.doc_ids[order].tolist()))
            rows = self._count_rows("recent", cursor.rowcount)
            if rows["recent"] > max(MERGE_MIN_ROWS, MERGE_FRACTION * rows["main"]):
                merged = self._db.execute("INSERT OR IGNORE INTO keys SELECT key, doc FROM keys_recent").rowcount
                self._db.execute("DELETE FROM keys_recent")
                self._count_rows("main", merged)
                self._count_rows("recent", -rows["recent"])

    def _count_rows(self, level: str, added: int) -> dict[str, int]:
        self._db.execute("INSERT INTO key_rows (level, rows) VALUES (?, ?) ON CONFLICT (level)"
                         " DO UPDATE SET rows = rows + excluded.rows", (level, added))
        return {"main": 0, "recent": 0, **dict(self._db.execute("SELECT level, rows FROM key_rows"))}

    def lookup_keys(self, keys: Iterable[int]) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        pairs = self.lookup_pairs(keys)
        for key, doc_id in zip(pairs.keys.tolist(), pairs.doc_ids.tolist()):
            found.setdefault(key, []).append(doc_id)
        return found

    def lookup_pairs(self, keys: Iterable[int]) -> KeyPairs:
        keys = keys if isinstance(keys, np.ndarray) else np.fromiter(keys, dtype=np.int64)
        # Probing in key order keeps the B-tree pages warm: about twice as fast; a join
        # probes the primary key once per wanted key (faster than `IN (...)`).
        rows = self._q("SELECT k.key, k.doc FROM json_each(?1) j JOIN keys k ON k.key = j.value"
                       " UNION ALL SELECT k.key, k.doc FROM json_each(?1) j JOIN keys_recent k ON k.key = j.value",
                       (json.dumps(sorted_unique(keys).tolist()),))
        found = np.array(rows, dtype=np.int64).reshape(-1, 2)
        # A pair added again after its merge is in both tables.
        return KeyPairs(found[:, 0], found[:, 1]).distinct()

    # --- clusters --------------------------------------------------------------------------
    def clusters_of(self, ids: Iterable[int]) -> dict[int, int]:
        return dict(self._q(f"SELECT id, cluster FROM docs WHERE id IN {_IDS}", (_json(ids),)))

    def merge_clusters(self, groups: Iterable[Sequence[int]]) -> None:
        with self.transaction():
            for group in groups:
                labels = sorted(set(group))
                sizes = dict(self._q(f"SELECT cluster, COUNT(*) FROM docs WHERE cluster IN {_IDS}"
                                     " GROUP BY cluster", (_json(labels),)))
                keep = min(labels, key=lambda lab: (-sizes.get(lab, 0), lab))
                losers = [lab for lab in labels if lab != keep]
                self._db.execute(f"UPDATE docs SET cluster = ? WHERE cluster IN {_IDS}", (keep, _json(losers)))

    def cluster_members(self, label: int) -> list[int]:
        return [i for (i,) in self._q("SELECT id FROM docs WHERE cluster = ? ORDER BY id", (label,))]

    def iter_clusters(self) -> Iterator[list[int]]:
        rows = self._q("SELECT cluster, id FROM docs WHERE cluster IN"
                       " (SELECT cluster FROM docs WHERE cluster != id) ORDER BY cluster, id")
        members: list[int] = []
        label = None
        for cluster, doc_id in rows:
            if cluster != label and members:
                yield members
                members = []
            label = cluster
            members.append(doc_id)
        if members:
            yield members

    # A doc stays in `pending` from the batch that stores it to the merge of its links: a
    # table created on open (an older store just has none pending), small between batches.
    def mark_pending(self, ids: Iterable[int], batch: str) -> None:
        self._many("INSERT OR REPLACE INTO pending (doc, batch) SELECT value, ? FROM json_each(?)",
                   [(batch, _json(ids))])

    def pending_docs(self, ids: Iterable[int]) -> set[int]:
        return {i for (i,) in self._q(f"SELECT doc FROM pending WHERE doc IN {_IDS}", (_json(ids),))}

    def settle(self, ids: Iterable[int], batch: str) -> None:
        self._many(f"DELETE FROM pending WHERE batch = ? AND doc IN {_IDS}", [(batch, _json(ids))])

    def note_cluster_ids(self, pairs: Iterable[tuple[str, int]]) -> None:
        self._many("INSERT OR IGNORE INTO noted (cluster_id, doc) VALUES (?, ?)", list(pairs))

    def noted_cluster_ids(self) -> Iterator[tuple[str, int]]:
        yield from self._q("SELECT cluster_id, doc FROM noted ORDER BY cluster_id")

    # --- settings, seen URLs, blocks ------------------------------------------------------------
    def get_setting(self, name: str) -> str | None:
        rows = self._q("SELECT value FROM settings WHERE name = ?", (name,))
        return rows[0][0] if rows else None

    def put_setting(self, name: str, value: str) -> None:
        self._many("INSERT OR REPLACE INTO settings (name, value) VALUES (?, ?)", [(name, value)])

    def seen_get(self, url: str) -> SeenEntry | None:
        rows = self._q("SELECT content_hash, lastmod, fetched_at FROM seen WHERE url = ?", (url,))
        return SeenEntry(*rows[0]) if rows else None

    def seen_put(self, url, content_hash, lastmod, fetched_at) -> None:
        self._many("INSERT OR REPLACE INTO seen (url, content_hash, lastmod, fetched_at) VALUES (?, ?, ?, ?)",
                   [(url, content_hash, lastmod, fetched_at)])

    def blocks_observe(self, site: str, block_hashes: Iterable[str], doc_key: str) -> None:
        # The cap check and the insert run in one write transaction: no race past the cap.
        self._many(
            "INSERT OR IGNORE INTO blocks (site, block, doc_key) SELECT ?, ?, ?"
            f" WHERE (SELECT COUNT(*) FROM blocks WHERE site = ? AND block = ?) < {BLOCK_DOC_CAP}",
            [(site, block, doc_key, site, block) for block in dict.fromkeys(block_hashes)])

    def blocks_doc_counts(self, site: str, block_hashes: Iterable[str]) -> dict[str, int]:
        blocks = list(block_hashes)
        counts = dict(self._q(f"SELECT block, COUNT(*) FROM blocks WHERE site = ? AND block IN {_IDS}"
                              " GROUP BY block", (site, _json(blocks))))
        return {block: counts.get(block, 0) for block in blocks}

    def iter_blocks(self) -> Iterator[tuple[str, str, int]]:
        return iter(self._q("SELECT site, block, COUNT(*) FROM blocks GROUP BY site, block ORDER BY site, block"))

    # --- housekeeping ---------------------------------------------------------------------
    def integrity_check(self) -> list[str]:
        problems = [row[0] for row in self._q("PRAGMA integrity_check") if row[0] != "ok"]
        checks = {
            "docs whose cluster label is not a member of that cluster":
                "SELECT COUNT(*) FROM docs d WHERE NOT EXISTS"
                " (SELECT 1 FROM docs l WHERE l.id = d.cluster AND l.cluster = d.cluster)",
            "docs without a stored fingerprint":
                "SELECT COUNT(*) FROM docs d WHERE NOT EXISTS (SELECT 1 FROM fingerprints f"
                " WHERE f.content = d.content)",
            "index keys of unknown docs":
                "SELECT COUNT(*) FROM (SELECT doc FROM keys UNION ALL SELECT doc FROM keys_recent) k"
                " WHERE NOT EXISTS (SELECT 1 FROM docs d WHERE d.id = k.doc)",
        }
        for problem, sql in checks.items():
            count = self._q(sql)[0][0]
            if count:
                problems.append(f"{count} {problem}")
        return problems

    def close(self) -> None:
        with self._lock:
            self._db.close()
