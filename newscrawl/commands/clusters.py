"""`newscrawl clusters --store URL -o clusters.jsonl`: the authoritative clusters file from a store."""

from __future__ import annotations

import sys

from newscrawl.fingerprint import Linker, write_clusters
from newscrawl.store import StoreError, open_store

__all__ = ["HELP", "add_arguments", "run"]

HELP = "write the authoritative clusters file from a store"


def add_arguments(parser) -> None:
    parser.add_argument("--store", required=True, metavar="URL", help="the store a crawl or `dedup` linked into")
    parser.add_argument("-o", "--output", required=True, metavar="clusters.jsonl",
                        help="one JSON line per cluster: cluster_id, original, members ('-' for stdout)")


def run(args) -> int:
    try:
        with open_store(args.store, create=False) as store:
            views = Linker(store).clusters()
    except StoreError as error:
        print(f"newscrawl clusters: {error}", file=sys.stderr)
        return 2
    if args.output == "-":
        write_clusters(views, sys.stdout)
    else:
        write_clusters(views, args.output)
    members = sum(len(view.members) for view in views)
    print(f"newscrawl clusters: {len(views)} clusters, {members} documents", file=sys.stderr)
    return 0
