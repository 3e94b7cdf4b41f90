"""Licensed partners www.kvtn7.com and www.rivertonledger.com: one shared local-news CMS template."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import format_datetime

from ..content import CST, STAFF, WIRE, Story
from ..content.local import STAFF_EDIT_PHASE2, STAFF_HOST
from ..plan import PartnerCopy, partner_copies
from ..web import (RSS, TEXT, XML, PageTruth, SiteBuild, attr, esc, http_date, link_list,
                   paragraphs_html, rng, site_of, urlset)
from .wire import article_url as wire_url

AP_COPYRIGHT = ("Copyright 2026 The Associated Press. All rights reserved. This material may not be "
                "published, broadcast, rewritten or redistributed.")
# Phase 2 ships a CMS update that renames the headline class (title coverage drops on `.headline`).
HEADLINE_CLASS = {1: "headline", 2: "article-title"}
SHARE = ["Share on Facebook", "Share via Email"]


@dataclass(frozen=True)
class Brand:
    host: str
    name: str
    tagline: str
    colour: str
    sections: tuple[str, ...]
    trending: tuple[str, ...]  # evergreen "Trending Now" entries


BRANDS = {
    "www.kvtn7.com": Brand("www.kvtn7.com", "KVTN 7", "Riverton’s News Leader", "#c8102e",
                           ("local", "state", "national", "business", "sports", "weather"),
                           ("Riverton man wins $50,000 lottery prize at Mercer Avenue gas station",
                            "WATCH: Deer wanders into Riverton grocery store, leaves with nothing",
                            "First Alert Weather: Frost advisory tonight for the Tessel Valley")),
    "www.rivertonledger.com": Brand("www.rivertonledger.com", "The Riverton Ledger",
                                    "Serving the Tessel Valley since 1871", "#1b3a5c",
                                    ("local", "state", "education", "business", "world", "national"),
                                    ("Police log: Stolen canoe returned with an apology note",
                                     "Letters: The Ninth Street bike lane debate, continued",
                                     "Obituaries for the week of Nov. 16")),
}


@dataclass
class Item:
    """One partner article before rendering."""

    brand: Brand
    story: Story
    section: str
    paragraphs: tuple[str, ...]
    published: datetime
    modified: datetime
    byline: str
    truth_authors: tuple[str, ...]
    kind: str
    copy: PartnerCopy | None = None

    @property
    def url(self) -> str:
        return f"https://{self.brand.host}/news/{self.section}/{self.story.slug}/"


def newsletter(b: Brand) -> list[str]:
    return ["Get the Morning Brief",
            f"Sign up for the {b.name} newsletter and get local headlines in your inbox every morning.",
            "Subscribe"]


def footer(b: Brand) -> str:
    return f"© 2026 {b.name}. All rights reserved."


def items(host: str, phase: int) -> list[Item]:
    brand, out = BRANDS[host], []
    for c in partner_copies(phase):
        if c.host != host:
            continue
        s = WIRE[c.key]
        # The partner's CMS picks the story up off the wire shortly after AP publishes it.
        when = (s.published + timedelta(minutes=rng("pickup", host, s.key).randint(15, 90))).astimezone(CST)
        names = " and ".join(a.upper() for a in s.authors)
        byline = "By The Associated Press" if c.byline == "AP" else f"By {names} Associated Press"
        paras = s.paragraphs[:c.keep] if c.keep else s.paragraphs
        out.append(Item(brand, s, c.section, paras, when, when, byline,
                        () if c.byline == "AP" else s.authors, "excerpt" if c.keep else "exact_copy", c))
    for s in STAFF.values():
        if STAFF_HOST[s.key] != host or s.phase > phase:
            continue
        paras, modified = s.paragraphs, s.modified
        if phase >= 2 and s.key in STAFF_EDIT_PHASE2:
            old, new, when = STAFF_EDIT_PHASE2[s.key]
            paras = tuple(p.replace(old, new) for p in paras)
            modified = datetime.strptime(when, "%Y-%m-%d %H:%M").replace(tzinfo=CST)
        out.append(Item(brand, s, s.topic, paras, s.published, modified, "By " + " and ".join(s.authors),
                        s.authors, "rewrite" if s.rewrite_of else "unique"))
    return sorted(out, key=lambda i: i.published, reverse=True)


def shown(when: datetime) -> str:
    return when.strftime("%B %-d, %Y at %-I:%M %p CST")


def page(b: Brand, title: str, main: str, aside: str = "") -> str:
    nav = link_list([(s.title(), f"https://{b.host}/news/{s}/") for s in b.sections], "main-nav-menu")
    links = link_list([("About Us", f"https://{b.host}/about/"), ("Contact Us", f"https://{b.host}/contact/")],
                      "footer-menu")
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>{esc(title)}</title>
<style>:root {{ --brand: {b.colour}; }} .site-header {{ background: var(--brand); }}</style>
</head>
<body class="cms-page">
<header class="site-header"><a class="site-logo" href="https://{b.host}/">{esc(b.name)}</a>
<p class="site-tagline">{esc(b.tagline)}</p><nav class="main-nav">{nav}</nav></header>
<div class="ad-slot">Advertisement</div>
<main class="site-main">
{main}
{aside}
</main>
<footer class="site-footer"><p>{esc(footer(b))}</p>{links}</footer>
</body>
</html>
"""


def article(it: Item, all_items: list[Item], phase: int) -> tuple[str, list[str]]:
    b, r = it.brand, rng("trending", it.url)
    others = [o for o in all_items if o.url != it.url]
    picks = r.sample(others, min(3, len(others)))
    trending = [(o.story.title, o.url) for o in picks] + [(t, f"https://{b.host}/news/local/") for t in b.trending[:2]]
    nl = newsletter(b)
    box = (f'<div class="newsletter-signup"><h3>{esc(nl[0])}</h3><p>{esc(nl[1])}</p>'
           f'<form action="/subscribe/"><input type="email" placeholder="Email address"><button>{esc(nl[2])}</button></form></div>')
    body = [paragraphs_html([p]) for p in it.paragraphs]
    body.insert(2 if len(body) >= 4 else len(body), box)  # the CMS drops its sign-up box mid-story
    wire = it.copy is not None
    if wire:
        body.append(f'<p class="copyright">{esc(AP_COPYRIGHT)}</p>')
    h1 = HEADLINE_CLASS[min(phase, 2)]
    main = f"""<article class="story">
<p class="story-kicker"><a href="https://{b.host}/news/{it.section}/">{esc(it.section.title())}</a></p>
<h1 class="{h1}">{esc(it.story.title)}</h1>
<div class="byline"><span class="byline-name">{esc(it.byline)}</span>
<time class="published" datetime="{it.published.isoformat()}">Published {shown(it.published)}</time></div>
<div class="share-tools">{"".join(f'<a href="#">{esc(x)}</a>' for x in SHARE)}</div>
<div class="article-body">
{chr(10).join(body)}
</div>
</article>"""
    aside = f'<aside class="trending"><h2>Trending Now</h2>{link_list(trending, "trending-list")}</aside>'
    head_meta = (f'<link rel="canonical" href="{it.url}">\n<meta property="og:title" content="{attr(it.story.title)}">\n'
                 f'<meta property="og:site_name" content="{attr(b.name)}">\n'
                 f'<meta property="article:published_time" content="{it.published.isoformat()}">\n'
                 f'<meta property="article:modified_time" content="{it.modified.isoformat()}">')
    html = page(b, f"{it.story.title} | {b.name}", main, aside).replace("<style>", head_meta + "\n<style>", 1)
    lines = [t for t, _ in trending] + ["Trending Now", "Advertisement", b.tagline, footer(b)] + nl + SHARE
    return html, lines + ([AP_COPYRIGHT] if wire else [])


def truth(it: Item, lines: list[str], phase: int) -> PageTruth:
    s, c = it.story, it.copy
    first = c.phase if c else s.phase
    return PageTruth(
        url=it.url, site=site_of(it.brand.host), story_id=s.key, kind=it.kind,
        original_url=wire_url(s) if c else None, title=s.title, paragraphs=it.paragraphs,
        wire="AP" if c else None, dateline=s.dateline, authors=it.truth_authors,
        published=it.published.isoformat(), modified=it.modified.isoformat(),
        template_lines=tuple(lines), phase=first, section=it.section, series=s.series,
        rewrite_of=wire_url(WIRE[s.rewrite_of]) if s.rewrite_of else None)


def listing(b: Brand, title: str, its: list[Item]) -> str:
    rows = "\n".join(f'<div class="story-card"><h3 class="story-card-title"><a href="{i.url}">{esc(i.story.title)}</a></h3>'
                     f'<p class="story-card-dek">{esc(i.paragraphs[0][:120])}…</p></div>' for i in its)
    return page(b, f"{title} | {b.name}", f'<h1 class="section-title">{esc(title)}</h1>\n<div class="story-list">\n{rows}\n</div>')


def feed(b: Brand, its: list[Item]) -> str:
    rows = "\n".join(
        f"<item><title>{esc(i.story.title)}</title><link>{i.url}</link><guid isPermaLink=\"true\">{i.url}</guid>"
        f"<pubDate>{format_datetime(i.published)}</pubDate><dc:creator>{esc(i.byline[3:])}</dc:creator>"
        f"<category>{i.section.title()}</category><description>{esc(i.paragraphs[0])}</description></item>"
        for i in its)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
            f"<channel><title>{esc(b.name)}</title><link>https://{b.host}/</link><description>{esc(b.tagline)}</description>"
            f"<language>en-us</language><lastBuildDate>{format_datetime(max(i.modified for i in its))}</lastBuildDate>\n{rows}\n</channel>\n</rss>\n")


def build_one(host: str, phase: int) -> SiteBuild:
    b, site = BRANDS[host], SiteBuild(host)
    its = items(host, phase)
    for it in its:
        html, lines = article(it, its, phase)
        site.add_html(it.url.split(host, 1)[1], html, **{"Last-Modified": http_date(it.modified)})
        site.pages.append(truth(it, lines, phase))
    site.add_html("/", listing(b, b.name, its))
    for sec in b.sections:
        site.add_html(f"/news/{sec}/", listing(b, sec.title(), [i for i in its if i.section == sec]))
    for path, text in (("/about/", f"{b.name} has served Riverton and the Tessel Valley for decades."),
                       ("/contact/", "Send news tips to the newsroom by email or call the news desk.")):
        site.add_html(path, page(b, f"{path.strip('/').title()} | {b.name}", f"<h1>{path.strip('/').title()}</h1><p>{esc(text)}</p>"))
    site.non_article += [f"https://{host}{p}" for p in ["/", *[f"/news/{s}/" for s in b.sections], "/about/", "/contact/"]]
    site.add("/feed/", feed(b, its), RSS)
    site.add("/sitemap.xml", urlset([(i.url, i.modified.isoformat()) for i in its]), XML)
    site.add("/robots.txt", "User-agent: *\nDisallow: /wp-admin/\nDisallow: /subscribe/\n\n"
             f"Sitemap: https://{host}/sitemap.xml\n", TEXT)
    return site


def build(phase: int = 1) -> list[SiteBuild]:
    return [build_one(host, phase) for host in BRANDS]
