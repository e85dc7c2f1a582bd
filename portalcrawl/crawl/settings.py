"""Scrapy settings: polite defaults for crawling portals you do not own.

Read by `scrapy crawl portal` (through scrapy.cfg) and by the `portalcrawl` commands.
Every portalcrawl-specific key starts with PORTALCRAWL_ and is read once, in the
component that uses it.
"""

BOT_NAME = "portalcrawl"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

USER_AGENT = "portalcrawl/0.1 (+https://github.com/portalcrawl/portalcrawl; archiving research)"
ROBOTSTXT_OBEY = True

# Politeness: a few requests per site at a time, and AutoThrottle backs off when it slows.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0

DOWNLOAD_TIMEOUT = 30
RETRY_TIMES = 2
REDIRECT_MAX_TIMES = 5
# A portal page is at most a few hundred KB; a 20 MB "page" is a trap or a file, not an article.
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024

# Breadth-first: list pages are reached before the depths of any one branch.
DEPTH_PRIORITY = 1
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"

TELNETCONSOLE_ENABLED = False
# Nor Scrapy's remote control (2.19+): an HTTP server in every crawl that runs the Python code it is sent,
# with a job file in the user's state folder that a killed crawl leaves behind; and loading it (aiohttp)
# took 0.12 to 0.15 s of every crawl's and worker's start.
# A callback's outputs (a page's records, its onward requests) go through the spider middlewares and the
# pipeline one at a time: none of them ever waits, so Scrapy's default fan-out of 100 coroutines a
# response (CONCURRENT_ITEMS) is only overhead: measured, a quarter of the crawl process's CPU.
CONCURRENT_ITEMS = 1
# Incremental harvests (off unless PORTALCRAWL_INCREMENTAL): the archive answers "seen already?".
# Every request stays on the crawl's sites and off non-public addresses (crawl/guard.py); before
# Scrapy's robots.txt middleware (100), so robots.txt and its redirects are checked too.
DOWNLOADER_MIDDLEWARES = {"portalcrawl.crawl.guard.AddressGuardMiddleware": 50,
                          "portalcrawl.crawl.page_cap.PageCapMiddleware": 60,  # --max-pages: exact
                          # every request that waited for robots.txt is judged by it (crawl/robots.py)
                          "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
                          "portalcrawl.crawl.robots.WaitingRobotsTxtMiddleware": 100,
                          "portalcrawl.crawl.incremental.ConditionalGetMiddleware": 580,
                          # a compressed body cut short is an error, not a shorter page (crawl/compression.py)
                          "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
                          "portalcrawl.crawl.compression.StrictHttpCompressionMiddleware": 590}
SPIDER_MIDDLEWARES = {"portalcrawl.crawl.incremental.ArchiveFilterMiddleware": 950}
# "dir/" and "dir/index.html" are one page: fetched once (crawl/fingerprint.py).
REQUEST_FINGERPRINTER_CLASS = "portalcrawl.crawl.fingerprint.PortalFingerprinter"
# A URL longer than this is a trap (calendar, session or search permutations), not a page.
URLLENGTH_LIMIT = 400
ITEM_PIPELINES = {"portalcrawl.crawl.pipeline.ArchivePipeline": 300}
EXTENSIONS = {"portalcrawl.crawl.progress.ProgressLines": 500, "portalcrawl.crawl.header_limit.HeaderLimit": 0,
              "scrapy.extensions.remote_control.RemoteControl": None}

PORTALCRAWL_DB = "data/portalcrawl.db"
PORTALCRAWL_BATCH_SIZE = 500  # rows per transaction (a page, an article, a link: one row each)
PORTALCRAWL_PROGRESS_INTERVAL = 10.0  # seconds between progress lines; 0 switches them off
PORTALCRAWL_PROGRESS_BAR = False  # a progress bar instead, when the crawl has a bound (CLOSESPIDER_PAGECOUNT)
PORTALCRAWL_TIMEZONE = "Asia/Shanghai"  # the portals' local time, for dates printed without a zone
PORTALCRAWL_INCREMENTAL = False  # harvests: skip what the archive holds, conditional GETs for the rest
PORTALCRAWL_REFRESH_DAYS = None  # harvests: fetch archived articles again once older than this
PORTALCRAWL_WORKERS = None  # extraction processes beside the reactor (None: one per core; 0: in the crawl's own)
PORTALCRAWL_EXTRACT_TIMEOUT = 60.0  # seconds a page's extraction may take before its worker is replaced
PORTALCRAWL_MAX_HEADER_BYTES = 256 * 1024  # a response with more header bytes is refused (a header flood)
PORTALCRAWL_ALLOW_PRIVATE = False  # allow loopback/private/link-local addresses besides the start hosts' own
PORTALCRAWL_TEMPLATES = True  # learn each site's templates and apply them (off: every page on its own)
PORTALCRAWL_RECORD_RUN = True  # one `crawls` row per crawl (a harvest records one row for all its portals)
PORTALCRAWL_HEARTBEAT_SECONDS = 15  # distributed crawl: a worker silent this long is dead, its requests requeued
