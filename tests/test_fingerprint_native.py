"""The compiled helpers (_native.c) give exactly what their pure-Python references give, whatever the text."""

from __future__ import annotations

import random

import numpy as np
import pytest

from newscrawl.fingerprint import batch as batch_module
from newscrawl.fingerprint import scan as scan_module
from newscrawl.fingerprint import text as text_module
from newscrawl.fingerprint.batch import _loose, _loose_python, _per_doc, fingerprints
from newscrawl.fingerprint.scan import COMPILED, SENTENCE, WORD, same, scan_compiled, scan_python
from newscrawl.fingerprint.native import native
from newscrawl.fingerprint.verify import _sentence_overlap_python, _shared_count
from newscrawl.fingerprint.text import PROSE_MIN_WORDS, _prose_lines, prose
from tests.fingerprint_reference import varied_text
from tests.test_fingerprint_shingles import _differences

needs_compiled = pytest.mark.skipif(not COMPILED, reason="checked by test_the_compiled_scan_is_built")

# Where the two could part: cuts (closers, `?!`, `…`, `。`, adjacent end marks), words (`_`,
# digits of other scripts, `²`, accents past the sixth letter), mark characters in the text.
EDGES = [
    "Officials met. . Then they left the building for the night and did not come back.",
    'He said "no." Then he left the room without another word to any of the people there.',
    "What?! Nobody expected the ruling that came down on Tuesday from the appeals court bench.",
    "The vote was close…  Counting went on through the night in all eleven districts of the city.",
    'Results came in.") Later (much later.] the rest followed, as the clerks had promised they would.',
    "Snake_case words_like_these and x² and ٣ apples were counted by the 12 clerks in 2024 and 2025.",
    "Überschwemmungen verwüsteten Straßenzüge; die Bürgermeisterin sprach von 14.000 Geschädigten.",
    "the and of to in a is it for on with as was at by",
    "Marks\x01in\x02the text. And a record separator\x1e here, which cuts nothing at all today.",
    "東京都は10日、新しい条例を発表した。市長が述べた。住民の反応はさまざまだった。",
    "Unspaced 東京 inside a spaced sentence, with a number 7 and more words after it here.",
    "A line without an end mark but long enough to count as prose because it has well over twenty five words in it "
    "from start to finish and then some more words",
]


def test_the_compiled_scan_is_built():
    # `make install` builds newscrawl/fingerprint/_native.c; without it, fingerprints are right but slow.
    assert COMPILED, "newscrawl.fingerprint._native is not built (is there a C compiler?): pip install -e . builds it"


@needs_compiled
def test_the_compiled_scan_equals_the_reference_on_edge_cases():
    stories = [prose(text) for text in EDGES]
    assert same(scan_compiled(stories, 8), scan_python(stories, 8))
    for text in EDGES:  # alone too: each story's first token and segment are its own
        assert same(scan_compiled([prose(text)], 8), scan_python([prose(text)], 8)), text


@needs_compiled
def test_the_compiled_scan_equals_the_reference_on_random_texts():
    rng = random.Random(7)
    for _ in range(30):
        texts = [varied_text(rng, ascii_only=rng.random() < 0.5) for _ in range(rng.randint(1, 40))]
        texts += rng.sample(EDGES, 3)
        stories = [prose(text) for text in texts]
        for min_words in (1, 8):
            assert same(scan_compiled(stories, min_words), scan_python(stories, min_words))


@needs_compiled
def test_a_scan_holds_marks_words_and_sentences():
    scanned = scan_compiled([prose("One two three four five six seven eight. Nine ten.\nEleven twelve.")], 8)
    kinds = scanned.kinds.tolist()
    assert kinds[0] != WORD and kinds.count(WORD) == 12 and kinds.count(SENTENCE) == 1
    assert len(scanned.sentence_exact) == 1  # only the first sentence has 8 words
    assert scanned.said == [["one two three four five six seven eight.", "nine ten.", "eleven twelve."]]
    assert scanned.stem[kinds.index(WORD)] != 0 and scanned.exact[0] == 0


@needs_compiled
def test_fingerprints_are_the_same_compiled_or_not(monkeypatch):
    rng = random.Random(3)
    texts = [varied_text(rng, ascii_only=rng.random() < 0.5) for _ in range(60)] + EDGES
    compiled = fingerprints(texts)
    monkeypatch.setattr(scan_module, "_compiled", None)
    monkeypatch.setattr(text_module, "_native_prose_lines", None)
    monkeypatch.setattr(batch_module, "native", None)
    for fast, slow in zip(compiled, fingerprints(texts)):
        assert _differences(fast, slow) == []
        assert np.array_equal(fast.sketch, slow.sketch) and fast.numbers.tolist() == slow.numbers.tolist()


# Layouts the line cutting must tidy as str.splitlines and str.split do.
LAYOUTS = [
    "", "   ", "\n\n", "One line.", "  Leading and trailing spaces.  ", "Tabs\tand\x1f unit  separators.\n",
    "Windows\r\nline ends.\r\n\r\nAnd old Mac\rones.", "Form\x0cfeed and\x0bvertical tab.",
    "File\x1cgroup\x1drecord\x1eseparators.", "A `backtick' quote.`", "Closers after the mark.\")]",
    "-- \n * \n...\nOnly the last line has a word", "no end mark here\nnor here",
    " ".join(["word"] * (PROSE_MIN_WORDS - 1)) + "\n" + " ".join(["word"] * PROSE_MIN_WORDS),
    "Café au lait.",  # not ASCII: the reference's
    "kAm%96 7:C6 H2D @FE]k^Am", "A k9 unit.", "Ends in k", "k", "kA", "kAm",  # encoded tags: decoded first
]


@needs_compiled
def test_compiled_prose_lines_equal_the_reference():
    rng = random.Random(11)
    texts = LAYOUTS + [varied_text(rng, ascii_only=True) for _ in range(300)]
    texts += ["".join(rng.choice("abkAm9. \t\n\r\x0b\x1f`\")!") for _ in range(rng.randint(0, 40))) for _ in range(500)]
    for text in texts:
        lines = native.prose_lines(text, PROSE_MIN_WORDS)
        if text.isascii() and "kAm" not in text and "k9" not in text:
            assert lines == _prose_lines(text)[0], repr(text)
        else:  # not ASCII, or perhaps ROT47-encoded paragraphs: the reference's, after decoding
            assert lines is None, repr(text)


@needs_compiled
def test_per_doc_sorted_values_are_the_same_compiled_or_not(monkeypatch):
    rng = np.random.default_rng(2)
    for n, size, spread in [(1, 0, 10), (3, 5, 4), (50, 3000, 2**32), (20, 4000, 300), (5, 40, 2**32)]:
        docs = np.sort(rng.integers(0, n, size))
        tail = size // 10
        docs[size - tail:] = rng.integers(0, n, tail)  # a tail out of doc order, as short lines are
        values = rng.integers(0, spread, size, dtype=np.uint64)
        compiled = _per_doc(docs, values, n)
        monkeypatch.setattr(batch_module, "native", None)
        pure = _per_doc(docs, values, n)
        monkeypatch.undo()
        assert len(compiled) == len(pure) == n
        assert all(a.dtype == b.dtype == np.uint32 and np.array_equal(a, b) for a, b in zip(compiled, pure))


@needs_compiled
def test_shared_counts_are_intersections():
    rng = np.random.default_rng(4)
    for size_a, size_b, spread in [(0, 0, 5), (0, 7, 9), (300, 500, 2000), (40, 40, 2**32), (1000, 3, 1500)]:
        a = np.unique(rng.integers(0, spread, size_a)).astype(np.uint32)
        b = np.unique(rng.integers(0, spread, size_b)).astype(np.uint32)
        assert native.shared_count(a, b) == _shared_count(a, b) == native.shared_count(b, a)
        assert native.shared_count(a[1:], a) == max(len(a) - 1, 0)
    with pytest.raises(ValueError):
        native.shared_count(np.arange(3, dtype=np.uint64)[:1].view(np.uint8)[:3], a)


@needs_compiled
def test_sentence_overlaps_are_the_references():
    rng = np.random.default_rng(5)
    cases = [(0, 0, 5, 3), (0, 6, 9, 3), (6, 0, 9, 3), (30, 40, 60, 3), (25, 25, 2**32, 3), (12, 9, 8, 0),
             (50, 70, 40, 100)]  # small spreads: repeated sentences and shared frames
    for n, m, spread, lead in cases:
        a, b = (rng.integers(0, spread, (2, size)).astype(np.uint32) for size in (n, m))
        expected = _sentence_overlap_python(a[0], a[1], b[0], b[1], lead)
        assert native.sentence_overlap(a[0], a[1], b[0], b[1], lead) == expected
    same = rng.integers(0, 2**32, (2, 20)).astype(np.uint32)
    assert native.sentence_overlap(same[0], same[1], same[0], same[1], 3) == (20, 0, True)
    reframed = same.copy()
    reframed[0, :5] += 1  # five sentences reworded, their frames kept
    assert native.sentence_overlap(reframed[0], reframed[1], same[0], same[1], 3) == (15, 5, False)
    head, late = np.array([1, 2, 3, 4], dtype=np.uint32), np.array([10, 11, 12, 1], dtype=np.uint32)
    for a, b in [(head, late), (late, head)]:  # a sentence just past the lead shares nothing of it
        assert native.sentence_overlap(a, a, b, b, 3) == _sentence_overlap_python(a, a, b, b, 3) == (1, 0, False)
        assert native.sentence_overlap(a, a, b, b, 4)[2] is True
    with pytest.raises(ValueError):
        native.sentence_overlap(same[0], same[1][:3], same[0], same[1], 3)


@needs_compiled
def test_loose_shingles_and_keys_are_the_references():
    rng = np.random.default_rng(6)
    for words, vocabulary, lines, docs in [(0, 5, 1, 1), (1, 5, 1, 1), (2, 5, 1, 1), (400, 12, 30, 4),
                                           (5000, 40, 300, 25), (5000, 2000, 50, 3), (3000, 6, 500, 200)]:
        hashes = np.concatenate([np.zeros(1, dtype=np.uint64),  # a function word's
                                 rng.integers(1, 2**64 - 1, vocabulary, dtype=np.uint64)])
        stems = hashes[rng.integers(0, len(hashes), words)]  # a small vocabulary repeats pairs and triples
        line_of = np.sort(rng.integers(1, lines + 1, words)).astype(np.int64)
        doc_of_line = np.concatenate([[0], np.sort(rng.integers(0, docs, lines))]).astype(np.int64)
        fast, reference = _loose(stems, line_of, doc_of_line), _loose_python(stems, line_of, doc_of_line)
        for a, b in zip(fast, reference):
            assert a.dtype == b.dtype and np.array_equal(a, b), (words, vocabulary, lines, docs)
