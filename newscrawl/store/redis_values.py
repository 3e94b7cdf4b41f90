"""How the Redis store lays out values: rows, id lists, script arguments and replies."""

from __future__ import annotations

import itertools
import json
import struct
from collections.abc import Iterable, Sequence

import numpy as np

from newscrawl.store.base import DocRow, KeyPairs

__all__ = ["INT64", "doc_args", "held_pairs", "id_list", "joined", "members_by_id", "merge_args", "pack_row",
           "unpack_row"]

INT64 = struct.Struct(">q")


def pack_row(row: DocRow) -> bytes:
    evidence = [row.url, row.site, row.wire, row.dateline, row.published, row.fetched, row.size]
    return INT64.pack(row.content) + json.dumps(evidence, ensure_ascii=False, separators=(",", ":")).encode()


def unpack_row(data: bytes) -> DocRow:
    url, site, wire, dateline, published, fetched, size = json.loads(data[8:])
    content = INT64.unpack_from(data)[0]
    return DocRow(url, content, site, wire, dateline, _float(published), _float(fetched), size)


def _float(value) -> float | None:
    return None if value is None else float(value)  # as SQLite's REAL columns read back


def joined(ids: Iterable[int]) -> str:
    return ",".join(map(str, ids))


def id_list(value: bytes) -> list[int]:
    return [int(i) for i in value.split(b",")]


def doc_args(rows: Sequence[DocRow]) -> list:
    """add_docs' arguments: the rows, then each distinct content's fingerprint once."""
    args: list = [len(rows)]
    fingerprints = {}
    for row in rows:
        args += [row.url, pack_row(row), INT64.pack(row.content)]
        if row.fingerprint is not None:
            fingerprints.setdefault(INT64.pack(row.content), row.fingerprint)
    args.append(len(fingerprints))
    for pair in fingerprints.items():
        args += pair
    return args


def merge_args(groups: Iterable[Sequence[int]]) -> list:
    args: list = []
    for group in groups:
        labels = sorted(set(group))
        if len(labels) > 1:
            args += [len(labels), *labels]
    return args


def held_pairs(keys: list[int], lists: list[bytes]) -> KeyPairs:
    """The index's answer (per distinct key the ids it held, b'' for none) as pairs."""
    found = [(key, sorted(id_list(ids))) for key, ids in zip(keys, lists) if ids]
    sizes = [len(ids) for _, ids in found]
    return KeyPairs(np.repeat(np.array([key for key, _ in found], dtype=np.int64), sizes),
                    np.fromiter(itertools.chain.from_iterable(ids for _, ids in found), dtype=np.int64,
                                count=sum(sizes)))


def members_by_id(ids: list[int], replies: list[bytes]) -> dict[int, tuple[int, list[int]]]:
    out = {}
    for i, reply in zip(ids, replies):
        if reply:
            label, members = reply.split(b":")
            out[i] = (int(label), sorted(id_list(members)) if members else [])
    return out
