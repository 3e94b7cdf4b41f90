"""Verification of candidate pairs: copies, excerpts, write-thru versions, templates, rewrites."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newscrawl.fingerprint.shingles import fingerprint
from newscrawl.fingerprint.verify import (
    COPY_CONTAINMENT, EDITED_CONTAINMENT, LOOSE_CONTAINMENT, compare, link_kind, numbers_agree,
    relation_to_original, reworded,
)
from newscrawl.store import DocRow
from tests.mirror_network import FERRY, MUSEUM, mirror_page

STORY = [
    "MARLOW BAY, Wendmark (AP) — A commuter train derailed Friday morning on a bridge outside Marlow Bay, "
    "injuring at least 12 passengers and halting service on the busiest rail line in the north, officials said.",
    "Three cars of the early train from Kestral left the tracks as it crossed the Fennick River, according to a "
    "spokesperson for the regional rail agency. None of the cars fell into the water below the bridge.",
    "Investigators from the state safety board were examining a section of rail that appeared to have buckled "
    "in the heat, and the agency said it had found no problem with the train itself.",
    "Crews used ladders to help about 300 passengers walk along the bridge to a service road, where buses took "
    "them to the station. Some of them waited nearly two hours in a cold drizzle.",
    "Buses will replace trains between Kestral and Marlow Bay through at least Monday while the track and the "
    "bridge are inspected. About 22,000 people ride the line on a typical weekday.",
    "The bridge, which dates to 1952, was last inspected in June and rated in fair condition, according to "
    "state records. The governor ordered an independent review of every rail bridge on the line.",
]
ROW = DocRow(url="https://apnews.com/a", content=1, wire="AP", dateline="MARLOW BAY, Wendmark", published=1.8e9)


def fp(paras):
    return fingerprint("\n\n".join(paras))


def test_a_whole_copy_is_a_duplicate():
    original = fp(STORY)
    assert link_kind(fp(STORY), ROW, original, ROW) == "copy"
    assert relation_to_original(fp(STORY), original) == ("duplicate", 1.0)


def test_an_edited_copy_missing_a_paragraph_is_a_duplicate():
    edited = [p.replace("officials said", "authorities said") for p in STORY[:4] + STORY[5:]]
    assert link_kind(fp(edited), ROW, fp(STORY), ROW) == "copy"
    relation, similarity = relation_to_original(fp(edited), fp(STORY))
    assert relation == "duplicate" and 0.6 < similarity < 1


def test_a_trimmed_copy_is_an_excerpt_by_containment_not_jaccard():
    comparison = compare(fp(STORY[:2]), fp(STORY))
    assert comparison.jaccard < 0.5 and comparison.containment == 1.0
    assert link_kind(fp(STORY[:2]), ROW, fp(STORY), ROW) == "copy"
    assert relation_to_original(fp(STORY[:2]), fp(STORY)) == ("excerpt", 1.0)


def test_a_shared_quote_or_footer_does_not_link_two_stories():
    rewrite = [
        "A train came off the rails near Marlow Bay on Friday, and a dozen riders were hurt.",
        "Crews used ladders to help about 300 passengers walk along the bridge to a service road, where buses "
        "took them to the station.",
        "The line carries thousands of commuters a day; officials have not said when it will reopen.",
    ]
    assert link_kind(fp(rewrite), DocRow(url="https://other.example/x", content=2), fp(STORY), ROW) is None


TEMPLATE = [
    "LINDEN CITY (AP) — The average rate on a 30-year home loan {d} to {a}% this week, the lender said Thursday.",
    "A week earlier the rate stood at {b}%. A year ago it averaged {c}%.",
    "Mortgage rates tend to follow the yield on the 10-year government bond, which lenders use as a guide for "
    "pricing home loans. Bond yields rise and fall with expectations for inflation and for the central bank.",
    "Higher borrowing costs have kept many would-be buyers on the sidelines this year, and sales of existing "
    "homes remain well below the pace of a few years ago.",
    "The 15-year rate {d} to {e}% from {f}% last week, and economists expect it to stay near {g}% this year.",
]


def week(**numbers):
    return fp([p.format(**numbers) for p in TEMPLATE])


def test_a_templated_series_shares_frames_with_new_numbers_and_is_never_linked():
    one = week(d="rose", a="6.74", b="6.61", c="7.12", e="5.92", f="5.84", g="5.9")
    two = week(d="rose", a="6.81", b="6.74", c="7.09", e="5.97", f="5.92", g="6.0")
    comparison = compare(one, two)
    assert comparison.reframed >= 2 and comparison.jaccard > 0.3
    row_two = replace(ROW, url="https://apnews.com/b", dateline="LINDEN CITY", published=ROW.published + 86400)
    assert link_kind(one, replace(ROW, dateline="LINDEN CITY"), two, row_two) is None


EARLY = STORY[:2] + [
    "Rail officials said they did not yet know what caused the derailment and that the line would stay closed "
    "for the rest of the day while crews worked to clear the tracks.",
    "This is a developing story. Check back for updates."]
LATE = [STORY[0],
        "Four of the injured were taken to Marlow Bay Medical Center with broken bones, a hospital spokesperson "
        "said. The others were treated at the scene for cuts and bruises and released.",
        "Passenger Hestia Grunwald said the train lurched sharply to the left and then scraped along the side of "
        "the bridge. Then it just stopped, and it was completely quiet, she said.",
        *STORY[2:]]


def test_a_write_thru_shares_the_lede_dateline_wire_and_day():
    comparison = compare(fp(EARLY), fp(LATE))
    assert comparison.jaccard < 0.5 and comparison.containment < 0.7 and comparison.lead_shared
    late_row = replace(ROW, url="https://apnews.com/b", published=ROW.published + 6 * 3600)
    assert link_kind(fp(EARLY), ROW, fp(LATE), late_row) == "version"
    assert relation_to_original(fp(LATE), fp(EARLY))[0] == "version"


@pytest.mark.parametrize("change", [
    {"wire": None},
    {"wire": "Reuters"},
    {"dateline": "KESTRAL, Wendmark"},
    {"dateline": None},
    {"published": 1.8e9 + 9 * 86400},
])
def test_a_version_sharing_only_its_lede_needs_every_piece_of_evidence(change):
    assert compare(fp(EARLY), fp(LATE)).containment < EDITED_CONTAINMENT
    late_row = replace(ROW, url="https://apnews.com/b", **change)
    assert link_kind(fp(EARLY), ROW, fp(LATE), late_row) is None


# A short version: the lede reworded, one paragraph kept, the rest cut or new.
SHORT = [
    "MARLOW BAY, Wendmark (AP) — At least 12 passengers were injured Friday morning when a commuter train "
    "derailed on a bridge outside Marlow Bay, halting service on the busiest rail line in the north.",
    STORY[1],
    "Officials did not say when service would resume.",
]


def test_a_short_version_with_a_reworded_lede_is_linked_on_text_alone():
    unknown = DocRow(url="https://partner.example/a", content=5)
    assert compare(fp(SHORT), fp(STORY)).containment < COPY_CONTAINMENT
    assert link_kind(fp(SHORT), unknown, fp(STORY), replace(unknown, url="https://partner.example/b")) == "edited"


@pytest.mark.parametrize("change", [{"wire": "Reuters"}, {"dateline": "KESTRAL"}, {"published": 1.8e9 + 9 * 86400}])
def test_conflicting_evidence_keeps_a_partial_match_apart(change):
    # A follow-up story days later reuses background paragraphs; another agency's story
    # of the same event is its own.
    assert link_kind(fp(SHORT), replace(ROW, url="https://x.example/a", **change), fp(STORY), ROW) is None


SPUN = [
    "MARLOW BAY, Wendmark (AP) — A commuter train came off the rails Friday morning on a bridge near Marlow Bay, "
    "hurting at least 12 passengers and stopping service on the busiest railway line in the north, authorities "
    "stated.",
    "Three carriages of the early train from Kestral left the tracks while it crossed the Fennick River, "
    "according to a representative for the regional rail agency. None of the carriages fell into the water "
    "beneath the bridge.",
    "Investigators from the state safety board were inspecting a portion of rail that seemed to have buckled "
    "in the heat, and the agency stated it had found no issue with the train itself.",
    "Crews utilized ladders to assist about 300 passengers walk along the bridge to a service road, where buses "
    "carried them to the station. Some waited almost two hours in a chilly drizzle.",
]


def test_a_spun_copy_is_linked_by_its_loose_shingles():
    comparison = compare(fp(SPUN), fp(STORY))
    assert comparison.containment < EDITED_CONTAINMENT
    unknown = DocRow(url="https://spinner.example/a", content=6)
    assert link_kind(fp(SPUN), unknown, fp(STORY), ROW) == "loose"


def test_the_next_installment_with_new_numbers_is_not_a_version():
    # A daily report: the same sentences with other numbers and a few other words.
    day = ("PORT ELLERY (AP) — Stocks {v} on {d}. The Meridian 400 index {w} {a}% to {b}, while the Coastline "
           "Industrial Average {x} {c} points, or {e}%, to {f}. Treasury yields {y}, with the 10-year yield at "
           "{g}% from {h}% late {p}. Benchmark crude oil {z} {i} cents to settle at ${j} a barrel.")
    steady = ["Investors are watching for signs that the central bank will lower interest rates before the end of "
              "the year, which would make borrowing cheaper for companies and households alike.",
              "Technology shares have led the market for most of the year as chipmakers report strong demand."]
    one = fp([*steady, day.format(v="slipped", d="Monday", w="fell", a="0.3", b="5,412.08", x="lost", c="96", e="0.2",
                         f="40,221.57", y="edged higher", g="4.21", h="4.18", p="Friday", z="fell", i="61", j="68.40")])
    two = fp([*steady, day.format(v="climbed", d="Tuesday", w="rose", a="1.1", b="5,471.62", x="gained", c="310", e="0.8",
                         f="40,531.90", y="eased", g="4.15", h="4.21", p="Monday", z="rose", i="44", j="68.84")])
    assert compare(one, two).containment >= EDITED_CONTAINMENT and not numbers_agree(one, two)
    unknown = DocRow(url="https://a.example/x", content=7)
    assert link_kind(one, unknown, two, replace(unknown, url="https://b.example/y")) is None


def test_short_shared_fragments_never_link():
    tiny = fp(["Officials said the bridge would reopen Monday after an inspection of the deck."])
    other = fp(["Officials said the bridge would reopen Monday after an inspection of the deck.", *STORY[1:]])
    assert compare(tiny, other).containment == 1.0
    assert link_kind(tiny, DocRow(url="u", content=3), other, DocRow(url="v", content=4)) is None


# A content farm's rewrite of STORY, sentence by sentence: clauses turned around, words
# swapped, almost no 5-word run and too few neighbouring content words left for `loose`.
REWORDED = [
    "Officials say at least 12 passengers were injured when a commuter train derailed outside Marlow Bay on a "
    "bridge Friday morning, with service halted on the busiest line of the north's rail network.",
    "As it was crossing the Fennick River, three cars of the early Kestral train left the tracks, a regional "
    "rail agency spokesperson stated. Not one of the cars fell into the water under the bridge.",
    "A section of rail which seemed to have buckled in the heat was being examined by state safety board "
    "investigators, and the agency stated no problem with the train itself was found.",
    "Crews with ladders helped about 300 passengers to walk to a service road along the bridge, where "
    "they were taken by buses to the station. Some waited almost two hours in a cold drizzle.",
]
SPINNER = DocRow(url="https://spinner.example/a", content=8)


def _loose_share(a, b):
    return len(set(a.loose.tolist()) & set(b.loose.tolist())) / min(len(a.loose), len(b.loose))


def test_a_copy_reworded_sentence_by_sentence_is_linked_on_near_equal_sentences():
    spun, story = fp(REWORDED), fp(STORY)
    assert compare(spun, story).containment < 0.15 and _loose_share(spun, story) < LOOSE_CONTAINMENT
    assert link_kind(spun, SPINNER, story, ROW) == "reworded"
    assert link_kind(story, ROW, spun, SPINNER) == "reworded"  # a pure function of the pair


def test_a_rewrite_borrowing_three_sentences_stays_apart():
    rewrite = [
        "Riders on the north line faced a long morning after a derailment near Marlow Bay, the second accident "
        "on the line this year and the worst since the bridge was rebuilt.",
        REWORDED[1].split(". ")[0] + ".",
        REWORDED[2],
        "Commuter groups have warned for years that the rail bridges on the line are aging faster than the "
        "agency can repair them, and they repeated the warning at a meeting on Friday evening.",
        REWORDED[3].split(". ")[0] + ".",
        "The agency's budget for track repairs was cut by a fifth last spring, records show, and two inspectors' "
        "posts have been empty since then.",
    ]
    assert not reworded(fp(rewrite), fp(STORY))
    assert link_kind(fp(rewrite), SPINNER, fp(STORY), ROW) is None


def test_near_equal_sentences_with_other_numbers_are_another_installment():
    # The same sentences, the counts changed: the next day's story of the same kind, not a copy.
    other = [p.replace("12 passengers", "9 passengers").replace("300 passengers", "250 passengers")
             .replace("two hours", "3 hours") for p in REWORDED]
    assert link_kind(fp(other), SPINNER, fp(STORY), ROW) is None


def test_shared_quotations_are_no_evidence_of_a_copy():
    quoted = [f'"{sentence}" a witness told reporters.' for sentence in REWORDED]
    assert not reworded(fp(quoted), fp(STORY))


# Pages of one content-farm network (tests/mirror_network.py): the same ticker on top (its
# figures moving through the day) and the same newsletter call at the bottom, whatever story.
@pytest.mark.parametrize("figures", [("1.2", "0.4"), ("1.2", "2.7"), ("0.9", "0.4"), ("3.1", "2.2")])
def test_pages_of_one_network_carrying_different_stories_stay_apart(figures):
    train = fingerprint(mirror_page(STORY, "1.2", "0.4"))
    unknown = DocRow(url="https://capemirror.example/a", content=9)
    for other in (FERRY, MUSEUM, MUSEUM[:4]):
        page = fingerprint(mirror_page(other, *figures))
        assert link_kind(page, replace(unknown, url="https://capemirror.example/b"), train, unknown) is None
        assert not reworded(page, train) and not reworded(train, page)


def test_copies_on_a_network_page_still_link():
    unknown = DocRow(url="https://capemirror.example/a", content=9)
    # The story verbatim inside the template, and spun sentence by sentence inside it.
    assert link_kind(fingerprint(mirror_page(STORY)), unknown, fp(STORY), ROW) == "copy"
    assert link_kind(fingerprint(mirror_page(REWORDED, "0.8", "1.9")), unknown, fp(STORY), ROW) == "reworded"
    assert link_kind(fingerprint(mirror_page(FERRY, "2.2", "0.1")), unknown, fp(FERRY), ROW) == "copy"
