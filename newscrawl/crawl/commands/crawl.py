"""`scrapy crawl` with exit statuses a cron job can see and one-line messages for the user's mistakes.

Scrapy's own `crawl` exits 0 whatever happened to the run (1 only when the crawler
could not be built, behind asyncio's "Task exception was never retrieved" traceback).
This command keeps everything else of it and sets the status:

- 0: the run ended as planned;
- 1: the run failed (RunSummary's verdict: see NEWSCRAWL_FAIL_ON), or an unexpected error;
- 2: nothing was crawled: a bad `-a` argument, setting, store URL or unreachable store.

An extension alone cannot do this: the status is the command's `exitcode`, which only
the command sets. So RunSummary judges the run (and writes why into the summary) and
this command turns that verdict into the status.
"""

from __future__ import annotations

import asyncio
import sys
import traceback

from scrapy.commands.crawl import Command as ScrapyCrawlCommand

from newscrawl.crawl.arguments import argument_help, check_arguments
from newscrawl.errors import UserError
from newscrawl.extensions.run_outcome import FAILED_STAT
from newscrawl.store import StoreError

# Raised while the crawler is built: the user's to fix, so one line and no traceback.
USER_ERRORS = (UserError, StoreError)


class Command(ScrapyCrawlCommand):
    def long_desc(self) -> str:
        return (super().short_desc() + ". Exit status: 0 the run ended as planned, 1 the run failed "
                "(see NEWSCRAWL_FAIL_ON and the run summary), 2 nothing was crawled (bad argument, "
                "setting or store). `-a help=1` lists the spider's arguments.")

    def _say(self, spider: str, message: str) -> None:
        message = message.removeprefix(f"{spider}: ")  # spiders' own messages name them already
        print(f"scrapy crawl {spider}: {message}", file=sys.stderr)

    def _verbose(self) -> bool:
        return str(self.settings.get("LOG_LEVEL", "")).upper() == "DEBUG"

    def run(self, args: list[str], opts) -> None:
        if len(args) != 1:
            super().run(args, opts)  # Scrapy's usage errors
            return
        name = args[0]
        try:
            spidercls = self.crawler_process.spider_loader.load(name)
        except KeyError:
            self._say(name, "no such spider (`scrapy list` shows them)")
            self.exitcode = 2
            return
        if "help" in opts.spargs:
            print(argument_help(spidercls))
            return
        try:
            check_arguments(spidercls, opts.spargs)
        except UserError as error:
            self._say(name, str(error))
            self.exitcode = 2
            return
        crawler = self._create_crawler(spidercls)
        errors: list[BaseException] = []
        self._collect_errors(self.crawler_process.crawl(crawler, **opts.spargs), errors)
        self.crawler_process.start()
        if errors:
            self.exitcode = self._report(name, errors[0])
        elif self.crawler_process.bootstrap_failed:
            self.exitcode = 1
        elif getattr(crawler, "_stats", None) is not None and crawler.stats.get_value(FAILED_STAT):
            self._say(name, f"run failed: {crawler.stats.get_value(FAILED_STAT)}")
            self.exitcode = 1

    @staticmethod
    def _collect_errors(started, errors: list[BaseException]) -> None:
        """Take the crawl's own exception (so nothing logs it as 'never retrieved') into `errors`."""
        if isinstance(started, asyncio.Future):
            def done(task):
                if not task.cancelled() and task.exception() is not None:
                    errors.append(task.exception())
            started.add_done_callback(done)
        else:  # a Twisted Deferred, when TWISTED_REACTOR is not the asyncio one
            started.addErrback(lambda failure: errors.append(failure.value))

    def _report(self, name: str, error: BaseException) -> int:
        if self._verbose() or not isinstance(error, USER_ERRORS):
            traceback.print_exception(error, file=sys.stderr)
        if isinstance(error, USER_ERRORS):
            self._say(name, str(error))
            return 2
        self._say(name, f"failed to start: {type(error).__name__}: {error}")
        return 1
