"""Page bytes to text: a single-byte charset declared for UTF-8 bytes loses, real Latin-1 stays Latin-1."""

from __future__ import annotations

import pytest

from newscrawl.extraction import extract_article
from newscrawl.extraction.decoding import decode_html, is_single_byte

TITLE = "Sanción für die Fähre: Gemeinde stoppt den Bau"
PARAGRAPHS = [
    "Die Gemeinde Villaserena hat am Dienstag eine Sanción für die Fährgesellschaft beschlossen, "
    "weil der Bau des neuen Anlegers seit Monaten ruht und die Pendler täglich Umwege fahren.",
    "Der Bürgermeister sagte, man habe lange genug gewartet; die Gesellschaft müsse nun für jede "
    "Woche Verzug zahlen, bis die Rampe fertig ist und die Fähre wieder anlegen kann.",
]


def page(charset: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            f"<title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>{body}</article></body></html>")


@pytest.mark.parametrize("charset", ["iso-8859-15", "iso-8859-1", "latin-1", "windows-1252"])
def test_utf8_bytes_declaring_a_single_byte_charset_decode_as_utf8(charset):
    data = page(charset).encode("utf-8")
    for declared in (None, charset):  # over HTTP without a charset header, and with a wrong one
        record = extract_article(data, "https://villaserena-noticias.example/faehre", declared_encoding=declared)
        assert record["title"] == TITLE
        assert record["text"].split("\n\n") == PARAGRAPHS
        assert "Ã" not in record["text"]


def test_real_latin1_bytes_stay_latin1():
    data = page("iso-8859-15").encode("iso-8859-15")
    assert decode_html(data) == page("iso-8859-15")
    assert decode_html(data, "iso-8859-1") == page("iso-8859-15")


def test_multi_byte_declarations_are_kept():
    text = '<html><head><meta charset="shift_jis"><title>フェリー</title></head><body><p>港のフェリーが止まった。</p></body></html>'
    assert decode_html(text.encode("shift_jis")) == text
    assert not is_single_byte("cp932") and not is_single_byte("utf-8") and is_single_byte("cp1252")


@pytest.mark.parametrize("charset", ["utf-8", "iso-8859-1", None])
def test_utf8_page_with_one_broken_byte_stays_utf8(charset):
    # A template's stray Latin-1 byte once made the whole page cp1252: every umlaut became mojibake.
    html = page(charset or "utf-8")
    if charset is None:
        html = html.replace("; charset=utf-8", "")
    data = html.encode("utf-8").replace(b"<title>", b"<title>\xa0", 1)
    text = decode_html(data)
    assert "Ã" not in text
    assert text.count("\ufffd") == 1
    assert text.replace("\ufffd", "") == html


def test_cp1252_page_without_charset_is_not_read_as_broken_utf8():
    data = page("utf-8").replace("; charset=utf-8", "").encode("cp1252")
    assert decode_html(data) == page("utf-8").replace("; charset=utf-8", "")
