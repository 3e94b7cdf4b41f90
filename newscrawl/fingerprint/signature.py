"""Candidate keys: MinHash signatures cut into LSH bands, sentence anchors, sampled loose shingles.

Three kinds of key go into one index. One shared band or anchor makes two texts
candidates (a strong key); loose keys are weak: it takes two of them.

* **LSH bands** find copies of the whole text. A 128-slot MinHash (rensa's R-MinHash:
  measured ~7x faster than a vectorised numpy k-permutation MinHash, ~1.5x faster than
  numpy one-permutation hashing before the densification that needs; bench/dedup.py) is
  cut into 32 bands of 4 rows. Texts with Jaccard J share a band with probability
  1-(1-J^4)^32: 0.87 at J=0.5, 0.99 at J=0.6, 0.23 at J=0.3. MinHash estimates Jaccard,
  so this alone misses trimmed copies: the first 3 of 10 paragraphs has J ~0.3.
* **Sentence anchors** find excerpts, write-thrus and copies under another top. The
  exact hash of each of the first three sentences (8+ words, dateline stripped) is a
  key: news is trimmed from the bottom (inverted pyramid), so a trimmed copy keeps its
  lead sentences, and a write-thru usually keeps the lede. So is the smallest hash of
  every window of 5 sentences in a row (winnowing; windows of a third of the sentences,
  at least 2, in texts of under 15): two texts that share a run of that many sentences
  anywhere (a partner's own lede or junk over the bottom half of a story) share an
  anchor: the smallest hash of a window inside the run is one in both, whichever text
  is longer, since a window never shrinks as a text grows. Hash sampling (a sentence whose hash is 0 mod 8) missed ~1 in 20 such
  copies at 5.4 anchors a text; winnowing misses ~1 in 1,500 at 9.3 (bench/topcut.py).
  Exact keys never collide by chance, and template leftovers can't shift them (they
  are not prose; see text.py).
* **Loose keys** find versions and spun copies, which share few exact sentences: runs
  of three neighbouring content words (shingles.py) whose hash is 0 mod 4, the first 24
  of them in text order (the top of a story is what its versions and copies share; a
  long text costs no more). On the wire-copies set these find every pair verification
  accepts. A key meets unrelated texts far more often than a band or a sentence does
  (pairs of content words did so ten times as often on the synthetic corpus, and cost
  half the linker's throughput in verifications), so one shared loose key is not
  enough: it takes two.

Both are sub-linear: a lookup is one probe per key. Every candidate is then verified on
the exact shingle sets (verify.py), so keys only need recall, not precision.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

from newscrawl.fingerprint.shingles import (
    ANCHOR_WINDOW, LEAD_SENTENCES, LOOSE_KEYS, LOOSE_SAMPLING, Fingerprint, fmix64,
)
from newscrawl.fingerprint.sketch import SKETCH_MIN_WORDS, SKETCH_SENTENCES

__all__ = ["BANDS", "NUM_PERM", "ROWS", "SCHEME", "STRONG", "WEAK", "band_keys", "candidate_keys", "signatures"]

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SEED = 20_261_101

try:
    from rensa import RMinHash
except ImportError as error:  # pragma: no cover - rensa is a declared dependency
    raise ImportError(f"newscrawl.fingerprint needs rensa (pip install rensa): {error}") from None

# Part of every persisted index: a store built under another scheme must be rebuilt.
SCHEME = (f"k5-rminhash{RMinHash.ALGORITHM_VERSION}-p{NUM_PERM}-b{BANDS}x{ROWS}-s{SEED}"
          f"-anchors{LEAD_SENTENCES}w{ANCHOR_WINDOW}"
          f"-loose3m{LOOSE_SAMPLING}x{LOOSE_KEYS}-cjk2-sketch{SKETCH_MIN_WORDS}x{SKETCH_SENTENCES}-v3")
# Weight of a shared key; a pair of documents is a candidate at STRONG or more.
STRONG, WEAK = 2, 1

_BAND_SALT = fmix64(np.arange(1, BANDS + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15))


def signatures(fingerprints: Sequence[Fingerprint]) -> np.ndarray:
    """(n, NUM_PERM) uint32 MinHash signatures of the fingerprints' shingle sets."""
    if not fingerprints:
        return np.zeros((0, NUM_PERM), dtype=np.uint32)
    flat = np.concatenate([fp.shingles for fp in fingerprints], dtype=np.uint64)
    offsets = np.zeros(len(fingerprints) + 1, dtype=np.uint64)
    np.cumsum([fp.size for fp in fingerprints], out=offsets[1:])
    matrix = RMinHash.digest_matrix_from_flat_token_hashes(flat, offsets, NUM_PERM, SEED)
    return np.array(matrix.to_rows(), dtype=np.uint32).reshape(len(fingerprints), NUM_PERM)


def band_keys(signature_matrix: np.ndarray) -> np.ndarray:
    """(n, BANDS) int64 keys: each band's ROWS values and its number, hashed to 64 bits."""
    rows = np.ascontiguousarray(signature_matrix, dtype=np.uint32)
    pairs = rows.view(np.uint64).reshape(len(rows), BANDS, ROWS // 2)
    h = _BAND_SALT[None, :].copy()
    for j in range(ROWS // 2):
        h = fmix64(h ^ pairs[:, :, j])
    return h.view(np.int64)


def candidate_keys(fingerprints: Sequence[Fingerprint],
                   bands: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Index keys of a batch as flat arrays: (int64 keys, position of the fingerprint owning
    each, int64 weight of each: STRONG for bands and anchors, WEAK for loose keys).

    `bands` is `band_keys(signatures(fingerprints))` when already computed (by a worker
    process): each row depends on its own fingerprint only, so rows computed apart stack up."""
    n = len(fingerprints)
    if n == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    per_doc = [len(fp.anchors) for fp in fingerprints]
    anchors = np.fromiter(itertools.chain.from_iterable(fp.anchors for fp in fingerprints),
                          dtype=np.int64, count=sum(per_doc))
    per_doc_loose = [len(fp.loose_keys) for fp in fingerprints]
    loose = np.fromiter(itertools.chain.from_iterable(fp.loose_keys for fp in fingerprints),
                        dtype=np.int64, count=sum(per_doc_loose))
    if bands is None:
        bands = band_keys(signatures(fingerprints))
    keys = np.concatenate([np.asarray(bands, dtype=np.int64).ravel(), anchors, loose])
    positions = np.arange(n)
    owners = np.concatenate([np.repeat(positions, BANDS), np.repeat(positions, per_doc),
                             np.repeat(positions, per_doc_loose)])
    weights = np.full(len(keys), STRONG, dtype=np.int64)
    weights[len(keys) - len(loose):] = WEAK
    return keys, owners, weights
