"""Who runs which wire story where: the syndication plan for partners and mirrors, per phase."""
from __future__ import annotations

from dataclasses import dataclass

KVTN, LEDGER = "www.kvtn7.com", "www.rivertonledger.com"
CAPITATUM, SAGEBRUSH, LEDGERPOST = "capitatum.com", "sagebrushwire.com", "ledgerpostdaily.com"


@dataclass(frozen=True)
class PartnerCopy:
    host: str
    key: str  # wire story
    section: str
    keep: int | None  # first N paragraphs (an excerpt), None = the whole story
    byline: str  # "AP": "By The Associated Press"; "AUTHOR": "By NAME Associated Press"
    phase: int = 1


@dataclass(frozen=True)
class MirrorCopy:
    host: str
    key: str
    section: str
    edits: tuple[tuple[str, str], ...] = ()  # (old, new) text replacements; "" drops it
    noise: str | None = None  # a leftover template line inside the body
    phase: int = 1


PARTNER_COPIES = [
    PartnerCopy(KVTN, "river-flooding", "state", 4, "AP"),
    PartnerCopy(KVTN, "millbrook-derailment", "state", None, "AUTHOR"),
    PartnerCopy(KVTN, "mortgage-rates-nov19", "business", 3, "AP"),
    PartnerCopy(KVTN, "westmark-upset", "sports", None, "AUTHOR"),
    PartnerCopy(KVTN, "granite-bluff-fire", "national", 3, "AP"),
    PartnerCopy(KVTN, "crimson-heron", "national", 5, "AP"),
    PartnerCopy(LEDGER, "chip-plant-delay", "business", 4, "AP"),
    PartnerCopy(LEDGER, "museum-masks", "world", None, "AUTHOR"),
    PartnerCopy(LEDGER, "mortgage-rates-nov12", "business", None, "AP"),
    PartnerCopy(LEDGER, "stocks-nov18", "business", 3, "AP"),
    PartnerCopy(LEDGER, "granite-bluff-fire-update", "national", 4, "AUTHOR"),
    PartnerCopy(LEDGER, "otis-beaumont-obit", "national", 5, "AP"),
    PartnerCopy(LEDGER, "millbrook-derailment", "state", 3, "AP"),
    PartnerCopy(KVTN, "amberly-blizzard", "weather", None, "AUTHOR", phase=2),
    PartnerCopy(KVTN, "holiday-shopping", "business", 3, "AP", phase=2),
    PartnerCopy(LEDGER, "amberly-blizzard", "state", 4, "AP", phase=2),
    PartnerCopy(LEDGER, "kestovia-debate", "world", 3, "AUTHOR", phase=2),
]

_SHARE = "Share this article: Facebook | Twitter | WhatsApp | Email"
_SOURCE = "Source: network compilation, for reference only. Editor in charge: Lin Ye"
_NOTICE = "[Statement: this article represents the author's views only and has nothing to do with this site.]"

MIRROR_COPIES = [
    MirrorCopy(CAPITATUM, "kestovia-runoff", "world"),
    MirrorCopy(CAPITATUM, "chip-plant-delay", "tech",
               edits=(("Shares of Quillon fell 4.1% in afternoon trading.", ""),)),
    MirrorCopy(CAPITATUM, "coffee-drought", "markets"),
    MirrorCopy(CAPITATUM, "mortgage-rates-nov12", "markets"),
    MirrorCopy(CAPITATUM, "stocks-nov17", "markets"),
    MirrorCopy(CAPITATUM, "teyra-eruption", "world", edits=(("fine gray powder", "fine grey powder"),)),
    MirrorCopy(CAPITATUM, "film-festival", "entertainment", noise=_SHARE),
    MirrorCopy(CAPITATUM, "lantern-probe", "science"),
    MirrorCopy(CAPITATUM, "museum-masks", "world"),
    MirrorCopy(SAGEBRUSH, "kestovia-runoff", "world", edits=(("in freezing rain", "in cold rain"),)),
    MirrorCopy(SAGEBRUSH, "ferry-strike", "news"),
    MirrorCopy(SAGEBRUSH, "teyra-eruption", "world"),
    MirrorCopy(SAGEBRUSH, "mortgage-rates-nov19", "markets"),
    MirrorCopy(SAGEBRUSH, "crimson-heron", "news", noise=_SOURCE),
    MirrorCopy(SAGEBRUSH, "aurelia-norovirus", "health"),
    MirrorCopy(SAGEBRUSH, "nestguard-recall", "health", edits=((" No deaths have been reported.", ""),)),
    MirrorCopy(SAGEBRUSH, "granite-bluff-fire-update", "news"),
    MirrorCopy(SAGEBRUSH, "otis-beaumont-obit", "entertainment"),
    MirrorCopy(LEDGERPOST, "kestovia-runoff", "politics"),
    MirrorCopy(LEDGERPOST, "chip-plant-delay", "business"),
    MirrorCopy(LEDGERPOST, "ferry-strike", "business",
               edits=(("leaving roughly 38,000 daily riders", "leaving about 38,000 daily riders"),)),
    MirrorCopy(LEDGERPOST, "museum-masks", "world", noise=_NOTICE),
    MirrorCopy(LEDGERPOST, "arden-water-ruling", "news"),
    MirrorCopy(LEDGERPOST, "film-festival", "entertainment"),
    MirrorCopy(LEDGERPOST, "coffee-drought", "business", edits=((
        " Two of Veloria’s largest coffee brands raised prices on bagged coffee this month, and cafe chains have warned that a cup could cost more in the new year.", ""),)),
    MirrorCopy(LEDGERPOST, "stocks-nov18", "business"),
    MirrorCopy(LEDGERPOST, "lantern-probe", "science"),
    # Phase 2: copies of the new wire stories, and fresh copies of two older ones.
    MirrorCopy(CAPITATUM, "kestovia-debate", "world", phase=2),
    MirrorCopy(CAPITATUM, "holiday-shopping", "markets", phase=2),
    MirrorCopy(SAGEBRUSH, "amberly-blizzard", "news", phase=2),
    MirrorCopy(SAGEBRUSH, "kestovia-debate", "world", noise=_SHARE, phase=2),
    MirrorCopy(SAGEBRUSH, "chip-plant-delay", "tech", phase=2),
    MirrorCopy(LEDGERPOST, "holiday-shopping", "business", phase=2),
    MirrorCopy(LEDGERPOST, "crimson-heron", "news", phase=2),
]


def partner_copies(phase: int) -> list[PartnerCopy]:
    return [c for c in PARTNER_COPIES if c.phase <= phase]


def mirror_copies(phase: int, host: str | None = None) -> list[MirrorCopy]:
    return [c for c in MIRROR_COPIES if c.phase <= phase and host in (None, c.host)]


def apply_edits(paragraphs: tuple[str, ...], edits) -> tuple[str, ...]:
    """Apply (old, new) edits, each of which must match exactly once; empty paragraphs go."""
    paras = list(paragraphs)
    for old, new in edits:
        hits = [i for i, p in enumerate(paras) if old in p]
        assert len(hits) == 1 and paras[hits[0]].count(old) == 1, f"edit must match once: {old!r}"
        paras[hits[0]] = paras[hits[0]].replace(old, new).strip()
    return tuple(p for p in paras if p)
