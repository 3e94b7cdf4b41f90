"""load_html: the tree trafilatura's loader builds, from a parser that looks element classes up in C."""

from __future__ import annotations

import threading

import lxml.html
import pytest
from lxml import etree
from trafilatura.utils import load_html as trafilatura_load_html

from newscrawl.extraction.parsing import load_html

PAGES = {
    "document": "<!DOCTYPE html>\n<html><head><title>Tide tables</title></head>"
                "<body><form><input name=q><label>Find</label></form><p>High water at <b>6:12</b>.</p></body></html>",
    "self-closing html": '<html lang="en"/>\n<body><p>Harbour notes</p><p>Second line</p></body>',
    "encoding declaration": '<?xml version="1.0" encoding="utf-8"?><html><body><p>Quay works</p></body></html>',
    "no html tag": "<div><p>One</p><p>Two</p></div>",
    "control characters": "<html><body><p>Buoy\x0b light\x00</p></body></html>",
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_same_tree_as_trafilatura(name):
    ours, theirs = load_html(PAGES[name]), trafilatura_load_html(PAGES[name])
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert etree.tostring(ours, encoding="unicode") == etree.tostring(theirs, encoding="unicode")


def test_not_html_is_no_tree():
    assert load_html("just a line of text") is None
    assert trafilatura_load_html("just a line of text") is None


def test_every_element_is_an_html_element():
    tree = load_html(PAGES["document"])
    assert all(isinstance(element, lxml.html.HtmlElement) for element in tree.iter())
    assert tree.find(".//p").text_content() == "High water at 6:12."


def test_threads_each_parse_their_own_pages():
    texts, errors = [], []

    def parse(n):
        try:
            for i in range(50):
                tree = load_html(f"<html><body><p>Page {n}-{i}</p></body></html>")
                texts.append(tree.find(".//p").text)
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)

    threads = [threading.Thread(target=parse, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(texts) == sorted(f"Page {n}-{i}" for n in range(4) for i in range(50))
