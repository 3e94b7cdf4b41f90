"""Paragraph breaks: `<br><br>` bodies split, inline pieces and drop caps stay one word."""

from __future__ import annotations

import pytest

from newscrawl.extraction import extract_article

STORY = [
    "Na endlich! Nach drei Jahren Bauzeit ist die neue Brücke über den Tarn eröffnet worden, und die ersten "
    "Radfahrer rollten am Morgen hinüber, während die Blaskapelle des Dorfes spielte.",
    "Die Kosten lagen mit elf Millionen Euro knapp über dem Plan, sagte die Bürgermeisterin bei der Feier am "
    "Ufer, wo viele Familien aus dem Dorf zusammengekommen waren.",
    "Im Frühjahr soll auch der Radweg bis zur Mühle fertig sein; die Pläne dafür liegen seit dem Sommer im "
    "Rathaus aus und können dort eingesehen werden.",
]


def extract(body: str) -> list[str]:
    html = (f"<html><head><title>Brücke über den Tarn eröffnet</title></head><body><nav><a href='/'>Start</a></nav>"
            f"<article><h1>Brücke über den Tarn eröffnet</h1>{body}</article></body></html>")
    return extract_article(html, "https://tarnboten.example/lokales/bruecke")["text"].split("\n\n")


def test_a_body_of_br_separated_text_in_a_div_is_paragraphs():
    assert extract("<div class='text'>" + "<br><br>\n".join(STORY) + "</div>") == STORY


def test_a_body_of_br_separated_text_in_one_p_is_paragraphs():
    assert extract("<p>" + "<br/><br/>".join(STORY) + "</p>") == STORY


def test_a_single_br_stays_inside_its_paragraph():
    first, second = STORY[1].split(", sagte ")
    text = extract(f"<p>{STORY[0]}</p><p>{first},<br>sagte {second}</p><p>{STORY[2]}</p>")
    assert text == STORY


@pytest.mark.parametrize("drop_cap", [
    "<div class='dropcap'>N</div><p>{rest}</p>",
    "<p><span class='dropcap'>N</span>{rest}</p>",
    "<p><span class='dropcap'>N</span><br>{rest}</p>",
])
def test_a_drop_cap_stays_part_of_its_word(drop_cap):
    body = drop_cap.format(rest=STORY[0][1:]) + "".join(f"<p>{p}</p>" for p in STORY[1:])
    assert extract(body) == STORY


def test_a_story_in_one_cell_of_a_layout_table_is_paragraphs():
    cell = "<br><br>".join(STORY)
    body = f"<table><tr><td class='text'>{cell}</td></tr></table>"
    assert extract(body) == STORY


def test_a_data_table_stays_one_block_with_a_line_per_row():
    table = "<table><tr><th>Ort</th><th>Kosten</th></tr><tr><td>Tarn</td><td>11 Mio.</td></tr></table>"
    text = extract("".join(f"<p>{p}</p>" for p in STORY) + table)
    assert text[:3] == STORY and text[3] == "Ort | Kosten\nTarn | 11 Mio."


def test_soft_hyphens_and_zero_width_spaces_leave_the_words_whole():
    hinted = [p.replace("Bauzeit", "Bau\u00adzeit").replace("Millionen", "Mil&shy;lionen")
              .replace("Radweg", "Rad\u200bweg") for p in STORY]
    assert extract("".join(f"<p>{p}</p>" for p in hinted)) == STORY


def test_zero_width_joiners_are_text():
    persian = "می\u200cخواهم " * 20
    text = extract(f"<p>{STORY[0]}</p><p>{persian.strip()}</p>")
    assert "\u200c" in text[1]


def test_a_nested_list_gives_each_item_once_in_reading_order():
    nested = ("<ul><li>Vorteile<ul><li>Kurze Wege zur Schule</li><li>Weniger Verkehr im Ort</li></ul></li>"
              "<li>Nachteile<ul><li>Höhere Kosten</li></ul> für die Gemeinde</li></ul>")
    text = extract("".join(f"<p>{p}</p>" for p in STORY[:2]) + nested + f"<p>{STORY[2]}</p>")
    assert text == [*STORY[:2], "Vorteile\nKurze Wege zur Schule\nWeniger Verkehr im Ort\nNachteile\nHöhere Kosten\n"
                    "für die Gemeinde", STORY[2]]


def test_a_story_the_page_holds_twice_comes_out_once():
    # One copy for wide screens, one for narrow ones, both in the markup: every word once.
    copy = "".join(f"<p>{paragraph}</p>" for paragraph in STORY)
    body = f"<div class='wide'><h2>Die Eröffnung</h2>{copy}</div><div class='narrow'><h2>Die Eröffnung</h2>{copy}</div>"
    assert extract(f"<div class='story'>{body}</div>") == ["Die Eröffnung", *STORY]


def test_a_repeated_paragraph_alone_stays():
    # A note the text itself repeats (a refrain, a disclaimer after each section) is the text's.
    note = ("Die Angaben zu den Kosten stammen aus dem Haushaltsplan der Gemeinde und wurden von der "
            "Redaktion nicht unabhängig geprüft.")
    paragraphs = [STORY[0], note, STORY[1], note, STORY[2], note]
    assert extract("".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)) == paragraphs


def test_a_short_run_the_text_repeats_stays():
    # A plan whose days share a menu repeats three long lines; they are a small part of the text.
    menu = [f"Mittag am Tag {i}: Linsensuppe mit Karotten, Sellerie und Lauch, dazu eine Scheibe Roggenbrot "
            "und ein Glas Apfelsaft aus dem Tal." for i in range(3)]
    prose = [f"{STORY[i % 3]} (Teil {i})" for i in range(12)]
    paragraphs = [*prose[:6], *menu, *prose[6:], *menu]
    assert extract("".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)) == paragraphs
