"""www.brokenpress.com: robots rules, errors, redirects, a slow page, binary junk, XML and gzip bombs."""
from __future__ import annotations

import functools
import struct
import zlib

from ..content import HOSTILE, Story
from ..content.local import PRIVATE
from ..web import (HTML, TEXT, XML, PageTruth, Response, SiteBuild, esc, http_date, link_list,
                   paragraphs_html, rng, site_of, sitemap_index, urlset)

HOST = "www.brokenpress.com"
BASE = f"https://{HOST}"
NAME = "The Broken Press"
FOOTER = "© 2026 The Broken Press. Independent since last Tuesday."
SLOW_SECONDS = 6.0
BOMB_MB = 200

ENDPOINTS = {
    "private": f"{BASE}/private/draft-budget-memo.html",  # linked + in sitemap, robots-disallowed
    "not_found": f"{BASE}/news/missing-story.html",
    "server_error": f"{BASE}/news/server-error.html",
    "redirect_start": f"{BASE}/r/1",  # -> /r/2 -> /r/3 -> the cider story
    "loop": f"{BASE}/loop/a",  # <-> /loop/b
    "slow": f"{BASE}/slow",
    "binary": f"{BASE}/binary",
    "gzbomb_page": f"{BASE}/gzbomb.html",
    "sitemap": f"{BASE}/sitemap.xml",
    "sitemap_good": f"{BASE}/sitemap-good.xml",
    "sitemap_malformed": f"{BASE}/sitemap-malformed.xml",
    "sitemap_bomb": f"{BASE}/sitemap-bomb.xml",
    "sitemap_gzbomb": f"{BASE}/sitemap-gzbomb.xml.gz",
}


def article_url(s: Story) -> str:
    return f"{BASE}/news/{s.published:%Y/%m/%d}/{s.key}.html"


@functools.lru_cache(maxsize=None)
def gzip_bomb(prefix: bytes, suffix: bytes, megabytes: int = BOMB_MB) -> bytes:
    """A gzip member that inflates to `megabytes` MB of spaces between prefix and suffix.

    After a full flush deflate starts afresh, so every 1 MB chunk compresses to the same
    bytes: compress one, repeat it. Builds in well under a second.
    """
    chunk = b" " * (1 << 20)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = c.compress(prefix) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    tail = c.compress(suffix) + c.flush(zlib.Z_FINISH)
    crc = zlib.crc32(prefix)
    for _ in range(megabytes):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(suffix, crc)
    size = (len(prefix) + megabytes * len(chunk) + len(suffix)) & 0xFFFFFFFF
    return b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + head + block * megabytes + tail + struct.pack("<II", crc, size)


def billion_laughs() -> str:
    ents = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return ('<?xml version="1.0"?>\n<!DOCTYPE urlset [\n' + "\n".join(ents) + "\n]>\n"
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&lol9;</loc></url></urlset>\n')


def page(title: str, inner: str, head: str = "") -> str:
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{esc(title)}</title>{head}</head>\n'
            f'<body><div id="masthead"><a href="{BASE}/">{NAME}</a></div>\n{inner}\n'
            f'<div id="footer">{esc(FOOTER)}</div></body></html>\n')


def article(s: Story) -> str:
    head = f'<meta property="article:published_time" content="{s.published.isoformat()}">'
    inner = (f'<article><h1 id="headline">{esc(s.title)}</h1><p class="byline">By {esc(" and ".join(s.authors))}</p>'
             f'<time datetime="{s.published.isoformat()}">{s.published:%B %-d, %Y}</time>\n'
             f'<div id="story">\n{paragraphs_html(s.paragraphs)}\n</div></article>')
    return page(f"{s.title} — {NAME}", inner, head)


def redirect(to: str, status: int = 301) -> Response:
    return Response(status=status, body=b"", content_type=HTML, headers={"Location": to})


def build(phase: int = 1) -> SiteBuild:
    site = SiteBuild(HOST)
    keeper, cider = HOSTILE["gull-point-keeper"], HOSTILE["wexley-cider-press"]
    for s in (keeper, cider):
        site.add_html(article_url(s)[len(BASE):], article(s), **{"Last-Modified": http_date(s.modified)})
        site.pages.append(PageTruth(
            url=article_url(s), site=site_of(HOST), story_id=s.key, kind="unique", original_url=None,
            title=s.title, paragraphs=s.paragraphs, wire=None, dateline=None, authors=s.authors,
            published=s.published.isoformat(), modified=s.modified.isoformat(),
            template_lines=(FOOTER, NAME), section="news"))
    site.add_html(ENDPOINTS["private"][len(BASE):], article(PRIVATE))
    links = [(keeper.title, article_url(keeper)), (cider.title, ENDPOINTS["redirect_start"])]
    links += [(k.replace("_", " ").title(), ENDPOINTS[k]) for k in
              ("private", "not_found", "server_error", "loop", "slow", "binary", "gzbomb_page")]
    site.add_html("/", page(NAME, f"<h1>Latest</h1>{link_list(links, 'latest')}"))
    site.non_article.append(f"{BASE}/")
    site.excluded += [ENDPOINTS[k] for k in ("private", "not_found", "server_error", "loop", "slow",
                                             "binary", "gzbomb_page")]
    site.add(ENDPOINTS["not_found"][len(BASE):], page("Not found", "<h1>Page not found</h1>"), HTML, status=404)
    site.add(ENDPOINTS["server_error"][len(BASE):], page("Error", "<h1>Internal server error</h1>"), HTML, status=500)
    site.routes["/r/1"] = redirect(f"{BASE}/r/2", 301)
    site.routes["/r/2"] = redirect(f"{BASE}/r/3", 302)
    site.routes["/r/3"] = redirect(article_url(cider), 301)
    site.routes["/loop/a"] = redirect(f"{BASE}/loop/b", 302)
    site.routes["/loop/b"] = redirect(f"{BASE}/loop/a", 302)
    site.routes["/slow"] = Response(body=page("Slow", "<p>Finally.</p>").encode(), delay=SLOW_SECONDS)
    site.routes["/binary"] = Response(body=rng("binary").randbytes(8192))
    site.routes["/gzbomb.html"] = Response(
        body=gzip_bomb(b"<!DOCTYPE html><html><body><p>", b"</p></body></html>"),
        headers={"Content-Encoding": "gzip"})
    site.add("/robots.txt", f"User-agent: *\nCrawl-delay: 1\nDisallow: /private/\n\nSitemap: {BASE}/sitemap.xml\n", TEXT)
    site.add("/sitemap.xml", sitemap_index([(ENDPOINTS[k], None) for k in
                                            ("sitemap_good", "sitemap_malformed", "sitemap_bomb", "sitemap_gzbomb")]), XML)
    site.add("/sitemap-good.xml", urlset([(article_url(keeper), keeper.modified.isoformat()),
                                          (ENDPOINTS["redirect_start"], None), (ENDPOINTS["private"], None)]), XML)
    site.add("/sitemap-malformed.xml", '<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/'
             f'sitemap/0.9"><url><loc>{BASE}/news/half-written</loc></url><url><loc', XML)
    site.add("/sitemap-bomb.xml", billion_laughs(), XML)
    site.add("/sitemap-gzbomb.xml.gz", gzip_bomb(
        b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        b"</urlset>\n"), "application/x-gzip")
    return site
