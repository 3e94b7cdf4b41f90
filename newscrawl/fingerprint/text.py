"""Text normalisation: NFKC, straight quotes, one dash, case, spaces; prose lines and sentences."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from newscrawl.extraction.wire import DATELINE, PLAIN_DATELINE, agency
from newscrawl.fingerprint.obfuscation import decode_rot47_runs

__all__ = ["PROSE_MIN_WORDS", "STOPWORDS", "WORD", "Prose", "dateline_key", "normalise", "prose", "sentences",
           "tokens"]

_TRANSLATE = str.maketrans({
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−﹘﹣－", "-"),
    "\u00ad": None,  # soft hyphen: invisible, but splits a word in two
    "\u200b": None,  # zero-width space
})
WORD = re.compile(r"\w+")
# Scripts written without spaces between words (Han, kana, Thai): a word tokenizer sees one
# "word" per sentence there, so such runs become overlapping character bigrams, each one
# token. Korean and the rest are spaced and stay words.
_UNSPACED = "\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN = re.compile(f"[{_UNSPACED}]+")
_UNSPACED_CHAR = re.compile(f"[{_UNSPACED}]")
# Function words, dropped from the loose shingles that survive word swaps (shingles.py).
STOPWORDS = frozenset("""
a about after also an and any are as at be been before being both but by can could did do does for from had
has have he her here him his how i if in into is it its may might more most must my no nor not of on or our
out over s said says say she should so some such than that the their them then there these they this those
through to too under up us very was we were what when where which while who whom whose why will with would
you your
""".split())
# Story paragraphs end like sentences; template leftovers (breadcrumbs, bylines, dates,
# link lists, `veryGood! (95)`) don't.
_ENDS = ".!?…。！？"
_CLOSERS = "\"')]"
# A long line is prose even without an end mark (e.g. a paragraph cut by the extractor).
PROSE_MIN_WORDS = 25
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…。])[\"')\]]*\s+")
# In unspaced scripts no space follows an end mark: cut before the next character too.
_SENTENCE_SPLIT_UNSPACED = re.compile(
    f"(?<=[.!?…。])[\"')\\]」』]*\\s+|(?<=[!?…。])[\"')\\]」』]*(?=[{_UNSPACED}])")


def normalise(text: str) -> str:
    """NFKC, curly quotes to straight, every dash to '-', whitespace collapsed; case kept."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_TRANSLATE).split())


@dataclass(frozen=True)
class Prose:
    """The story part of a text: lower-cased prose lines, dateline split off the first one."""

    lines: list[str]
    unspaced: bool  # some line holds a script written without spaces (see `tokens`)
    dateline: str | None  # place, as written
    credit: str | None  # agency credited in the dateline (`AP`)


def _is_prose(line: str, unspaced: bool) -> bool:
    tail = line.rstrip(_CLOSERS + "」』")
    words = line.count(" ") + 1
    if unspaced:  # two unspaced characters count as a word (about a Chinese word's length)
        words += len(_UNSPACED_CHAR.findall(line)) // 2
    return (tail != "" and tail[-1] in _ENDS) or words >= PROSE_MIN_WORDS


def prose(text: str) -> Prose:
    """Prose lines of `text` (all its lines if none look like prose), lower-cased; encoded paywall text decoded."""
    text = unicodedata.normalize("NFKC", decode_rot47_runs(text)).translate(_TRANSLATE)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if WORD.search(line)]
    unspaced = _UNSPACED_CHAR.search(text) is not None
    kept = [line for line in lines if _is_prose(line, unspaced)] or lines
    place = credit = None
    if kept:
        match = DATELINE.match(kept[0]) or PLAIN_DATELINE.match(kept[0][:200])
        if match:
            place = (match.group("place") or "").strip(" ,") or None
            credit = agency(match.groupdict().get("agency"))
            kept[0] = kept[0][match.end():]
    return Prose([line.casefold() for line in kept], unspaced, place, credit)


def sentences(line: str, unspaced: bool | None = None) -> list[str]:
    """A prose line cut after sentence end marks (consistently, which is all hashing needs).

    `unspaced` (whether the text holds unspaced script) saves a scan when known.
    """
    if unspaced is None:
        unspaced = _UNSPACED_CHAR.search(line) is not None
    return [part for part in (_SENTENCE_SPLIT_UNSPACED if unspaced else _SENTENCE_SPLIT).split(line) if part]


def tokens(sentence: str, unspaced: bool | None = None) -> list[str]:
    """Words of a (lower-cased) sentence; runs of unspaced script as character bigrams."""
    if unspaced is False or not _UNSPACED_CHAR.search(sentence):
        return WORD.findall(sentence)
    out: list[str] = []
    for word in WORD.findall(sentence):
        at = 0
        for run in _RUN.finditer(word):
            if run.start() > at:
                out.append(word[at:run.start()])
            chars = run.group()
            out += [chars[i:i + 2] for i in range(len(chars) - 1)] if len(chars) > 1 else [chars]
            at = run.end()
        if at < len(word):
            out.append(word[at:])
    return out


def dateline_key(place: str | None) -> str | None:
    """Comparable form of a dateline place: `SEOUL, South Korea` and `Seoul` -> `seoul`."""
    if not place:
        return None
    city = normalise(place).split(",")[0]
    return " ".join(WORD.findall(city.casefold())) or None
