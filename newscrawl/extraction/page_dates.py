"""The publication date as the page shows it: weighed against the declared one, or found when none is declared."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime, timedelta, timezone

from newscrawl.extraction.dates import (month_first_in, month_number, normalise_date, parse_date, parse_moment,
                                        prefer_shown)
from newscrawl.extraction.header import header_date, mostly_date
from newscrawl.extraction.parsing import element_text

# `This article was originally published on 26 Sep 2019`: the page's own word on its first day.
_ORIGINALLY = re.compile(r"\boriginally\s+(?:published|posted)\b|\bfirst\s+published\b", re.I)
# Machine-readable dates a page marks as its publication: `<time pubdate>`, itemprop, hAtom's `published`.
# (Written over attribute nodes: a predicate on every element of the page costs twice as much.)
_MARKED_XPATH = ("(//@pubdate | //@itemprop[. = 'datePublished' or . = 'dateCreated'])/parent::*[not(self::meta)]"
                 " | //abbr/@class[contains(concat(' ', normalize-space(.), ' '), ' published ')]/..")
# Meta tags naming a publication date besides the ones metadata reads (`published`, `published-date`,
# `citation_publication_date`); not the publisher.
_META_XPATH = ("//meta[contains(@name, 'publi') or contains(@property, 'publi') or contains(@name, 'citation_date')]"
               "[not(contains(@name, 'publisher') or contains(@property, 'publisher'))]/@content")
# A publication date in a page's script data (`"publishDate":"2025-05-27"`), for pages built by scripts.
_SCRIPT_DATE = re.compile(r'"(?:datePublished|publishDate|publishedAt|published_at|publicationDate|publication_date'
                          r'|date_published|firstPublishedAt)"\s*:\s*"([^"]{8,40})"')
# Elements whose markup says they hold a date (`post-date`, `entry-time`, `published`, `dateline`).
_DATED_XPATH = ("(//@class | //@id)[contains(., 'date') or contains(., 'Date') or contains(., 'time') or contains(., 'Time')"
                " or contains(., 'publish') or contains(., 'Publish') or contains(., 'posted')]/.. | //time")
# Date elements inside a block (a headline's container).
_BLOCK_DATES_XPATH = (".//*[contains(@class, 'date') or contains(@class, 'Date') or contains(@class, 'time')"
                      " or contains(@class, 'Time')][not(self::time)] | .//time")
# Short text pieces of the page: where a date shown in free text can be.
_TEXTS_XPATH = "//body//text()[string-length(normalize-space()) > 5][string-length(normalize-space()) < 80]"
# `/2024/03/05/` or `/2024-03-05-` in a URL path; `/2023/october/03/` with the month's name.
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:[/-]|$)")
_URL_WORD_DATE = re.compile(r"/((?:19|20)\d{2})/([^\W\d_]{3,9})/(0?[1-9]|[12]\d|3[01])(?:[/-]|$)")
# A label saying the date beside it is the page's publication date (`Published`, `Publish date:`, `Posted on`).
_PUBLISHED_LABEL = re.compile(r"^(?:date\s+)?(?:published|posted)(?:\s+(?:on|date))?\s*:?$"
                              r"|^(?:publish|publication)\s+date\s*:?$", re.I)
# Where other stories' and readers' dates sit.
# (a class that starts or ends with the word: `sidebar-right`, `comments-area`, `yarpp-related`;
# not a layout's `story-sidebar-mode-single`).
_WORDS = r"(?:comments?|comment-list|respond|reply|replies|related|recommended|recent|sidebar|popular|trending)"
_ELSEWHERE = re.compile(rf"(?:^|\s){_WORDS}(?:[-_]\S*)?(?:\s|$)|(?:\S*[-_]){_WORDS}(?:\s|$)", re.I)
_SKIP = {"script", "style", "noscript", "template", "option", "select"}
MAX_CANDIDATES = 60
_YEAR = re.compile(r"(?:19|20)\d{2}")


def _headline_blocks(tree) -> set:
    """The headlines' ancestors: whatever their classes say (`story-template-sidebar`), they hold the story.
    Every <h1> outside asides and menus counts (a page may put its site name in the first one and the
    story's headline in a later one); the first one when all are inside them (a story in an <aside>)."""
    headlines = list(tree.iter("h1"))[:5]
    outside = [h1 for h1 in headlines if not any(a.tag in ("aside", "nav") for a in h1.iterancestors())]
    return {ancestor for h1 in (outside or headlines[:1]) for ancestor in h1.iterancestors()}


def _elsewhere(element, story: set) -> bool:
    """Inside comments, related-story lists or sidebars (their dates are not the page's)."""
    for node in (element, *element.iterancestors()):
        if node in story or node.tag in ("body", "html"):
            return False  # the story's own containers; the page's (`has-sidebar`, `comments-open`)
        if node.tag in ("aside", "nav"):
            return True
        marks = f"{node.get('id', '')} {node.get('class', '')}"
        if marks.strip() and _ELSEWHERE.search(marks):
            return True
    return False


def headline_block_date(tree, month_first: bool = True) -> str | None:
    """The first date element in a headline's own container that does not call itself an update
    (its `datetime` when it has one): a dateline the header lines miss when a long standfirst
    sits between it and the headline."""
    story = _headline_blocks(tree)
    for h1 in list(tree.iter("h1"))[:5]:
        block = h1.getparent()
        if block is None or block.tag in ("body", "html") or block.xpath("string-length(normalize-space(.))") > 1000:
            continue  # not a header: the whole story, whose dates may be anything
        for element in block.xpath(_BLOCK_DATES_XPATH)[:10]:
            if _elsewhere(element, story):
                continue
            # The label in front is read too (`<span>Last updated:</span> <span class=date>`): it may
            # call the date an update.
            previous, text = element.getprevious(), element_text(element)
            before = element_text(previous) if previous is not None else ""
            shown = header_date([], [line for line in (before, text) if line], month_first)
            if shown:
                return element.get("datetime") or shown if shown == text else shown
    return None


def _labelled_published(element) -> bool:
    """Whether the text just in front of an element (`<h3>Published</h3><p><time>…`) calls it the
    publication date: such a date is the page's own wherever it sits (an `<aside>` of facts)."""
    node = element
    for _ in range(2):
        previous, parent = node.getprevious(), node.getparent()
        if previous is not None:
            label = previous.tail if previous.tail and previous.tail.strip() else element_text(previous)
        else:
            label = parent.text or "" if parent is not None else ""
        label = " ".join(label.split())
        if label:
            return bool(_PUBLISHED_LABEL.match(label))
        node = parent
        if node is None:
            break
    return False


def _day(raw: str, month_first: bool) -> str | None:
    parsed = parse_date(raw, month_first)
    return parsed.isoformat()[:10] if parsed is not None else None


def settled_convention(raw: str | None, month_first: bool, tree, url: str) -> bool:
    """The convention to read an all-number date by (`02-12-2025`): the language's, unless the page's
    own unambiguous dates (the day in its URL, a `<time datetime>`) name the other reading's day only."""
    if not raw or not _ambiguous(raw):
        return month_first
    evidence = {url_date(url)} | {_day(value, True) for value in tree.xpath("//time/@datetime")[:MAX_CANDIDATES]
                                  if not _ambiguous(value)}
    ours, other = _day(raw, month_first), _day(raw, not month_first)
    return (not month_first) if other in evidence and ours not in evidence else month_first


def page_language(tree) -> str | None:
    """The language the page declares for its dates: `<html lang>`, else its language meta tags
    (`<meta name="language" content="de">`, `content-language`, `og:locale`)."""
    for value in tree.xpath("/html/@lang | //meta[@name='language' or @http-equiv='content-language'"
                            " or @http-equiv='Content-Language' or @property='og:locale']/@content")[:4]:
        if value.strip():
            return value
    return None


def _ambiguous(raw: str) -> bool:
    """An all-number date whose day and month could swap (`02-12-2025`): another value may settle it."""
    return parse_date(raw, True) != parse_date(raw, False)


def _first(values, month_first: bool, now) -> tuple[str, str] | None:
    """(ISO date, raw) of the first plausible value; one that reads the same in every convention
    before an ambiguous all-number one."""
    found = []
    for raw in values:
        if raw and len(raw) <= 120:
            value = normalise_date(raw, now, month_first)
            if value:
                if not _ambiguous(raw):
                    return value, raw.strip()
                found.append((value, raw.strip()))
    return found[0] if found else None


def _earliest(values, month_first: bool, now) -> tuple[str, str] | None:
    """(ISO date, raw) of the earliest plausible value: a page re-stamps its publication date
    forward (a build or republish time), never back."""
    found = [(value, raw.strip()) for raw in values if (value := normalise_date(raw, now, month_first))]
    return min(found, key=lambda pair: parse_moment(pair[0])) if found else None


def marked_date(tree, month_first: bool = True, now: datetime | None = None) -> tuple[str, str] | None:
    """(ISO date, raw) of the first element the markup calls the publication date (`<time pubdate>`,
    itemprop=datePublished), outside comments and related stories."""
    values, story = [], _headline_blocks(tree)
    for element in tree.xpath(_MARKED_XPATH)[:10]:
        if not _elsewhere(element, story):
            values.append(element.get("datetime") or element.get("content") or element.get("title")
                          or element_text(element))
    return _first(values, month_first, now)


def originally_published(tree, month_first: bool = True, now: datetime | None = None) -> tuple[str, str] | None:
    """(ISO date, raw) of a `originally published on …` / `first published …` line, which names the
    first day of a page that is shown, declared and re-stamped with its updates."""
    text = tree.xpath("string(//body)")  # one pass in C; searching text nodes one by one cost 3 times more
    if "riginally" not in text and "irst published" not in text:
        return None  # the regular expression over a whole page costs ten times this test
    for match in list(_ORIGINALLY.finditer(text))[:3]:
        found = _first([" ".join(text[match.end():match.end() + 80].split())], month_first, now)
        if found:
            return found
    return None


def url_date(url: str, now: datetime | None = None) -> str | None:
    """The day a URL's path names (`/2024/03/05/`, `/2023/october/03/`), if plausible."""
    path = url.split("?", 1)[0]
    match = _URL_DATE.search(path)
    if match:
        return normalise_date("-".join(match.groups()), now)
    match = _URL_WORD_DATE.search(path)
    month = month_number(match.group(2)) if match else None
    return normalise_date(f"{match.group(1)}-{month:02d}-{int(match.group(3)):02d}", now) if month else None


def page_offset(tree, moment: datetime | None = None) -> timezone | None:
    """The page's own UTC offset: that of a `<time datetime>` naming `moment` itself (summer time
    is not winter time), else the most common non-zero one among its `<time datetime>` values."""
    offsets = Counter()
    for value in tree.xpath("//time/@datetime")[:MAX_CANDIDATES]:
        parsed = parse_date(value)
        if isinstance(parsed, datetime) and parsed.utcoffset():
            if moment is not None and parsed == moment:
                return timezone(parsed.utcoffset())
            offsets[parsed.utcoffset()] += 1
    return timezone(offsets.most_common(1)[0][0]) if offsets else None


def in_page_offset(published: str | None, tree, days: set[str]) -> str | None:
    """A declared UTC timestamp expressed in the page's own offset, when the page names that local
    day (in its URL or its dateline): same moment, the day its readers saw (`2025-12-19T03:05Z` on a
    US-Pacific site whose URL says `/2025/12/18/`)."""
    parsed = parse_date(published) if published else None
    if not isinstance(parsed, datetime) or parsed.utcoffset() != timedelta(0):
        return published
    offset = page_offset(tree, parsed)
    local = parsed.astimezone(offset).isoformat() if offset else published
    return local if local[:10] in days and local[:10] != published[:10] else published


def shown_published(tree, url: str, published: str | None, raw: str | None, modified: str | None,
                    above: list[str], below: list[str], now: datetime | None = None) -> tuple[str | None, str | None]:
    """(published, raw) once what the page shows is weighed in: an `originally published` line wins;
    a UTC timestamp takes the page's own offset; a declared day the URL names too stands; else the
    dateline under the headline (or the element the markup calls the publication date) is weighed
    against the declared date."""
    month_first = month_first_in(page_language(tree))
    original = originally_published(tree, month_first, now)
    if original:
        return original
    shown = header_date(above, below, month_first) or headline_block_date(tree, month_first)
    month_first = settled_convention(shown, month_first, tree, url)
    url_day = url_date(url, now)
    days = {d[:10] for d in (url_day, normalise_date(shown, now, month_first)) if d}
    published = in_page_offset(published, tree, days)
    if published and url_day == published[:10]:
        return published, raw  # permalink and declaration agree: a dateline of another day is another story's
    if shown is None:
        marked = marked_date(tree, month_first, now)
        # A marked element away from the headline may be another story's: it may only take the
        # date back (a declared date re-stamped on a republish), never forward.
        if marked and (not published or marked[0][:10] < published[:10]):
            shown = marked[1]
            month_first = settled_convention(shown, month_first, tree, url)
    return prefer_shown(published, raw, modified, shown, now, month_first)


def page_date(tree, url: str, above: list[str], below: list[str], modified: str | None = None,
              now: datetime | None = None) -> tuple[str | None, str | None]:
    """(ISO date, raw) for a page that declares no publication date, from what it shows, nearest the
    headline first: the earliest of its other publication meta tags, its dateline, the element its
    markup calls the publication date, an update's dateline (when that is the only date shown), elements its markup marks as
    dates, its script data, a short line of text that is mostly a date, the day in its URL, and
    last its declared modified date."""
    month_first = month_first_in(page_language(tree))
    line = header_date(above, below, month_first) or headline_block_date(tree, month_first)
    found = _earliest(tree.xpath(_META_XPATH)[:5], month_first, now) \
        or _first([line], settled_convention(line, month_first, tree, url), now) \
        or marked_date(tree, month_first, now) \
        or _first([header_date(above, below, month_first, updates=True)], month_first, now)
    if found:
        return found
    story = _headline_blocks(tree)
    values = [element.get("datetime") or element_text(element) for element in tree.xpath(_DATED_XPATH)[:MAX_CANDIDATES]
              if element.tag not in _SKIP and (not _elsewhere(element, story) or _labelled_published(element))]
    found = _first(values, month_first, now) or _first(_script_dates(tree), month_first, now) \
        or _first(_date_lines(tree, story), month_first, now)
    if found:
        return found
    day = url_date(url, now) or modified
    return (day, day) if day else (None, None)


def _script_dates(tree):
    for script in tree.xpath("//script[not(@type='application/ld+json')]/text()")[:40]:
        match = _SCRIPT_DATE.search(script)
        if match:
            yield match.group(1)


def _date_lines(tree, story: set):
    """Short texts that are mostly a date (`Posted on April 13, 2023`), in page order, outside
    comments and related stories."""
    for text in tree.xpath(_TEXTS_XPATH)[:2000]:
        line = " ".join(text.split())
        parent = text.getparent()
        if _YEAR.search(line) and parent is not None and parent.tag not in _SKIP and mostly_date(line) \
                and not _elsewhere(parent, story):
            yield line
