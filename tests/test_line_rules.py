"""Line rules: page furniture lines go, story sentences that start with the same words stay."""

from __future__ import annotations

import pytest

from newscrawl.extraction.line_rules import drop_trailing_bylines, is_furniture

FURNITURE = [
    "Il vous reste 57% de cet article à lire.",
    "Czytaj więcej",
    "Czytaj więcej: Remont drogi do Zalesia potrwa do wiosny",
    "Lesen Sie auch: Die Fähre fährt wieder",
    "Our Standards: The Ostland Courier Trust Principles.",
    "Download the Ostland Courier app for breaking news on your phone.",
    "Follow us on Telegram",
    "Download the Ostland Courier app. It is free.",
    "Photo: Mira Tell/Ostland Pictures",
    "(Foto: Jarek Brun)",
    "Support independent journalism in Ostland: make a donation or become a member today.",
    "Source: Internet Time: 2026-08-18 20:54:12 Hits: 930",
]
STORY = [
    "Read more about the plan in the council minutes, which the clerk published on Tuesday evening.",
    "Follow the river path for two miles and the mill comes into view, said the warden.",
    "The photo: a grainy picture of the flood that a neighbour took from her attic window.",
    "Support for the new bridge has grown since the ferry stopped running in October.",
    "Time: the one thing the harbour master says he never has enough of.",
    "Click here to download the tide table as a spreadsheet. Open it in any spreadsheet program. Then fill in "
    "your mooring number and the table shows your own times.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_lines(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", STORY)
def test_story_lines_that_look_alike_stay(line):
    assert not is_furniture(line)


def test_a_byline_repeated_at_the_end_goes_and_a_sentence_naming_the_author_stays():
    text = ["The gates held.", "Hanne Vosk said the test went well."]
    assert drop_trailing_bylines([*text, "By Hanne Vosk and Pell Ardent"], ["Hanne Vosk", "Pell Ardent"]) == text
    assert drop_trailing_bylines([*text, "Hanne Vosk"], ["Hanne Vosk"]) == text
    assert drop_trailing_bylines(text, ["Hanne Vosk"]) == text
    assert drop_trailing_bylines(["Hanne Vosk"], ["Hanne Vosk"]) == ["Hanne Vosk"]  # never the whole text
