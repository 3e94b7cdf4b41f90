"""RunDupeFilter: Scrapy's JOBDIR dupefilter, trusted only after a clean stop, and only until a run finishes."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from scrapy.dupefilters import RFPDupeFilter

logger = logging.getLogger(__name__)

RUNNING = "run.open"  # in the JOBDIR while a run is going on; still there after a kill


class RunDupeFilter(RFPDupeFilter):
    """Scrapy's dupefilter, with a JOBDIR memory that never makes a scheduled run skip work.

    - A run that finished forgets the requests it saw: the next scheduled run with the same
      JOBDIR (the README's hourly recipe) re-checks every article; the seen-URL store, not
      the dupefilter, decides what is known across runs.
    - After a kill, Scrapy cannot restore the request queue (its state is written on a clean
      stop only), so the pending requests are gone while `requests.seen` may list them:
      the restart forgets both and re-reads discovery; the store skips what was exported.
    - A clean stop (Ctrl-C, a close condition) keeps everything: Scrapy resumes as usual.
    """

    def __init__(self, path: str | None = None, debug: bool = False, **kwargs):
        self.running = Path(path, RUNNING) if path else None
        killed = self.running is not None and self.running.exists()
        if killed:  # before the scheduler opens its queue: a half-written one must not be replayed
            Path(path, "requests.seen").unlink(missing_ok=True)
            shutil.rmtree(Path(path, "requests.queue"), ignore_errors=True)
        super().__init__(path, debug, **kwargs)
        if killed:
            logger.warning("JOBDIR %s: the last run was killed; its request queue and memory were "
                           "dropped, discovery is re-read (the store skips articles already exported)", path)
        if self.running is not None:
            self.running.touch()

    def close(self, reason: str) -> None:
        if self.file and reason == "finished":
            self.file.truncate(0)
        super().close(reason)
        if self.running is not None:
            self.running.unlink(missing_ok=True)
