"""The Makefile: `make clean` removes what runs leave behind, wherever the settings put it by default."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from newscrawl import settings
from tests.crawling import ROOT


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_clean_removes_run_output_and_the_default_store(tmp_path):
    store_folder = Path(settings.NEWSCRAWL_STORE_URL.removeprefix("sqlite:///")).parent
    left = [Path(settings.NEWSCRAWL_OUTPUT_DIR) / "urls" / "run.jsonl", store_folder / "state.sqlite",
            Path("demo-output") / "x" / "corpus.jsonl", Path("newscrawl") / "fingerprint" / "_native.cpython-311.so"]
    for path in left:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x")
    (tmp_path / "keep.txt").write_text("mine")
    subprocess.run(["make", "-s", "-f", str(ROOT / "Makefile"), "clean"], cwd=tmp_path, check=True, timeout=60)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt", "newscrawl"]
    assert list((tmp_path / "newscrawl").rglob("*.so")) == []  # the compiled scan, rebuilt by make install
