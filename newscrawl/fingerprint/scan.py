"""A batch of stories as tokens with their hashes, and their long sentences' hashes: compiled where built."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from xxhash import xxh3_64_intdigest

from newscrawl.fingerprint.native import XXH3_ADDRESS, native
from newscrawl.fingerprint.shingles import _sentence_hash, _vocabulary
from newscrawl.fingerprint.text import LINE_MARK, SENTENCE_MARK, STOPWORDS, Prose, story_parts

__all__ = ["LINE", "SENTENCE", "WORD", "COMPILED", "Scanned", "same", "scan", "scan_compiled", "scan_python"]

logger = logging.getLogger(__name__)

LINE, SENTENCE, WORD = 0, 1, 2  # token kinds: the two marks, and words
_BREAK = "\x1d"  # joins a story's lines for the compiled scan (no prose line holds it: splitlines cuts there)


@dataclass
class Scanned:
    """The tokens of a batch of stories, each story opening with a line mark, as `story_parts`
    cuts them (marks between lines and between sentences), and what fingerprints need of them."""

    kinds: np.ndarray  # uint8 per token: LINE, SENTENCE or WORD
    exact: np.ndarray  # uint64 xxh3_64 of each word's UTF-8 (0 for a mark)
    stem: np.ndarray  # uint64 xxh3_64 of its first STEM letters, or 1 if that is 0; 0 for a function word
    digit: np.ndarray  # bool: the word holds a digit
    starts: list[int]  # where each story's tokens start, then the end
    sentence_exact: np.ndarray  # uint64 per run of sentence_min_words+ words between marks, in order: their hash
    sentence_frame: np.ndarray  # uint64: the same with each word holding a digit as `#`
    said: list[list[str] | None]  # per story, its sentences as `sentences` cuts them (None: unspaced script)


def scan_python(stories: Sequence[Prose], sentence_min_words: int) -> Scanned:
    """The reference: `story_parts` of each story, a vocabulary for the word hashes (shingles.py)."""
    parts = [story_parts(story) for story in stories]
    found = list(itertools.chain.from_iterable([LINE_MARK, *marked] for marked, _ in parts))
    rows = _vocabulary.rows(found)
    kinds = np.minimum(rows, WORD).astype(np.uint8)  # rows 0 and 1 are the marks
    digits = np.concatenate([[0], np.cumsum(_vocabulary.digit[rows])])  # words with a digit before each token
    cuts = np.flatnonzero(kinds != WORD)
    ends = np.append(cuts[1:], len(rows))
    long = ends - cuts - 1 >= sentence_min_words
    starts, ends = cuts[long] + 1, ends[long]
    exact = [xxh3_64_intdigest(" ".join(found[start:end]).encode())
             for start, end in zip(starts.tolist(), ends.tolist())]
    frames = list(exact)  # only sentences with a digit have a frame of their own
    for i in np.flatnonzero(digits[ends] > digits[starts]).tolist():
        frames[i] = _sentence_hash(found[starts[i]:ends[i]], True)[1]
    return Scanned(kinds=kinds, exact=_vocabulary.exact[rows], stem=_vocabulary.stem[rows],
                   digit=_vocabulary.digit[rows], starts=np.cumsum([0] + [1 + len(m) for m, _ in parts]).tolist(),
                   sentence_exact=np.array(exact, dtype=np.uint64), sentence_frame=np.array(frames, dtype=np.uint64),
                   said=[said for _, said in parts])


def scan_compiled(stories: Sequence[Prose], sentence_min_words: int) -> Scanned:
    """`scan_python`'s results from one call into _native.c. Stories whose text it does not cut
    (unspaced script, text holding a mark character) go to it as `story_parts` tokens."""
    items: list[str | list[str]] = []
    said: list[list[str] | None] = []
    for story in stories:
        joined = _BREAK.join(story.lines)
        if story.unspaced or "\x1e" in joined or LINE_MARK in joined or SENTENCE_MARK in joined:
            tokens, sentences = story_parts(story)
            items.append(tokens)
            said.append(sentences)
        else:
            items.append(joined)
            said.append(None)  # the C scan cuts it
    kinds, exact, stem, digit, starts, sentence_exact, sentence_frame, cut = native.scan(
        items, XXH3_ADDRESS, _STOPWORDS, sentence_min_words)
    said = [mine if theirs is None else theirs for mine, theirs in zip(said, cut)]
    return Scanned(kinds=np.frombuffer(kinds, dtype=np.uint8), exact=np.frombuffer(exact, dtype=np.uint64),
                   stem=np.frombuffer(stem, dtype=np.uint64), digit=np.frombuffer(digit, dtype=np.bool_),
                   starts=np.frombuffer(starts, dtype=np.int64).tolist(),
                   sentence_exact=np.frombuffer(sentence_exact, dtype=np.uint64),
                   sentence_frame=np.frombuffer(sentence_frame, dtype=np.uint64), said=said)


def _compiled_or_none():
    """The compiled scan when it is built and agrees with the reference on a sample; else None
    (and scan_python does the work, a few times slower)."""
    if native is None:
        return None
    sample = [Prose(["the 3 ministers met on monday, officials said. talks (in vienna) went on until late at night.",
                     "weitere gespräche über 14.000 tonnen getreide sind für märz geplant, sagte der sprecher."],
                    False, None, None)]
    if same(scan_compiled(sample, 8), scan_python(sample, 8)):
        return scan_compiled
    logger.warning("the compiled fingerprint scan disagrees with the reference; using pure Python")
    return None


def same(a: Scanned, b: Scanned) -> bool:
    """Whether two scans hold the same tokens, hashes and sentences."""
    arrays = ("kinds", "exact", "stem", "digit", "sentence_exact", "sentence_frame")
    lists = ("starts", "said")
    return (all(np.array_equal(getattr(a, name), getattr(b, name)) for name in arrays)
            and all(getattr(a, name) == getattr(b, name) for name in lists))


_STOPWORDS = tuple(word.encode() for word in sorted(STOPWORDS))
_compiled = _compiled_or_none()
COMPILED = _compiled is not None


def scan(stories: Sequence[Prose], sentence_min_words: int) -> Scanned:
    """The batch's tokens and hashes: compiled when built, else `scan_python` (the same values)."""
    return (_compiled or scan_python)(stories, sentence_min_words)
