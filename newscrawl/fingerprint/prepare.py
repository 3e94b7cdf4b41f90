"""The store-free half of linking: fingerprints, rows and band keys of records, picklable for worker processes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields

import numpy as np

from newscrawl.fingerprint.clusters import UNIQUE, LinkResult
from newscrawl.fingerprint.records import doc_row, record_text
from newscrawl.fingerprint.batch import fingerprints
from newscrawl.fingerprint.shingles import Fingerprint, pack, unpack
from newscrawl.fingerprint.signature import band_keys, signatures
from newscrawl.store import DocRow

__all__ = ["MIN_SHINGLES", "Prepared", "prepare"]

# Texts with fewer shingles (about 20 words) are too short to call anything a copy.
MIN_SHINGLES = 15


@dataclass
class Prepared:
    """A record ready to link: everything that needs no store. The linker fills in the rest."""

    url: str
    fp: Fingerprint
    row: DocRow  # with the packed fingerprint
    bands: np.ndarray  # (BANDS,) int64 LSH band keys of fp's shingles
    position: int = -1  # in the linked batch
    id: int = -1
    holder: int | None = None  # id of an earlier doc with the same content
    packed: bytes | None = None  # pack(fp), the row's fingerprint

    def __reduce__(self):
        # To and from worker processes: the fingerprint's arrays packed into one bytes object
        # and the row as a tuple pickle and unpickle several times faster than as objects.
        fp, row = self.fp, self.row
        return _unpickle, (self.url, self.packed or pack(fp), fp.content, fp.anchors, fp.loose_keys, fp.dateline,
                           fp.credit, tuple(getattr(row, name) for name in _ROW_FIELDS), self.bands.tobytes(),
                           self.position, self.id, self.holder)


_ROW_FIELDS = tuple(f.name for f in fields(DocRow))


def _unpickle(url, packed, content, anchors, loose_keys, dateline, credit, row, bands, position, doc_id, holder):
    fp = unpack(packed, content, anchors=anchors, loose_keys=loose_keys, dateline=dateline, credit=credit)
    return Prepared(url, fp, DocRow(*row), np.frombuffer(bands, dtype=np.int64), position, doc_id, holder, packed)


def prepare(records: Iterable[Mapping]) -> list[Prepared | LinkResult | None]:
    """Per record: a Prepared doc, UNIQUE when its text is too short to link, or None when it
    has no text or URL. A pure function of each record, so any split of a corpus into
    chunks (one per worker process) gives the same items; the texts are fingerprinted in
    one batch (fingerprint.batch)."""
    out: list[Prepared | LinkResult | None] = []
    usable: list[tuple[int, Mapping, str]] = []
    texts: list[str] = []
    for record in records:
        text = record_text(record)
        url = record.get("url")
        if text is None or not isinstance(url, str) or not url:
            out.append(None)
        else:
            usable.append((len(out), record, url))
            texts.append(text)
            out.append(UNIQUE)
    todo: list[Prepared] = []
    for (at, record, url), fp in zip(usable, fingerprints(texts)):
        if fp.size >= MIN_SHINGLES:  # else UNIQUE: too short to link
            packed = pack(fp)  # here, in the worker process, and sent as it is
            out[at] = doc = Prepared(url, fp, doc_row(record, fp, packed), _NO_BANDS, packed=packed)
            todo.append(doc)
    if todo:
        for doc, bands in zip(todo, band_keys(signatures([d.fp for d in todo]))):
            doc.bands = bands
    return out


_NO_BANDS = np.zeros(0, dtype=np.int64)
