"""The fingerprint as first written (per line, per sentence, in Python): what the fast path must equal."""

from __future__ import annotations

import re
import unicodedata

import numpy as np
from xxhash import xxh3_64_intdigest

from newscrawl.fingerprint.shingles import (
    ANCHOR_WINDOW, LEAD_SENTENCES, LOOSE_KEYS, LOOSE_SAMPLING, SENTENCE_MIN_WORDS, SHINGLE_WORDS, Fingerprint,
    signed,
)
from newscrawl.fingerprint.text import (
    _TRANSLATE, _UNSPACED_CHAR, STOPWORDS, WORD, Prose, _is_prose, cut_dateline, sentences, tokens,
)

_STEM = 6
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"(?:19|20)\d\d")
_DIGIT = re.compile(r"\d")
_P = 0x100000001B3
_M = (1 << 64) - 1
_LOOSE_SALT = 0x27D4EB2F165667C5
_ANCHOR_SALT = 0x5BD1E9955BD1E995


def _fmix64(h: int) -> int:
    h ^= h >> 33
    h = (h * 0xFF51AFD7ED558CCD) & _M
    h ^= h >> 33
    h = (h * 0xC4CEB9FE1A85EC53) & _M
    return h ^ (h >> 33)


def _roll(hashes: list[int]) -> int:
    h = hashes[0]
    for x in hashes[1:]:
        h = (h * _P + x) & _M
    return h


def _u32(values) -> np.ndarray:
    return np.array(sorted(set(values)), dtype=np.uint32)


def reference_prose(text: str) -> Prose:
    """Line by line, every text through NFKC."""
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if WORD.search(line)]
    unspaced = _UNSPACED_CHAR.search(text) is not None
    kept = [line for line in lines if _is_prose(line, unspaced)] or lines
    place, credit = cut_dateline(kept)
    return Prose([line.casefold() for line in kept], unspaced, place, credit)


def reference_fingerprint(text: str) -> Fingerprint:
    """Plain Python integers throughout, one sentence at a time."""
    story = reference_prose(text)
    unspaced = story.unspaced
    lines: list[list[str]] = []
    exact: list[int] = []
    frames: list[int] = []
    numbers: list[str] = []
    for line in story.lines:
        words: list[str] = []
        for sentence in sentences(line, unspaced):
            found = tokens(sentence) if unspaced else WORD.findall(sentence)
            words += found
            digits = _DIGIT.search(sentence) is not None
            if digits:
                numbers += _NUMBER.findall(sentence)
            if len(found) >= SENTENCE_MIN_WORDS:
                joined = xxh3_64_intdigest(" ".join(found).encode())
                exact.append(joined)
                masked = ["#" if _DIGIT.search(w) else w for w in found] if digits else found
                frames.append(xxh3_64_intdigest(" ".join(masked).encode()))
        lines.append(words)
    hashed = [[xxh3_64_intdigest(w.encode()) for w in words] for words in lines]
    stems = [[0 if w in STOPWORDS else xxh3_64_intdigest(w[:_STEM].encode()) or 1 for w in words]
             for words in lines]
    flat = [h for line in hashed for h in line]
    content = xxh3_64_intdigest(np.array(flat, dtype=np.uint64).tobytes()
                                + np.array([len(x) for x in lines], dtype=np.uint64).tobytes())
    shingles = []
    for line in hashed:
        if 0 < len(line) < SHINGLE_WORDS:
            shingles.append(_roll(line))
        for i in range(len(line) - SHINGLE_WORDS + 1):
            shingles.append(_roll(line[i:i + SHINGLE_WORDS]))
    loose, keys = [], []
    # Content words in text order, stopwords dropped; a run never crosses a line.
    content_lines = [[s for s in line if s] for line in stems]
    for line in content_lines:
        for i in range(len(line) - 1):
            loose.append(_roll(line[i:i + 2]) >> 32)
        for i in range(len(line) - 2):
            triple = _roll(line[i:i + 3])
            if triple % LOOSE_SAMPLING == 0:
                key = triple ^ _LOOSE_SALT
                if key not in keys:
                    keys.append(key)
    found = {n.replace(",", "") for n in numbers}
    # A sentence is an anchor when it leads, or is the smallest of a window that holds it.
    w = max(2, min(ANCHOR_WINDOW, len(exact) // 3))
    picked = {h for i, h in enumerate(exact) if i < LEAD_SENTENCES or len(exact) > LEAD_SENTENCES and any(
        h == min(exact[j:j + w]) for j in range(max(0, i - w + 1), min(i, len(exact) - w) + 1))}
    return Fingerprint(
        shingles=_u32(_fmix64(h) >> 32 for h in shingles),
        sentences=np.array([h & 0xFFFFFFFF for h in exact], dtype=np.uint32),
        frames=np.array([h & 0xFFFFFFFF for h in frames], dtype=np.uint32),
        loose=_u32(loose),
        numbers=_u32(xxh3_64_intdigest(n.encode()) >> 32 for n in found if not _YEAR.fullmatch(n)),
        content=signed(content),
        anchors=tuple(sorted(signed(h ^ _ANCHOR_SALT) for h in picked)),
        loose_keys=tuple(sorted(signed(k) for k in keys[:LOOSE_KEYS])),
        dateline=story.dateline,
        credit=story.credit,
    )


# Made-up words and marks that stress the fast path: numbers, contractions, case folding
# (ß, final sigma), compatibility forms (ﬁ, ½, ①), unspaced scripts (Han, kana with its
# middle dot, Thai with a combining vowel and a Thai digit), spaced Hangul, other digits,
# invisible characters the normalisation drops, and control characters the fast path uses
# as marks.
_WORDS = ["the", "mayor", "said", "council", "of", "and", "Harbor", "budget", "vote", "3.5", "1,000", "2024", "7",
          "a1b", "x", "won't", "co-op", "U.S.", "Mr.", "_id", "ß", "ΣΟΦΟΣ", "café", "ﬁne", "½", "①", "東京都は10日",
          "条例", "カタカナ・テスト", "서울시는", "ภาษาไทย", "ห\u0e31ว", "๕", "e\u0301", "£5", "©", "\u00ad", "\u200b",
          "٣", "१२", "\x01", "\x02", "\x1e"]
_ENDS = [".", ".", ".", "!", "?", "…", "。", "！", "?\"", ".\"", ".')", ".]", "」", ""]
_SEPARATORS = [" ", "  ", "\t", "\u00a0", ", ", " - ", " — ", " `", "“", "” "]
_TOPS = ["", "", "", "SEOUL, South Korea (AP) — ", "HARBOR CITY, Veloria — ", "PARIS (AFP) - ", "Current:Home > News\n"]
_BREAKS = ["\n", "\n\n", "\n \n", "\r\n", " \n", "\n\x0c", "\u2028"]


def varied_text(rng, ascii_only: bool) -> str:
    """A random text of 0-8 paragraphs of sentences of 1-20 words; half of them laid out
    tidily (single spaces, blank lines), half with odd spaces and line breaks."""
    words = [w for w in _WORDS if w.isascii()] if ascii_only else _WORDS
    odd = rng.random() < 0.5
    paragraphs = []
    for _ in range(rng.randint(0, 8)):
        sentences_ = []
        for _ in range(rng.randint(1, 4)):
            count = rng.choice([1, 2, 4, 7, 8, 9, 12, 20])
            body = "".join(w + (rng.choice(_SEPARATORS) if odd and rng.random() < 0.2 else " ")
                           for w in rng.choices(words, k=count)).rstrip(" ")
            sentences_.append(body[:1].upper() + body[1:] + rng.choice(_ENDS))
        paragraphs.append((rng.choice(_SEPARATORS) if odd and rng.random() < 0.2 else " ").join(sentences_))
    return rng.choice(_TOPS) + "".join(p + (rng.choice(_BREAKS) if odd else "\n\n") for p in paragraphs)
