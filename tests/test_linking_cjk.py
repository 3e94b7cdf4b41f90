"""Scripts without spaces: Japanese, Chinese and Korean copies link like English; look-alikes stay apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newscrawl.fingerprint import Linker, fingerprint, results_by_url
from newscrawl.fingerprint.text import sentences, tokens
from newscrawl.store import open_store

DATA = Path(__file__).parent / "data" / "linking"
CORPUS = [json.loads(line) for line in (DATA / "corpus-cjk.jsonl").read_text(encoding="utf-8").splitlines()]
LABELS = json.loads((DATA / "labels-cjk.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def views():
    with open_store("memory://") as store:
        linker = Linker(store, now=1.9e9)
        linker.link_many(CORPUS, answers=False)
        return linker.clusters()


def test_unspaced_runs_become_character_bigrams_and_sentences_split_without_spaces():
    assert tokens("東京都は10日、new 条例") == ["東京", "京都", "都は", "10", "日", "new", "条例"]
    assert tokens("서울시는 10일 발표했다") == ["서울시는", "10일", "발표했다"]  # Korean is spaced
    assert sentences("市長が述べた。次の文だ!そして") == ["市長が述べた。", "次の文だ!", "そして"]


def test_a_japanese_article_is_long_enough_to_link():
    text = next(r["text"] for r in CORPUS if LABELS[r["url"]]["story"] == "ja-story")
    assert fingerprint(text).size > 100


def test_every_copy_links_to_its_original_with_the_labelled_relation(views):
    found = dict(results_by_url(views))
    for url, label in LABELS.items():
        result = found.get(url)
        assert (result.relation if result else "unique") == label["relation"], url
    originals = {label["story"]: url for url, label in LABELS.items() if label["relation"] == "original"}
    assert {view.original for view in views} == set(originals.values())


def test_rewrites_and_weekly_reports_stay_apart(views):
    for view in views:
        stories = {LABELS[member.url]["story"] for member in view.members}
        assert len(stories) == 1 and None not in stories, view.record()
