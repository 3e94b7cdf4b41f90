"""Made-up stories and copies that keep only their bottom part under a top of their own."""

from __future__ import annotations

import random

_SYLLABLES = ["ka", "lo", "mi", "ren", "to", "sa", "vel", "ur", "dan", "ti", "mor", "el", "qua", "sin", "pe", "bro"]


def _vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    return sorted({"".join(rng.choices(_SYLLABLES, k=rng.randint(2, 4))) for _ in range(size)})


def _sentence(rng: random.Random, words: list[str]) -> str:
    text = " ".join(rng.choices(words, k=rng.randint(9, 24)))
    return text[0].upper() + text[1:] + "."


def stories_with_top_cut_copies(count: int, seed: int) -> list[tuple[str, str]]:
    """`count` (story, copy) pairs: a story of 8-30 sentences in paragraphs of 1-3, and a copy
    that keeps its last 40-60% of sentences (cut at any sentence) under a new lede paragraph,
    or under template lines and a teaser sentence of another story run into the kept part."""
    rng = random.Random(seed)
    words = _vocabulary(rng)
    pairs = []
    for n in range(count):
        said = [_sentence(rng, words) for _ in range(rng.randint(8, 30))]
        breaks = sorted(rng.sample(range(1, len(said)), k=len(said) // 2))
        paragraphs = [" ".join(said[a:b]) for a, b in zip([0, *breaks], [*breaks, len(said)]) if b > a]
        kept = said[len(said) - round(len(said) * rng.uniform(0.4, 0.6)):]
        body = [" ".join(kept[i:i + 2]) for i in range(0, len(kept), 2)]
        if n % 2:
            copy = "\n\n".join([" ".join(_sentence(rng, words) for _ in range(rng.randint(1, 3))), *body])
        else:
            copy = "\n".join(["Home > World > Harbor News", "Date:2026-07-04 20:00:55",
                              f"Story {n} {_sentence(rng, words)} {body[0]}", *body[1:]])
        pairs.append(("\n\n".join(paragraphs), copy))
    return pairs
