"""Scrapy settings and newscrawl's own NEWSCRAWL_* settings, one comment each."""

BOT_NAME = "newscrawl"

# Spiders are imported as newscrawl.spiders (see pyproject.toml): never shadowed.
SPIDER_MODULES = ["newscrawl.spiders"]
NEWSPIDER_MODULE = "newscrawl.spiders"

# --- politeness -------------------------------------------------------------------
# Where site owners can learn who we are; part of the User-Agent.
NEWSCRAWL_CONTACT_URL = "https://github.com/newscrawl/newscrawl"
# Names the project and the contact URL (ContactAddon follows -s NEWSCRAWL_CONTACT_URL); set USER_AGENT to override.
USER_AGENT = f"newscrawl/0.1 (+{NEWSCRAWL_CONTACT_URL})"
# Obey robots.txt, as a polite crawler must.
ROBOTSTXT_OBEY = True
# Honour robots.txt Crawl-delay (Scrapy itself ignores it); seconds are capped here.
NEWSCRAWL_CRAWL_DELAY_MAX = 30.0
# Adapt the request rate to the servers' latency.
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
# Many sites at once, few requests per site.
CONCURRENT_REQUESTS = 32
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.25
# A slow page must not hold a slot for minutes.
DOWNLOAD_TIMEOUT = 30
# Pages above this are not news articles (Scrapy aborts the download, counts it).
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
RETRY_TIMES = 2
REDIRECT_MAX_TIMES = 10
# Sitemaps bigger than this (after decompression) are skipped: no gzip/XML bombs.
SITEMAP_MAX_SIZE = 32 * 1024 * 1024

# --- components ---------------------------------------------------------------------
DOWNLOADER_MIDDLEWARES = {
    # Scrapy's robots.txt middleware, plus the Crawl-delay it ignores.
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "newscrawl.downloader.robots.CrawlDelayRobotsTxtMiddleware": 100,
    # Sees redirects before RedirectMiddleware (600) and names loops.
    "newscrawl.downloader.redirect_loop.RedirectLoopMiddleware": 610,
}
SPIDER_MIDDLEWARES = {
    # Scheduled runs skip articles already exported unless a sitemap/feed says they changed.
    "newscrawl.crawl.known.KnownArticleFilter": 900,
}
# HTTP(S) through Scrapy's own handler, with NEWSCRAWL_HOST_MAP and the address guard below all
# middlewares; no file://, ftp://, s3:// or data: handlers (no local files, no way past the guard).
# Bodies of requests with meta newscrawl_spool (CC-NEWS WARC files) are streamed to disk.
DOWNLOAD_HANDLERS = {
    "http": "newscrawl.downloader.hostmap.HostMapDownloadHandler",
    "https": "newscrawl.downloader.hostmap.HostMapDownloadHandler",
    "file": None,
    "ftp": None,
    "s3": None,
    "data": None,
}
# Folder for spooled bodies (None: the system temporary folder); killed runs' leftovers are deleted at start-up.
NEWSCRAWL_SPOOL_DIR = None
# Spooled files on disk at once per process (downloaded, not yet read); more downloads wait.
NEWSCRAWL_SPOOL_MAX_FILES = 2
ITEM_PIPELINES = {
    "newscrawl.pipelines.extraction.ExtractionPipeline": 100,
    "newscrawl.pipelines.require_text.RequireTextPipeline": 250,
    "newscrawl.pipelines.seen.SeenUrlPipeline": 280,
    "newscrawl.pipelines.fingerprint.FingerprintPipeline": 300,
    "newscrawl.pipelines.health.HealthPipeline": 800,
    "newscrawl.pipelines.export.ExportCleanupPipeline": 900,
}

# A JSON summary of every run beside its output (<feed>.summary.json).
EXTENSIONS = {
    "newscrawl.extensions.run_summary.RunSummary": 500,
    "newscrawl.extensions.reactor_stall.ReactorStallMonitor": 510,
    "newscrawl.extensions.warc_archive.WarcArchive": 530,
}
# Measure reactor stalls (bench/crawl.py turns it on).
NEWSCRAWL_MEASURE_STALLS = False
# Extraction runs in the reactor's thread pool so parsing never stalls crawling.
NEWSCRAWL_EXTRACT_IN_THREAD = True
# Pages that are not articles (product pages, listings, forums) give no record; counted in the summary.
NEWSCRAWL_ARTICLES_ONLY = True
REACTOR_THREADPOOL_MAXSIZE = 4

# --- output -------------------------------------------------------------------------
# Folder of the dated per-run output: <dir>/<spider>/<time>.jsonl (+ clusters, summary);
# used only when no feed is named (-o / -O / FEEDS): see newscrawl.feeds.DefaultFeedAddon.
NEWSCRAWL_OUTPUT_DIR = "output"
FEED_EXPORT_ENCODING = "utf-8"
# Folder to archive every fetched response (+ its request) as gzip WARC 1.1; None: no archive.
NEWSCRAWL_WARC_DIR = None
# Start a new WARC file once the current one passes this many bytes (compressed).
NEWSCRAWL_WARC_MAX_BYTES = 1024 * 1024 * 1024
# Local feeds are written through (unbuffered): a killed crawl keeps every exported line.
FEED_STORAGES = {
    "": "newscrawl.feeds.DurableFileFeedStorage",
    "file": "newscrawl.feeds.DurableFileFeedStorage",
}

# --- state --------------------------------------------------------------------------
# All state that outlives a process: sqlite:///path (default) or redis://host:port/db.
NEWSCRAWL_STORE_URL = "sqlite:///.newscrawl/state.sqlite"
# JOBDIR remembers fetched requests until a run finishes, so the next scheduled run re-checks them.
DUPEFILTER_CLASS = "newscrawl.crawl.dupefilter.RunDupeFilter"
# Remember exported articles; later runs fetch only new or changed ones (False: full re-crawl).
NEWSCRAWL_INCREMENTAL = True
# News-sitemap entries older than this many days are skipped (0: no freshness window).
NEWSCRAWL_NEWS_MAX_AGE_DAYS = 0
# ISO 8601 moment the crawl takes as "now" (fetch times, date plausibility); unset: the clock. Tests and replays.
NEWSCRAWL_NOW = None
# Link near-duplicates during the crawl (FingerprintPipeline).
NEWSCRAWL_LINKING_ENABLED = True
# Items linked together in one atomic store step (1: each alone); a batch's items are exported once it is linked.
NEWSCRAWL_LINK_BATCH_SIZE = 64
# A batch that is not full is linked after this many seconds.
NEWSCRAWL_LINK_BATCH_SECONDS = 0.5
# Learn and strip site-level boilerplate (BoilerplatePipeline).
NEWSCRAWL_BOILERPLATE_ENABLED = True

# --- many workers ---------------------------------------------------------------------
# redis://host:port/db: share the request queue, dupefilter and store (scrapy-redis profile).
NEWSCRAWL_REDIS_URL = None
# Add-ons: the Redis profile when NEWSCRAWL_REDIS_URL is set; the User-Agent's contact URL;
# the default feed when the user names none.
ADDONS = {"newscrawl.distributed.DistributedAddon": 0, "newscrawl.contact.ContactAddon": 0,
          "newscrawl.feeds.DefaultFeedAddon": 10}

# --- sites and routing --------------------------------------------------------------
# host -> "host:port": requests to these hosts go there instead (the mock web, staging).
NEWSCRAWL_HOST_MAP: dict[str, str] = {}
# CIDR networks a crawl may connect to although internal ("10.0.0.0/8,fd00::/8"); see README "Safety".
NEWSCRAWL_ALLOW_NETWORKS: list[str] = []
# Licensed-partner sites on the shared local-news CMS (the `partners` spider).
NEWSCRAWL_PARTNER_DOMAINS = ["www.kvtn7.com", "www.rivertonledger.com"]
# Content-farm mirror network sharing one template (the `mirrors` spider).
NEWSCRAWL_MIRROR_DOMAINS = ["capitatum.com", "sagebrushwire.com", "ledgerpostdaily.com"]

# --- Common Crawl News (the `ccnews` spider) ------------------------------------------
# Where crawl-data/CC-NEWS/YYYY/MM/warc.paths.gz and the WARC files are fetched from.
NEWSCRAWL_CCNEWS_BASE_URL = "https://data.commoncrawl.org/"
# WARC reader: fastwarc (faster, bench/ccnews.py) or warcio; both give the same records.
NEWSCRAWL_CCNEWS_READER = "fastwarc"
# Seconds allowed for one ~1 GB WARC file to download (DOWNLOAD_TIMEOUT is for pages).
NEWSCRAWL_CCNEWS_DOWNLOAD_TIMEOUT = 3600

# --- exit status ----------------------------------------------------------------------
# `scrapy crawl` exits 1 when the run meets one of these (error, empty, fetch_failed, warnings).
NEWSCRAWL_FAIL_ON = ["error", "empty", "fetch_failed"]
# spidermon actions run when a RunHealthMonitorSuite monitor fails (README "Alerts").
NEWSCRAWL_ALERT_ACTIONS: list[str] = []
# Our `crawl` command: exit statuses for failed runs, one-line errors, `-a help=1`.
COMMANDS_MODULE = "newscrawl.crawl.commands"

# --- Scrapy housekeeping ------------------------------------------------------------
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = "INFO"
