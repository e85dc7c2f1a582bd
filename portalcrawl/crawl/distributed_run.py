"""Running a distributed crawl: the coordinator (`crawl --redis`) and a worker (`worker --redis`).

See crawl/coordinator.py for the one writer, crawl/redis_frontier.py for the shared frontier,
crawl/redis_politeness.py for per-site limits across workers, crawl/redis_worker.py for a worker's
heartbeat, leases and records.
"""

from __future__ import annotations

import logging
import subprocess
import time
from typing import Any

from scrapy.crawler import CrawlerProcess

from ..archive.lock import WriterLock
from ..contract import NOTHING_STORED, ExitCode
from .progress import start_crawlers
from .redis_run import NO_RUN, NOT_PUBLISHED, Keys, RedisUnavailable, RunConfig, connect, new_worker_id
from .run import SPIDER, CrawlSummary, crawl_settings, load_http_handler

logger = logging.getLogger(__name__)


def worker_settings(redis_url: str, worker_id: str, config: RunConfig, db: str | None,
                    overrides: dict[str, Any]) -> dict[str, Any]:
    """The run's settings, with scrapy-redis's scheduler and the worker's own components in place of
    the archive pipeline; Scrapy's per-process politeness and robots.txt become the shared ones."""
    base = crawl_settings(db or config.db, overrides={**config.settings, **overrides})
    middlewares = {**base.getdict("DOWNLOADER_MIDDLEWARES"),
                   "portalcrawl.crawl.robots.WaitingRobotsTxtMiddleware": None,
                   "portalcrawl.crawl.redis_robots.SharedRobotsTxtMiddleware": 100,
                   "portalcrawl.crawl.redis_politeness.SharedPolitenessMiddleware": 950}
    return {
        **config.settings, **overrides,
        "SCHEDULER": "portalcrawl.crawl.redis_frontier.LeasedScheduler",
        "SCHEDULER_QUEUE_CLASS": "portalcrawl.crawl.redis_frontier.LeasedQueue",
        "SCHEDULER_QUEUE_KEY": Keys.requests,
        "SCHEDULER_DUPEFILTER_KEY": Keys.dupefilter,
        "DUPEFILTER_CLASS": "portalcrawl.crawl.redis_frontier.PortalDupeFilter",
        "SCHEDULER_PERSIST": True,  # the frontier is the run's, not this worker's
        "REDIS_URL": redis_url,
        "PORTALCRAWL_REDIS_URL": redis_url,
        "PORTALCRAWL_WORKER_ID": worker_id,
        "PORTALCRAWL_RUN_ID": config.run,
        "ITEM_PIPELINES": {"portalcrawl.crawl.redis_worker.RecordsToRedis": 300},
        "DOWNLOADER_MIDDLEWARES": middlewares,
        "EXTENSIONS": {**base.getdict("EXTENSIONS"), "portalcrawl.crawl.redis_worker.WorkerLifecycle": 0},
        "PORTALCRAWL_SITE_CONCURRENCY": base.getint("CONCURRENT_REQUESTS_PER_DOMAIN"),
        "PORTALCRAWL_SITE_DELAY": base.getfloat("DOWNLOAD_DELAY"),
        "DOWNLOAD_DELAY": 0,  # the shared limits apply; Scrapy's own would add to them
        "RANDOMIZE_DOWNLOAD_DELAY": False,
        "AUTOTHROTTLE_ENABLED": False,
        "PORTALCRAWL_RECORD_RUN": False,
        "PORTALCRAWL_PROGRESS_INTERVAL": 0,
    }


def run_worker(redis_url: str, db: str | None = None, overrides: dict[str, Any] | None = None,
               wait: float | None = None, config: RunConfig | None = None) -> ExitCode:
    """Crawl a run until the coordinator says it is drained: the run `config` (a local worker's, given by
    its coordinator: it builds its crawler at once, and waits for the run as it opens, see
    WorkerLifecycle.opened), or the run published on Redis (waited for, up to `wait` seconds)."""
    load_http_handler()
    server = connect(redis_url)
    deadline = None if wait is None else time.monotonic() + wait
    given = config is not None
    while config is None:
        if (raw := server.get(Keys.config)) and not server.exists(Keys.done):
            config = RunConfig.loads(raw)
        elif deadline is not None and time.monotonic() > deadline:
            logger.error(NO_RUN, redis_url)
            return ExitCode.NOTHING_FETCHED
        else:
            time.sleep(0.1)
    settings = crawl_settings(db or config.db, overrides={
        **worker_settings(redis_url, new_worker_id(), config, db, overrides or {}),
        # A run read from Redis that ends while the crawler is built is over: end (a supervisor restarts the
        # worker for the next run) rather than wait for it for ever.
        "PORTALCRAWL_RUN_WAIT": wait if given else 0})
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(SPIDER)
    process.crawl(crawler, start_urls=config.start_urls, allow=config.allow or None, deny=config.deny or None)
    start_crawlers(process, [crawler], None, "crawling")
    reason = crawler.stats.get_value("finish_reason")
    return ExitCode.OK if reason == "finished" else \
        ExitCode.NOTHING_FETCHED if reason == NOT_PUBLISHED else ExitCode.FAILED


def run_distributed(redis_url: str, config: RunConfig, workers: list[subprocess.Popen[bytes]],
                    fresh: bool = False) -> CrawlSummary:
    """The coordinator of the run `config`, with the worker processes it started for it
    (redis_run.start_local_workers; none: workers started elsewhere). They end with it, whatever happens."""
    # Here, not with the module: a worker imports this module too, and never opens the archive.
    from ..archive import ArchiveError
    from .coordinator import Coordinator, RunInProgress, run_coordinator

    db_path = config.db
    settings = crawl_settings(db_path, overrides=config.settings)
    lock = WriterLock(db_path, "crawl")
    try:
        lock.acquire(wait=True)
    except OSError as exc:
        for worker in workers:
            worker.terminate()
        return CrawlSummary.not_started(db_path, f"{NOTHING_STORED}: {lock.path}: {exc.strerror}")
    started = time.monotonic()
    try:
        server = connect(redis_url)
        coordinator = Coordinator(server, db_path, config, settings)
        stats = run_coordinator(coordinator, settings.getint("PORTALCRAWL_BATCH_SIZE"), workers, fresh)
    except (RedisUnavailable, RunInProgress, ArchiveError) as exc:
        for worker in workers:  # started early, to load beside this process: not for another run
            worker.terminate()
        return CrawlSummary.not_started(db_path, f"{NOTHING_STORED}: {exc}")
    except BaseException:  # interrupted: the local workers stop too; the run stays in Redis, to resume
        for worker in workers:
            worker.terminate()
        raise
    finally:
        for worker in workers:
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
        lock.release()
    return CrawlSummary.from_stats(stats, time.monotonic() - started, db_path)
