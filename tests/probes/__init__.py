"""Tiny spiders run with `scrapy runspider` by tests of downloader components."""
