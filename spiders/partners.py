"""partners: local TV and newspaper sites that run AP copy on one shared CMS."""

from newscrawl.crawl.spider import NewsSpider
from newscrawl.extraction import SiteHints


class PartnerSpider(NewsSpider):
    name = "partners"
    domains_setting = "NEWSCRAWL_PARTNER_DOMAINS"
    robots_sitemaps = False  # the CMS's sitemap and feed are at fixed paths
    sitemap_urls = ("https://{domain}/sitemap.xml",)
    feed_urls = ("https://{domain}/feed/",)
    listing_urls = ("https://{domain}/",)
    article_patterns = (r"/news/[a-z0-9-]+/[a-z0-9-]+/$",)
    articles_by_url = True  # every page matching article_patterns is a story: no page-kind check
    listing_patterns = (r"/news/[a-z0-9-]+/$",)
    hints = SiteHints(
        body="div.article-body",
        title="h1.headline",
        published="time.published::attr(datetime)",
        authors=".byline-name",
        drop=("div.newsletter-signup", "div.share-tools"),
    )
