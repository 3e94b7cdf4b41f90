"""RunDupeFilter: Scrapy's JOBDIR dupefilter, whose memory lasts one run, not forever."""

from __future__ import annotations

import logging

from scrapy.dupefilters import RFPDupeFilter

logger = logging.getLogger(__name__)


class RunDupeFilter(RFPDupeFilter):
    """Forgets the requests it saw when a run finishes; keeps them when a run is killed or paused.

    A JOBDIR exists to resume an interrupted run. Scrapy's dupefilter also keeps its
    `requests.seen` after a run that finished, so the next scheduled run with the same
    JOBDIR (the README's hourly recipe) never fetches an article again, even when its
    sitemap says it changed. Across runs, the seen-URL store decides what is known.
    """

    def close(self, reason: str) -> None:
        if self.file and reason == "finished":
            self.file.truncate(0)
            logger.info("Run finished: the JOBDIR's request memory starts empty next run")
        super().close(reason)
