"""Scrapy commands of the project (COMMANDS_MODULE): `crawl` with exit statuses a cron job can see."""
