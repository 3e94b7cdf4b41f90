"""`newscrawl dedup` and `newscrawl clusters`: two passes, bad lines, persisted stores, order, jobs."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from newscrawl.cli import main
from newscrawl.commands import corpus
from newscrawl.commands import dedup as dedup_command
from newscrawl.fingerprint import clusters as clusters_module
from newscrawl.record import cluster_errors, record_errors

DATA = Path(__file__).parent / "data" / "linking"
LINES = (DATA / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
LABELS = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
FIELDS = ("cluster_id", "duplicate_of", "relation", "similarity")


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def dedup(tmp_path, lines, *extra, name="in.jsonl"):
    source = tmp_path / name
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / f"out-{name}"
    code = main(["dedup", str(source), "-o", str(out), *extra])
    return code, out


def test_every_record_comes_back_with_its_final_cluster_fields(tmp_path, capsys):
    code, out = dedup(tmp_path, LINES)
    assert code == 0
    records = read(out)
    assert [r["url"] for r in records] == [json.loads(line)["url"] for line in LINES]
    for record in records:
        assert record["relation"] == LABELS[record["url"]]["relation"]
        assert record_errors(record) == [], record  # absent values omitted: no "duplicate_of": null
        linked = record["relation"] not in ("original", "unique")
        assert ("duplicate_of" in record) == linked and ("cluster_id" in record) == (record["relation"] != "unique")
    err = capsys.readouterr().err
    assert "newscrawl dedup: 61 records, 31 linked to an original, 14 clusters, 0 skipped" in err
    assert "linking" not in err  # no progress bar when stderr is not a terminal


def test_bad_lines_are_reported_with_line_numbers_counted_and_skipped(tmp_path, capsys):
    bad = ['{"url": "https://a.example/1", "text": ', "[1, 2]", '{"text": "no url here"}',
           '{"url": "https://a.example/2"}', '{"url": "https://a.example/3", "text": "   "}', ""]
    code, out = dedup(tmp_path, [*LINES[:3], *bad])
    assert code == 0
    err = capsys.readouterr().err
    assert ":4: skipped: bad_json" in err and ":5: skipped: not_object" in err
    assert ":6: skipped: missing_url" in err and ":7: skipped: missing_text" in err
    assert "3 records" in err and "5 skipped (bad_json: 1, empty_text: 1, missing_text: 1, missing_url: 1, " \
        "not_object: 1)" in err
    records = read(out)
    assert [r["url"] for r in records] == [json.loads(line)["url"] for line in LINES[:3]] + ["https://a.example/3"]
    assert "relation" not in records[-1]  # an empty text is written back untouched


def test_any_input_order_gives_the_same_records(tmp_path):
    _, first = dedup(tmp_path, LINES)
    expected = {r["url"]: [r.get(f) for f in FIELDS] for r in read(first)}
    for seed in (7, 8):
        shuffled = list(LINES)
        random.Random(seed).shuffle(shuffled)
        _, out = dedup(tmp_path, shuffled, name=f"shuffled-{seed}.jsonl")
        assert {r["url"]: [r.get(f) for f in FIELDS] for r in read(out)} == expected


def test_a_persisted_store_links_a_second_run_to_the_first_and_feeds_the_clusters_command(tmp_path):
    store = f"sqlite:///{tmp_path}/state/index.sqlite"
    first = [line for line in LINES if LABELS[json.loads(line)["url"]]["relation"] == "original"]
    second = [line for line in LINES if line not in first]
    dedup(tmp_path, first, "--store", store, name="first.jsonl")
    code, out = dedup(tmp_path, second, "--store", store, "--clusters", str(tmp_path / "c2.jsonl"),
                      name="second.jsonl")
    assert code == 0
    originals = {json.loads(line)["url"] for line in first}
    copies = [r for r in read(out) if LABELS[r["url"]]["relation"] in ("duplicate", "excerpt")]
    assert copies and all(r["duplicate_of"] in originals for r in copies)

    assert main(["clusters", "--store", store, "-o", str(tmp_path / "clusters.jsonl")]) == 0
    clusters = read(tmp_path / "clusters.jsonl")
    assert clusters == read(tmp_path / "c2.jsonl")
    assert all(cluster_errors(c) == [] for c in clusters)
    assert all(record_errors(r) == [] for r in read(out))
    assert {c["original"] for c in clusters} == originals


def test_unusable_arguments_get_a_clear_message(tmp_path, capsys):
    assert main(["dedup", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "o.jsonl")]) == 2
    source = tmp_path / "in.jsonl"
    source.write_text(LINES[0] + "\n", encoding="utf-8")
    assert main(["dedup", str(source), "-o", str(source)]) == 2
    assert main(["dedup", str(source), "-o", str(tmp_path / "o.jsonl"), "--store", "bogus://"]) == 2
    assert main(["dedup", str(source), "-o", str(tmp_path)]) == 1  # a folder, not a file
    assert main(["clusters", "--store", f"sqlite:///{tmp_path}/none.sqlite", "-o", str(tmp_path / "c")]) == 2
    err = capsys.readouterr().err
    assert "no such file" in err and "must not overwrite the input" in err and "unsupported store URL" in err
    assert "cannot write" in err
    assert not (tmp_path / "none.sqlite").exists()


def test_any_number_of_jobs_writes_the_same_bytes(tmp_path, monkeypatch, capsys):
    # Small chunks and batches, so records cross workers, chunks and linking batches.
    monkeypatch.setattr(corpus, "CHUNK", 5)
    monkeypatch.setattr(dedup_command, "BATCH", 12)
    monkeypatch.setattr(dedup_command, "EARLY", 4)  # linked before a batch fills, when workers lag
    monkeypatch.setattr(clusters_module, "VIEW_ROWS", 3)  # cluster views in several tasks
    bad = ['{"url": "https://a.example/1", "text": ', '{"url": "https://a.example/3", "text": ""}']
    lines = [*LINES[:20], *bad, *LINES[20:]]
    outputs = []
    for jobs in ("1", "2", "3"):
        clusters = tmp_path / f"clusters-{jobs}.jsonl"
        code, out = dedup(tmp_path, lines, "--jobs", jobs, "--clusters", str(clusters), name=f"jobs{jobs}.jsonl")
        assert code == 0
        outputs.append((out.read_bytes(), clusters.read_bytes(), capsys.readouterr().err.replace(f"jobs{jobs}", "")))
    assert outputs[0] == outputs[1] == outputs[2]
    assert b'"relation": "duplicate"' in outputs[0][0]
    assert ":21: skipped: bad_json" in outputs[0][2] and "2 skipped (bad_json: 1, empty_text: 1)" in outputs[0][2]


def test_jobs_must_be_positive(tmp_path, capsys):
    with pytest.raises(SystemExit):
        dedup(tmp_path, LINES[:2], "--jobs", "0")
    assert "must be 1 or more" in capsys.readouterr().err


def test_a_stale_link_from_an_earlier_run_is_removed_not_kept(tmp_path):
    """A record that was a copy in a crawl-time link, but is an original or unique now."""
    record = json.loads(LINES[0])
    record.update(cluster_id="c-old", duplicate_of="https://elsewhere.example/x", relation="duplicate",
                  similarity=0.9)
    code, out = dedup(tmp_path, [json.dumps(record)])
    assert code == 0
    (written,) = read(out)
    assert written["relation"] == "unique"
    assert not {"cluster_id", "duplicate_of", "similarity"} & set(written)
    assert record_errors(written) == []


def test_a_lone_surrogate_in_a_text_is_written_back_escaped_not_a_crash(tmp_path, capsys):
    # JSON may escape half a surrogate pair; UTF-8 cannot hold one, so that record keeps the escape.
    text = "Half a pair \\ud800 in a text long enough to fingerprint, with many words in it. And another sentence."
    lines = [f'{{"url": "https://a.example/1", "text": "{text}"}}', LINES[0]]
    code, out = dedup(tmp_path, lines)
    assert code == 0
    written = out.read_bytes().decode("utf-8").splitlines()
    assert "\\ud800" in written[0] and json.loads(written[0])["text"] == json.loads(lines[0])["text"]
    assert json.loads(written[1])["url"] == json.loads(LINES[0])["url"]
    assert main(["dedup", str(tmp_path / "in.jsonl"), "-o", "-"]) == 0  # to stdout too
    assert capsys.readouterr().out.count("\n") == 2
