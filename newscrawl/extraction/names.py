"""Headlines without site-name suffixes, and bylines turned into person names."""

from __future__ import annotations

import re

from newscrawl.extraction.wire import agency, split_agency_from_name

# ` | Site`, ` - Site`, ` — Site`, `_Site`, ` -Site` (content farms glue the dash on).
_SUFFIX = re.compile(r"^(?P<head>.+?)\s*(?:\s[|•·»]\s|\s[-–—]\s|_|\s-(?=\S))\s*(?P<tail>[^|_]{1,60})$")
_ALWAYS_SITE_SEPARATORS = ("|", "_", "•", "·", "»")


def _squash(value: str) -> str:
    return re.sub(r"[^0-9a-z]", "", value.lower())


def clean_title(title: str | None, site_names: list[str], headline: str | None = None) -> str | None:
    """Drop a site-name suffix: one that names the site, or any short one after `|` or `_`."""
    if not title:
        return None
    title = " ".join(title.split())
    site_keys = {_squash(name) for name in site_names if name and _squash(name)}
    for _ in range(2):  # `Headline - Section | Site`
        match = _SUFFIX.match(title)
        if not match:
            break
        head, tail = match.group("head").strip(), match.group("tail").strip()
        separator = title[len(match.group("head")) : len(title) - len(match.group("tail"))].strip()
        names_site = _squash(tail) in site_keys or any(
            key and (key in _squash(tail) or _squash(tail) in key) for key in site_keys
        )
        short_tail = len(tail.split()) <= 4 and separator in _ALWAYS_SITE_SEPARATORS
        same_as_headline = headline is not None and _squash(head) == _squash(headline)
        if names_site or short_tail or same_as_headline:
            title = head
        else:
            break
    return title or None


_BY = re.compile(r"^\s*(?:written\s+)?by\s*:?\s+", re.I)
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\|)\s*", re.I)
# Widget words glued to bylines by templates (`Will Sage Astor View`).
_TRAILING_WIDGET = re.compile(r"\s+(?:view|views|follow|more|email|twitter|contact)\s*$", re.I)
_NOT_A_NAME = re.compile(r"[@/\d]|^(?:staff|editor|admin|updated|published|news desk|wire)\b", re.I)


def _person(name: str) -> str | None:
    name = _TRAILING_WIDGET.sub("", " ".join(name.split())).strip(" .,-–—")
    if not name or _NOT_A_NAME.search(name) or len(name) > 60 or len(name.split()) > 5:
        return None
    if agency(name):
        return None
    if name.isupper():  # AP prints bylines in capitals
        name = " ".join("-".join(piece.capitalize() for piece in part.split("-"))
                        if not re.fullmatch(r"[A-Z]\.?", part) else part for part in name.split())
        name = re.sub(r"\b(Mc|Mac|O')([a-z])", lambda m: m.group(1) + m.group(2).upper(), name)
    return name


def split_byline(values: list[str]) -> tuple[list[str], str | None]:
    """Person names from bylines, and the agency a byline credits (never an author)."""
    names: list[str] = []
    credited = None
    for value in values:
        value = _BY.sub("", " ".join(str(value).split()))
        for part in _SPLIT.split(value):
            if agency(part):
                credited = credited or agency(part)
                continue
            part, part_agency = split_agency_from_name(part.strip())
            credited = credited or part_agency
            person = _person(part)
            if person and person.lower() not in (n.lower() for n in names):
                names.append(person)
    return names, credited
