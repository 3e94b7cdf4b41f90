"""Record metadata from whole (fictional) pages: authors, publisher, title and date by precedence."""

from __future__ import annotations

import json

from newscrawl.extraction import extract_article

BODY = "".join(f"<p>{sentence}</p>" for sentence in [
    "The harbour ferry to Saltholm Island ran late all week while the crew waited for a new gearbox.",
    "Commuters on the early crossing said the delays cost them an hour each morning and evening.",
    "The operator said the boat would return to its timetable once the part arrived from the yard.",
])


def page(head: str = "", header: str = "", title: str = "Ferry runs late all week") -> str:
    return (f"<html><head><title>{title}</title>{head}</head><body>{header}"
            f"<article><h1>Ferry runs late all week</h1>{BODY}</article></body></html>")


def ld(data: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_every_citation_author_of_a_scholarly_page():
    head = ('<meta name="citation_author" content="Lindqvist, Mara">'
            '<meta name="citation_author" content="Tomas Berg">')
    record = extract_article(page(head), "https://journal.example/ferries/1")
    assert record["authors"] == ["Mara Lindqvist", "Tomas Berg"]


def test_a_publisher_typed_person_is_the_author_not_an_outlet():
    head = ld({"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Ferry runs late all week",
               "author": {"name": "Kari Lund"}, "publisher": {"@type": ["Person", "Organization"], "name": "Kari Lund"}})
    record = extract_article(page(head), "https://islandnotes.example/ferry")
    assert record["authors"] == ["Kari Lund"]


def test_an_h1_holding_the_site_name_is_not_the_headline():
    html = ("<html><head><title>Ferry runs late all week - Island Notes</title>"
            '<meta property="og:site_name" content="Island Notes"></head><body>'
            f"<header><h1>Island Notes</h1></header><article><h2>Ferry runs late all week</h2>{BODY}</article></body></html>")
    record = extract_article(html, "https://islandnotes.example/ferry")
    assert record["title"] == "Ferry runs late all week"


def test_the_dateline_shown_under_the_headline_wins_over_a_re_stamped_declared_date():
    head = '<meta property="article:published_time" content="2025-09-15T08:00:00+00:00">'
    html = page(head).replace("</h1>", "</h1><p>By Kari Lund · January 3, 2024</p>")
    record = extract_article(html, "https://islandnotes.example/ferry")
    assert (record["published"], record["published_raw"]) == ("2024-01-03", "By Kari Lund · January 3, 2024")
    assert record["authors"] == ["Kari Lund"]


def test_json_ld_carried_in_a_meta_tag_is_read():
    data = {"@context": "https://schema.org", "@type": "Article", "headline": "Ferry runs late all week",
            "datePublished": "2025-11-17T09:00:00-05:00"}
    head = f"<meta name=\"script:ld+json\" content='{json.dumps(data)}'>"
    record = extract_article(page(head), "https://islandnotes.example/ferry")
    assert record["published"] == "2025-11-17T09:00:00-05:00"
    assert extract_article(page(), "https://islandnotes.example/ferry").get("published") is None
