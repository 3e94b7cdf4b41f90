"""The Linker: per-record answers, batches, re-crawled URLs, short texts, the store's scheme."""

from __future__ import annotations

import numpy as np
import pytest

from newscrawl.fingerprint import UNIQUE, Linker, cluster_id_for, fingerprint
from newscrawl.fingerprint.candidates import MAX_POSTING, batch_candidates
from newscrawl.fingerprint.signature import SCHEME, STRONG, WEAK
from newscrawl.store import KeyPairs, StoreError, open_store
from tests.top_cut import stories_with_top_cut_copies

PARAS = [
    "KESTRAL, Wendmark (AP) — The Kestral Public Library reopened its main branch Saturday after a two-year "
    "renovation that added a children's wing, a recording studio and a rooftop reading garden.",
    "Hundreds of people lined up before the doors opened at 9 a.m., and the library issued more than 600 new "
    "cards by midafternoon, head librarian Augustin Pell said.",
    "The $31 million project was paid for with a city bond approved by voters in 2023 and about $7 million in "
    "private donations. It replaced leaking roofs and restored the original 1912 skylight.",
    "The main branch will be open seven days a week, with evening hours until 9 p.m. on weekdays.",
]
TEXT = "\n\n".join(PARAS)
OTHER = ("A bakery on Cannery Row that has sold the same rye bread since 1931 will close at the end of the "
         "year, its owners said, because no one in the family wants to take it over after them.")


def record(url, text=TEXT, **fields):
    return {"url": url, "text": text, **fields}


@pytest.fixture
def linker():
    return Linker(open_store("memory://"), now=1.9e9)


def test_answers_are_the_best_knowledge_at_each_moment(linker):
    assert linker.link(record("https://www.kvtn7.com/a", wire="AP", published="2026-10-10T14:00:00-05:00")) \
        == UNIQUE
    copy = linker.link(record("https://www.rivertonledger.com/a", text="\n\n".join(PARAS[:2]), wire="AP",
                              published="2026-10-10T15:00:00-05:00"))
    assert copy.duplicate_of == "https://www.kvtn7.com/a" and copy.relation == "excerpt"
    assert copy.cluster_id == cluster_id_for("https://www.kvtn7.com/a")
    agency = linker.link(record("https://apnews.com/article/a", wire="AP", published="2026-10-10T13:00:00-04:00"))
    assert agency.relation == "original" and agency.duplicate_of is None and agency.similarity == 1.0
    [view] = linker.clusters()
    assert view.original == "https://apnews.com/article/a"
    assert view.former_ids == (cluster_id_for("https://www.kvtn7.com/a"),)


def test_texts_without_words_enough_are_unique_and_records_without_text_are_skipped(linker):
    assert linker.link(record("https://a.example/1", text="Short note.")) == UNIQUE
    assert linker.link(record("https://a.example/2", text="Short note.")) == UNIQUE
    assert linker.link(record("https://a.example/3", text="  \n ")) is None
    assert linker.link({"url": "https://a.example/4"}) is None
    assert linker.link({"text": TEXT}) is None
    assert linker.store.count_docs() == 0


def test_a_url_seen_again_is_not_stored_twice_and_a_changed_text_replaces_it(linker):
    linker.link(record("https://a.example/1"))
    linker.link(record("https://a.example/1"))
    assert linker.store.count_docs() == 1
    linker.link(record("https://b.example/1", text=OTHER * 2))
    changed = linker.link(record("https://a.example/1", text=OTHER * 2))
    assert linker.store.count_docs() == 2 and changed.relation in ("original", "duplicate")


@pytest.mark.parametrize("kind", ["memory", "sqlite"])
def test_a_text_a_page_no_longer_has_is_not_an_exact_copy_of_it(kind, tmp_path):
    store = open_store("memory://" if kind == "memory" else f"sqlite:///{tmp_path}/state.sqlite")
    linker = Linker(store, now=1.9e9)
    linker.link(record("https://a.example/1"))
    linker.link(record("https://a.example/1", text=OTHER * 2))  # the page now tells another story
    assert linker.link(record("https://b.example/1")) == UNIQUE  # the first story, on another site
    assert list(store.iter_clusters()) == [] and store.integrity_check() == []


def test_a_batch_links_like_one_record_at_a_time():
    records = [record("https://apnews.com/a", wire="AP"), record("https://b.example/a"),
               record("https://c.example/a", text="\n\n".join(PARAS[:2])), record("https://d.example/a", text=OTHER)]
    one_by_one, batched = Linker(open_store("memory://"), now=1.9e9), Linker(open_store("memory://"), now=1.9e9)
    singles = [one_by_one.link(r) for r in records]
    assert batched.link_many(records)[-1] == singles[-1] == UNIQUE
    assert [v.record() for v in batched.clusters()] == [v.record() for v in one_by_one.clusters()]


def test_a_store_built_under_another_scheme_is_refused():
    store = open_store("memory://")
    store.put_setting("fingerprint_scheme", "k9-old")
    with pytest.raises(StoreError, match="k9-old"):
        Linker(store)
    fresh = open_store("memory://")
    Linker(fresh)
    assert fresh.get_setting("fingerprint_scheme") == SCHEME


def test_a_sentence_every_page_shares_stops_growing_its_posting_list(linker):
    footer = "Sign up for the morning briefing and get the top stories in your inbox before breakfast."
    records = [record(f"https://m.example/{n}", text=f"{footer}\n\nStory number {n} is about item {n} alone, "
                      f"with details {n} and more facts {n + 1} that nobody else has, {n * 7} times.")
               for n in range(MAX_POSTING + 20)]
    linker.link_many(records, answers=False)
    assert linker.clusters() == []
    held = linker.store.lookup_keys(fingerprint(records[0]["text"]).anchors)
    assert max(len(ids) for ids in held.values()) == MAX_POSTING


def test_a_batch_sees_the_store_and_earlier_batch_docs_within_the_posting_cap():
    store_docs = list(range(100, 100 + MAX_POSTING - 1))
    held = KeyPairs([7] * len(store_docs) + [8], store_docs + [500])
    # three batch docs (ids 1, 2, 3) share key 7; doc 3 also has key 8
    keys, owners = np.array([7, 7, 7, 8]), np.array([0, 1, 2, 2])
    candidates, pairs = batch_candidates(keys, owners, np.full(4, STRONG), np.array([1, 2, 3]), held)
    assert candidates[0] == store_docs
    assert candidates[1] == [1, *store_docs]  # doc 1 took the key's last place
    assert candidates[2] == [1, *store_docs, 500]  # not doc 2: the key was full
    assert sorted(zip(pairs.keys.tolist(), pairs.doc_ids.tolist())) == [(7, 1), (8, 3)]


def test_one_shared_weak_key_is_not_enough_two_are():
    held = KeyPairs([5, 6, 6, 9], [100, 100, 200, 300])
    # batch doc 1 shares weak keys 5 and 6 with doc 100, only 6 with doc 200; strong key 9 with doc 300
    keys, owners, weights = np.array([5, 6, 9]), np.zeros(3, dtype=np.int64), np.array([WEAK, WEAK, STRONG])
    candidates, _ = batch_candidates(keys, owners, weights, np.array([1]), held)
    assert candidates[0] == [100, 300]


def test_a_copy_reworded_sentence_by_sentence_is_found_and_linked(linker):
    from tests.test_fingerprint_verify import REWORDED, STORY

    linker.link(record("https://apnews.com/article/marlow-bay-train", text="\n\n".join(STORY)))
    spun = linker.link(record("https://spinner.example/train", text="\n\n".join(REWORDED)))
    assert spun.duplicate_of == "https://apnews.com/article/marlow-bay-train"
    assert linker.stats["link_reworded"] == 1


def test_every_copy_keeping_only_the_bottom_of_a_story_is_linked_to_it(linker):
    pairs = stories_with_top_cut_copies(200, seed=29)
    records = [record(f"https://{side}.example/{n}", text=text)
               for n, pair in enumerate(pairs) for side, text in zip(("wire", "partner"), pair)]
    linker.link_many(records, answers=False)
    cluster = {m.url: view.cluster_id for view in linker.clusters() for m in view.members}
    missed = [n for n in range(len(pairs))
              if cluster.get(f"https://partner.example/{n}", "none") != cluster.get(f"https://wire.example/{n}")]
    assert missed == [] and len(set(cluster.values())) == len(pairs)


def test_pages_of_one_network_link_to_their_own_stories_only(linker):
    # Each story's agency page and the network's page of it (tests/mirror_network.py), and a
    # page spun sentence by sentence: the network's ticker (one figure alike on every page)
    # and newsletter lines must not join the three stories.
    from tests.mirror_network import FERRY, MUSEUM, mirror_page
    from tests.test_fingerprint_verify import REWORDED, STORY

    stories = {"train": STORY, "ferry": FERRY, "museum": MUSEUM}
    records = [record(f"https://apnews.com/article/{name}", text="\n\n".join(paras)) for name, paras in stories.items()]
    records += [record(f"https://capemirror.example/{name}.html", text=mirror_page(paras, "1.2", f"0.{n}"))
                for n, (name, paras) in enumerate(stories.items())]
    records.append(record("https://capemirror.example/train-spun.html", text=mirror_page(REWORDED, "2.5", "0.7")))
    linker.link_many(records, answers=False)
    groups = sorted(sorted(m.url.rsplit("/", 1)[1] for m in view.members) for view in linker.clusters())
    assert groups == [["ferry", "ferry.html"], ["museum", "museum.html"], ["train", "train-spun.html", "train.html"]]
