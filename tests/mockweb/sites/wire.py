"""apnews.com look-alike: AP URL shapes and markup patterns around the fictional wire stories."""
from __future__ import annotations

import json
from datetime import datetime

from ..content import WIRE, Story
from ..web import (TEXT, XML, PageTruth, SiteBuild, attr, esc, http_date, link_list,
                   paragraphs_html, rng, sitemap_index, urlset)

HOST = "apnews.com"
BASE = f"https://{HOST}"
HUBS = {"world-news": "World News", "us-news": "U.S. News", "business": "Business",
        "sports": "Sports", "entertainment": "Entertainment", "science": "Science",
        "health": "Health", "oddities": "Oddities"}
PHOTOGRAPHERS = ["Mette Sundqvist", "Joaquin Reyes-Hale", "Abdoulaye Kane", "Rosa Delgado-Park"]
SHARE = ["Share on Facebook", "Share on X", "Copy Link", "Print this article"]
NEWSLETTER = ["The Morning Briefing", "Get the day’s top stories delivered to your inbox every weekday morning.",
              "Sign up now"]
FOOTER = ["The Associated Press is an independent global news cooperative, founded in 1846.",
          "Copyright 2026 The Associated Press. All Rights Reserved.",
          "Terms of Use", "Privacy Policy", "Contact Us"]


def stories(phase: int) -> list[Story]:
    """Wire stories served in `phase`, newest first."""
    return sorted((s for s in WIRE.values() if s.phase <= phase), key=lambda s: s.published, reverse=True)


def article_url(s: Story) -> str:
    return f"{BASE}/article/{s.slug}-{s.hexid}"


def author_slug(name: str) -> str:
    return name.lower().replace(" ", "-")


def shown_time(when: datetime) -> str:
    return when.strftime("%-I:%M %p EST, %B %-d, %Y")


def caption(s: Story) -> str:
    place = s.dateline.split(",")[0].title() if s.dateline else "Veloria"
    who = rng("photo", s.key).choice(PHOTOGRAPHERS)
    return f"People gather in {place} on {s.published.strftime('%A, %B %-d, %Y')}. (AP Photo/{who})"


def json_ld(s: Story, url: str) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": s.title,
            "url": url, "mainEntityOfPage": url, "inLanguage": "en",
            "datePublished": s.published.isoformat(), "dateModified": s.modified.isoformat(),
            "articleSection": HUBS[s.topic],
            "author": [{"@type": "Person", "name": a} for a in s.authors],
            "publisher": {"@type": "Organization", "name": "AP News"}}
    return json.dumps(data, ensure_ascii=False, indent=1)


def page(title: str, head: str, main: str, aside: str = "") -> str:
    nav = link_list([(name, f"{BASE}/hub/{slug}") for slug, name in HUBS.items()],
                    "Page-header-navigation-items")
    foot = "".join(f"<p>{esc(line)}</p>" for line in FOOTER[:2])
    links = link_list([(t, f"{BASE}/{t.lower().replace(' ', '-')}") for t in FOOTER[2:]], "Page-footer-links")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(title)}</title>
{head}
</head>
<body class="Page-body">
<header class="Page-header"><a class="Page-header-logo" href="{BASE}/">AP News</a>
<nav class="Page-header-navigation">{nav}</nav></header>
<main class="Page-main">
{main}
</main>
{aside}
<footer class="Page-footer">{foot}{links}</footer>
</body>
</html>
"""


def article(s: Story, others: list[Story]) -> tuple[str, list[str]]:
    """The article page and the boilerplate lines it shows."""
    url, r = article_url(s), rng("ap", s.key)
    pool = [o for o in others if o.key not in (s.key, s.version_of) and o.version_of != s.key]
    most_read = r.sample(pool, 5)
    promo = r.choice([o for o in pool if o not in most_read]) if len(s.paragraphs) >= 7 else None
    byline = " and ".join(f'<a class="Link" href="{BASE}/author/{author_slug(a)}">{esc(a.upper())}</a>'
                          for a in s.authors)
    body = list(s.paragraphs)
    html_paras = [paragraphs_html([p]) for p in body]
    if promo:  # AP drops related-story promos ("Enhancements") inside the story body
        html_paras.insert(3, f'<div class="Enhancement"><div class="PagePromo"><span class="PagePromo-title">'
                             f'<a class="Link" href="{article_url(promo)}">{esc(promo.title)}</a></span></div></div>')
    ms = int(s.published.timestamp() * 1000)
    head = f"""<link rel="canonical" href="{url}">
<meta name="description" content="{attr(s.paragraphs[0][:160])}">
<meta property="og:title" content="{attr(s.title)}">
<meta property="og:url" content="{url}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="AP News">
<meta property="article:published_time" content="{s.published.isoformat()}">
<meta property="article:modified_time" content="{s.modified.isoformat()}">
<script type="application/ld+json">{json_ld(s, url)}</script>"""
    cap = caption(s)
    main = f"""<div class="Page-breadcrumbs"><a href="{BASE}/hub/{s.topic}">{esc(HUBS[s.topic].upper())}</a></div>
<h1 class="Page-headline">{esc(s.title)}</h1>
<div class="Page-byline">
<div class="Page-authors">By {byline}</div>
<div class="Page-dateModified"><bsp-timestamp data-timestamp="{ms}" data-type="published"><span>{shown_time(s.published)}</span></bsp-timestamp></div>
</div>
<div class="Page-actions">{"".join(f'<a class="Page-actions-item" href="#">{esc(x)}</a>' for x in SHARE)}</div>
<figure class="Figure"><img src="{BASE}/images/{s.hexid}.jpg" alt=""><figcaption class="Figure-caption"><p>{esc(cap)}</p></figcaption></figure>
<div class="RichTextStoryBody RichTextBody">
{chr(10).join(html_paras)}
</div>
<div class="Page-newsletter"><h3>{esc(NEWSLETTER[0])}</h3><p>{esc(NEWSLETTER[1])}</p><a href="{BASE}/newsletters">{esc(NEWSLETTER[2])}</a></div>"""
    aside = (f'<aside class="Page-mostRead"><h2>Most read</h2>'
             f'{link_list([(o.title, article_url(o)) for o in most_read], "MostRead-items")}</aside>')
    lines = [o.title for o in most_read] + ([promo.title] if promo else []) + [cap, "Most read"]
    lines += SHARE + NEWSLETTER + FOOTER[:2]
    return page(f"{s.title} | AP News", head, main, aside), lines


def listing(title: str, items: list[Story]) -> str:
    promos = "\n".join(
        f'<div class="PagePromo"><h3 class="PagePromo-title"><a class="Link" href="{article_url(s)}">'
        f'<span class="PagePromoContentIcons-text">{esc(s.title)}</span></a></h3>'
        f'<div class="PagePromo-description">{esc(s.paragraphs[0][:140])}…</div></div>' for s in items)
    main = f'<h1 class="PageListStandardE-title">{esc(title)}</h1>\n<div class="PageList-items">\n{promos}\n</div>'
    return page(f"{title} | AP News", '<meta property="og:site_name" content="AP News">', main)


def build(phase: int = 1) -> SiteBuild:
    site, all_stories = SiteBuild(HOST), stories(phase)
    for s in all_stories:
        body, lines = article(s, all_stories)
        path = article_url(s)[len(BASE):]
        site.add_html(path, body, **{"Last-Modified": http_date(s.modified)})
        earlier = WIRE[s.version_of] if s.version_of else None
        site.pages.append(PageTruth(
            url=article_url(s), site=HOST, story_id=s.key, kind="original", original_url=None,
            title=s.title, paragraphs=s.paragraphs, wire="AP", dateline=s.dateline,
            authors=s.authors, published=s.published.isoformat(), modified=s.modified.isoformat(),
            template_lines=tuple(lines), phase=s.phase, section=s.topic, series=s.series,
            version_of=article_url(earlier) if earlier else None))
    site.add_html("/", listing("Top Stories", all_stories[:30]))
    site.non_article.append(f"{BASE}/")
    for slug, name in HUBS.items():
        site.add_html(f"/hub/{slug}", listing(name, [s for s in all_stories if s.topic == slug]))
        site.non_article.append(f"{BASE}/hub/{slug}")
    for name in sorted({a for s in all_stories for a in s.authors}):
        site.add_html(f"/author/{author_slug(name)}", listing(name, [s for s in all_stories if name in s.authors]))
        site.non_article.append(f"{BASE}/author/{author_slug(name)}")
    for slug, name in [("terms-of-use", "Terms of Use"), ("privacy-policy", "Privacy Policy"),
                       ("contact-us", "Contact Us"), ("newsletters", "Newsletters")]:
        site.add_html(f"/{slug}", page(f"{name} | AP News", "", f"<h1>{esc(name)}</h1><p>{esc(FOOTER[0])}</p>"))
        site.non_article.append(f"{BASE}/{slug}")
    newest = max(s.modified for s in all_stories).isoformat()
    site.add("/robots.txt", "User-agent: *\nDisallow: /search\nDisallow: /account/\n\n"
             f"Sitemap: {BASE}/sitemap.xml\nSitemap: {BASE}/news-sitemap-content.xml\n", TEXT)
    site.add("/sitemap.xml", sitemap_index([(f"{BASE}/sitemap/articles-2026-11.xml", newest),
                                            (f"{BASE}/sitemap/hubs.xml", newest)]), XML)
    site.add("/sitemap/articles-2026-11.xml",
             urlset([(article_url(s), s.modified.isoformat()) for s in all_stories]), XML)
    site.add("/sitemap/hubs.xml", urlset([(f"{BASE}/", None)] + [(f"{BASE}/hub/{h}", None) for h in HUBS]), XML)
    site.add("/news-sitemap-content.xml", news_sitemap(all_stories[:8]), XML)
    return site


def news_sitemap(items: list[Story]) -> str:
    rows = "\n".join(
        f"<url><loc>{article_url(s)}</loc><news:news><news:publication><news:name>AP News</news:name>"
        f"<news:language>en</news:language></news:publication>"
        f"<news:publication_date>{s.published.isoformat()}</news:publication_date>"
        f"<news:title>{esc(s.title)}</news:title></news:news></url>" for s in items)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' + rows + "\n</urlset>\n")
