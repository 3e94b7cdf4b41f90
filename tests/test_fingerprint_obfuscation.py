"""ROT47-encoded paywall paragraphs: decoded for the fingerprint, stray look-alikes left alone."""

from __future__ import annotations

import numpy as np

from newscrawl.fingerprint.obfuscation import decode_rot47_runs, rot47
from newscrawl.fingerprint.shingles import fingerprint

PARAGRAPHS = [
    "The Tollan Valley cherry growers lost nearly half of their crop to a late frost, the growers' association "
    "said on Monday.",
    "Orchards on the valley floor were hit hardest; those on the slopes above 400 meters came through with "
    "little damage, according to the association's survey of 120 farms.",
]


def test_rot47_is_its_own_inverse_and_keeps_spaces():
    text = "Frost & <p>cherries</p>: 40% lost"
    assert rot47(rot47(text)) == text and rot47(text).count(" ") == text.count(" ")


def test_encoded_paragraphs_are_decoded_between_page_text():
    encoded = "".join(rot47(f"<p>{p}</p>") for p in PARAGRAPHS)
    page = f"Frost hits cherry crop By Ada Pell Staff writer{encoded} People are also reading… Fair opens Friday"
    decoded = decode_rot47_runs(page)
    assert [line.strip() for line in decoded.splitlines()] == [
        "Frost hits cherry crop By Ada Pell Staff writer", PARAGRAPHS[0], "", PARAGRAPHS[1],
        "People are also reading… Fair opens Friday"]


def test_a_paragraph_cut_off_at_the_end_is_decoded_to_the_end():
    cut = PARAGRAPHS[1][:80]
    assert decode_rot47_runs("Headline" + rot47(f"<p>{PARAGRAPHS[0]}</p><p>{cut}")).splitlines()[-1] == cut


def test_text_that_only_looks_encoded_is_left_alone():
    for text in ("The kAm river rises at Mount Orr.", "Plain text without any marker.", "k9am"):
        assert decode_rot47_runs(text) == text


def test_an_encoded_copy_fingerprints_like_the_plain_text():
    plain = fingerprint("\n\n".join(PARAGRAPHS))
    encoded = fingerprint("Cherry crop lost to frost\n" + "".join(rot47(f"<p>{p}</p>") for p in PARAGRAPHS))
    assert np.array_equal(plain.shingles, encoded.shingles)
