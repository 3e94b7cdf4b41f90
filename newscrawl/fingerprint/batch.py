"""Fingerprints of many texts at once: per text only tokenizing and sentence hashing, the rest a numpy pass a batch."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from xxhash import xxh3_64_intdigest

from newscrawl.fingerprint.native import native
from newscrawl.fingerprint.scan import LINE, WORD, scan
from newscrawl.fingerprint.shingles import (
    _DIGIT, _LOOSE_SALT, _NUMBER, _P, LOOSE_KEYS, LOOSE_SAMPLING, SENTENCE_MIN_WORDS, SHINGLE_WORDS, Fingerprint,
    _anchors, _numbers, fmix64, signed,
)
from newscrawl.fingerprint.sketch import sketches
from newscrawl.fingerprint.text import Prose, prose, sentences, tokens
from newscrawl.store.keytable import sorted_unique

__all__ = ["fingerprints"]

_EMPTY = np.zeros(0, dtype=np.uint32)
_LOW = np.uint64(0xFFFFFFFF)


def fingerprints(texts: Sequence[str]) -> list[Fingerprint]:
    """`fingerprint(text)` of each text: the same values, a fraction of the numpy calls.

    The texts' tokens go into one array, each text opening with a line mark, so a text's
    first line is a line of its own and every window that stays inside a line stays
    inside its text; sorted sets are sorted per text in one call (_per_doc).
    """
    n = len(texts)
    if n == 0:
        return []
    stories = [prose(text) for text in texts]
    scanned = scan(stories, SENTENCE_MIN_WORDS)
    kinds = scanned.kinds
    digits = np.concatenate([[0], np.cumsum(scanned.digit)])  # tokens with a digit before each
    words = kinds == WORD
    line_id = np.cumsum(kinds == LINE)  # of each token; the first line of a text is its own
    line_of = line_id[words]
    # A text of k lines uses k line ids (one if it has none), from first_line on.
    line_counts = np.array([len(story.lines) for story in stories], dtype=np.int64)
    first_line = np.cumsum(np.maximum(line_counts, 1)) - np.maximum(line_counts, 1) + 1
    lengths = np.bincount(line_of, minlength=int(first_line[-1]) + max(int(line_counts[-1]), 1))
    doc_of_line = np.repeat(np.arange(n), np.maximum(line_counts, 1))
    doc_of_line = np.concatenate([[0], doc_of_line])  # line id 0 never holds a word
    hashes, stems = scanned.exact[words], scanned.stem[words]
    word_doc = doc_of_line[line_of]
    word_bounds = np.searchsorted(word_doc, np.arange(n + 1))

    exact, frames = scanned.sentence_exact, scanned.sentence_frame
    cuts = np.flatnonzero(~words)  # the marks: every text opens with one, so cuts[0] == 0
    ends = np.append(cuts[1:], len(kinds))  # where the run of words after each mark ends
    sentence_bounds, with_digits = _sentences(cuts, ends, digits, line_id, doc_of_line, n)
    shingles = _per_doc(*_shingles(hashes, line_of, lengths, doc_of_line), n)
    loose_docs, loose_values, key_docs, keys = _loose(stems, line_of, doc_of_line)
    loose = _per_doc(loose_docs, loose_values, n)
    key_bounds = np.searchsorted(key_docs, np.arange(n + 1)).tolist()
    keys = keys.tolist()
    lengths64 = lengths.astype(np.uint64)
    sentences32, frames32 = exact.astype(np.uint32), frames.astype(np.uint32)
    anchors = _anchors(exact, sentence_bounds)
    runs, run_digits = _run_lengths(cuts, ends, digits, scanned.starts)
    word_bounds = word_bounds.tolist()
    inputs = [_sketch_inputs(story, scanned.said[d], word_bounds[d + 1] - word_bounds[d], runs[d],
                             run_digits[d] if with_digits[d] else None) for d, story in enumerate(stories)]
    sketched = sketches(stems, *zip(*[i[:3] for i in inputs]))
    out = []
    for d, story in enumerate(stories):
        a, b = word_bounds[d], word_bounds[d + 1]
        first = int(first_line[d])
        s, e = sentence_bounds[d], sentence_bounds[d + 1]
        numbers = inputs[d][3]
        content = xxh3_64_intdigest(hashes[a:b].tobytes() + lengths64[first:first + len(story.lines)].tobytes())
        out.append(Fingerprint(
            shingles=shingles[d],
            sentences=sentences32[s:e],
            frames=frames32[s:e],
            loose=loose[d],
            numbers=_numbers(numbers) if numbers else _EMPTY,
            sketch=sketched[d][0],
            sketch_sizes=sketched[d][1],
            content=signed(content),
            anchors=anchors[d],
            loose_keys=tuple(keys[key_bounds[d]:key_bounds[d + 1]]),
            dateline=story.dateline,
            credit=story.credit,
        ))
    return out


def _run_lengths(cuts: np.ndarray, ends: np.ndarray, digits: np.ndarray,
                 token_starts: list[int]) -> tuple[list[list[int]], list[list[bool]]]:
    """Per text (each opens with a mark), the tokens between its marks (its sentences' word
    counts), and whether a token there holds a digit (`digits`: digit tokens before each token;
    `cuts` the marks, `ends` where the run after each ends)."""
    runs = (ends - cuts - 1).tolist()
    with_digits = (digits[ends] > digits[cuts + 1]).tolist()
    bounds = np.searchsorted(cuts, token_starts).tolist()
    return ([runs[bounds[d]:bounds[d + 1]] for d in range(len(bounds) - 1)],
            [with_digits[bounds[d]:bounds[d + 1]] for d in range(len(bounds) - 1)])


def _sketch_inputs(story: Prose, said: list[str] | None, words: int, runs: list[int], digits: list[bool] | None
                   ) -> tuple[list[int], list[bool], list[tuple[int, str]], list[str]]:
    """What `sketches` needs of one text of `words` words (its sentences' word counts,
    quotation, numbers), and its numbers as written.

    Word counts come from the batch's marks, quotation and numbers from the sentences' text
    (`said`, or `sentences` of each line), which tokens no longer hold (they drop `"` and
    cut `14,000`); `digits` says which sentences hold one (None: none does). Should the
    marks and `sentences` cut a text differently (an empty run between two marks), the
    counts come from `sentences` and `tokens` instead, and if even those miss words, the
    text gets no sketch (one quoted "sentence" of all its words, which is never sketched)."""
    if said is None:
        said = [sentence for line in story.lines for sentence in sentences(line, story.unspaced)]
    if len(said) != len(runs):
        runs = [len(tokens(sentence, story.unspaced)) for sentence in said]
        digits = [_DIGIT.search(sentence) is not None for sentence in said] if digits is not None else None
    if digits is None:
        numbers = []
    else:
        # A number lies inside one sentence: the cuts between them hold no digit.
        numbers = [(i, number) for i, sentence in enumerate(said) if digits[i]
                   for number in _NUMBER.findall(sentence)]
    written = [number for _, number in numbers]
    if sum(runs) != words:
        return [words], [True], [], written
    return runs, ['"' in sentence for sentence in said], numbers, written


def _sentences(cuts: np.ndarray, ends: np.ndarray, digits: np.ndarray, line_id: np.ndarray,
               doc_of_line: np.ndarray, n: int) -> tuple[list[int], list[bool]]:
    """Where each text's sentences of 8+ words (runs of words after the marks `cuts`, up to
    `ends`, hashed by `scan`) start among them, and whether each text holds a digit."""
    starts = cuts + 1
    starts = starts[ends - starts >= SENTENCE_MIN_WORDS]
    everything = np.arange(n + 1)
    bounds = np.searchsorted(doc_of_line[line_id[starts]], everything).tolist()
    token_bounds = np.searchsorted(doc_of_line[line_id], everything)
    return bounds, (digits[token_bounds[1:]] > digits[token_bounds[:-1]]).tolist()


def _shingles(hashes: np.ndarray, line_of: np.ndarray, lengths: np.ndarray,
              doc_of_line: np.ndarray, k: int = SHINGLE_WORDS) -> tuple[np.ndarray, np.ndarray]:
    """(doc, value) of the k-word windows that stay inside one line (a shorter line is one
    window), hashed to uint32."""
    count = len(hashes)
    parts, lines = [], []
    if count >= k:
        m = count - k + 1
        h = hashes[:m].copy()
        for j in range(1, k):
            h = h * _P + hashes[j:j + m]
        inside = line_of[:m] == line_of[k - 1:]
        parts.append(h[inside])
        lines.append(line_of[:m][inside])
    short = np.flatnonzero((lengths > 0) & (lengths < k))
    if len(short):  # lines shorter than a window are one shingle each
        ends = np.cumsum(lengths)
        for line, at, length in zip(short.tolist(), (ends - lengths)[short].tolist(), lengths[short].tolist()):
            h = hashes[at:at + 1]  # arrays wrap around silently; numpy scalars warn
            for j in range(1, length):
                h = h * _P + hashes[at + j:at + j + 1]
            parts.append(h)
            lines.append(np.array([line]))
    if not parts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.uint64)
    mixed = fmix64(np.concatenate(parts))
    return doc_of_line[np.concatenate(lines)], mixed >> np.uint64(32)


def _loose(stems: np.ndarray, line_of: np.ndarray,
           doc_of_line: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """`_loose_python`'s results, from one pass in C when it is built."""
    if native is None or LOOSE_SAMPLING & (LOOSE_SAMPLING - 1):  # C samples with a mask: powers of two
        return _loose_python(stems, line_of, doc_of_line)
    docs, values, key_docs, keys = native.loose(
        np.ascontiguousarray(stems, dtype=np.uint64), np.ascontiguousarray(line_of, dtype=np.int64),
        np.ascontiguousarray(doc_of_line, dtype=np.int64), int(_P), int(_LOOSE_SALT), LOOSE_SAMPLING, LOOSE_KEYS)
    return (np.frombuffer(docs, dtype=np.int64), np.frombuffer(values, dtype=np.uint64),
            np.frombuffer(key_docs, dtype=np.int64), np.frombuffer(keys, dtype=np.int64))


def _loose_python(stems: np.ndarray, line_of: np.ndarray,
                  doc_of_line: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(doc, value) of the loose shingles, and (doc, key) of the loose keys: per doc the first
    LOOSE_KEYS distinct sampled content-word triples in text order, sorted. The word hashes
    are already uniform, so one multiply-add combines them (no finaliser needed)."""
    kept = stems != 0
    hashes, line_of = stems[kept], line_of[kept]
    none = np.zeros(0, dtype=np.int64)
    if len(hashes) < 2:
        return none, np.zeros(0, dtype=np.uint64), none, none
    pairs = hashes[:-1] * _P + hashes[1:]
    inside = line_of[:-1] == line_of[1:]
    loose_docs, loose_values = doc_of_line[line_of[:-1][inside]], pairs[inside] >> np.uint64(32)
    # Keys are three content words: a pair of common words is met by chance too often.
    inside = line_of[:-2] == line_of[2:]
    triples = (pairs[:-1] * _P + hashes[2:])[inside]
    sampled = (triples & np.uint64(LOOSE_SAMPLING - 1) == 0 if LOOSE_SAMPLING & (LOOSE_SAMPLING - 1) == 0
               else triples % np.uint64(LOOSE_SAMPLING) == 0)  # a mask is far cheaper than a 64-bit division
    keys = (triples[sampled] ^ _LOOSE_SALT).view(np.int64)
    docs = doc_of_line[line_of[:-2][inside][sampled]]
    # Distinct per doc, in text order: the first of each (doc, key) ... A stable sort by key
    # keeps equal keys in text order, and so their docs in order (docs never decrease):
    # each (doc, key) is a run, its first the earliest. Half the work of lexsort((keys, docs)).
    order = np.argsort(keys, kind="stable")
    docs_in_order, keys_in_order = docs[order], keys[order]
    firsts = np.ones(len(order), dtype=bool)
    firsts[1:] = (docs_in_order[1:] != docs_in_order[:-1]) | (keys_in_order[1:] != keys_in_order[:-1])
    picked = np.sort(order[firsts])
    docs, keys = docs[picked], keys[picked]
    # ... the first LOOSE_KEYS of them per doc, then sorted.
    rank = np.arange(len(docs)) - np.searchsorted(docs, docs)
    docs, keys = docs[rank < LOOSE_KEYS], keys[rank < LOOSE_KEYS]
    order = np.lexsort((keys, docs))
    return loose_docs, loose_values, docs[order], keys[order]


def _per_doc(docs: np.ndarray, values: np.ndarray, n: int) -> list[np.ndarray]:
    """Per doc, its values (< 2**32) sorted and distinct, as uint32."""
    if len(values) == 0:
        return [_EMPTY] * n
    if native is not None:  # a radix sort per doc, several times faster than sorting (doc, value) pairs
        order = np.argsort(docs, kind="stable")  # already in doc order but for a few short lines
        bounds = np.searchsorted(docs[order], np.arange(n + 1)).astype(np.int64)
        low, bounds = native.sorted_distinct(values[order].astype(np.uint32), bounds)
        low = np.frombuffer(low, dtype=np.uint32)
        bounds = np.frombuffer(bounds, dtype=np.int64).tolist()
        return [low[bounds[d]:bounds[d + 1]] for d in range(n)]
    pairs = sorted_unique((docs.astype(np.uint64) << np.uint64(32)) | values)
    bounds = np.searchsorted(pairs >> np.uint64(32), np.arange(n + 1, dtype=np.uint64)).tolist()
    low = (pairs & _LOW).astype(np.uint32)
    return [low[bounds[d]:bounds[d + 1]] for d in range(n)]
