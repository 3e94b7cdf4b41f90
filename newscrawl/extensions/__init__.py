"""Scrapy extensions: run-level concerns (summaries, health)."""
