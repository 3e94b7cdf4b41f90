"""The article's header as the reader sees it: the short lines around the headline (byline, dateline)."""

from __future__ import annotations

import re

from newscrawl.extraction.dates import is_month_name, parse_date

# Not the header: code, widgets, and photo captions (which mention dates: `… on Aug. 31, 2019.`).
_SKIP = {"script", "style", "noscript", "svg", "template", "button", "select", "option", "figure", "figcaption"}
# Lines after the headline until the body starts (its first long paragraph), and before it.
MAX_AFTER, MAX_BEFORE, BODY_CHARS, LINE_CHARS = 40, 8, 150, 80
# `By`, `by:`, `Written by`, `Posted by`, `Author:` alone, or in front of the names.
_BY = re.compile(
    r"^(?:(?:written|posted|published|words|text|story)\s+by|by|authors?|autor|von|par|por)\b\s*:?\s*(?=\S|$)", re.I
)
# Lines that show a date but say it is not the publication date.
_NOT_PUBLISHED = re.compile(
    r"\b(?:updated?s?|modified|edited|reviewed|revised|received|accepted|submitted|aktualisiert|mis à jour"
    r"|actualizado)\b", re.I
)
# Where a byline's names end: a date, a number, a separator dot or bar.
_CUT = re.compile(
    r"\s*[·•|｜／/\d]|,?\s+(?:on|am|le)\s+(?=\d)"
    r"|,?\s*\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d",
    re.I,
)
_CONNECTOR = re.compile(r"\s*(?:,|;|&|and|und|et|y)\s*", re.I)
_CONNECTOR_END = re.compile(r"(?:,|;|&|\band|\bund)\s*$", re.I)
# Words a dateline holds beside the date itself.
_DATE_WORDS = {"published", "posted", "on", "at", "am", "pm", "a", "m", "by", "min", "mins", "minute", "minutes",
               "read", "gmt", "utc", "st", "nd", "rd", "th", "de", "le", "el", "am", "um"}
_SEPARATOR = re.compile(r"^[\s·•|,/–—-]*$")


def _texts(element, budget: list[int]):
    """Text pieces of an element in reading order (scripts and widgets skipped), tail excluded."""
    if budget[0] <= 0:
        return
    if isinstance(element.tag, str) and element.tag.lower() not in _SKIP:
        if element.text and element.text.strip():
            budget[0] -= 1
            yield " ".join(element.text.split())
        for child in element:
            yield from _texts(child, budget)
            if child.tail and child.tail.strip():
                budget[0] -= 1
                yield " ".join(child.tail.split())


def header_lines(tree) -> tuple[list[str], list[str]]:
    """(lines before the first <h1>, nearest first; lines after it up to the body's first long one)."""
    h1 = next(iter(tree.iter("h1")), None)
    if h1 is None:
        return [], []
    after: list[str] = []
    node, budget = h1, [MAX_AFTER * 3]
    while node is not None and len(after) < MAX_AFTER and budget[0] > 0:
        pieces = ([node.tail] if node.tail and node.tail.strip() else []) + list(node.itersiblings())
        for piece in pieces:
            for line in ([" ".join(piece.split())] if isinstance(piece, str) else _piece_lines(piece, budget)):
                if len(line) > BODY_CHARS:
                    return _before(h1), after
                after.append(line)
                if len(after) >= MAX_AFTER:
                    break
            if len(after) >= MAX_AFTER:
                break
        node = node.getparent()
    return _before(h1), after


def _piece_lines(element, budget):
    yield from _texts(element, budget)
    if element.tail and element.tail.strip():
        yield " ".join(element.tail.split())


def _before(h1) -> list[str]:
    """Short lines just above the headline, in its own container and its parent's (nearest first)."""
    lines: list[str] = []
    node = h1
    for _ in range(2):
        for sibling in node.itersiblings(preceding=True):
            texts = list(_texts(sibling, [20]))
            lines.extend(reversed([t for t in texts if len(t) <= LINE_CHARS]))
            if len(lines) >= MAX_BEFORE:
                return lines[:MAX_BEFORE]
        node = node.getparent()
        if node is None:
            break
    return lines


def header_byline(after: list[str]) -> list[str]:
    """Names a `By …` line under the headline gives (`By <a>A</a>, <a>B</a> and C`), as texts."""
    for i, line in enumerate(after):
        match = _BY.match(line)
        if not match or len(line) > LINE_CHARS:
            continue
        rest = _CUT.split(line[match.end():], 1)[0].strip(" ,")
        if rest and (not rest[0].isalpha() or len(rest.split()) > 12 or rest.endswith(".")):
            continue  # `by talent manager Jo Roe earlier this year.`: a sentence, not a byline
        names, pending = ([rest] if rest else []), not rest or bool(_CONNECTOR_END.search(rest))
        for following in after[i + 1 : i + 12]:  # `By`, `Ann Lee`, `,`, `Bo Chan`: names in their own links
            if _CONNECTOR.fullmatch(following):
                names.append(following)
                pending = True
                continue
            if not pending or len(following) > LINE_CHARS or _CUT.search(following):
                break
            names.append(following)
            pending = bool(_CONNECTOR_END.search(following))
        text = " ".join(names).strip(" ,;&")
        if text:
            return [text]
    return []


def header_date(before: list[str], after: list[str], month_first: bool = True, updates: bool = False) -> str | None:
    """The line nearest the headline, above or below it, that shows a date and does not call it
    an update (further down a sidebar may list other stories' dates). With `updates`, an update's
    date counts too (for a page that shows no other date)."""
    found = [_first_date(after, month_first, updates), _first_date(before, month_first, updates, labels_follow=True)]
    found = [f for f in found if f is not None]
    return min(found)[1] if found else None


def mostly_date(line: str) -> bool:
    """A dateline, not a sentence that mentions a date (`A ship leaves port on Aug. 31, 2019.`):
    few letters are left once the date's words, a time zone and a `By` label are taken out."""
    words = re.findall(r"[^\W\d_]+", _BY.sub("", line))
    rest = [w for w in words if w.lower() not in _DATE_WORDS and not is_month_name(w)
            and not w.lower().endswith("day") and not re.fullmatch(r"[A-Z]{1,3}[SD]?T", w)]
    return sum(len(w) for w in rest) <= 30


def _first_date(lines: list[str], month_first: bool, updates: bool,
                labels_follow: bool = False) -> tuple[int, str] | None:
    """(distance, line) of the first dateline; its label (`Updated:`) is the line before it in
    reading order, unless that holds a date itself: the previous one in `lines`, or the next one
    for lines above the headline (`labels_follow`: listed nearest first)."""
    previous = ""
    for distance, line in enumerate(lines):
        label = (lines[distance + 1] if distance + 1 < len(lines) else "") if labels_follow else previous
        label = "" if re.search(r"\d{4}", label) else label  # a dateline of its own (`Updated May 2, 2025`)
        if len(line) <= LINE_CHARS and (updates or not _NOT_PUBLISHED.search(f"{label} {line}")) \
                and re.search(r"\d{4}", line) and parse_date(line, month_first) is not None and mostly_date(line):
            return distance, line
        previous = line if not _SEPARATOR.match(line) else previous
    return None
