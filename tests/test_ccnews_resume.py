"""ccnews with JOBDIR: stopped mid-file with Ctrl-C, a second run redoes that file and finishes the rest."""

from __future__ import annotations

import signal
import subprocess
import time

from tests.crawling import ROOT, crawl_command, read_jsonl
from tests.mockweb.ccnews import CC_HOST, StaticHost, build_month


def ccnews_command(output, host_map, workdir):
    settings = {"JOBDIR": str(workdir / "job"),
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
