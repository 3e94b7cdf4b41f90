"""Wire attribution: which agency a text is credited to, its dateline, and credit lines."""

from __future__ import annotations

import re

# Spellings of each agency's name -> the short name we record.
AGENCIES: dict[str, str] = {
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "upi": "UPI",
    "united press international": "UPI",
    "dpa": "dpa",
    "deutsche presse-agentur": "dpa",
    "deutsche presse agentur": "dpa",
    "reuters staff": "Reuters",
    "efe": "EFE",
    "agencia efe": "EFE",
    "ansa": "ANSA",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "yonhap": "Yonhap",
    "yonhap news agency": "Yonhap",
    "xinhua": "Xinhua",
    "pa media": "PA",
    "press association": "PA",
    "the canadian press": "CP",
    "australian associated press": "AAP",
    "aap": "AAP",
    "pti": "PTI",
    "press trust of india": "PTI",
    "ians": "IANS",
}
# The agencies' own sites: where a credited story's original lives.
AGENCY_SITES = {"AP": "apnews.com", "Reuters": "reuters.com", "AFP": "afp.com", "UPI": "upi.com"}

_AGENCY_WORDS = "|".join(sorted((re.escape(k) for k in AGENCIES), key=len, reverse=True))
_DASH = r"(?:—|–|-{1,2}|―)"
# `SEOUL, South Korea (AP) — `: a place in capitals, optional regions, a credit, a dash.
_PLACE = r"[A-Z][A-Z.'’\- ]*[A-Z.](?:,\s+[A-Z][\w.'’\- ]*?)*"
# With an agency credit the place may be in title case (`Berlin (dpa) - `, `Kiew/Berlin (dpa/AFP) -`),
# the credit may name a regional desk or two agencies, and German pages drop the dash.
_CREDIT_PLACE = r"[A-ZÄÖÜ][\w.'’/\- ]{0,40}?(?:,\s+[A-Z][\w.'’\- ]*?)*"
DATELINE = re.compile(
    rf"^\s*(?P<place>{_PLACE}|{_CREDIT_PLACE})?\s*\((?P<agency>(?i:{_AGENCY_WORDS}))(?:\s*/\s*[\w-]{{1,20}})*\)"
    rf"\s*(?:{_DASH}|:)?\s*"
)
# A dateline without a wire credit: `HARBOR CITY, Veloria — `, or a local outlet's own
# credit `MILLBROOK, Amberly (KVTN) — ` (the place must be in capitals).
PLAIN_DATELINE = re.compile(rf"^\s*(?P<place>{_PLACE})\s+(?:\([A-Za-z0-9 .&'-]{{1,30}}\)\s*)?{_DASH}\s+(?=\S)")

_BY_AGENCY = re.compile(rf"^\s*by\s+(?:the\s+)?(?P<agency>{_AGENCY_WORDS})\s*\.?\s*$", re.I)
_COPYRIGHT = re.compile(
    rf"^\s*(?:copyright|©|\(c\))\s*(?:©\s*)?\d{{4}}\s+(?:the\s+)?(?P<agency>{_AGENCY_WORDS})\b", re.I
)
_AGENCY_ONLY = re.compile(rf"^\s*(?:the\s+)?(?P<agency>{_AGENCY_WORDS})\s*\.?\s*$", re.I)
# Reuters' trailer: `Reporting by ...; Editing by ...`.
_TRAILER = re.compile(r"^\s*\(?(?:reporting|writing|additional reporting)\s+by\b.*\bediting by\b", re.I)
# Credits at the end of a text: `... sagte er. (dpa)`, `— AFP`, `Mit Material von dpa`,
# `The Associated Press contributed to this report.`, `This story was provided by AFP.`
_END_CREDIT = re.compile(
    rf"(?:\((?P<a1>{_AGENCY_WORDS})(?:\s*/\s*[\w-]{{1,20}})*\)\s*$"
    rf"|(?:^|\s){_DASH}\s*(?P<a2>{_AGENCY_WORDS})\s*$"
    rf"|^\s*(?:mit material (?:von|der)|with|source|quelle|fuente|source\s*:|quelle\s*:)\s*:?\s*(?:the\s+)?(?P<a3>{_AGENCY_WORDS})\s*\.?\s*$"
    rf"|^\s*(?:the\s+)?(?P<a4>{_AGENCY_WORDS})(?:\s+\w+){{0,3}}\s+contributed to this (?:report|story)"
    rf"|^\s*this (?:story|article|report) (?:was|is) (?:provided|written|reported) by (?:the\s+)?(?P<a5>{_AGENCY_WORDS})\b)",
    re.I,
)
# An agency's initials after the last sentence: `... to sneak into the US. PTI` (capitals only).
_END_INITIALS = re.compile(r"[.!?\"”’)]\s+(?P<agency>AP|AFP|PTI|IANS|UPI|EFE|ANSA|AAP|dpa)\s*$")
# `JANE DOE Associated Press`, `JOHN ROE, AP Business Writer`
_NAME_WITH_AGENCY = re.compile(
    rf"\s*,?\s+(?:the\s+)?(?P<agency>{_AGENCY_WORDS})"
    rf"(?:\s+(?:[\w-]+\s+)?(?:writer|correspondent|reporter|editor|journalist)s?)?\s*$",
    re.I,
)


# An agency's job line after a comma: `AP Auto Writer`, `Associated Press Writer`.
_AGENCY_JOB = re.compile(
    rf"^\s*(?:the\s+)?(?P<agency>{_AGENCY_WORDS})(?:\s+[\w-]+)?\s+(?:writer|correspondent|reporter|editor|journalist)s?\s*$",
    re.I,
)


def agency(name: str | None) -> str | None:
    """The agency's short name for a spelling of it (`Associated Press` -> `AP`), else None."""
    if not name:
        return None
    return AGENCIES.get(re.sub(r"\s+", " ", name.strip().strip(".")).lower())


def dateline(text: str) -> tuple[str | None, str | None]:
    """(place, agency) from the opening of a text; either may be None."""
    match = DATELINE.match(text)
    if match:
        place = match.group("place")
        return (place.strip(" ,") if place else None), agency(match.group("agency"))
    match = PLAIN_DATELINE.match(text[:200])
    if match:
        return match.group("place").strip(" ,"), None
    return None, None


def credit_line_agency(line: str) -> str | None:
    """The agency a credit or copyright line names (`By The Associated Press`), else None."""
    if len(line) > 400:
        return None
    for pattern in (_BY_AGENCY, _COPYRIGHT, _AGENCY_ONLY):
        match = pattern.match(line)
        if match:
            return agency(match.group("agency"))
    return None


def end_credit(paragraphs: list[str]) -> str | None:
    """The agency credited at the end of a text (its last two paragraphs), else None.

    Reuters' `Reporting by ...; Editing by ...` trailer counts as a Reuters credit.
    """
    for paragraph in reversed(paragraphs[-2:]):
        if len(paragraph) > 2000:
            continue
        match = _END_CREDIT.search(paragraph)
        if match:
            return agency(next(g for g in match.groups() if g))
        if _TRAILER.match(paragraph):
            return "Reuters"
        match = _END_INITIALS.search(paragraph)
        if match:
            return agency(match.group("agency"))
    return None


def is_credit_line(line: str) -> bool:
    """Lines that credit rather than tell the story; they are kept out of `text`."""
    return credit_line_agency(line) is not None or bool(_TRAILER.match(line))


def split_agency_from_name(name: str) -> tuple[str, str | None]:
    """`JANE DOE Associated Press` -> (`JANE DOE`, `AP`); `AP Auto Writer` -> (``, `AP`);
    names without a credit pass through."""
    match = _AGENCY_JOB.match(name)
    if match:
        return "", agency(match.group("agency"))
    match = _NAME_WITH_AGENCY.search(name)
    if match and match.start() > 0:
        return name[: match.start()].strip(" ,"), agency(match.group("agency"))
    return name, None
