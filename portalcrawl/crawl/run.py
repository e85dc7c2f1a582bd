"""Run a crawl in this process and summarise it: what the `crawl` and `demo` commands share."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from ..archive.lock import WriterLock
from ..contract import NOTHING_STORED, CrawlStats, ExitCode, StatGroup, WriteCount
from .progress import start_crawlers

SPIDER = "portal"  # found by name through SPIDER_MODULES: spiders import portalcrawl, never the reverse


def crawl_settings(db_path: str, max_pages: int | None = None, max_depth: int | None = None,
                   overrides: dict[str, Any] | None = None) -> Settings:
    settings = Settings()
    settings.setmodule("portalcrawl.crawl.settings", priority="project")
    settings.set("PORTALCRAWL_DB", db_path, priority="cmdline")
    settings.set("LOG_ENABLED", False, priority="cmdline")
    settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")
    if max_pages:
        settings.set("CLOSESPIDER_PAGECOUNT", max_pages, priority="cmdline")
    if max_depth is not None:
        settings.set("DEPTH_LIMIT", max_depth, priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


@dataclass
class CrawlSummary:
    elapsed: float
    db_path: str
    reason: str
    pages: int
    articles: dict[str, int]
    kinds: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    failure: str | None = None  # why a crawl that archived nothing failed

    @classmethod
    def from_stats(cls, raw: dict[str, Any], elapsed: float, db_path: str) -> CrawlSummary:
        stats = CrawlStats(raw)
        return cls(
            elapsed=elapsed, db_path=db_path, reason=stats.finish_reason, pages=stats.pages_fetched,
            articles={"new": stats.stored(WriteCount.ARTICLES_NEW),
                      "changed": stats.stored(WriteCount.ARTICLES_CHANGED),
                      "unchanged": stats.stored(WriteCount.ARTICLES_UNCHANGED)},
            kinds=stats.group(StatGroup.PAGES), skipped=stats.group(StatGroup.SKIPPED), errors=stats.errors,
            failure=stats.failure(),
        )

    @classmethod
    def not_started(cls, db_path: str, failure: str) -> CrawlSummary:
        return cls(elapsed=0.0, db_path=db_path, reason="not started", pages=0,
                   articles={"new": 0, "changed": 0, "unchanged": 0}, failure=failure)

    @property
    def exit_code(self) -> ExitCode:
        if self.failure:
            return ExitCode.NOTHING_STORED if self.failure.startswith(NOTHING_STORED) \
                else ExitCode.NOTHING_FETCHED
        return ExitCode.FAILED if self.error_count else ExitCode.OK

    def as_dict(self) -> dict[str, Any]:
        """For `--json`: what monitoring reads."""
        return {"status": self.reason, "failure": self.failure, "exit_code": int(self.exit_code),
                "elapsed": round(self.elapsed, 2), "db": self.db_path, "pages": self.pages, "articles": self.articles,
                "kinds": self.kinds, "skipped": self.skipped, "errors": self.errors}

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())


def load_http_handler() -> None:
    """Load Scrapy's HTTP handler in a process about to crawl, a few frames from the stack's bottom, before
    Scrapy loads it: its deprecation shims walk the whole stack as they load (inspect.stack()), and from
    inside the crawler's start, forty frames deep, loading it took 0.23 s against 0.08 s (measured). Not
    at import: a coordinator, which never fetches, imports this module too."""
    import scrapy.core.downloader.handlers.http11  # noqa: F401


def run_crawl(start_urls: list[str], db_path: str, max_pages: int | None = None, max_depth: int | None = None,
              overrides: dict[str, Any] | None = None) -> CrawlSummary:
    """Crawl in-process (one crawl per process: Twisted's reactor cannot be restarted). It holds the
    archive's writer lock throughout (waiting for another writer to finish first); an archive that
    cannot be opened for writing stops it before anything is fetched."""
    from ..archive import Archive, ArchiveError  # here: a distributed worker imports this module too

    load_http_handler()
    lock = WriterLock(db_path, "crawl")
    try:
        lock.acquire(wait=True)
    except OSError as exc:
        return CrawlSummary.not_started(db_path, f"{NOTHING_STORED}: {lock.path}: {exc.strerror}")
    try:
        with Archive(db_path, write=True) as archive:
            archive.writer().close_abandoned_runs()  # we hold the lock: a "running" run was killed
    except ArchiveError as exc:
        lock.release()
        return CrawlSummary.not_started(db_path, f"{NOTHING_STORED}: {exc}")
    try:
        return _crawl(start_urls, db_path, max_pages, max_depth, overrides)
    finally:
        lock.release()


def _crawl(start_urls: list[str], db_path: str, max_pages: int | None, max_depth: int | None,
           overrides: dict[str, Any] | None) -> CrawlSummary:
    settings = crawl_settings(db_path, max_pages, max_depth, overrides)
    bar = settings.getbool("PORTALCRAWL_PROGRESS_BAR") and max_pages
    if bar:
        settings.set("PORTALCRAWL_PROGRESS_INTERVAL", 0, priority="cmdline")  # the bar replaces the lines
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(SPIDER)
    started = time.monotonic()
    process.crawl(crawler, start_urls=start_urls)
    start_crawlers(process, [crawler], max_pages if bar else None, "crawling")
    return CrawlSummary.from_stats(crawler.stats.get_stats(), time.monotonic() - started, db_path)
