"""Normalisation, prose lines, shingles, sentence hashes and candidate keys of a text."""

from __future__ import annotations

import random

import numpy as np
import pytest

from newscrawl.fingerprint.shingles import Fingerprint, fingerprint, pack, unpack
from newscrawl.fingerprint.signature import BANDS, band_keys, candidate_keys, signatures
from newscrawl.fingerprint.text import dateline_key, normalise, prose
from tests.fingerprint_reference import reference_fingerprint, varied_text
from tests.top_cut import stories_with_top_cut_copies

LEDE = ("GREYWATER, Wendmark (AP) — A fire tore through the old Calder glassworks on the riverfront early "
        "Sunday, forcing about 200 residents from their homes.")
BODY = [
    LEDE,
    "Firefighters were called to the four-story brick building at 3:40 a.m. and found flames coming from "
    "the roof, Fire Chief Odette Marsh said.",
    "“This was a stubborn fire in a building full of old timber,” Marsh said at a briefing on Water Street.",
    "The glassworks, built in 1871, once employed more than 900 people and made bottles and window panes.",
]


def test_normalise_folds_unicode_quotes_dashes_and_spaces():
    assert normalise("\ufb01re  ‘quoted’ “words” — and – dash\u00a0\t here") == \
        "fire 'quoted' \"words\" - and - dash here"
    assert normalise("ＡＢＣ") == "ABC"  # full-width forms


def test_prose_drops_template_lines_and_splits_the_dateline():
    text = "\n".join(["Current:Home > News", "Fire guts glassworks -Capitatum", "Will Sage Astor View",
                      "Date:2027-01-14 09:12:33", *BODY, "veryGood! (87)", "Related",
                      "- Celebrity chef opens floating restaurant on a converted river barge"])
    story = prose(text)
    assert story.dateline == "GREYWATER, Wendmark" and story.credit == "AP"
    assert story.lines[0].startswith("a fire tore through")
    assert len(story.lines) == len(BODY)


def test_text_without_any_prose_line_keeps_all_lines():
    assert prose("Breaking news\nMore soon").lines == ["breaking news", "more soon"]


def test_dateline_key_compares_the_place():
    assert dateline_key("SEOUL, South Korea") == dateline_key("Seoul") == "seoul"
    assert dateline_key(None) is None


def test_typography_case_and_layout_do_not_change_the_fingerprint():
    plain = "\n\n".join(BODY)
    restyled = "\n".join(line.replace("“", '"').replace("”", '"').replace("—", "-").upper() for line in BODY)
    a, b = fingerprint(plain), fingerprint(restyled)
    assert a.content == b.content
    assert np.array_equal(a.shingles, b.shingles) and np.array_equal(a.sentences, b.sentences)


def test_shingles_are_five_word_windows_within_a_line():
    fp = fingerprint("one two three four five six.\nseven eight nine.")
    # 2 windows in the first line, 1 short line as a whole
    assert fp.size == 3
    assert fp.shingles.dtype == np.uint32 and np.all(np.diff(fp.shingles.astype(np.int64)) > 0)


def test_frames_mask_numbers_so_templates_share_them():
    a = fingerprint("The average rate on a 30-year loan rose to 6.74% this week, the lender said.")
    b = fingerprint("The average rate on a 30-year loan rose to 6.58% this week, the lender said.")
    assert a.sentences[0] != b.sentences[0] and a.frames[0] == b.frames[0]


def test_pack_round_trips():
    fp = fingerprint("\n\n".join(BODY))
    back = unpack(pack(fp), fp.content)
    assert isinstance(back, Fingerprint) and back.content == fp.content
    for name in ("shingles", "sentences", "frames", "loose", "numbers", "sketch", "sketch_sizes"):
        assert np.array_equal(getattr(back, name), getattr(fp, name))


def test_band_keys_match_for_equal_sets_and_differ_for_unrelated_ones():
    same = fingerprint("\n\n".join(BODY))
    other = fingerprint("Completely different words about a bakery on Cannery Row that sold rye bread "
                        "for ninety years and will close at the end of this year, its owners said.")
    keys = band_keys(signatures([same, same, other]))
    assert keys.shape == (3, BANDS)
    assert np.array_equal(keys[0], keys[1]) and not set(keys[0]) & set(keys[2])


def test_a_trimmed_copy_shares_its_lead_sentence_anchors():
    full, trimmed = fingerprint("\n\n".join(BODY)), fingerprint("\n\n".join(BODY[:2]))
    keys, owners, _ = candidate_keys([full, trimmed])
    anchors = set(full.anchors) & set(trimmed.anchors)
    assert len(anchors) >= 2 and anchors <= set(keys[owners == 0].tolist()) & set(keys[owners == 1].tolist())


FIELDS = ("shingles", "sentences", "frames", "loose", "numbers", "content", "anchors", "loose_keys", "dateline",
          "credit")


def _differences(a: Fingerprint, b: Fingerprint) -> list[str]:
    def same(x, y):
        if isinstance(x, np.ndarray):
            return x.dtype == y.dtype and np.array_equal(x, y)
        return x == y
    return [name for name in FIELDS if not same(getattr(a, name), getattr(b, name))]


@pytest.mark.parametrize("text", [
    "",
    "   \n\n  ",
    "!!! ... ???",
    "One.",
    "\n".join(BODY),
    "Prices rose 3.5% to 1,000.25 dollars in 2024, up from 7 in 1999. Then 12,5 and 0.5.\nNo digits here at all.",
    "東京都は10日、新しい条例を発表した。市長が述べた。次の文だ!そして会議は続いた。\n\n大阪でも同じ条例が検討されている。",
    "서울시는 10일 새로운 조례를 발표했다. 시장은 회의에서 그렇게 말했다.",
    "ภาษาไทยห\u0e31วข้อข่าว๕ วันนี้. Mixed English words here too, said the mayor of the city today.",
    "ΣΟΦΟΣ ΛΟΓΟΣ ends here. Straße ﬁnal ½ ① naïve café.",
    "Control\x01 characters\x02 and\x1e marks. Here\x1d too.\x00 Done now.",
    "SEOUL, South Korea (AP) — The mayor said on Monday that the council would vote on the budget.",
])
def test_the_fingerprint_equals_the_line_by_line_reference(text):
    assert _differences(fingerprint(text), reference_fingerprint(text)) == []


def test_the_fingerprint_equals_the_reference_on_varied_texts():
    rng = random.Random(15)
    texts = [varied_text(rng, ascii_only=n % 2 == 0) for n in range(1500)]
    assert sum(len(reference_fingerprint(t).sentences) for t in texts) > 3000  # long sentences were hashed
    differ = [(t, _differences(fingerprint(t), reference_fingerprint(t))) for t in texts]
    assert [d for d in differ if d[1]] == []


def test_the_fingerprint_equals_the_reference_on_stories_of_8_to_30_sentences():
    texts = [text for pair in stories_with_top_cut_copies(40, seed=3) for text in pair]
    assert max(len(reference_fingerprint(t).sentences) for t in texts) >= 20  # windows of 5 sentences
    assert [t for t in texts if _differences(fingerprint(t), reference_fingerprint(t))] == []


def test_a_copy_keeping_only_the_bottom_of_a_story_shares_a_sentence_anchor_with_it():
    # Neither the lead sentences nor the top are shared: the later sentences' anchors must meet.
    missed = [n for n, (story, copy) in enumerate(stories_with_top_cut_copies(300, seed=14))
              if not set(fingerprint(story).anchors) & set(fingerprint(copy).anchors)]
    assert missed == []
