"""Text normalisation: NFKC, straight quotes, one dash, case, spaces; prose lines and sentences."""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass

from newscrawl.extraction.wire import DATELINE, PLAIN_DATELINE, agency
from newscrawl.fingerprint.native import native
from newscrawl.fingerprint.obfuscation import decode_rot47_runs

__all__ = ["LINE_MARK", "PROSE_MIN_WORDS", "SENTENCE_MARK", "STOPWORDS", "WORD", "Prose", "cut_dateline",
           "dateline_key", "normalise", "prose", "sentences", "story_parts", "story_tokens", "tokens"]

logger = logging.getLogger(__name__)

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


# ASCII whitespace that `" ".join(line.split())` would change, and ASCII line breaks besides
# "\n": a text without any is split on "\n" alone (prose()).
_ODD_SPACE = ("  ", " \n", "\n ", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")


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
    # None unless ASCII and free of encoded-paragraph tags (it saves decode_rot47_runs' scan).
    kept = _native_prose_lines(text, PROSE_MIN_WORDS) if _native_prose_lines else None
    unspaced = False
    if kept is None:
        kept, unspaced = _prose_lines(decode_rot47_runs(text))
    place, credit = cut_dateline(kept)
    # One call for all lines: case folding maps each character alone, and never makes a line break.
    return Prose("\n".join(kept).casefold().split("\n") if kept else [], unspaced, place, credit)


def _prose_lines(text: str) -> tuple[list[str], bool]:
    """The prose lines of a text (its lines holding a word, tidied, if none is prose), case kept,
    and whether it holds unspaced script. The reference of _native.c's prose_lines for ASCII."""
    if text.isascii():  # most news: NFKC changes no ASCII, and the only ASCII to translate is `
        text = text.replace("`", "'")
        unspaced = False
    else:
        text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
        unspaced = _UNSPACED_CHAR.search(text) is not None
    if text.isascii() and not any(odd in text for odd in _ODD_SPACE) and text[:1] != " " and text[-1:] != " ":
        lines = text.split("\n")  # lines already as tidy as the general path makes them
    else:
        lines = [" ".join(line.split()) for line in text.splitlines()]
    # A line starting with a letter or digit has a word: no regex call needed.
    lines = [line for line in lines if line[:1].isalnum() or WORD.search(line)]
    return [line for line in lines if _is_prose(line, unspaced)] or lines, unspaced


def _native_or_none():
    """_native.c's prose_lines when built and in agreement with _prose_lines on a sample."""
    if native is None:
        return None
    sample = "  A `quoted'  line.\r\nNo end mark\x0b\tand\x1f  more\n\n-- \nLast one!)  "
    if native.prose_lines(sample, PROSE_MIN_WORDS) == _prose_lines(sample)[0]:
        return native.prose_lines
    logger.warning("the compiled prose lines disagree with the reference; using pure Python")
    return None


_native_prose_lines = _native_or_none()


def cut_dateline(kept: list[str]) -> tuple[str | None, str | None]:
    """(place, agency credit) of a dateline opening the first line, which loses it (in place)."""
    match = (DATELINE.match(kept[0]) or PLAIN_DATELINE.match(kept[0][:200])) if kept else None
    if not match:
        return None, None
    kept[0] = kept[0][match.end():]
    return (match.group("place") or "").strip(" ,") or None, agency(match.groupdict().get("agency"))


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


# The tokens `story_tokens` puts between lines and between sentences: characters that are
# no word, so no token of a text equals them.
LINE_MARK, SENTENCE_MARK = "\x01", "\x02"
# The cuts of _SENTENCE_SPLIT(_UNSPACED), made in the lines joined by "\x1d" (no prose line
# holds it: splitlines() cuts there). Inside a prose line the only whitespace is single
# spaces, so " " here is `\s+` there. The end mark is matched, not looked behind at, and
# replaced with the cut (it is no word): the same cuts, but the regex engine skips ahead to
# the next end mark and sub() copies a plain string, three times as fast.
_MARK = re.compile(r"[.!?…。][\"')\]]* ")
# The same, split on: the end mark and closers kept (a sentence keeps its end mark).
_MARK_SPLIT = re.compile(r"([.!?…。][\"')\]]*) ")
_MARK_UNSPACED = re.compile(f"[.!?…。][\"')\\]」』]* |[!?…。][\"')\\]」』]*(?=[{_UNSPACED}])")
# ASCII: every character that is no part of a word becomes a space (then str.split is the
# tokenizer, a few times faster than WORD), but the marks.
_ASCII_WORDS = {c: " " for c in range(128) if not (chr(c).isalnum() or c == ord("_"))
                and chr(c) not in (LINE_MARK, SENTENCE_MARK)}
_WORD_OR_MARK = re.compile(f"\\w+|[{LINE_MARK}{SENTENCE_MARK}]")
_PIECE_OR_MARK = re.compile(f"[{LINE_MARK}{SENTENCE_MARK}]|(?:(?![{_UNSPACED}])\\w)+|(?:(?=[{_UNSPACED}])\\w)+")


def story_tokens(story: Prose) -> list[str]:
    """The tokens of every sentence of every line, as `tokens(sentence)` gives them, in one
    list: LINE_MARK between lines, SENTENCE_MARK between sentences of a line (perhaps
    several, with nothing between).

    The same cuts and words as `sentences` and `tokens` line by line, in a few calls per text.
    """
    return story_parts(story)[0]


def story_parts(story: Prose) -> tuple[list[str], list[str] | None]:
    """`story_tokens(story)`, and the sentences of all its lines as `sentences` gives them
    (None for unspaced script), from one regex pass."""
    joined = "\x1d".join(story.lines)
    said = None
    if story.unspaced:
        marked = _MARK_UNSPACED.sub(" \x1e ", joined)
    else:
        pieces = _MARK_SPLIT.split(joined)  # text, end mark and closers, text, ...
        texts = pieces[::2]
        marked = " \x1e ".join(texts)  # what _MARK.sub(" \x1e ", joined) makes
        # `sentences` keeps the end mark, not the closers after it, and drops empty parts.
        said = [part for text, end in zip(texts, pieces[1::2] + [""])
                for part in (text + end[:1]).split("\x1d") if part]
    if LINE_MARK in marked or SENTENCE_MARK in marked:  # the text's own: no words, so spaces
        marked = marked.replace(LINE_MARK, " ").replace(SENTENCE_MARK, " ")
    marked = marked.replace("\x1d", f" {LINE_MARK} ").replace("\x1e", SENTENCE_MARK)
    if marked.isascii():
        return marked.translate(_ASCII_WORDS).split(), said
    if not story.unspaced:
        return _WORD_OR_MARK.findall(marked), said
    out: list[str] = []
    for piece in _PIECE_OR_MARK.findall(marked):
        if len(piece) > 1 and _UNSPACED_CHAR.match(piece):  # a run of unspaced script: its bigrams
            out += [piece[i:i + 2] for i in range(len(piece) - 1)]
        else:
            out.append(piece)
    return out, said


def dateline_key(place: str | None) -> str | None:
    """Comparable form of a dateline place: `SEOUL, South Korea` and `Seoul` -> `seoul`."""
    if not place:
        return None
    city = normalise(place).split(",")[0]
    return " ".join(WORD.findall(city.casefold())) or None
