"""Publication dates: parse the many shapes pages use, reject the implausible ones."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

EARLIEST = datetime(1990, 1, 1, tzinfo=timezone.utc)
# Clocks and time zones disagree a little; a page "from tomorrow" is not yet a fake.
FUTURE_SLACK = timedelta(days=1)

# Month names and abbreviations: English, Spanish, French, German, Italian, Portuguese, Dutch.
_MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january", "ene", "enero", "janv", "janvier", "januar", "jän", "jänner", "gen", "gennaio",
          "janeiro", "januari"),
         ("feb", "february", "febrero", "févr", "février", "februar", "febbraio", "fev", "fevereiro", "februari"),
         ("mar", "march", "marzo", "mars", "märz", "mär", "março", "maart", "mrt"),
         ("apr", "april", "abr", "abril", "avr", "avril", "aprile"),
         ("may", "mayo", "mai", "mag", "maggio", "maio", "mei"),
         ("jun", "june", "junio", "juin", "juni", "giu", "giugno", "junho"),
         ("jul", "july", "julio", "juil", "juillet", "juli", "lug", "luglio", "julho"),
         ("aug", "august", "ago", "agosto", "août", "augustus"),
         ("sep", "sept", "september", "septiembre", "septembre", "set", "settembre", "setembro"),
         ("oct", "october", "octubre", "octobre", "okt", "oktober", "ott", "ottobre", "out", "outubro"),
         ("nov", "november", "noviembre", "novembre", "novembro"),
         ("dec", "december", "dic", "diciembre", "déc", "décembre", "dez", "dezember", "dicembre", "dezembro")],
        start=1,
    )
    for name in names
}
_PREFIX = re.compile(r"^\s*(?:published|updated|posted|date|on)\s*:?\s*", re.I)
# A time after the date: `11:03`, `11:03:20`, `10:31 pm`, `11:04 a.m.`
_TIME = r"(?:\D+(\d{1,2}):(\d{2})(?::\d{2})?(?:\s*([ap])\.?\s?m\b)?)?"
# `Nov 18, 2019`, `November 18th, 2019`
_MONTH_FIRST = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})" + _TIME, re.I)
# `4 Aug 2021`, `04-ago-2021`, `5. März 2024`, `4 de agosto de 2021`, `1er janvier 2020`
_DAY_FIRST = re.compile(
    r"(\d{1,2})(?:\.|st|nd|rd|th|er)?(?:\s+de)?[\s-]+([^\W\d_]{3,10})\.?,?(?:\s+de)?[\s-]+(\d{4})" + _TIME, re.I
)
# `2023 Jan 7` (citations)
_YEAR_MONTH = re.compile(r"(\d{4})\s+([^\W\d_]{3,9})\.?\s+(\d{1,2})(?!\d)" + _TIME, re.I)
# All-number dates: `3/4/2025`, `03-09-2026`, `12.12.2025` (month first in American English, day first
# elsewhere, unless one part is over 12), `2025/4/29` (year first).
_NUMERIC = re.compile(r"(?<![\w./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d./-])" + _TIME, re.I)
_YEAR_FIRST = re.compile(r"(?<![\w./-])(\d{4})([./])(\d{1,2})\2(\d{1,2})(?![\d./-])" + _TIME, re.I)
_ISO_LIKE = re.compile(r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?")


def is_month_name(word: str) -> bool:
    """Whether a word names a month (`Aug`, `agosto`, `März`) in a language dates are read in."""
    return month_number(word) is not None


def month_number(word: str) -> int | None:
    """1-12 for a month's name or abbreviation (`october`, `Okt.`), else None."""
    return _MONTHS.get(word.lower().rstrip("."))


def _parse_iso(value: str) -> datetime | date | None:
    match = _ISO_LIKE.search(value)
    if not match:
        return None
    text = match.group(0).replace("Z", "+00:00")
    if re.search(r"[+-]\d{4}$", text):
        text = f"{text[:-2]}:{text[-2:]}"
    try:
        if match.group(1) is None:
            return date.fromisoformat(text[:10])
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _parse_words(value: str) -> datetime | date | None:
    for pattern, month_group, day_group, year_group in ((_MONTH_FIRST, 1, 2, 3), (_DAY_FIRST, 2, 1, 3),
                                                         (_YEAR_MONTH, 2, 3, 1)):
        match = pattern.search(value)
        if not match:
            continue
        month = _MONTHS.get(match.group(month_group).lower())
        if not month:
            continue
        try:
            day = date(int(match.group(year_group)), month, int(match.group(day_group)))
        except ValueError:
            return None
        return _with_time(day, match, 4)
    return None


def _with_time(day: date, match, first: int) -> datetime | date:
    if not match.group(first):
        return day
    hour, meridiem = int(match.group(first)), (match.group(first + 2) or "").lower()
    if meridiem:
        hour = hour % 12 + (12 if meridiem == "p" else 0)
    try:
        return datetime(day.year, day.month, day.day, hour, int(match.group(first + 1)))
    except ValueError:
        return day


def _parse_numeric(value: str, month_first: bool) -> datetime | date | None:
    match = _YEAR_FIRST.search(value)
    if match:
        year, month, day = int(match.group(1)), int(match.group(3)), int(match.group(4))
    else:
        match = _NUMERIC.search(value)
        if not match:
            return None
        first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        day_first = first > 12 or (not month_first and second <= 12)
        day, month = (first, second) if day_first else (second, first)
    try:
        return _with_time(date(year, month, day), match, 5)
    except ValueError:
        return None


def month_first_in(language: str | None) -> bool:
    """Whether all-number dates on a page in this language (`en-US`, `de`) put the month first:
    American English does (and a bare `en` is mostly American); other languages put the day first."""
    code = (language or "en").strip().lower().replace("_", "-")
    return code in ("en", "en-us", "")


def parse_date(value: str | None, month_first: bool = True) -> datetime | date | None:
    """A datetime (aware when the page gives an offset), a date, or None.

    `month_first` reads ambiguous all-number dates (`3/4/2025`) the American way.
    """
    if not value or not value.strip():
        return None
    value = _PREFIX.sub("", value.strip())
    parsed = _parse_iso(value)
    if parsed is None and re.match(r"^[A-Z][a-z]{2}, \d", value):
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            parsed = None
    if parsed is None:
        parsed = _parse_words(value)
    if parsed is None:
        parsed = _parse_numeric(value, month_first)
    if parsed is None and re.fullmatch(r"\d{10}(\d{3})?", value):
        seconds = int(value[:10])
        parsed = datetime.fromtimestamp(seconds, tz=timezone.utc)
    return parsed


def _as_utc(value: datetime | date) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    return datetime(value.year, value.month, value.day, tzinfo=timezone.utc)


def parse_moment(value: str | None) -> datetime | None:
    """An aware UTC-comparable datetime for a date string (naive times and bare dates as UTC)."""
    parsed = parse_date(value) if isinstance(value, str) else None
    return _as_utc(parsed) if parsed is not None else None


def plausible(value: datetime | date, now: datetime | None = None) -> bool:
    """Not before 1990 and not in the future: anything else is not a publication date."""
    now = now or datetime.now(tz=timezone.utc)
    moment = _as_utc(value)
    return EARLIEST <= moment <= now + FUTURE_SLACK


def normalise_date(value: str | None, now: datetime | None = None, month_first: bool = True) -> str | None:
    """ISO 8601 for a plausible date string (offset kept where the page gives one), else None."""
    parsed = parse_date(value, month_first)
    if parsed is None or not plausible(parsed, now):
        return None
    return parsed.isoformat()


def prefer_shown(published: str | None, raw: str | None, modified: str | None, shown: str | None,
                 now: datetime | None = None, month_first: bool = True) -> tuple[str | None, str | None]:
    """(published, raw) once the dateline the page shows under its headline is weighed in.

    The shown date wins over a declared one of another day: declared dates drift (a CMS
    re-stamps datePublished when a page is republished). Not when it is the day of the page's
    own modified date (the update shown), nor when the two can be the same moment: the
    declared timestamp's day in some time zone (UTC-12 to UTC+14), or the day after it (a
    shown time without its zone, or a late edit shown as the date).
    """
    value = normalise_date(shown, now, month_first)
    if not value:
        return published, raw
    if published and (value[:10] == published[:10] or (modified and value[:10] == modified[:10])
                      or _same_moment(value[:10], published)):
        return published, raw
    return value, shown.strip()


def _same_moment(day: str, declared: str) -> bool:
    parsed = parse_date(declared)
    if parsed is None:
        return False
    if not isinstance(parsed, datetime):
        return day == (parsed + timedelta(days=1)).isoformat()
    instant = _as_utc(parsed)
    earliest, latest = (instant - timedelta(hours=12)).date(), (instant + timedelta(hours=38)).date()
    return earliest.isoformat() <= day <= latest.isoformat()
