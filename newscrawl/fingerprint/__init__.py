"""Near-duplicate linking: text fingerprints, a candidate index, verification, provenance."""

from newscrawl.fingerprint.clusters import (
    UNIQUE, ClusterView, LinkResult, Member, cluster_id_for, cluster_views, results_by_url, write_clusters,
)
from newscrawl.fingerprint.linker import Linker
from newscrawl.fingerprint.shingles import Fingerprint, fingerprint

__all__ = [
    "UNIQUE", "ClusterView", "Fingerprint", "LinkResult", "Linker", "Member", "cluster_id_for",
    "cluster_views", "fingerprint", "results_by_url", "write_clusters",
]
