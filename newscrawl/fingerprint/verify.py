"""Verification of a candidate pair on shingle sets, sentences and numbers: copy, version or nothing.

Rules, all pure functions of the two documents (so links don't depend on arrival order):

* **copy**: Jaccard >= 0.5, or containment |A∩B|/min(|A|,|B|) >= 0.7 with at least 15
  shared shingles. Containment catches trimmed syndication (3 of 10 paragraphs: J ~0.3,
  containment ~1). Boilerplate is discounted before this: template lines, link lists
  and sidebars are not prose and never become shingles (text.py), and the 15-shingle
  floor keeps a shared footer sentence from linking two short texts.
* **templated series are never copies**: weekly rate reports and daily market wraps
  repeat sentence *frames* with new numbers. When two texts have at least 2 sentences
  equal except for their numbers and those are a quarter or more of the exactly shared
  sentences, they are not linked, however much else they share.
* **version** (another write-thru of one wire story): little shared text, but the same
  dateline, the same wire credit, publication within 2 days, one of the first three
  sentences of each shared verbatim, and fewer number-changed sentences than verbatim
  ones. A rewrite by another outlet shares at most a quote; a templated series fails
  the date window (weekly) or the number rule (daily).
* **edited copy or version** (re-edited, a partner's own top, a write-thru with new
  paragraphs): containment >= 0.35 with at least 20 shared shingles, or
* **spun copy or reworded version** (synonyms, reordered clauses, a reworded lede):
  loose containment >= 0.45 with at least 15 shared loose shingles (neighbouring
  content words, so "said" -> "stated" or a dropped article costs little);
  both only when the **numbers agree** (when both texts hold 3+ numbers, years aside,
  they share half of the smaller set: the next installment of a series says the same
  things with new numbers; an update of one story keeps most of them; a market story's
  write-thru with new figures still links by the copy rule, which ignores numbers) and
  nothing known conflicts: wire credit, dateline, publication more than
  2 days apart (a follow-up story reuses background paragraphs; a mirror's fake date
  then costs a spun copy: precision first). A rewrite by another outlet shares facts
  and a quote or two, not a third of its 5-word runs nor half its word pairs.
* **reworded copy or version** (a content farm's word-by-word spin, a write-thru whose
  sentences were re-edited, a partner's own top over the wire body): sentence by
  sentence, near-equal content words (sketch.py: Jaccard >= 0.5 of the stems of two
  sentences, quotations left out) in the same order and inside one story (the chain
  breaks where both texts skip 4 or more sentences between two pairs): at least 4 such
  sentence pairs, or 2 when two of them are near-verbatim (>= 0.8); and no near-equal
  pair whose sentences both hold numbers but share none (the next installment of a
  series says the same sentences with new numbers), and nothing known conflicting. A
  rewrite that borrows a sentence or three of the wire text, and outlets quoting the
  same people, stay apart; so do two pages of one mirror network carrying different
  stories, whose only near-equal sentences are the network's templated lines above and
  below the story (a ticker, a newsletter call), with a whole story between them.
  The thresholds were set on the wire-copies set with a margin to its closest rewrite
  and look-alike (bench/linking.py), precision first: rewrites there reach 3 in-order
  near-equal sentences (in two stories) and 1 near-verbatim one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from newscrawl.fingerprint import sketch
from newscrawl.fingerprint.native import native
from newscrawl.fingerprint.shingles import LEAD_SENTENCES, Fingerprint
from newscrawl.fingerprint.text import dateline_key
from newscrawl.store import DocRow

__all__ = ["Comparison", "compare", "link_kind", "numbers_agree", "relation_to_original", "reworded", "shared_count"]

COPY_JACCARD = 0.5
COPY_CONTAINMENT = 0.7
MIN_SHARED = 15
VERSION_WINDOW = 2 * 86400.0
EDITED_CONTAINMENT = 0.35
EDITED_MIN_SHARED = 20
LOOSE_CONTAINMENT = 0.45
LOOSE_MIN_SHARED = 15
NUMBERS_MIN = 3
NUMBERS_AGREE = 0.5
REWORDED_SENTENCES = 4
NEAR_VERBATIM_SENTENCES = 2
# Candidates sharing fewer loose shingles than this are turned away before the sentence
# comparison (unrelated texts, cheaply); pairs the sentence rule accepts share 0.23 or more
# on the wire-copies set.
REWORDED_LOOSE_FLOOR = 0.15
# A copy carrying this much of its original is a duplicate; less, and it is an excerpt.
DUPLICATE_COVERAGE = 0.7


@dataclass(frozen=True)
class Comparison:
    shared: int  # shingles in both
    jaccard: float
    containment: float  # shared / smaller set
    cover_a: float  # shared / |A|: how much of A lies in B
    cover_b: float
    same_sentences: int  # sentences (8+ words) both texts have verbatim
    reframed: int  # sentences equal but for their numbers (templates)
    lead_shared: bool  # a lead sentence of each is shared verbatim


def _shared_count(a: np.ndarray, b: np.ndarray) -> int:
    """Values two sorted arrays of distinct uint32 values share (native.shared_count's reference)."""
    return int(np.intersect1d(a, b, assume_unique=True).size)


shared_count = native.shared_count if native is not None else _shared_count


def _sentence_overlap_python(a_sentences: np.ndarray, a_frames: np.ndarray, b_sentences: np.ndarray,
                             b_frames: np.ndarray, lead: int) -> tuple[int, int, bool]:
    """(a's sentences that b has, a's other sentences whose frame b has, whether a's first `lead`
    sentences and b's share one) (native.sentence_overlap's reference)."""
    exact_b = set(b_sentences.tolist())
    frames_b = set(b_frames.tolist())
    same = reframed = 0
    for sentence, frame in zip(a_sentences.tolist(), a_frames.tolist()):
        if sentence in exact_b:
            same += 1
        elif frame in frames_b:
            reframed += 1
    lead_b = set(b_sentences[:lead].tolist())
    return same, reframed, any(s in lead_b for s in a_sentences[:lead].tolist())


sentence_overlap = native.sentence_overlap if native is not None else _sentence_overlap_python


def compare(a: Fingerprint, b: Fingerprint) -> Comparison:
    """Exact overlap of two fingerprints."""
    shared = shared_count(a.shingles, b.shingles)
    na, nb = a.size, b.size
    union = na + nb - shared
    same, reframed, lead_shared = sentence_overlap(a.sentences, a.frames, b.sentences, b.frames, LEAD_SENTENCES)
    return Comparison(
        shared=shared,
        jaccard=shared / union if union else 0.0,
        containment=shared / min(na, nb) if min(na, nb) else 0.0,
        cover_a=shared / na if na else 0.0,
        cover_b=shared / nb if nb else 0.0,
        same_sentences=same,
        reframed=reframed,
        lead_shared=lead_shared,
    )


def _templated(c: Comparison) -> bool:
    return c.reframed >= 2 and 4 * c.reframed >= c.same_sentences


def _same_write_thru_evidence(a: DocRow, b: DocRow) -> bool:
    if not a.wire or a.wire != b.wire:
        return False
    place = dateline_key(a.dateline)
    if place is None or place != dateline_key(b.dateline):
        return False
    if a.published is not None and b.published is not None:
        return abs(a.published - b.published) <= VERSION_WINDOW
    return True


def _conflicting_evidence(a: DocRow, b: DocRow) -> bool:
    """Known and different: wire credit, dateline place, or days between publications."""
    if a.wire and b.wire and a.wire != b.wire:
        return True
    place_a, place_b = dateline_key(a.dateline), dateline_key(b.dateline)
    if place_a and place_b and place_a != place_b:
        return True
    return a.published is not None and b.published is not None and abs(a.published - b.published) > VERSION_WINDOW


def numbers_agree(a: Fingerprint, b: Fingerprint) -> bool:
    """False when both texts hold numbers and share few of them (another installment)."""
    fewer = min(len(a.numbers), len(b.numbers))
    if fewer < NUMBERS_MIN:
        return True
    return shared_count(a.numbers, b.numbers) >= NUMBERS_AGREE * fewer


def _loose_shared(a: Fingerprint, b: Fingerprint) -> tuple[int, int]:
    """(loose shingles in both, loose shingles of the text with fewer)."""
    fewer = min(len(a.loose), len(b.loose))
    return (shared_count(a.loose, b.loose) if fewer else 0), fewer


def _loose_match(shared: int, fewer: int) -> bool:
    return fewer >= LOOSE_MIN_SHARED and shared >= LOOSE_MIN_SHARED and shared >= LOOSE_CONTAINMENT * fewer


def reworded(a: Fingerprint, b: Fingerprint) -> bool:
    """Enough near-equal sentences in the same order inside one story, none of them with other numbers."""
    m = sketch.match(a.sketch, a.sketch_sizes, b.sketch, b.sketch_sizes)
    if m.conflicts:
        return False
    return m.in_order >= REWORDED_SENTENCES or (m.in_order >= NEAR_VERBATIM_SENTENCES
                                                and m.near_verbatim >= NEAR_VERBATIM_SENTENCES)


def link_kind(a: Fingerprint, a_row: DocRow, b: Fingerprint, b_row: DocRow) -> str | None:
    """'copy', 'version', 'edited', 'loose', 'reworded' or None: whether two documents belong in one cluster."""
    c = compare(a, b)
    if _templated(c):
        return None
    if c.jaccard >= COPY_JACCARD or (c.containment >= COPY_CONTAINMENT and c.shared >= MIN_SHARED):
        return "copy"
    if c.lead_shared and c.reframed < c.same_sentences and _same_write_thru_evidence(a_row, b_row):
        return "version"
    if _conflicting_evidence(a_row, b_row):
        return None
    shared, fewer = _loose_shared(a, b)
    if numbers_agree(a, b):
        if c.containment >= EDITED_CONTAINMENT and c.shared >= EDITED_MIN_SHARED:
            return "edited"
        if _loose_match(shared, fewer):
            return "loose"
    if shared >= REWORDED_LOOSE_FLOOR * fewer and fewer and reworded(a, b):
        return "reworded"
    return None


def relation_to_original(member: Fingerprint, original: Fingerprint) -> tuple[str, float]:
    """(relation, similarity) of a cluster member to its original.

    `duplicate` carries most of the original (similarity = Jaccard); `excerpt` lies mostly
    inside it but carries less of it (similarity = containment of the excerpt in the
    original); anything else in the cluster is a `version` (similarity = Jaccard).
    """
    c = compare(member, original)
    if member.content == original.content and member.content:
        return "duplicate", 1.0
    if c.cover_b >= DUPLICATE_COVERAGE:
        return "duplicate", round(c.jaccard, 4)
    if c.cover_a >= DUPLICATE_COVERAGE:
        return "excerpt", round(c.cover_a, 4)
    return "version", round(c.jaccard, 4)
