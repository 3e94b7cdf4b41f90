"""Small fictional pages built in code, for tests that need a page but not a fixture site."""

from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PARAGRAPHS = [
    "MARROWFIELD, Ostland (AP) — The river authority in Marrowfield opened its new flood gates on "
    "Thursday, three years after a spring surge swept through the lower town and closed the grain market.",
    "The gates, built from salvaged steel and a new concrete sill, can hold back a rise of four metres, "
    "said chief engineer Tilda Brannoch, who oversaw the work through two hard winters.",
    "Residents lined the embankment to watch the first test, cheering as the twin doors swung shut and "
    "the brown water stopped short of the market steps.",
]


def article_html(paragraphs=PARAGRAPHS, title="Marrowfield opens its new flood gates", extra_head="",
                 charset: str | None = "utf-8") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang=\"en\"><head>{meta}<title>{title} | The Ostland Courier</title>"
        f'<meta property="og:site_name" content="The Ostland Courier">'
        f'<meta property="article:published_time" content="2026-11-19T08:30:00-05:00">{extra_head}</head>'
        f"<body><nav><a href='/'>Home</a> <a href='/news/'>News</a></nav>"
        f"<article><h1>{title}</h1><p class='byline'>By Hanne Vosk</p>{body}</article>"
        f"<footer>© 2026 The Ostland Courier. All rights reserved.</footer></body></html>"
    )


def warc_bytes(records: list[tuple[str, str, bytes]]) -> bytes:
    """A gzipped WARC of (record type, url, payload) tuples; responses get HTTP headers."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for rec_type, url, payload in records:
        if rec_type == "response":
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers)
        elif rec_type == "request":
            headers = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "example")], is_http_request=True)
            record = writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=headers)
        else:
            record = writer.create_warc_record(url, rec_type, payload=io.BytesIO(payload),
                                               warc_content_type="application/warc-fields")
        writer.write_record(record)
    return buffer.getvalue()


# Four stories of one site whose template trafilatura keeps (a tagline and a footer note in the article).
GAZETTE_STORIES = [
    ["The tram depot in Welkenhall reopened on Monday after a winter of repairs to its copper roof, "
     "and the first cars rolled out at dawn.", "Drivers said the new heating made the early shift bearable."],
    ["Beekeepers on the Orrin hills counted fewer hives this spring, blaming a wet autumn and a late frost "
     "that caught the colonies short of stores.", "The county will pay for sugar feed until June."],
    ["A ferry captain who ran the Saltmere crossing for thirty years stepped ashore for the last time, "
     "greeted by a brass band on the pier.", "Her successor trained on the same boat for two summers."],
    ["The library in Dunmoor will lend tools as well as books, from ladders to seed drills, "
     "after a vote of the parish council.", "Volunteers built the racks from old shelving."],
]
GAZETTE_TEMPLATE = ["The Welkenhall Gazette: news from the valley since 1911",
                    "Read the Gazette on paper every Thursday at your newsagent."]


def gazette_page(story: list[str]) -> bytes:
    """A page of the Welkenhall Gazette telling `story`."""
    body = "".join(f"<p>{p}</p>" for p in story)
    return (f"<html><head><meta charset='utf-8'><title>{story[0][:30]}</title></head><body><article>"
            f"<p>{GAZETTE_TEMPLATE[0]}</p><h1>{story[0][:30]}</h1>{body}<p>{GAZETTE_TEMPLATE[1]}</p>"
            "</article></body></html>").encode()
