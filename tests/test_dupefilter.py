"""RunDupeFilter: JOBDIR request memory survives a clean stop only, and never outlives a finished run."""

from __future__ import annotations

from scrapy import Request

from newscrawl.crawl.dupefilter import RUNNING, RunDupeFilter

ARTICLE = Request("https://news.example/2026/11/27/harbor-ferry.html")


def _seen_once_more(jobdir) -> bool:
    """Whether a new run with this JOBDIR takes ARTICLE for a duplicate."""
    dupefilter = RunDupeFilter(str(jobdir))
    try:
        return dupefilter.request_seen(ARTICLE)
    finally:
        dupefilter.close("finished")


def _first_run(jobdir, reason: str | None) -> None:
    dupefilter = RunDupeFilter(str(jobdir))
    assert dupefilter.request_seen(ARTICLE) is False
    assert dupefilter.request_seen(ARTICLE) is True  # within one run, once
    if reason is None:  # killed: nothing runs after this, buffers are never written
        dupefilter.file.flush()  # the worst case: a big crawl had flushed part of it
        return
    dupefilter.close(reason)


def test_a_paused_run_resumes_with_its_memory(tmp_path):
    _first_run(tmp_path, "shutdown")
    assert not (tmp_path / RUNNING).exists()
    assert _seen_once_more(tmp_path) is True


def test_a_finished_run_leaves_no_memory_for_the_next_scheduled_run(tmp_path):
    _first_run(tmp_path, "finished")
    assert _seen_once_more(tmp_path) is False


def test_after_a_kill_the_memory_and_the_stale_queue_are_dropped(tmp_path):
    _first_run(tmp_path, None)
    stale = tmp_path / "requests.queue" / "news.example-0" / "0"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"half-written pickle")
    assert (tmp_path / "requests.seen").stat().st_size > 0 and (tmp_path / RUNNING).exists()
    assert _seen_once_more(tmp_path) is False  # its queue is lost: it must be requested again
    assert not stale.exists()


def test_without_jobdir_it_is_scrapys_dupefilter(tmp_path):
    dupefilter = RunDupeFilter(None)
    assert dupefilter.request_seen(ARTICLE) is False and dupefilter.request_seen(ARTICLE) is True
    dupefilter.close("finished")
    assert list(tmp_path.iterdir()) == []
