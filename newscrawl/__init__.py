"""newscrawl: boilerplate-aware news scraping on Scrapy."""

__version__ = "0.1.0"
