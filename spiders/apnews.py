"""apnews: the Associated Press's own site, where AP stories first appear."""

from newscrawl.crawl.spider import NewsSpider
from newscrawl.extraction import SiteHints


class APNewsSpider(NewsSpider):
    name = "apnews"
    domains = ("apnews.com",)
    # robots.txt lists the sitemap index and the Google News sitemap.
    listing_urls = ("https://{domain}/",)
    article_patterns = (r"^https://apnews\.com/article/[a-z0-9-]+-[0-9a-f]{32}$",)
    articles_by_url = True  # every page matching article_patterns is a story: no page-kind check
    listing_patterns = (r"^https://apnews\.com/hub/[a-z0-9-]+/?$",)
    hints = SiteHints(
        body="div.RichTextStoryBody",
        title="h1.Page-headline",
        authors="div.Page-authors a",
        drop=("div.Enhancement",),  # in-body promos for other stories
        wire="AP",  # the agency's own site
    )
