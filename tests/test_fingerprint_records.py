"""Record evidence for the store: timestamps read fast for plain ISO dates, and exactly as parse_moment reads them."""

from __future__ import annotations

import random
from datetime import datetime, timezone

from newscrawl.extraction.dates import parse_moment
from newscrawl.fingerprint.records import site_of_record, timestamp


def test_timestamps_are_parse_moments_whatever_the_string():
    rng = random.Random(5)
    values = ["2026-11-29", "2026-11-29T10:00:00", "2026-11-29T10:00:00Z", "2026-11-29T10:00:00+05:30",
              "2026-02-30", "2026-11-29T24:00:00", "Published: 2026-11-29", "Nov 29, 2026", "", "soon", None, 7]
    for _ in range(3000):  # days and times that exist and that don't, with and without offsets
        day = f"{rng.randint(1980, 2030):04d}-{rng.randint(0, 13):02d}-{rng.randint(0, 32):02d}"
        time = f"T{rng.randint(0, 25):02d}:{rng.randint(0, 61):02d}:{rng.randint(0, 61):02d}"
        values.append(day + rng.choice(["", time, time + "Z", time + "+02:00", time + "-11:30", time + ".5"]))
    for value in values:
        moment = parse_moment(value)
        assert timestamp(value) == (moment.timestamp() if moment else None), value
    assert timestamp("2026-11-29T10:00:00") == timestamp("2026-11-29T10:00:00Z") == datetime(2026, 11, 29, 10, tzinfo=timezone.utc).timestamp()


def test_the_site_is_the_records_or_its_hosts():
    assert site_of_record({"site": " WWW.Example.org ", "url": "https://other.test/"}) == "example.org"
    assert site_of_record({"url": "https://www.News.Example:8080/a"}) == "news.example"
    assert site_of_record({"url": 5}) is None


def test_a_records_host_is_urlsplits_whatever_the_url():
    rng = random.Random(9)
    pieces = ["http", "https", "HTTP", "ftp", "://", ":", "/", "//", "www.", "Example", "ORG", ".", "-", "a1", "@",
              "user", ":8080", "?q=1", "#top", "[::1]", " ", "\t", "é", "_"]
    from urllib.parse import urlsplit
    for _ in range(5000):
        url = "".join(rng.choices(pieces, k=rng.randint(1, 9)))
        try:
            host = urlsplit(url).hostname or ""
        except ValueError:  # urlsplit refuses it: so does site_of_record, as before
            continue
        host = host.strip().lower()
        host = host[4:] if host.startswith("www.") else host
        assert site_of_record({"url": url}) == (host or None), url
