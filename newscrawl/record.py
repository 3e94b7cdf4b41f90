"""The JSON Schemas of the JSONL record and of the clusters file, and validation against them."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator

SCHEMA_PATH = Path(__file__).with_name("schema") / "article.schema.json"
CLUSTERS_SCHEMA_PATH = SCHEMA_PATH.with_name("clusters.schema.json")


@lru_cache(maxsize=1)
def record_validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def record_errors(record: dict) -> list[str]:
    """Human-readable schema violations of one record; empty when it is valid."""
    return [
        f"{'/'.join(map(str, error.path)) or '<record>'}: {error.message}"
        for error in record_validator().iter_errors(record)
    ]


@lru_cache(maxsize=1)
def cluster_validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(CLUSTERS_SCHEMA_PATH.read_text(encoding="utf-8")))


def cluster_errors(line: dict) -> list[str]:
    """Schema violations of one line of a clusters file; empty when it is valid."""
    return [f"{'/'.join(map(str, error.path)) or '<cluster>'}: {error.message}"
            for error in cluster_validator().iter_errors(line)]
