"""Bylines to person names: labels, job titles, widgets, commenters, agencies and outlets."""

from __future__ import annotations

import pytest

from newscrawl.extraction.names import is_outlet, split_byline


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
