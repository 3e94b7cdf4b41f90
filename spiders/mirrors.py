"""mirrors: a content-farm network copying wire stories into one junk template."""

from newscrawl.crawl.spider import NewsSpider
from newscrawl.extraction import SiteHints


class MirrorSpider(NewsSpider):
    name = "mirrors"
    domains_setting = "NEWSCRAWL_MIRROR_DOMAINS"
    robots_sitemaps = False
    sitemap_urls = ("https://{domain}/sitemap.xml",)
    listing_urls = ("https://{domain}/",)
    article_patterns = (r"/news/[a-z0-9-]+/\d+\.html$",)
    articles_by_url = True  # every page matching article_patterns is a story: no page-kind check
    listing_patterns = (r"/news/[a-z0-9-]+/$",)
    # The template's widgets and link lists are never article text.
    # The network's dates are fake (often in the future), so few pages keep one.
    coverage_floors = {"published": 0.0}
    hints = SiteHints(
        body="#article-content",
        authors=".article-info .author",
        drop=(".position", ".rating", ".related", ".ranking", ".recommend", ".article-date"),
    )
