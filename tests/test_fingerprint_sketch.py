"""Per-sentence sketches and the near-equal sentences two texts share."""

from __future__ import annotations

from newscrawl.fingerprint.shingles import fingerprint
from newscrawl.fingerprint.sketch import SKETCH_SENTENCES, match

TOP = [
    "The Holbrook dam's operators began lowering the reservoir on Tuesday after engineers found new cracks in "
    "the spillway wall.",
    "About 4,000 residents downstream were told to be ready to leave their homes at short notice.",
    "Engineers said the cracks did not threaten the dam itself but could widen if the water stayed high.",
]
# The same sentences reworded: synonyms, clauses turned around, the numbers kept.
SPUN = [
    "After engineers discovered fresh cracks in the spillway wall, the operators of the Holbrook dam started "
    "lowering the reservoir Tuesday.",
    "Some 4,000 downstream residents were told to be ready to leave their homes at short notice.",
    "The cracks did not threaten the dam itself, engineers said, but could widen if the water remained high.",
]


def near(a: list[str], b: list[str]):
    fa, fb = fingerprint("\n\n".join(a)), fingerprint("\n\n".join(b))
    return match(fa.sketch, fa.sketch_sizes, fb.sketch, fb.sketch_sizes)


def test_reworded_sentences_pair_up_in_order():
    m = near(SPUN, TOP)
    assert [(i, j) for i, j, _ in sorted(m.pairs)] == [(0, 0), (1, 1), (2, 2)]
    assert m.in_order == 3 and m.conflicts == 0
    assert all(similarity >= 0.5 for _, _, similarity in m.pairs) and m.near_verbatim < 3


def test_the_same_sentences_are_near_verbatim():
    m = near(TOP, TOP)
    assert m.in_order == m.near_verbatim == 3


def test_reordered_sentences_count_once_in_order():
    m = near(SPUN[::-1], TOP)
    assert len(m.pairs) == 3 and m.in_order == 1


def test_a_near_equal_sentence_with_other_numbers_is_a_conflict():
    other = [SPUN[0], SPUN[1].replace("4,000", "2,500"), SPUN[2]]
    m = near(other, TOP)
    assert m.conflicts == 1 and m.in_order == 2


def test_quotations_and_short_sentences_are_not_sketched():
    fp = fingerprint('"We are lowering the reservoir as fast as we safely can," the operator said. '
                     "The dam held. " + TOP[0])
    assert len(fp.sketch_sizes) == 1
    assert near(['"' + TOP[0] + '" the operator said.'], TOP).pairs == ()


def test_unrelated_texts_share_no_sentence():
    other = ["A bakery on Cannery Row that sold rye bread for ninety years will close at the end of the month.",
             "Its owners said rising flour prices and a new lease made the shop impossible to keep open."]
    assert near(other, TOP).pairs == ()


def test_a_long_text_sketches_only_its_top():
    long = [f"Paragraph {i} tells of the dam, the reservoir, the spillway and the engineers at Holbrook."
            for i in range(60)]
    assert len(fingerprint("\n\n".join(long)).sketch_sizes) == SKETCH_SENTENCES


# Two made-up stories of six sentences each, each told in its own words.
BAKERY = [
    "A bakery on Cannery Row that sold rye bread for ninety years will close at the end of the month.",
    "Its owners said rising flour prices and a new lease made the shop impossible to keep open any longer.",
    "Regular customers lined the pavement on Saturday morning to buy the last loaves of the dark caraway rye.",
    "The founder's granddaughter, Ilse Marrow, still bakes every batch by hand in the original brick oven.",
    "She said the family had turned down offers from two supermarket chains that wanted the recipe and name.",
    "The building will become offices, according to plans filed with the city last week by the new owner.",
]
ORCHARD = [
    "A late frost swept across the Tollan valley overnight and damaged much of this year's cherry blossom.",
    "Growers lit smudge pots and ran wind machines until dawn, but temperatures fell lower than forecast.",
    "The regional growers' cooperative expects the harvest to come in at perhaps half of an average summer.",
    "Pickers who travel to the valley each June have been told that fewer crews will be needed this season.",
    "Insurers sent assessors to the worst-hit orchards on the eastern slopes on Thursday afternoon.",
    "Cherry prices at the valley's farm stands are likely to rise sharply in the coming weeks, traders warned.",
]
TOP_LINE = "Markets: the Tollan composite index rose 1.2 percent and the coastal average fell 0.4 percent today."
BOTTOM_LINE = "Sign up for the Harbor Daily newsletter and get our top stories delivered to your inbox every morning."


def test_pairs_enclosing_two_different_stories_make_no_chain():
    # The same lines above and below two different stories: a network's template, not a copy.
    m = near([TOP_LINE, *BAKERY, BOTTOM_LINE], [TOP_LINE, *ORCHARD, BOTTOM_LINE])
    assert len(m.pairs) == 2 and m.in_order == 1 and m.near_verbatim == 1


def test_pairs_with_a_few_sentences_between_stay_one_chain():
    # A write-thru: three new sentences after the shared lede on both sides, then the shared rest.
    first = [TOP[0], *BAKERY[:3], TOP[1], TOP[2]]
    second = [TOP[0], *ORCHARD[:3], TOP[1], TOP[2]]
    assert near(first, second).in_order == 3
    # New paragraphs in one text only break nothing, however many.
    assert near([TOP[0], *BAKERY, TOP[1], TOP[2]], TOP).in_order == 3
