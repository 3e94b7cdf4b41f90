"""`newscrawl report`: inputs, filters, bad lines, and the page's caps."""

from __future__ import annotations

import json
import re

import pytest

from newscrawl.cli import main
from newscrawl.report import page
from newscrawl.report.data import from_jsonl
from newscrawl.report.figures import compute

WHEN = "2026-11-02T10:00:00+00:00"


def record(url, cluster=None, relation=None, wire=None, published=WHEN, **extra):
    out = {"url": url, "text": "some text", "published": published, "fetched_at": "2026-11-20T00:00:00+00:00",
           **extra}
    if cluster:
        out.update(cluster_id=cluster, relation=relation, wire=wire)
    return out


def corpus(tmp_path, copies=3, extra_lines=()):
    lines = [record("https://apnews.com/a", "c1", "original", "AP", title="Dam opens, town & river cheer")]
    lines += [record(f"https://copier{n}.example/a", "c1", "duplicate", None, "2026-11-02T12:00:00+00:00")
              for n in range(copies)]
    lines += [record("https://local.example/b", "c2", "original"), record("https://copier0.example/b", "c2", "excerpt"),
              record("https://lonely.example/u")]
    path = tmp_path / "linked.jsonl"
    path.write_text("\n".join([json.dumps(r) for r in lines] + list(extra_lines)) + "\n", encoding="utf-8")
    return path


def test_a_linked_corpus_becomes_one_page(tmp_path, capsys):
    out = tmp_path / "out" / "report.html"
    assert main(["report", str(corpus(tmp_path)), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "Dam opens, town &amp; river cheer" in html and "copier2.example" in html
    assert not re.search(r"""(src|href)=["']?https?://[^"']*\.(js|css)""", html)  # nothing to fetch
    assert "2 stories, 4 copies on 3 sites, 3 uncredited" in capsys.readouterr().err


@pytest.mark.parametrize("argv, message", [
    (["report", "-o", "x.html"], "either --store URL or linked JSONL"),
    (["report", "a.jsonl", "--store", "memory://"], "either --store URL or linked JSONL"),
    (["report", "missing.jsonl"], "no such file: missing.jsonl"),
    (["report", "--store", "sqlite:///nowhere/state.sqlite"], "nowhere"),
])
def test_bad_invocations_say_why(argv, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_a_bad_date_filter_is_refused(tmp_path, capsys):
    assert main(["report", str(corpus(tmp_path)), "--since", "last tuesday"]) == 2
    assert "not a date: 'last tuesday'" in capsys.readouterr().err


def test_bad_lines_are_counted_and_shown_and_the_rest_reported(tmp_path, capsys):
    path = corpus(tmp_path, extra_lines=["{not json", "[1, 2]"])
    data = from_jsonl([path], 1.9e9)
    assert data.skipped == {"bad_json": 1, "no_url": 1} and data.articles == 7
    out = tmp_path / "r.html"
    assert main(["report", str(path), "-o", str(out)]) == 0
    assert "skipped input: bad_json: 1, no_url: 1" in out.read_text(encoding="utf-8")
    assert f"{path}:8: skipped: bad_json" in capsys.readouterr().err


def test_filters_narrow_the_stories(tmp_path, capsys):
    path = corpus(tmp_path)
    for argv, stories in ((["--agency", "AP"], 1), (["--site", "www.local.example"], 1),
                          (["--since", "2026-11-03"], 0), (["--until", "2026-11-03"], 2)):
        assert main(["report", str(path), "-o", str(tmp_path / "r.html"), *argv]) == 0
        assert f"{stories} stories" in capsys.readouterr().err, argv


def test_long_tables_are_capped_with_a_note(tmp_path, monkeypatch):
    figures = compute(from_jsonl([corpus(tmp_path, copies=12)], 1.9e9))
    monkeypatch.setattr(page, "MAX_UNCREDITED", 5)
    monkeypatch.setattr(page, "MAX_SITES", 4)
    html = page.render(figures)
    assert html.count('rel="noreferrer">https://copier') == 5
    assert "Showing 5 of 12 uncredited copies; 7 left out" in html
    assert "Showing 4 of 12 sites; 8 left out" in html


def test_a_source_without_copies_gives_a_page_that_says_so(tmp_path):
    path = tmp_path / "plain.jsonl"
    path.write_text(json.dumps(record("https://lonely.example/u")) + "\n", encoding="utf-8")
    out = tmp_path / "r.html"
    assert main(["report", str(path), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "No copies in this selection." in html and "No networks found." in html
