"""Fetches -a big=URL spooled and -a small=URL as usual; yields what each response carried."""

import hashlib
import os

import scrapy

from newscrawl.downloader.spool import SPOOL_META


class SpoolProbe(scrapy.Spider):
    name = "spool_probe"

    def __init__(self, big=None, small=None, **kwargs):
        super().__init__(**kwargs)
        self.big, self.small = big, small

    async def start(self):
        yield scrapy.Request(self.big, meta={SPOOL_META: True}, callback=self.parse_big)
        yield scrapy.Request(self.small, callback=self.parse_small)

    def parse_big(self, response):
        path = response.spool_path
        digest = hashlib.sha256()
        with open(path, "rb") as spooled:
            for block in iter(lambda: spooled.read(1 << 20), b""):
                digest.update(block)
        size = os.path.getsize(path)
        os.unlink(path)
        yield {"kind": "big", "url": response.url, "body_len": len(response.body), "size": size,
               "sha256": digest.hexdigest(), "path": path}

    def parse_small(self, response):
        yield {"kind": "small", "url": response.url, "body_len": len(response.body),
               "spooled": hasattr(response, "spool_path")}
