"""Agency credits, outlet names and bylines on whole pages: the credit patterns real pages use.

Each case is a small fictional page built from one credit pattern (a byline, a JSON-LD author, a
dateline, a credit line at the end of the text, a meta author). The set must give `wire` on every
page, and never leave an agency or the outlet's name in `authors`.
"""

from __future__ import annotations

import json

import pytest

from newscrawl.extraction import extract_article
from newscrawl.extraction.wire import AGENCIES

BODY = [
    "The harbour authority said on Tuesday that the new ferry line would start in the spring, "
    "linking the two islands in under an hour for the first time.",
    "Officials expect about 4,000 passengers a day in the first year, most of them commuters who now "
    "drive around the bay on a narrow coastal road.",
    "Critics of the plan say the fares are too high for students and pensioners, and that the "
    "harbour needs dredging before larger boats can dock there safely.",
]


def page(*, byline: str = "", jsonld_author=None, meta_author: str = "", first: str = "", last: str = "",
         site_name: str = "Harbour Courier", lang: str = "en", publisher: str | None = "Harbour Courier",
         title: str = "New ferry line to link the islands") -> str:
    """A news page with one credit pattern; everything else is the same fictional story."""
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
            "datePublished": "2026-10-06T09:00:00+02:00"}
    if jsonld_author is not None:
        data["author"] = jsonld_author
    if publisher:
        data["publisher"] = {"@type": "NewsMediaOrganization", "name": publisher}
    paragraphs = ([first] if first else []) + BODY + ([last] if last else [])
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="{site_name}">
{f'<meta name="author" content="{meta_author}">' if meta_author else ''}
<script type="application/ld+json">{json.dumps(data)}</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{title}</h1>{f'<div class="byline">{byline}</div>' if byline else ''}
{''.join(f'<p>{p}</p>' for p in paragraphs)}</article>
<footer><p>Contact us</p></footer></body></html>"""


PERSON_ORG = [{"@type": "Person", "name": "Mara Lindqvist"}]
CREDITED = {
    "byline_by_associated_press": (dict(byline="By Associated Press"), "AP"),
    "byline_by_the_associated_press": (dict(byline="By The Associated Press"), "AP"),
    "byline_name_comma_ap": (dict(byline="By MARA LINDQVIST, Associated Press"), "AP"),
    "byline_ap_writer": (dict(byline="By MARA LINDQVIST AP Business Writer"), "AP"),
    "jsonld_org_ap": (dict(jsonld_author={"@type": "Organization", "name": "The Associated Press"}), "AP"),
    "jsonld_org_list_reuters": (dict(jsonld_author=[{"@type": "Organization", "name": "Reuters"}]), "Reuters"),
    "jsonld_org_dpa": (dict(jsonld_author={"@type": "Organization", "name": "Deutsche Presse-Agentur"},
                            lang="de"), "dpa"),
    "jsonld_person_dpa": (dict(jsonld_author={"@type": "Person", "name": "dpa"}, lang="de"), "dpa"),
    "meta_author_afp": (dict(meta_author="AFP"), "AFP"),
    "meta_author_dpa_long": (dict(meta_author="Deutsche Presse-Agentur", lang="de"), "dpa"),
    "byline_dpa": (dict(byline="dpa", lang="de"), "dpa"),
    "byline_von_dpa": (dict(byline="Von dpa", lang="de"), "dpa"),
    "byline_reuters_staff": (dict(byline="By Reuters Staff"), "Reuters"),
    "byline_afp_and_person": (dict(byline="Mara Lindqvist with AFP"), "AFP"),
    "dateline_ap": (dict(first="HARBOUR CITY (AP) — The island council met late into the night."), "AP"),
    "dateline_reuters_date": (dict(first="OSLO, Oct 6 (Reuters) - The island council met late."), "Reuters"),
    "dateline_dpa_title_case": (dict(first="Kiel (dpa) - Der Inselrat tagte bis spät in die Nacht.",
                                     lang="de"), "dpa"),
    "dateline_dpa_regional": (dict(first="Kiel/Hamburg (dpa/lno) - Der Inselrat tagte lange.", lang="de"), "dpa"),
    "dateline_afp": (dict(first="PARIS (AFP) – Le conseil s'est réuni tard dans la nuit.", lang="fr"), "AFP"),
    "end_paren_dpa": (dict(last="Das sagte ein Sprecher der Behörde am Abend. (dpa)", lang="de"), "dpa"),
    "end_dash_afp": (dict(last="— AFP"), "AFP"),
    "end_mit_material": (dict(last="Mit Material von dpa", lang="de"), "dpa"),
    "end_contributed": (dict(last="The Associated Press contributed to this report."), "AP"),
    "end_copyright": (dict(last="Copyright 2026 The Associated Press. All rights reserved."), "AP"),
    "end_reuters_trailer": (dict(last="Reporting by Mara Lindqvist; Editing by Tomas Berg"), "Reuters"),
    "end_provided_by": (dict(last="This story was provided by AFP."), "AFP"),
    "end_initials_pti": (dict(last="The ferry will also carry freight at night, the authority said. PTI"), "PTI"),
    "person_and_end_credit": (dict(jsonld_author=PERSON_ORG, last="(Reuters)"), "Reuters"),
}
AGENCY_NAMES = {name.lower() for name in AGENCIES} | {"deutsche presse-agentur", "reuters staff"}


@pytest.mark.parametrize("case", sorted(CREDITED))
def test_agency_credit_gives_wire_and_no_agency_author(case):
    kwargs, agency = CREDITED[case]
    record = extract_article(page(**kwargs), "https://harbourcourier.example/news/ferry-line")
    assert record["wire"] == agency, f"{case}: wire {record['wire']!r}, expected {agency!r}"
    bad = [a for a in record["authors"] if a.lower() in AGENCY_NAMES or "press" in a.lower()]
    assert not bad, f"{case}: agency left in authors: {record['authors']!r}"


def test_credited_person_is_kept_beside_the_agency():
    record = extract_article(page(byline="By MARA LINDQVIST, Associated Press"), "https://harbourcourier.example/a")
    assert record["authors"] == ["Mara Lindqvist"]
    assert record["wire"] == "AP"


@pytest.mark.parametrize("byline, site_name, host", [
    ("BBC News", "BBC News", "https://www.bbc.example/news/1"),
    ("STERN.de", "stern", "https://www.stern.de/politik/1.html"),
    ("n-tv NACHRICHTEN", "n-tv.de", "https://www.n-tv.de/politik/1.html"),
    ("VnExpress", "VnExpress International", "https://e.vnexpress.net/news/1.html"),
    ("israel news", "Israel National News", "https://www.israelnationalnews.com/news/1"),
])
def test_outlet_name_is_publisher_not_author(byline, site_name, host):
    record = extract_article(page(byline=byline, site_name=site_name, publisher=None), host)
    assert record["authors"] == [], f"outlet {byline!r} kept as author: {record['authors']!r}"
    assert record["publisher"] == site_name
    assert record["wire"] is None


def test_jsonld_organisation_author_is_publisher_not_author():
    record = extract_article(page(jsonld_author={"@type": "Organization", "name": "Harbour Courier"},
                                  site_name="Harbour Courier"), "https://harbourcourier.example/a")
    assert record["authors"] == []
    assert record["publisher"] == "Harbour Courier"
    assert record["wire"] is None


def test_publisher_from_jsonld_when_no_site_name():
    html = page(byline="By Mara Lindqvist").replace('<meta property="og:site_name" content="Harbour Courier">', "")
    record = extract_article(html, "https://harbourcourier.example/a")
    assert record["publisher"] == "Harbour Courier"
    assert record["authors"] == ["Mara Lindqvist"]


def test_three_name_byline_keeps_every_name():
    record = extract_article(page(byline="By MARA LINDQVIST, TOMAS BERG and ADA OKONKWO"),
                             "https://harbourcourier.example/a")
    assert record["authors"] == ["Mara Lindqvist", "Tomas Berg", "Ada Okonkwo"]


def test_html_entities_decoded_in_every_metadata_field():
    html = page(title="Islanders&#8217; &quot;ferry&quot; vote &amp;#8216;close&#8217;",
                jsonld_author={"@type": "Person", "name": "Mara L&#246;fgren"},
                site_name="Harbour &amp; Bay Courier")
    record = extract_article(html, "https://harbourcourier.example/a")
    assert record["title"] == "Islanders’ \"ferry\" vote ‘close’"
    assert record["authors"] == ["Mara Löfgren"]
    assert record["publisher"] == "Harbour & Bay Courier"


def test_chinese_portal_title_suffix_dropped():
    html = page(title="港口渡轮新航线将于春季开通--时政--海港网", lang="zh")
    record = extract_article(html, "https://harbourcourier.example/a")
    assert record["title"] == "港口渡轮新航线将于春季开通"


@pytest.mark.parametrize("declared, expected", [("kr", "ko"), ("ko-KR", "ko"), ("jp", "ja"), ("en-US", "en")])
def test_declared_language_is_normalised(declared, expected):
    record = extract_article(page(lang=declared), "https://harbourcourier.example/a")
    assert record["language"] == expected


def test_language_detected_when_the_page_declares_none():
    html = page(lang="").replace('lang=""', "")
    record = extract_article(html, "https://harbourcourier.example/a")
    assert record["language"] == "en"
