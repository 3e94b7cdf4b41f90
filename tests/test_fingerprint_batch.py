"""Fingerprints of a batch of texts: each the same as the text's own, whatever its neighbours."""

from __future__ import annotations

import random

import numpy as np

from newscrawl.fingerprint.batch import fingerprints
from newscrawl.fingerprint.shingles import fingerprint
from tests.fingerprint_reference import reference_fingerprint, varied_text
from tests.test_fingerprint_shingles import BODY, _differences


def test_each_text_of_a_batch_gets_its_reference_fingerprint():
    rng = random.Random(14)
    for _ in range(40):
        texts = [varied_text(rng, ascii_only=rng.random() < 0.5) for _ in range(rng.randint(1, 30))]
        texts += ["", "!!!", "One.", "\n".join(BODY), "東京都は10日、新しい条例を発表した。市長が述べた。"]
        rng.shuffle(texts)
        for text, fp in zip(texts, fingerprints(texts)):
            assert _differences(fp, reference_fingerprint(text)) == [], text


def test_a_batch_is_the_texts_one_by_one():
    texts = ["\n\n".join(BODY), "", "\n".join(reversed(BODY)), BODY[0]]
    batch = fingerprints(texts)
    assert len(batch) == 4 and fingerprints([]) == []
    for text, fp in zip(texts, batch):
        alone = fingerprint(text)
        assert fp.content == alone.content and np.array_equal(fp.shingles, alone.shingles)
        assert fp.loose_keys == alone.loose_keys and np.array_equal(fp.sentences, alone.sentences)
    assert batch[0].size > 50 and batch[1].size == 0
