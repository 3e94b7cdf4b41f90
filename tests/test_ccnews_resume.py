"""ccnews with JOBDIR: stopped mid-file (Ctrl-C, or kill -9), a second run redoes that file and finishes the rest."""

from __future__ import annotations

import json
import signal
import subprocess
import time

from tests.crawling import ROOT, crawl_command, read_jsonl
from tests.mockweb.ccnews import CC_HOST, StaticHost, build_month


def ccnews_command(output, host_map, workdir, spool=None):
    # Few records in the pipelines at once, as with a real file (far more records than CONCURRENT_ITEMS):
    # the reader is still inside the file, and the file still on disk, when the stop comes.
    settings = {"CONCURRENT_ITEMS": "4", "JOBDIR": str(workdir / "job"),
                "NEWSCRAWL_SPOOL_DIR": str(spool or workdir / "spool"),
                "NEWSCRAWL_STORE_URL": f"sqlite:///{workdir / 'state.sqlite'}", "NEWSCRAWL_SPOOL_MAX_FILES": "1",
                "CONCURRENT_REQUESTS": "1", "LOG_FILE": str(output.with_suffix(".log"))}
    return crawl_command("ccnews", output, host_map, settings=settings,
                         args={"from": "2024-01-01", "to": "2024-01-31"})


def test_a_stopped_crawl_resumes_and_redoes_the_interrupted_file(tmp_path):
    root = tmp_path / "cc"
    plan = build_month(root, extra_hosts=40)
    expected = {url for urls in plan.files.values() for url in urls}
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    with StaticHost(root) as host:
        host_map = {CC_HOST: host.address}
        process = subprocess.Popen(ccnews_command(first, host_map, tmp_path), cwd=ROOT,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(read_jsonl(first)) < 3:
            time.sleep(0.02)
        process.send_signal(signal.SIGINT)  # Ctrl-C: Scrapy's graceful stop, which JOBDIR needs
        assert process.wait(timeout=120) == 1  # stopped before the end: the run did not finish (NEWSCRAWL_FAIL_ON)
        first_log = first.with_suffix(".log").read_text()
        assert "stays unfinished" in first_log
        assert len(read_jsonl(first)) < len(expected)
        resumed = subprocess.run(ccnews_command(second, host_map, tmp_path), cwd=ROOT, capture_output=True,
                                 text=True, timeout=300)
    second_log = second.with_suffix(".log").read_text()
    assert resumed.returncode == 0, second_log[-2000:]
    assert "interrupted in an earlier run of this JOBDIR" in second_log
    urls = [r["url"] for r in read_jsonl(first) + read_jsonl(second)]
    assert set(urls) == expected, {"missing": expected - set(urls)}
    assert len(urls) == len(set(urls)), "records exported twice"



def _ledger(jobdir) -> tuple[set[str], set[str]]:
    """(file names started, file names done) in the ccnews JOBDIR ledger."""
    path = jobdir / "ccnews-files.txt"
    lines = path.read_text().splitlines() if path.exists() else []
    events = [line.split(" ", 1) for line in lines]
    return ({url.rsplit("/", 1)[1] for event, url in events if event == "started"},
            {url.rsplit("/", 1)[1] for event, url in events if event == "done"})


def test_a_killed_crawl_resumes_without_reading_a_done_file_again_or_losing_a_record(tmp_path):
    root = tmp_path / "cc"
    plan = build_month(root, extra_hosts=40)
    expected = {url for urls in plan.files.values() for url in urls}
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    spool, jobdir = tmp_path / "spool", tmp_path / "job"

    def mid_file() -> bool:  # a file done, another one being read (still spooled), records exported
        started, done = _ledger(jobdir)
        return bool(done) and bool(started - done) and any(spool.iterdir()) and len(read_jsonl(first)) >= 3

    with StaticHost(root) as host:
        host_map = {CC_HOST: host.address}
        process = subprocess.Popen(ccnews_command(first, host_map, tmp_path, spool), cwd=ROOT,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None and not mid_file():
            time.sleep(0.02)
        process.kill()
        process.wait(timeout=60)
        started, done_before = _ledger(jobdir)
        assert done_before and started - done_before, "not killed inside a file after another one was done"
        assert list(spool.iterdir()), "the killed run left no spool file (nothing to clean up)"
        resumed = subprocess.run(ccnews_command(second, host_map, tmp_path, spool), cwd=ROOT,
                                 capture_output=True, text=True, timeout=300)
    log = second.with_suffix(".log").read_text()
    assert resumed.returncode == 0, log[-2000:]
    assert "interrupted in an earlier run of this JOBDIR" in log
    assert "stale spool files" in log and list(spool.iterdir()) == []
    for name in plan.files:  # a file done before the kill is not read again; every other one once
        assert log.count(f"ccnews: {name} done (") == (0 if name in done_before else 1), name
    stats = json.loads(second.with_name(second.stem + ".summary.json").read_text())["stats"]
    assert stats["newscrawl/ccnews/files_done_earlier"] == len(done_before)
    urls = [r["url"] for r in read_jsonl(first) + read_jsonl(second)]
    assert set(urls) == expected, {"missing": expected - set(urls)}
    # At most the record in flight at the kill: its feed line written, its seen mark not yet.
    twice = {url for url in urls if urls.count(url) > 1}
    assert len(twice) <= 1, twice
