"""A worker's side of a distributed crawl, beside the scrapy-redis scheduler: its heartbeat, the end
of its leases, staying up while the frontier may still grow, and its records sent to the coordinator.

Two hooks reach into Scrapy's engine (its slot's set of requests in progress, and the call that asks
the scheduler for more): Scrapy has no signal for "a request's output has been handled", which is
when a lease may end. They are here and nowhere else; tests/test_distributed.py fails if they move.
"""

from __future__ import annotations

import json
import pickle
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, DropItem, NotConfigured
from twisted.internet import task

from ..contract import StatGroup
from ..extract.learn import TemplateLearner
from .item_check import validate
from .redis_run import HEARTBEAT_SECONDS, TICK_SECONDS, Keys, connect


class WorkerLifecycle:
    """Heartbeat, leases and the end of a worker (an extension: on when PORTALCRAWL_REDIS_URL is set)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.worker = crawler.settings.get("PORTALCRAWL_WORKER_ID")
        self.server = connect(crawler.settings.get("PORTALCRAWL_REDIS_URL"))
        self.tick: task.LoopingCall | None = None
        self.templates_version: bytes | None = None
        self.heartbeat = crawler.settings.getint("PORTALCRAWL_HEARTBEAT_SECONDS", HEARTBEAT_SECONDS)
        crawler.signals.connect(self.opened, signal=signals.spider_opened)
        crawler.signals.connect(self.idle, signal=signals.spider_idle)
        crawler.signals.connect(self.closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WorkerLifecycle:
        if not crawler.settings.get("PORTALCRAWL_REDIS_URL"):
            raise NotConfigured
        return cls(crawler)

    def opened(self, spider: Spider) -> None:
        """The templates apply from the first page, as in one process; what this run learns is learned by
        the coordinator, from every worker's evidence, and comes back as it is learned."""
        if getattr(spider, "reader", None) is not None:
            spider.reader.observes = False
            self.templates()
        self.server.sadd(Keys.workers, self.worker)
        self.beat()
        self.tick = task.LoopingCall(self.beat)
        self.tick.start(TICK_SECONDS, now=False)

    def templates(self) -> None:
        """The coordinator's templates, when they changed since this worker last read them."""
        reader = getattr(self.crawler.spider, "reader", None)
        version = self.server.get(Keys.templates_version)
        if reader is None or version == self.templates_version:
            return
        stored = self.server.get(Keys.templates)
        reader.learner = TemplateLearner(pickle.loads(stored) if stored else [])
        self.templates_version = version

    def beat(self) -> None:
        """End the leases of the requests Scrapy is done with; say this worker is alive; and, when idle,
        ask the scheduler again (other workers may have queued requests, or the run may be over): Scrapy
        itself would look again only after 5 s."""
        engine = self.crawler.engine
        slot = getattr(engine, "_slot", None)
        scheduler = getattr(slot, "scheduler", None)
        if slot is None or scheduler is None:
            return
        queue = scheduler.queue
        finished = [request for request, _ in list(queue.leases.values()) if request not in slot.inprogress]
        queue.release(finished)
        self.server.set(Keys.alive(self.worker), 1, ex=self.heartbeat)
        self.templates()
        if not slot.inprogress:  # idle: there may be requests queued by others, or the run may be over
            slot.nextcall.schedule()

    def idle(self, spider: Spider) -> None:
        """A worker with nothing to do stays up until the coordinator says the frontier is drained."""
        if not self.server.exists(Keys.done):
            raise DontCloseSpider

    def closed(self, spider: Spider, reason: str) -> None:
        if self.tick is not None and self.tick.running:
            self.tick.stop()
        if reason == "finished":
            self.beat()
        stats = {key: value for key, value in self.crawler.stats.get_stats().items()
                 if isinstance(value, int | float) and not isinstance(value, bool)}
        self.server.rpush(Keys.stats, json.dumps({"worker": self.worker, "reason": reason, "stats": stats}))
        self.server.delete(Keys.alive(self.worker))


class RecordsToRedis:
    """The item pipeline of a worker: each record goes to the coordinator's list, pickled, at once (a
    request's lease ends only after its records are pushed)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.server = connect(crawler.settings.get("PORTALCRAWL_REDIS_URL"))

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RecordsToRedis:
        return cls(crawler)

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        try:
            validate(item)
        except DropItem:
            self.crawler.stats.inc_value(StatGroup.SKIPPED.key("invalid_item"))
            raise
        self.server.rpush(Keys.records, pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL))
        return item
