"""A text's fingerprint: 5-word and loose shingles, numbers, sentence hashes, frames and sketches, a content hash."""

from __future__ import annotations

import itertools
import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from xxhash import xxh3_64_intdigest

from newscrawl.fingerprint.text import LINE_MARK, SENTENCE_MARK, STOPWORDS

__all__ = ["LOOSE_SAMPLING", "SHINGLE_WORDS", "SENTENCE_MIN_WORDS", "Fingerprint", "fingerprint", "pack", "unpack",
           "signed"]

# Five words: long enough that two unrelated news texts rarely share a shingle, short
# enough that one edited word costs only five.
SHINGLE_WORDS = 5
# Sentences shorter than this are too generic to prove a shared story.
SENTENCE_MIN_WORDS = 8
# The first sentences of a story, always indexed as anchors (trimmed copies keep them).
LEAD_SENTENCES = 3
# Further anchors by winnowing: the smallest sentence hash of every window of this many
# sentences in a row (of a third of a short text's sentences, at least 2), so two texts
# sharing that many sentences in a row anywhere share an anchor: a copy that keeps only
# the bottom of a story under another top has none of its lead sentences.
ANCHOR_WINDOW = 5

# Loose shingles (pairs of neighbouring content words, each cut to its first 6 letters)
# survive what spinning and re-editing do: swapped function words, "said" -> "stated",
# inflections. Runs of three content words whose hash is 0 mod this are candidate keys
# (weak ones: candidates.py needs two).
LOOSE_SAMPLING = 4
# Keys come from the top of the story, where every version and copy of it overlaps
# (news is trimmed from the bottom), and this many at most: a long text costs no more.
LOOSE_KEYS = 24
_STEM = 6
# Numbers in a text (years aside: a series repeats them) tell a copy from the next
# installment of a templated series, whose numbers are new.
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"(?:19|20)\d\d")
_LOOSE_SALT = np.uint64(0x27D4EB2F165667C5)

_P = np.uint64(0x100000001B3)  # odd multiplier of the rolling shingle hash
_DIGIT = re.compile(r"\d")
_ANCHOR_SALT = 0x5BD1E9955BD1E995


def signed(value: int) -> int:
    """An unsigned 64-bit value as the signed integer SQLite stores."""
    return value - (1 << 64) if value >= 1 << 63 else value


def fmix64(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's finaliser: every input bit reaches every output bit."""
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xFF51AFD7ED558CCD)
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xC4CEB9FE1A85EC53)
    return h ^ (h >> np.uint64(33))


_EMPTY = np.zeros(0, dtype=np.uint32)


@dataclass(frozen=True, eq=False)  # numpy fields: compare the arrays, not the objects
class Fingerprint:
    """What verification compares; `anchors` and `dateline`/`credit` are not packed."""

    shingles: np.ndarray  # sorted unique uint32 hashes of 5-word windows within lines
    sentences: np.ndarray  # uint32 hashes of sentences of 8+ words, in text order
    frames: np.ndarray  # same sentences with numbers masked: templates share these
    loose: np.ndarray = field(default_factory=lambda: _EMPTY)  # sorted unique uint32: content-word pairs
    numbers: np.ndarray = field(default_factory=lambda: _EMPTY)  # sorted unique uint32: numbers but years
    sketch: np.ndarray = field(default_factory=lambda: _EMPTY)  # per-sentence stems and numbers (sketch.py)
    sketch_sizes: np.ndarray = field(default_factory=lambda: _EMPTY)  # items of each sketched sentence
    content: int = 0  # signed 64-bit hash of the prose tokens: exact-copy key
    anchors: tuple[int, ...] = ()
    loose_keys: tuple[int, ...] = ()  # sampled loose shingles: weak candidate keys
    dateline: str | None = None
    credit: str | None = None

    @property
    def size(self) -> int:
        return len(self.shingles)


class _Vocabulary(dict):
    """token -> its row in three tables, filled on first sight (news vocabularies repeat
    heavily): xxh3_64 of the token, of its first letters (0 for a function word, which
    loose shingles skip), and whether it holds a digit. One lookup per word, then numpy
    gathers. Rows 0 and 1 are the line and sentence marks of `story_tokens`."""

    LIMIT = 500_000  # tokens kept before starting over (~60 MB a process; news repeats its words)
    LINE, SENTENCE = 0, 1

    def __init__(self):
        super().__init__()
        self.exact = np.zeros(4096, dtype=np.uint64)
        self.stem = np.zeros(4096, dtype=np.uint64)
        self.digit = np.zeros(4096, dtype=bool)
        self._marks()

    def _marks(self) -> None:
        self.clear()
        self[LINE_MARK], self[SENTENCE_MARK] = self.LINE, self.SENTENCE

    def __missing__(self, token: str) -> int:
        row = len(self)
        if row == len(self.exact):
            self.exact = np.concatenate([self.exact, np.zeros_like(self.exact)])
            self.stem = np.concatenate([self.stem, np.zeros_like(self.stem)])
            self.digit = np.concatenate([self.digit, np.zeros_like(self.digit)])
        self.exact[row] = xxh3_64_intdigest(token.encode())
        self.stem[row] = 0 if token in STOPWORDS else xxh3_64_intdigest(token[:_STEM].encode()) or 1
        self.digit[row] = _DIGIT.search(token) is not None
        self[token] = row
        return row

    def rows(self, tokens: list[str]) -> np.ndarray:
        """int64 rows of the tokens."""
        if len(self) > self.LIMIT:
            self._marks()
        return np.fromiter(map(self.__getitem__, tokens), dtype=np.int64, count=len(tokens))


_vocabulary = _Vocabulary()


def _sentence_hash(words: list[str], digits: bool) -> tuple[int, int]:
    """(exact, frame) hashes; the frame masks every word holding a digit."""
    exact = xxh3_64_intdigest(" ".join(words).encode())
    if not digits:
        return exact, exact
    masked = ["#" if _DIGIT.search(w) else w for w in words]
    return exact, xxh3_64_intdigest(" ".join(masked).encode())


def _anchors(exact: Sequence[int], bounds: Sequence[int]) -> list[tuple[int, ...]]:
    """Per text (its sentences' exact hashes are `exact[bounds[d]:bounds[d + 1]]`), the sorted keys
    of its lead sentences and of the smallest hash of each window of sentences in a row in it. A
    window is never narrower in a longer text, so two texts sharing a run as long as the longer
    one's window share the smallest hash of the window that run holds."""
    n = len(bounds) - 1
    hashes = np.array(exact, dtype=np.uint64)
    starts = np.asarray(bounds, dtype=np.int64)
    counts = np.diff(starts)
    doc = np.repeat(np.arange(n), counts)
    at = np.arange(len(hashes)) - starts[doc]  # position in its text
    width = np.maximum(2, np.minimum(ANCHOR_WINDOW, counts // 3))[doc]
    # A window starts at every sentence that has a whole window after it, in a text longer than its lead.
    starting = (at + width <= counts[doc]) & (counts[doc] > LEAD_SENTENCES)
    lead = at < LEAD_SENTENCES
    values, owners = [hashes[lead]], [doc[lead]]
    smallest = hashes.copy()  # of the w sentences from each one on, for w = 1, 2, ... ANCHOR_WINDOW
    for w in range(2, ANCHOR_WINDOW + 1):
        m = len(hashes) - w + 1
        if m <= 0:
            break
        np.minimum(smallest[:m], hashes[w - 1:], out=smallest[:m])
        here = starting & (width == w)
        values.append(smallest[here])
        owners.append(doc[here])
    keys = (np.concatenate(values) ^ np.uint64(_ANCHOR_SALT)).view(np.int64)
    doc = np.concatenate(owners)
    order = np.lexsort((keys, doc))
    doc, keys = doc[order], keys[order]
    distinct = np.ones(len(keys), dtype=bool)
    distinct[1:] = (doc[1:] != doc[:-1]) | (keys[1:] != keys[:-1])
    doc, keys = doc[distinct], keys[distinct].tolist()
    cuts = np.searchsorted(doc, np.arange(n + 1)).tolist()
    return [tuple(keys[cuts[d]:cuts[d + 1]]) for d in range(n)]


def _numbers(numbers: list[str]) -> np.ndarray:
    found = {n.replace(",", "") for n in numbers}
    found = [n for n in found if not _YEAR.fullmatch(n)]
    if not found:
        return _EMPTY
    return np.array(sorted({xxh3_64_intdigest(n.encode()) >> 32 for n in found}), dtype=np.uint32)


def fingerprint(text: str) -> Fingerprint:
    """The fingerprint of a main text (paragraphs one per line; blank lines ignored)."""
    from newscrawl.fingerprint.batch import fingerprints  # it builds on this module

    return fingerprints([text])[0]


_HEADER = struct.Struct("<BIIIIII")
_VERSION = 3


def pack(fp: Fingerprint) -> bytes:
    """Bytes for the store: shingles, sentences, frames, loose shingles, numbers, sketch (uint32, little-endian)."""
    head = _HEADER.pack(_VERSION, len(fp.shingles), len(fp.sentences), len(fp.loose), len(fp.numbers),
                        len(fp.sketch), len(fp.sketch_sizes))
    arrays = (fp.shingles, fp.sentences, fp.frames, fp.loose, fp.numbers, fp.sketch, fp.sketch_sizes)
    return head + b"".join(a.astype("<u4", copy=False).tobytes() for a in arrays)


def unpack(data: bytes, content: int = 0, **unpacked) -> Fingerprint:
    """The Fingerprint that `pack` stored (without anchors and keys, which only indexing
    needs, unless given in `unpacked`: the fields `pack` leaves out)."""
    version = data[0] if data else None
    if version != _VERSION:
        raise ValueError(f"unknown fingerprint format {version}")
    _, n_shingles, n_sentences, n_loose, n_numbers, n_sketch, n_sketched = _HEADER.unpack_from(data)
    # Views of the bytes (read-only, no copy on little-endian machines): a batch holds
    # both the packed fingerprints, for the store, and these arrays.
    body = np.frombuffer(data, dtype="<u4", offset=_HEADER.size).astype(np.uint32, copy=False)
    # Slices of one array (np.split costs several times as much for seven parts).
    cuts = list(itertools.accumulate((n_shingles, n_sentences, n_sentences, n_loose, n_numbers, n_sketch,
                                      n_sketched), initial=0))
    shingles, sentences_, frames, loose, numbers, sketched, sketch_sizes = (
        body[start:end] for start, end in zip(cuts, cuts[1:]))
    return Fingerprint(shingles=shingles, sentences=sentences_, frames=frames, loose=loose, numbers=numbers,
                       sketch=sketched, sketch_sizes=sketch_sizes, content=content, **unpacked)
