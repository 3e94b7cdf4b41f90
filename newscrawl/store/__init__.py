"""Persistent state behind one interface: `open_store(url)` for memory://, sqlite:///path, redis://."""

from __future__ import annotations

import importlib

from newscrawl.store.base import BLOCK_DOC_CAP, DocRow, KeyPairs, SeenEntry, Store, StoreError

__all__ = ["BLOCK_DOC_CAP", "DocRow", "KeyPairs", "SeenEntry", "Store", "StoreError", "open_store"]

_HELP = "use memory://, sqlite:///relative/path, sqlite:////absolute/path or redis://host:port/db"


def open_store(url: str, create: bool = True) -> Store:
    """The store a URL names; `create=False` refuses to start an empty one.

    `sqlite:///state.sqlite` is relative to the working directory, `sqlite:////var/x.sqlite`
    absolute (as in SQLAlchemy); `sqlite:///:memory:` is a private in-memory database.
    """
    if not isinstance(url, str) or "://" not in url:
        raise StoreError(f"invalid store URL {url!r}: {_HELP}")
    scheme = url.split("://", 1)[0].lower()
    if scheme == "memory":
        from newscrawl.store.memory import MemoryStore

        return MemoryStore(url)
    if scheme == "sqlite":
        from newscrawl.store.sqlite import SqliteStore

        if not url.lower().startswith("sqlite:///") or len(url) == len("sqlite:///"):
            raise StoreError(f"invalid store URL {url!r}: a SQLite URL needs a path ({_HELP})")
        return SqliteStore(url, url[len("sqlite:///"):], create=create)
    if scheme in ("redis", "rediss"):
        try:
            module = importlib.import_module("newscrawl.store.redis")
        except ImportError as error:
            raise StoreError(f"store {url}: the Redis store is not available ({error})") from None
        return module.open_redis_store(url, create=create)
    raise StoreError(f"unsupported store URL {url!r}: {_HELP}")
