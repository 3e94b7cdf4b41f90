"""Bylines to person names: labels, job titles, widgets, commenters, agencies and outlets."""

from __future__ import annotations

import pytest

from newscrawl.extraction.names import is_outlet, is_site_heading, split_byline


@pytest.mark.parametrize("byline, names", [
    ("Posted by : Rya Baldwin", ["Rya Baldwin"]),
    ("Written by Ola Nordmann", ["Ola Nordmann"]),
    ("Author: Ola Nordmann", ["Ola Nordmann"]),
    ("Von Kari Lund", ["Kari Lund"]),
    ("Kees Barendse Senior Autos Reporter", ["Kees Barendse"]),
    ("Ada Okonkwo, Staff Writer", ["Ada Okonkwo"]),
    ("Mira Solberg View more posts", ["Mira Solberg"]),
    ("Mira Solberg View all posts by Mira Solberg", ["Mira Solberg"]),
    ("Will Sage Astor View", ["Will Sage Astor"]),
    ("By MARA LINDQVIST, TOMAS BERG and ADA OKONKWO", ["Mara Lindqvist", "Tomas Berg", "Ada Okonkwo"]),
    ("Ludwig van Halen & Ana de la Cruz", ["Ludwig van Halen", "Ana de la Cruz"]),
])
def test_byline_gives_person_names(byline, names):
    assert split_byline([byline])[0] == names


@pytest.mark.parametrize("byline", ["Jane Roe says", "Amy says:", "Tom wrote:"])
def test_commenters_are_not_authors(byline):
    assert split_byline([byline])[0] == []


@pytest.mark.parametrize("byline, agency", [
    ("By The Associated Press", "AP"), ("Deutsche Presse-Agentur", "dpa"), ("AFP", "AFP"),
    ("MARA LINDQVIST AP Business Writer", "AP"),
])
def test_agencies_are_credits_not_authors(byline, agency):
    names, credited, _ = split_byline([byline])
    assert credited == agency
    assert all("press" not in n.lower() and n not in ("AP", "AFP", "dpa") for n in names)


@pytest.mark.parametrize("name, outlets, expected", [
    ("BBC News", ["BBC", "bbc.co.uk", "bbc"], True),
    ("STERN.de", ["stern.de", "stern"], True),
    ("n-tv NACHRICHTEN", ["n-tv.de", "n-tv"], True),
    ("israel news", ["israelnationalnews.com", "israelnationalnews"], True),
    ("Five Books", ["Five Books", "fivebooks.com", "fivebooks"], True),
    ("Mara Lindqvist", ["Harbour Courier", "harbourcourier.example", "harbourcourier"], False),
    ("Ann Lee", ["Lee Enterprises", "lee.net", "lee"], False),
])
def test_outlet_names_are_recognised(name, outlets, expected):
    assert is_outlet(name, outlets) is expected


def test_outlet_byline_goes_to_publisher():
    names, credited, outlet = split_byline(["BBC News"], ["BBC News", "bbc.com", "bbc"])
    assert (names, credited, outlet) == ([], None, "BBC News")


@pytest.mark.parametrize("byline, outlets, names, outlet", [
    # A personal site named after its author: the byline is hers.
    ("Kari Lund", ["Kari Lund", "karilund.example"], ["Kari Lund"], None),
    ("Tomas Berg", ["Tomas Berg - Harbour Notes", "tomasberg.example"], ["Tomas Berg"], None),
    # A business named like a thing, or a person's name with a business word, is the outlet.
    ("Block Renovation", ["Block Renovation", "blockrenovation.example"], [], "Block Renovation"),
    ("Five Books", ["Five Books"], [], "Five Books"),
    ("Kari Lund Photography", ["Kari Lund Photography"], [], "Kari Lund Photography"),
    ("Harbour Courier News", ["Harbour Courier"], [], "Harbour Courier News"),
])
def test_site_named_byline_is_a_person_only_when_it_reads_as_one(byline, outlets, names, outlet):
    found, _, named_outlet = split_byline([byline], outlets)
    assert (found, named_outlet) == (names, outlet)


@pytest.mark.parametrize("byline, names", [
    ("Paul Rask, Home and Digital Security Expert", ["Paul Rask"]),
    ("Mara Lindqvist, Senior Editor, and Tomas Berg", ["Mara Lindqvist", "Tomas Berg"]),
    ("Cara Holm RN, Certified Sleep Consultant", ["Cara Holm"]),
    ("kari-lund", []),
    ("Wp-Block-Co-Authors-Plus-Coauthors Is-Layout-Flow", []),
    ("Jean-Pierre Smith-Jones", ["Jean-Pierre Smith-Jones"]),
])
def test_jobs_credentials_slugs_and_class_names_are_not_names(byline, names):
    assert split_byline([byline])[0] == names


@pytest.mark.parametrize("heading, site_names, html_title, expected", [
    ("Harbour Notes", ["Harbour Notes"], "Ferry runs late | Harbour Notes", True),
    ("Harbour Notes", [], "Ferry runs late all week - Harbour Notes", True),
    ("Ferry runs late", ["Harbour Notes"], "Ferry runs late | Harbour Notes", False),
    # `Site | Headline`: the headline is the longer part, after the separator.
    ("Ferry runs late all week on the island", [], "Harbour Notes | Ferry runs late all week on the island", False),
    ("History of ferries", [], "History of ferries | Routes, Boats, Timeline", False),
])
def test_logo_in_an_h1_is_not_the_headline(heading, site_names, html_title, expected):
    assert is_site_heading(heading, site_names, html_title) is expected
