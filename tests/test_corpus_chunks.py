"""A corpus cut into chunks of lines that workers read themselves: the lines and numbers iterating the file gives."""

from __future__ import annotations

import pytest

from newscrawl.commands import corpus
from newscrawl.commands.corpus import _read_span, _spans, in_workers, mapped_chunks


@pytest.mark.parametrize("content", [
    b"",
    b"\n",
    b'{"a": 1}\n{"b": 2}\n',
    b'{"a": 1}\n\n\r\n  \n{"c": "carriage\rreturn inside"}\r\n{"no": "newline at the end"}',
    b"".join(b'{"n": %d}\n' % n for n in range(10)),
    b"no newline at all",
])
def test_chunks_hold_the_files_lines_with_their_numbers(tmp_path, monkeypatch, content):
    monkeypatch.setattr(corpus, "CHUNK", 3)
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(content)
    with path.open("rb") as lines:
        expected = list(enumerate(lines, start=1))
    spans = list(_spans(path))
    assert [line for span in spans for line in _read_span(path, span)] == expected
    assert all(len(_read_span(path, span)) <= 3 for span in spans)


def test_workers_get_the_same_chunks_as_one_process(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus, "CHUNK", 4)
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(b"".join(b'{"n": %d}\n' % n for n in range(50)))
    alone = list(mapped_chunks(path, _numbers, jobs=1))
    assert list(mapped_chunks(path, _numbers, jobs=2)) == alone
    assert [n for chunk in alone for n in chunk] == list(range(1, 51))


def _numbers(lines):
    return [number for number, _ in lines]


@pytest.mark.parametrize("jobs", [1, 2])
def test_work_in_workers_comes_back_in_order_saying_whether_more_is_waited_for(jobs):
    results = list(in_workers(abs, range(0, -40, -1), jobs, ahead=5))
    assert [value for value, _ in results] == list(range(40))
    assert all(isinstance(waiting, bool) for _, waiting in results)
    assert results[-1][1] is False  # nothing comes after the last
    if jobs == 1:  # the next task runs when asked for: never waited for
        assert not any(waiting for _, waiting in results)
