"""Fictional stories served by the mock web: the Story record and the full catalogue."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

# Wire stories run on Eastern time, the partners' CMS on Central time.
EST = timezone(timedelta(hours=-5))
CST = timezone(timedelta(hours=-6))


@dataclass(frozen=True)
class Story:
    """One story as its first publisher ran it."""

    key: str  # stable id, e.g. "ferry-strike"
    title: str
    paragraphs: tuple[str, ...]
    published: datetime  # aware
    modified: datetime
    authors: tuple[str, ...] = ()
    dateline: str | None = None  # e.g. "HARBOR CITY, Veloria"
    topic: str = "us-news"  # AP hub, or the partner section
    phase: int = 1  # first phase in which the story is served
    series: str | None = None  # templated series (same sentences, new numbers)
    version_of: str | None = None  # key of the earlier write-thru
    rewrite_of: str | None = None  # wire key this staff story covers in its own words

    @property
    def slug(self) -> str:
        words = re.findall(r"[a-z0-9]+", self.title.lower().replace("’", ""))
        return "-".join(words[:10])

    @property
    def hexid(self) -> str:
        # AP article URLs end in 32 lowercase hex digits; derived, so stable across runs.
        return hashlib.md5(f"ap:{self.key}".encode()).hexdigest()


def typeset(text: str) -> str:
    """Straight apostrophes as written in the data become typographic ones, as on AP."""
    return text.replace("'", "’")


def story(key: str, title: str, when: str, authors: tuple[str, ...] | list[str], topic: str,
          paras: list[str], *, dateline: str | None = None, credit: str | None = "AP",
          updated: int = 0, tz: timezone = EST, **extra) -> Story:
    """Build a Story; `dateline` + `credit` open the first paragraph as `CITY (AP) — `."""
    published = datetime.strptime(when, "%Y-%m-%d %H:%M").replace(tzinfo=tz)
    paras = [typeset(p) for p in paras]
    if dateline and credit:
        paras[0] = f"{dateline} ({credit}) — {paras[0]}"
    elif dateline:
        paras[0] = f"{dateline} — {paras[0]}"
    return Story(key=key, title=typeset(title), paragraphs=tuple(paras), published=published,
                 modified=published + timedelta(minutes=updated), authors=tuple(authors),
                 dateline=dateline, topic=topic, **extra)


def _load() -> tuple[dict[str, Story], dict[str, Story], dict[str, Story]]:
    from . import local, series, wire_a, wire_b

    wire = {s.key: s for s in [*wire_a.STORIES, *series.STORIES, *wire_b.STORIES]}
    staff = {s.key: s for s in local.STAFF}
    hostile = {s.key: s for s in local.HOSTILE}
    return wire, staff, hostile


WIRE, STAFF, HOSTILE = _load()
