"""The labelled corpus (tests/data/linking): precision, recall, originals, order and process independence."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newscrawl.fingerprint import Linker, results_by_url
from newscrawl.store import open_store

DATA = Path(__file__).parent / "data" / "linking"
CORPUS = [json.loads(line) for line in (DATA / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
LABELS = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
ORIGINALS = {label["story"]: url for url, label in LABELS.items() if label["relation"] == "original"}
NOW = 1.9e9  # later than every date in the corpus


def link(records, url="memory://"):
    with open_store(url) as store:
        linker = Linker(store, now=NOW)
        linker.link_many(records, answers=False)
        return linker.clusters()


@pytest.fixture(scope="module")
def views():
    return link(CORPUS)


def test_the_corpus_covers_every_case():
    relations = {label["relation"] for label in LABELS.values()}
    assert len(CORPUS) >= 60 and relations == {"original", "duplicate", "excerpt", "version", "unique"}


def test_recall_on_copies_and_the_right_original_everywhere(views):
    found = dict(results_by_url(views))
    copies = [url for url, label in LABELS.items() if label["story"] and label["relation"] != "original"]
    linked = [url for url in copies if found.get(url) and found[url].duplicate_of == ORIGINALS[LABELS[url]["story"]]]
    assert len(linked) / len(copies) >= 0.95, sorted(set(copies) - set(linked))
    assert {view.original for view in views} == set(ORIGINALS.values())


def test_no_false_links_on_rewrites_look_alikes_or_shared_sidebars(views):
    for view in views:
        stories = {LABELS[member.url]["story"] for member in view.members}
        assert len(stories) == 1 and None not in stories, view.record()


def test_relations_and_similarities_match_the_labels(views):
    found = dict(results_by_url(views))
    for url, label in LABELS.items():
        result = found.get(url)
        assert (result.relation if result else "unique") == label["relation"], url
        if result:
            assert 0 < result.similarity <= 1


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_any_input_order_gives_the_same_clusters(views, seed):
    shuffled = list(CORPUS)
    random.Random(seed).shuffle(shuffled)
    assert [v.record() for v in link(shuffled)] == [v.record() for v in views]


def test_a_second_run_links_new_copies_to_the_first_runs_originals(tmp_path, views):
    url = f"sqlite:///{tmp_path}/state.sqlite"
    first = [r for r in CORPUS if LABELS[r["url"]]["relation"] in ("original", "unique")]
    second = [r for r in CORPUS if r not in first]
    link(first, url)
    with open_store(url) as store:
        answers = Linker(store, now=NOW).link_many(second)
    for record, answer in zip(second, answers):
        label = LABELS[record["url"]]
        if label["relation"] in ("duplicate", "excerpt"):
            assert answer.duplicate_of == ORIGINALS[label["story"]], record["url"]
    assert [v.record() for v in link([], url)] == [v.record() for v in views]


def test_a_later_original_takes_over_its_cluster():
    dam = [r for r in CORPUS if LABELS[r["url"]]["story"] == "dam"]
    assert LABELS[dam[-1]["url"]]["relation"] == "original"
    with open_store("memory://") as store:
        linker = Linker(store, now=NOW)
        before = [linker.link(r) for r in dam[:-1]]
        assert {a.duplicate_of for a in before} - {None} == {"https://www.kvtn7.com/news/holbrook-dam-cracks-reservoir-lowered/"}
        assert linker.link(dam[-1]).relation == "original"
        [view] = linker.clusters()
    assert view.original == dam[-1]["url"] and view.former_ids == (before[-1].cluster_id,)
    assert all(m.relation != "original" for m in view.members[1:])


WORKER = textwrap.dedent("""
    import json, sys
    from newscrawl.fingerprint import Linker
    from newscrawl.store import open_store
    url, part = sys.argv[1], int(sys.argv[2])
    records = [json.loads(line) for line in open(sys.argv[3], encoding="utf-8")][part::2]
    with open_store(url) as store:
        linker = Linker(store)
        for record in records:
            linker.link(record)
""")


def test_two_processes_linking_into_one_store_agree_with_one(tmp_path, views):
    url = f"sqlite:///{tmp_path}/shared.sqlite"
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, url, str(part), str(DATA / "corpus.jsonl")],
                              stderr=subprocess.PIPE, text=True) for part in (0, 1)]
    for proc in procs:
        assert proc.wait(timeout=120) == 0, proc.stderr.read()
    with open_store(url) as store:
        assert store.integrity_check() == []
        shared = Linker(store, now=NOW).clusters()
    strip = [{**v.record(), "former_ids": None} for v in shared]
    assert strip == [{**v.record(), "former_ids": None} for v in views]
