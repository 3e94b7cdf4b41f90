"""Prepared records: what a worker process sends back is what it prepared."""

from __future__ import annotations

import pickle

import numpy as np

from newscrawl.fingerprint.prepare import Prepared, prepare
from newscrawl.fingerprint.shingles import pack
from tests.test_fingerprint_shingles import BODY


def test_a_prepared_record_survives_pickling_whole():
    records = [{"url": "https://a.example/1", "text": "\n\n".join(BODY), "published": "2026-03-01T10:00:00Z",
                "site": "a.example", "wire": "AP"},
               {"url": "https://b.example/2", "text": "Too short."},
               {"url": "https://c.example/3", "text": ""}]
    prepared = prepare(records)
    back = pickle.loads(pickle.dumps(prepared))
    doc, again = prepared[0], back[0]
    assert isinstance(again, Prepared) and back[1:] == prepared[1:]
    assert (again.url, again.row, again.position, again.id, again.holder) == \
        (doc.url, doc.row, doc.position, doc.id, doc.holder)
    assert np.array_equal(again.bands, doc.bands) and again.bands.dtype == np.int64
    assert again.packed == pack(doc.fp) and pack(again.fp) == pack(doc.fp)
    for name in ("content", "anchors", "loose_keys", "dateline", "credit", "size"):
        assert getattr(again.fp, name) == getattr(doc.fp, name), name
    assert doc.fp.size > 15 and doc.fp.anchors and doc.fp.loose_keys
