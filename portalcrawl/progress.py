"""A progress line while a crawl runs: pages/min, articles, errors."""

from __future__ import annotations

import logging

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.statscollectors import StatsCollector
from twisted.internet import task

logger = logging.getLogger("portalcrawl.progress")


class Progress:
    """Scrapy extension; PORTALCRAWL_PROGRESS_INTERVAL=0 switches it off."""

    def __init__(self, stats: StatsCollector, interval: float) -> None:
        self.stats = stats
        self.interval = interval
        self.loop: task.LoopingCall | None = None
        self.last_pages = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Progress:
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
        pages = self.stats.get_value("response_received_count", 0)
        rate = (pages - self.last_pages) * 60.0 / self.interval
        self.last_pages = pages
        errors = sum(v for k, v in self.stats.get_stats().items() if k.startswith("portalcrawl/errors/"))
        logger.info("%d pages (%.0f pages/min), %d articles, %d errors",
                    pages, rate, self.stats.get_value("portalcrawl/articles_queued", 0), errors)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
