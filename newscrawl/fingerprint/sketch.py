"""Per-sentence sketches (content-word stems, numbers) and the near-equal sentences two texts share.

A spun copy ("said" -> "stated", synonyms, a dropped clause) or a reworded write-thru
shares almost no 5-word run with its source, but sentence by sentence it keeps most of
the content words, in the same order, with the same numbers. A sketch keeps, for each
sentence of the top of a text, the set of its content-word stems and its numbers, so
verification can pair near-equal sentences (verify.py decides what the pairs prove).

Sentences holding a quotation are left out: other outlets covering the same event
quote the same people, so a shared quote proves the event, not a copy. Sentences with
fewer than SKETCH_MIN_WORDS content words are too generic ("Officials said the fire
was out.") to prove anything.

Near-equal pairs count in a chain that stays inside one story: the chain breaks where
both texts skip STORY_GAP or more sketched sentences between two pairs. A mirror network
puts the same templated lines on every page (a market ticker on top, its figures changing,
a newsletter call at the bottom): two of its pages carrying different stories share those
lines, with a whole story between them on each side that the other lacks. Copies and
versions share sentences spread over the story they have in common.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
from xxhash import xxh3_64_intdigest

from newscrawl.store.keytable import ranges, sorted_unique

__all__ = ["NEAR_EQUAL", "NEAR_VERBATIM", "SKETCH_MIN_WORDS", "SKETCH_SENTENCES", "STORY_GAP", "SentenceMatch",
           "match", "sketches"]

SKETCH_MIN_WORDS = 5
# The top of a story is where its copies and versions overlap; a long text costs no more.
SKETCH_SENTENCES = 40
# Jaccard of two sentences' content-word stems: near-equal, and near-verbatim.
NEAR_EQUAL = 0.5
NEAR_VERBATIM = 0.8
# Sentences both texts skip between two pairs of a chain: this many or more, and the pairs
# enclose two different stories (see the module docstring). No link of the wire-copies set
# needs a step that skips more than 2 in both (bench/README.md, topcut.py).
STORY_GAP = 4

_EMPTY = np.zeros(0, dtype=np.uint32)
_WORD_MASK = np.uint32(0xFFFFFFFE)  # words have the low bit clear, numbers set


def sketches(stems: np.ndarray, runs: list[list[int]], quoted: list[list[bool]],
             numbers: list[list[tuple[int, str]]]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per text, (items, sizes): per sketched sentence its content-word stems in text order,
    then its numbers (flat uint32), and how many items each has. One numpy pass for a batch.

    `stems` are the texts' per-word stem hashes one after another (uint64, 0 for a function
    word); per text, `runs` are the words of each sentence in text order (they add up to
    its words), `quoted` whether each holds a quotation, `numbers` (sentence, number as
    written). Words have the low bit cleared, numbers set, so the two never meet. Repeated
    words are kept (`match` counts each once): a fingerprint costs less.
    """
    per_text = np.array([len(r) for r in runs], dtype=np.int64)
    first = np.concatenate([[0], np.cumsum(per_text)])  # each text's first sentence
    total = int(first[-1])
    owner = np.repeat(np.arange(total), np.fromiter(itertools.chain.from_iterable(runs), np.int64, total))
    content = stems != 0
    counts = np.bincount(owner[content], minlength=total)
    eligible = (counts >= SKETCH_MIN_WORDS) & ~np.fromiter(itertools.chain.from_iterable(quoted), bool, total)
    before = np.concatenate([[0], np.cumsum(eligible)])  # eligible sentences before each
    rank = before[:-1] - np.repeat(before[first[:-1]], per_text)  # among its text's eligible ones
    keep = eligible & (rank < SKETCH_SENTENCES)
    take = content & keep[owner]
    items = (stems[take] >> np.uint64(32)).astype(np.uint32) & _WORD_MASK
    owners = owner[take]
    kept_flags, starts = keep.tolist(), first.tolist()
    marked = [(starts[t] + i, (xxh3_64_intdigest(number.replace(",", "").encode()) >> 32) | 1)
              for t, found in enumerate(numbers) for i, number in found if kept_flags[starts[t] + i]]
    if marked:
        owners = np.concatenate([owners, np.array([i for i, _ in marked], dtype=np.int64)])
        order = np.argsort(owners, kind="stable")  # each sentence's numbers after its words
        items = np.concatenate([items, np.array([h for _, h in marked], dtype=np.uint32)])[order]
        owners = owners[order]
    kept = np.flatnonzero(keep)
    sizes = np.bincount(owners, minlength=total)[kept].astype(np.uint32)
    kept_bounds = np.searchsorted(kept, first).tolist()
    item_bounds = np.concatenate([[0], np.cumsum(sizes, dtype=np.int64)]).tolist()
    return [(items[item_bounds[kept_bounds[t]]:item_bounds[kept_bounds[t + 1]]],
             sizes[kept_bounds[t]:kept_bounds[t + 1]]) for t in range(len(runs))]


@dataclass(frozen=True)
class SentenceMatch:
    pairs: tuple[tuple[int, int, float], ...]  # (sentence of a, sentence of b, Jaccard), one-to-one
    in_order: int  # the most pairs in one chain: the same order in both texts, inside one story (numbers agreeing)
    near_verbatim: int  # the most pairs at NEAR_VERBATIM or more in one chain
    conflicts: int  # pairs whose sentences both hold numbers and share none: another installment


_NONE = SentenceMatch((), 0, 0, 0)



def _words(items: np.ndarray, sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(distinct word hashes of each sentence, their sentence, word count per sentence), sorted by hash."""
    owner = np.repeat(np.arange(len(sizes), dtype=np.uint64), sizes)
    is_word = (items & 1) == 0
    keys = sorted_unique(owner[is_word] << np.uint64(32) | items[is_word].astype(np.uint64))
    owner = (keys >> np.uint64(32)).astype(np.int64)
    words = (keys & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    order = np.argsort(words, kind="stable")
    return words[order], owner[order], np.bincount(owner, minlength=len(sizes))


def _numbers(items: np.ndarray, sizes: np.ndarray, sentence: int) -> set[int]:
    start = int(sizes[:sentence].sum())
    part = items[start:start + int(sizes[sentence])]
    return set(part[(part & 1) == 1].tolist())


def _chain(pairs: list[tuple[int, int, float]]) -> tuple[int, int]:
    """(most pairs, most near-verbatim pairs) in one chain: pairs in the same order in both
    texts, no step skipping STORY_GAP sentences or more in both. A few dozen pairs at most:
    quadratic is cheap."""
    pairs = sorted(pairs)
    longest: list[int] = []
    verbatim: list[int] = []
    for t, (i, j, value) in enumerate(pairs):
        before = [s for s, (pi, pj, _) in enumerate(pairs[:t])
                  if pi < i and pj < j and min(i - pi, j - pj) <= STORY_GAP]
        longest.append(1 + max((longest[s] for s in before), default=0))
        verbatim.append((value >= NEAR_VERBATIM) + max((verbatim[s] for s in before), default=0))
    return max(longest, default=0), max(verbatim, default=0)


def match(a_items: np.ndarray, a_sizes: np.ndarray, b_items: np.ndarray, b_sizes: np.ndarray) -> SentenceMatch:
    """Near-equal sentences of two sketches, paired greedily (most similar first), one-to-one."""
    if not len(a_sizes) or not len(b_sizes):
        return _NONE
    wa, sa, na = _words(a_items, a_sizes)
    wb, sb, nb = _words(b_items, b_sizes)
    lo = np.searchsorted(wb, wa, side="left")
    counts = np.searchsorted(wb, wa, side="right") - lo
    if not counts.any():
        return _NONE
    # Every (sentence of a, sentence of b) pair sharing a word, once per shared word.
    cells = np.repeat(sa, counts) * len(nb) + sb[ranges(lo, counts)]
    shared = np.bincount(cells, minlength=len(na) * len(nb)).reshape(len(na), len(nb))
    union = na[:, None] + nb[None, :] - shared
    similarity = np.divide(shared, union, out=np.zeros(shared.shape), where=union > 0)
    rows, cols = np.nonzero(similarity >= NEAR_EQUAL)
    if not len(rows):
        return _NONE
    values = similarity[rows, cols]
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for k in np.lexsort((cols, rows, -values)).tolist():
        i, j = int(rows[k]), int(cols[k])
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j, float(values[k])))
    agreeing, conflicts = [], 0
    for i, j, value in pairs:
        numbers_a, numbers_b = _numbers(a_items, a_sizes, i), _numbers(b_items, b_sizes, j)
        if numbers_a and numbers_b and not numbers_a & numbers_b:
            conflicts += 1
        else:
            agreeing.append((i, j, value))
    return SentenceMatch(tuple(pairs), *_chain(agreeing), conflicts)
