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
from .redis_run import Keys, RedisUnavailable, RunConfig, connect, new_run_id, new_worker_id
from .run import SPIDER, CrawlSummary, crawl_settings

logger = logging.getLogger(__name__)


def worker_settings(redis_url: str, worker_id: str, config: RunConfig, db: str | None,
                    overrides: dict[str, Any]) -> dict[str, Any]:
    """The run's settings, with scrapy-redis's scheduler and the worker's own components in place of
    the archive pipeline; Scrapy's per-process politeness becomes the shared one."""
    base = crawl_settings(db or config.db, overrides={**config.settings, **overrides})
    middlewares = {**base.getdict("DOWNLOADER_MIDDLEWARES"),
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
               wait: float | None = None, run: str | None = None) -> ExitCode:
    """Wait for a run to be published (the run `run`, if given), crawl it until the coordinator says it is
    drained."""
    server = connect(redis_url)
    deadline = None if wait is None else time.monotonic() + wait
    while not (raw := server.get(Keys.config)) or server.exists(Keys.done) or \
            (run and RunConfig.loads(raw).run != run):
        if deadline is not None and time.monotonic() > deadline:
            logger.error("no distributed crawl was published on %s", redis_url)
            return ExitCode.NOTHING_FETCHED
        time.sleep(0.1)
    config = RunConfig.loads(raw)
    settings = crawl_settings(db or config.db, overrides=worker_settings(redis_url, new_worker_id(), config, db,
                                                                          overrides or {}))
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(SPIDER)
    process.crawl(crawler, start_urls=config.start_urls, allow=config.allow or None, deny=config.deny or None)
    start_crawlers(process, [crawler], None, "crawling")
    reason = crawler.stats.get_value("finish_reason")
    return ExitCode.OK if reason == "finished" else ExitCode.FAILED


def run_distributed(redis_url: str, start_urls: list[str], db_path: str, workers: list[subprocess.Popen[bytes]],
                    max_depth: int | None = None, overrides: dict[str, Any] | None = None,
                    allow: list[str] | None = None, deny: list[str] | None = None,
                    fresh: bool = False, run: str = "") -> CrawlSummary:
    """The coordinator of the run `run`, with the worker processes it started for it
    (redis_run.start_local_workers; none: workers started elsewhere). They end with it, whatever happens."""
    # Here, not with the module: a worker imports this module too, and never opens the archive.
    from ..archive import ArchiveError
    from .coordinator import Coordinator, RunInProgress, run_coordinator

    settings_overrides = dict(overrides or {})
    if max_depth is not None:
        settings_overrides["DEPTH_LIMIT"] = max_depth
    settings = crawl_settings(db_path, overrides=settings_overrides)
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
        config = RunConfig(start_urls=start_urls, db=db_path, allow=allow or [], deny=deny or [],
                           settings=settings_overrides, run=run or new_run_id())
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
