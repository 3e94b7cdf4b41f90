"""Headlines without site-name suffixes, and bylines turned into person names."""

from __future__ import annotations

import re

from newscrawl.extraction.given_names import is_given_name
from newscrawl.extraction.wire import agency, split_agency_from_name

# ` | Site`, ` - Site`, ` — Site`, `_Site`, ` -Site` (content farms glue the dash on).
# `--` joins section and site on Chinese portals (`…--时政--人民网`).
_SUFFIX = re.compile(r"^(?P<head>.+?)\s*(?:\s[|•·»]\s|\s[-–—]\s|_|--|\s-(?=\S))\s*(?P<tail>[^|_]{1,60})$")
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
        short_tail = len(tail.split()) <= 4 and (
            separator in _ALWAYS_SITE_SEPARATORS or (separator == "--" and not tail.isascii())
        )
        same_as_headline = headline is not None and _squash(head) == _squash(headline)
        if names_site or short_tail or same_as_headline:
            title = head
        else:
            break
    return title or None


def is_site_heading(heading: str | None, site_names: list[str], html_title: str | None) -> bool:
    """Whether an <h1> is the site's name (a logo or masthead), not the headline: it is the
    site's declared name or host, or what the <title> puts after the headline."""
    key = _squash(heading or "")
    if len(key) < 3:
        return False
    if key in {_squash(name) for name in site_names if name}:
        return True
    # `Headline - Site`: a tail shorter than the head is the site (`Site | Headline` puts it first).
    match = _SUFFIX.match(" ".join((html_title or "").split()))
    return bool(match) and key == _squash(match.group("tail")) and len(key) < len(_squash(match.group("head")))


# Labels in front of a byline: `By`, `Posted by :`, `Written by`, `Author:`, `Von`, `Par`.
_LABEL = re.compile(
    r"^\s*(?:(?:[\w-]+\s+){0,4}by\b|von\b|par\b|por\b|authors?\s+(?=[A-Z])"
    r"|(?:author|authors|autor|autorin|auteur|autore|posted|written)\s*(?=:)|(?:author|autor)\s+(?=[A-Z])"
    r"|(?:текст|автор|фото)\s*:?\s+)\s*:?\s*",
    re.I,
)
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\|)\s*", re.I)
# Widget words glued to bylines by templates (`Will Sage Astor View`, `View more posts`).
_TRAILING_WIDGET = re.compile(
    r"\s+(?:(?:view|see|read|more)(?:\s+(?:all|more))?(?:\s+(?:posts|articles|stories|from|by)\b.*)?"
    r"|more about\b.*|views|follow|email|e-mail|twitter|contact|bio)\s*$",
    re.I,
)
# Job titles that follow a name (`Keith Barry Senior Autos Reporter`): cut at the first one.
_JOB_WORD = re.compile(
    r"\s+(?:-\s+)?\b(?:senior|staff|chief|managing|executive|associate|assistant|contributing|deputy|"
    r"political|business|sports|science|health|tech|technology|editor|editors|reporter|writer|"
    r"correspondent|columnist|producer|contributor|journalist|analyst|photographer|director|"
    r"editor-in-chief|founder|co-founder|ceo|intern|freelance|freelancer|host|anchor|head|former|expert|"
    r"consultant|coordinator|specialist|manager|officer|strategist|educators?|marketer|"
    r"redakteur|redakteurin|korrespondent|korrespondentin)\b.*$",
    re.I,
)
# What follows a name but is someone else's credit or a date (`DVM Reviewed by Molly Price`, `• March`).
_TAIL = re.compile(
    r"\s+(?:[-•|·]\s*)?(?:(?:medically\s+)?reviewed|fact[- ]checked|edited|illustrated|photos?|photography)\s+by\b.*$"
    r"|\s*[•|·]\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
    r"july|august|september|october|november|december)\b.*$"
    # months that are never surnames (not May, June, April, July, August)
    r"|\s+(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|september|october|"
    r"november|december)\b\.?(?:\s+\d.*)?$",
    re.I,
)
# Comment widgets put `says` / `wrote:` after a commenter's name: not a byline.
# Credentials after a name (`Dylan Bailey, MS, RD`, `Rebecca Lake, CEPF®`, `Jane Roe, M.D.`).
_CREDENTIAL = re.compile(r"^(?:[A-Z][A-Za-z]?\.?){1,3}[A-Z]\.?[®™]?$|^[A-Z]{2,6}[®™]?$|^(?i:ph\.?\s?d|m\.?d|jr|sr|esq)\.?$")
_COMMENTER = re.compile(r"\s(?:says|said|wrote|replied|commented)\s*:?\s*$", re.I)
_NOT_A_NAME = re.compile(
    r"[@/\d{}]|^(?:staff|editor|admin|administrator|updated|published|news desk|wire|guest|anonymous|"
    r"unknown|team|redaktion|newsroom|webmaster|undefined|null|none|name|authors?|contributors?|"
    r"mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|january|february|"
    r"march|april|june|july|august|september|october|november|december)\b\.?$|page\.|\.author\b",
    re.I,
)
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
_CSS_CLASS = re.compile(r"\w+(?:-\w+){3,}")
# Words no name contains: what is left of a widget or a heading, not a byline.
_NON_NAME_WORDS = {"news", "posts", "post", "more", "view", "about", "read", "comments", "comment", "share",
                   "home", "updated", "published", "minutes", "min", "ago", "reading", "time", "click", "here",
                   "subscribe", "login", "menu", "search", "the", "our", "your", "biography", "bio", "posted",
                   "written", "by", "on", "in", "at", "filed", "desk"}


def _looks_like_person(name: str) -> bool:
    """No widget or heading words; Latin-script names in lower case pass (`kirstin boatto`)."""
    return not any(word.lower().strip(".,:»«") in _NON_NAME_WORDS for word in name.split())


def _person(name: str) -> str | None:
    name = " ".join(name.split())
    if _COMMENTER.search(name):
        return None
    name = _TAIL.sub("", _TRAILING_WIDGET.sub("", name)).strip(" .,:-–—()•|*")
    name = _JOB_WORD.sub("", name).strip(" .,:-–—") if len(name.split()) >= 2 else name
    if len(name.split()) >= 3 and _CREDENTIAL.match(name.split()[-1]) and all(
            _NAME_WORD.match(w) for w in name.split()[:-1]):
        name = name.rsplit(" ", 1)[0]  # `Cara Roe RN`: a credential after the name
    if _JOB_WORD.fullmatch(" " + name):
        return None  # a job title alone (`Contributor`, `Associate`)
    if _SLUG.fullmatch(name) or _CSS_CLASS.search(name):
        return None  # a URL slug (`jane-roe`) or a template's class names, not a printed name
    if not name or _CREDENTIAL.match(name) or _NOT_A_NAME.search(name) or len(name) > 60 or len(name.split()) > 5:
        return None
    if agency(name) or not _looks_like_person(name):
        return None
    if name.isupper() and len(name) > 3:  # AP prints bylines in capitals
        name = " ".join("-".join(piece.capitalize() for piece in part.split("-"))
                        if not re.fullmatch(r"[A-Z]\.?", part) else part for part in name.split())
        name = re.sub(r"\b(Mc|Mac|O')([a-z])", lambda m: m.group(1) + m.group(2).upper(), name)
    return name


def _site_keys(outlets) -> set[str]:
    return {key for name in outlets if name and len(key := _squash(name)) >= 3}


# Words an outlet adds to its name (`BBC News`, `n-tv NACHRICHTEN`, `STERN.de`).
_OUTLET_WORDS = {"news", "nachrichten", "online", "digital", "media", "magazine", "magazin", "daily", "today",
                 "tv", "radio", "staff", "team", "desk", "redaktion", "newsroom", "editors", "editorial",
                 "de", "com", "net", "org", "co", "uk", "fr", "es", "it", "at", "ch", "in", "international",
                 "the", "world", "live", "times", "post", "journal"}


def is_outlet(name: str, outlets) -> bool:
    """Whether a byline names the outlet itself (`BBC News` on bbc.com, `STERN.de`, `israel news`).

    `outlets` are the page's own names for itself: og:site_name, JSON-LD publisher, the host.
    A person whose name merely contains the site's (`Lee Smith` on lee.net) is not the outlet.
    """
    key = _squash(name)
    if len(key) < 3:
        return False
    words = re.findall(r"[0-9a-z]+", name.lower())
    for site in _site_keys(outlets):
        if key == site or (len(key) >= 4 and key in site and len(words) <= 3):
            return True
        for cut in range(1, len(words)):  # the site's name, then outlet words only
            if "".join(words[:cut]) == site and all(w in _OUTLET_WORDS for w in words[cut:]):
                return True
        # every word of the name inside the host label: `israel news` on israelnationalnews.com
        if len(words) >= 2 and all(len(w) >= 2 and w in site for w in words) and len(site) > len(key):
            return True
    return False


# Words in a business's name, not a person's (`Freewrite Store`, `Jon Roe Photography`).
_BUSINESS_WORDS = {"blog", "photography", "photo", "studio", "studios", "store", "shop", "books", "group", "company",
                   "inc", "llc", "ltd", "gmbh", "services", "solutions", "consulting", "agency", "labs", "academy",
                   "yoga", "design", "marketing", "travel", "health", "eats"}
_NAME_WORD = re.compile(r"^(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|Mc[A-Z][a-z]+|[A-Z]\.)$")


def reads_as_person(name: str) -> bool:
    """Two or three capitalised words, the first a known given name, none a business or outlet
    word (`Sam Roe`, not `Block Renovation` or `Jon Roe Photography`)."""
    words = name.split()
    return (2 <= len(words) <= 3 and all(_NAME_WORD.match(w) for w in words) and is_given_name(words[0])
            and not any(w.lower() in _OUTLET_WORDS or w.lower() in _BUSINESS_WORDS for w in words))


def names_outlet(name: str, outlets) -> bool:
    """A byline that names the outlet, unless it reads as a person's name: a personal site is
    often named after its author (`Sam Roe` on samroe.net), and then the site's name is hers."""
    return is_outlet(name, outlets) and not reads_as_person(name)


def _drop_job_segments(value: str) -> str:
    """`Jo Roe, Privacy and Security Expert, Bo Chan`: a comma segment after the first that holds a
    job word and does not open with a given name is the job of the name before it."""
    segments = re.split(r"\s*[,;|]\s*", value)
    kept = [segments[0]] + [s for s in segments[1:] if not (
        s and _JOB_WORD.search(" " + s) and not is_given_name(s.split()[0]))]
    return ", ".join(kept)


def split_byline(values: list[str], outlets=()) -> tuple[list[str], str | None, str | None]:
    """(person names, agency credited, outlet named) from bylines; agencies and outlets are never authors."""
    names: list[str] = []
    credited = outlet = None
    for value in values:
        value = " ".join(str(value).split())
        for _ in range(2):
            value = _LABEL.sub("", value)
        if agency(value) or names_outlet(value, outlets):
            credited = credited or agency(value)
            outlet = outlet or (None if agency(value) else value)
            continue
        for part in _SPLIT.split(_drop_job_segments(value)):
            part = _LABEL.sub("", part).strip()
            if agency(part):
                credited = credited or agency(part)
                continue
            part, part_agency = split_agency_from_name(part)
            credited = credited or part_agency
            if names_outlet(part, outlets):
                outlet = outlet or part
                continue
            person = _person(part)
            if person and person.lower() not in (n.lower() for n in names):
                names.append(person)
    return names, credited, outlet
