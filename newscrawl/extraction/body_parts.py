"""Article bodies split over sibling containers, of which trafilatura keeps only the first.

Some templates cut the body into several containers of the same class so that ads or
sidebars can sit between them (`<div class="article__body">` ... ad row ...
`<div class="article__body">`). trafilatura picks the one best-scoring container and
silently drops the rest of the story. When the text it returned is one such part and a
later part of the same class is missing from it, the parts are merged into the first
and the page is extracted again.
"""

from __future__ import annotations

import re

# A container is a part when its own <p> children hold this much text: smaller groups
# of same-class containers are captions, teasers and comment stubs.
_MIN_PART_CHARS = 150
# Paragraphs shorter than this are too generic to tell whether a part was extracted.
_MIN_PROBE_CHARS = 30
# A missing part worth a second extraction holds a few paragraphs: a lone short one left
# out is more often a box (an author's bio, a pull quote) than the rest of the story.
_MIN_MISSING_CHARS = 500
# The extracted text must hold this share of the first part's paragraphs ...
_EXTRACTED = 0.8
# ... and at most this share of some later part's.
_MISSING = 0.2
# A body is cut into a few parts; a dozen same-class containers are a list of teasers.
_MAX_PARTS = 5
# Between two parts of one body sit ads and asides, not a teaser's headline and summary.
_MAX_GAP_CHARS = 100
_NOT_TEXT = {"script", "style", "noscript", "template"}
_NON_WORD = re.compile(r"\W+")


def _squash(text: str) -> str:
    return _NON_WORD.sub("", text).lower()


def _probes(container) -> list[str]:
    texts = (" ".join(p.itertext()) for p in container if p.tag == "p")
    return [_squash(text) for text in texts if len(text.strip()) >= _MIN_PROBE_CHARS]


def _own_paragraph_chars(container) -> int:
    return sum(len("".join(p.itertext())) for p in container if p.tag == "p")


def _share_in(probes: list[str], extracted: str) -> float:
    return sum(probe in extracted for probe in probes) / len(probes) if probes else 0.0


def _gap_chars(tree, parts: list) -> int:
    """Most text (scripts aside) between two consecutive parts: ads and asides have little."""
    elements = list(tree.iter())
    order = {element: i for i, element in enumerate(elements)}
    widest = 0
    for before, after in zip(parts, parts[1:]):
        after_last = order[before] + sum(1 for _ in before.iterdescendants()) + 1
        gap = len((before.tail or "").strip())
        for element in elements[after_last:order[after]]:
            if isinstance(element.tag, str) and element.tag not in _NOT_TEXT:
                gap += len((element.text or "").strip()) + len((element.tail or "").strip())
        widest = max(widest, gap)
    return widest


def split_body_parts(tree, paragraphs: list[str]) -> list | None:
    """The same-class containers of one split body, first part extracted and a later one not; else None."""
    groups: dict[tuple, dict] = {}
    for p in tree.iter("p"):
        parent = p.getparent()
        if parent is not None and parent.get("class"):
            groups.setdefault((parent.tag, parent.get("class")), {})[parent] = None
    extracted = None
    for members in groups.values():
        if len(members) < 2:
            continue
        parts = [m for m in members if _own_paragraph_chars(m) >= _MIN_PART_CHARS]
        if not 2 <= len(parts) <= _MAX_PARTS or any(a in b.iterancestors() for a in parts for b in parts):
            continue
        if extracted is None:
            extracted = "\n".join(_squash(p) for p in paragraphs)
        shares = [_share_in(_probes(part), extracted) for part in parts]
        missing = [part for part, share in zip(parts[1:], shares[1:]) if share <= _MISSING]
        if shares[0] < _EXTRACTED or not any(_own_paragraph_chars(m) >= _MIN_MISSING_CHARS for m in missing):
            continue
        if _gap_chars(tree, parts) <= _MAX_GAP_CHARS:
            return parts
    return None


def merge_body_parts(parts: list) -> None:
    """Move the children of the later parts into the first (in document order), in place."""
    first = parts[0]
    for part in parts[1:]:
        for child in list(part):
            first.append(child)  # lxml moves the element (and its tail) out of `part`
        part.drop_tree()
