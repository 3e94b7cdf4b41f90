"""Downloader-side components: host routing and robots.txt politeness."""
