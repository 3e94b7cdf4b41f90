"""Text normalisation: NFKC, straight quotes, one dash, case, spaces; prose lines and sentences."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from newscrawl.extraction.wire import DATELINE, PLAIN_DATELINE, agency

__all__ = ["PROSE_MIN_WORDS", "WORD", "Prose", "dateline_key", "normalise", "prose", "sentences"]

_TRANSLATE = str.maketrans({
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−﹘﹣－", "-"),
    "\u00ad": None,  # soft hyphen: invisible, but splits a word in two
    "\u200b": None,  # zero-width space
})
WORD = re.compile(r"\w+")
# Story paragraphs end like sentences; template leftovers (breadcrumbs, bylines, dates,
# link lists, `veryGood! (95)`) don't.
_ENDS = ".!?…。！？"
_CLOSERS = "\"')]"
# A long line is prose even without an end mark (e.g. a paragraph cut by the extractor).
PROSE_MIN_WORDS = 25
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…。！？])[\"')\]]*\s+")


def normalise(text: str) -> str:
    """NFKC, curly quotes to straight, every dash to '-', whitespace collapsed; case kept."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_TRANSLATE).split())


@dataclass(frozen=True)
class Prose:
    """The story part of a text: lower-cased prose lines, dateline split off the first one."""

    lines: list[str]
    dateline: str | None  # place, as written
    credit: str | None  # agency credited in the dateline (`AP`)


def _is_prose(line: str) -> bool:
    tail = line.rstrip(_CLOSERS)
    return (tail != "" and tail[-1] in _ENDS) or line.count(" ") + 1 >= PROSE_MIN_WORDS


def prose(text: str) -> Prose:
    """Prose lines of `text` (all its lines if none look like prose), lower-cased."""
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if WORD.search(line)]
    kept = [line for line in lines if _is_prose(line)] or lines
    place = credit = None
    if kept:
        match = DATELINE.match(kept[0]) or PLAIN_DATELINE.match(kept[0][:200])
        if match:
            place = (match.group("place") or "").strip(" ,") or None
            credit = agency(match.groupdict().get("agency"))
            kept[0] = kept[0][match.end():]
    return Prose([line.casefold() for line in kept], place, credit)


def sentences(line: str) -> list[str]:
    """A prose line cut after sentence end marks (consistently, which is all hashing needs)."""
    return [part for part in _SENTENCE_SPLIT.split(line) if part]


def dateline_key(place: str | None) -> str | None:
    """Comparable form of a dateline place: `SEOUL, South Korea` and `Seoul` -> `seoul`."""
    if not place:
        return None
    city = normalise(place).split(",")[0]
    return " ".join(WORD.findall(city.casefold())) or None
