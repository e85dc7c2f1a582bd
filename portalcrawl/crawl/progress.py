"""How a running crawl shows progress: a log line every few seconds (pages/min, articles, errors),
or on a terminal, when the crawl has a bound, a progress bar."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.statscollectors import StatsCollector
from twisted.internet import task

from ..contract import CrawlStats, Stat
from ..progress import Progress

logger = logging.getLogger("portalcrawl.progress")


class ProgressLines:
    """Scrapy extension: a progress line every PORTALCRAWL_PROGRESS_INTERVAL seconds (0 switches it off)."""

    def __init__(self, stats: StatsCollector, interval: float) -> None:
        self.stats = stats
        self.interval = interval
        self.loop: task.LoopingCall | None = None
        self.last_pages = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressLines:
        interval = crawler.settings.getfloat("PORTALCRAWL_PROGRESS_INTERVAL", 10.0)
        if interval <= 0:
            raise NotConfigured
        ext = cls(crawler.stats, interval)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider: Spider) -> None:
        self.loop = task.LoopingCall(self.report)
        self.loop.start(self.interval, now=False)

    def report(self) -> None:
        stats = CrawlStats(self.stats.get_stats())
        pages = stats.pages_fetched
        rate = (pages - self.last_pages) * 60.0 / self.interval
        self.last_pages = pages
        logger.info("%d pages (%.0f pages/min), %d articles, %d errors",
                    pages, rate, stats.get(Stat.ARTICLES_QUEUED), sum(stats.errors.values()))

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()


class ProgressBar:
    """The bar of a crawl whose bound is known (``--max-pages``), fed twice a second from its crawlers'
    stats; for a terminal (the log lines above are for everything else)."""

    def __init__(self, crawlers: list[Crawler], total: int, label: str) -> None:
        self.crawlers, self.total, self.shown = crawlers, total, 0
        self.progress = Progress(total, label)
        self.advance: Callable[[int], None] | None = None
        self.loop: task.LoopingCall | None = None

    def start(self) -> None:
        self.advance = self.progress.__enter__()
        self.loop = task.LoopingCall(self.draw)
        self.loop.start(0.5, now=False)

    def draw(self) -> None:
        pages = sum(CrawlStats(c.stats.get_stats()).pages_fetched for c in self.crawlers if c.stats)
        step = min(pages, self.total) - self.shown
        if step > 0 and self.advance is not None:
            self.shown += step
            self.advance(step)

    def stop(self) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        if self.advance is not None:
            self.draw()
            self.progress.__exit__(None, None, None)


def start_crawlers(process: Any, crawlers: list[Crawler], bound: int | None, label: str) -> None:
    """Run the process's crawlers until they finish, under a progress bar when ``bound`` is given."""
    progress = ProgressBar(crawlers, bound, label) if bound else None
    if progress:
        progress.start()
    try:
        process.start()
    finally:
        if progress:
            progress.stop()
