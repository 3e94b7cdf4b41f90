"""Writes a generated linking set: its records as JSONL and its labels as JSON, beside this script."""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def write_set(records: list[dict], labels: dict[str, dict], corpus: str, labels_name: str) -> None:
    with (HERE / corpus).open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    (HERE / labels_name).write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(records)} records, {len({v['story'] for v in labels.values()} - {None})} stories")
