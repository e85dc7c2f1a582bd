"""A worker's side of a distributed crawl, beside the scrapy-redis scheduler: its heartbeat, the end
of its leases, staying up while the frontier may still grow, and its records sent to the coordinator.

Two hooks reach into Scrapy's engine (its slot's set of requests in progress, and the call that asks
the scheduler for more): Scrapy has no signal for "a request's output has been handled", which is
when a lease may end. They are here and nowhere else; tests/test_distributed.py fails if they move.
"""

from __future__ import annotations

import json
import logging
import pickle
import time
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider, DontCloseSpider, DropItem, NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import task
from twisted.python.failure import Failure

from ..contract import StatGroup
from ..extract.learn import TemplateLearner
from .item_check import validate
from .redis_run import HEARTBEAT_SECONDS, NO_RUN, NOT_PUBLISHED, TICK_SECONDS, Keys, RunConfig, connect

logger = logging.getLogger(__name__)

RECORDS_DUE = object()  # a signal: leases are about to end, the records held must go first (RecordsToRedis)


class WorkerLifecycle:
    """Heartbeat, leases and the end of a worker (an extension: on when PORTALCRAWL_REDIS_URL is set)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.worker = crawler.settings.get("PORTALCRAWL_WORKER_ID")
        self.run = crawler.settings.get("PORTALCRAWL_RUN_ID")
        self.joined = False  # whether it joined its run (it reports to the run only then)
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

    async def opened(self, spider: Spider) -> None:
        """Wait for this worker's run to be published (a local worker opens while its coordinator still
        loads; its start requests must not reach a Redis database the coordinator is about to clear).
        Then the templates apply from the first page, as in one process; what this run learns is learned
        by the coordinator, from every worker's evidence, and comes back as it is learned."""
        from twisted.internet import reactor  # the one Scrapy installed: not at import, which would install one

        wait = self.crawler.settings.get("PORTALCRAWL_RUN_WAIT")
        deadline = None if wait is None else time.monotonic() + float(wait)
        while not self.published():
            if deadline is not None and time.monotonic() > deadline:
                logger.error(NO_RUN, self.crawler.settings.get("PORTALCRAWL_REDIS_URL"))
                raise CloseSpider(NOT_PUBLISHED)
            await maybe_deferred_to_future(task.deferLater(reactor, 0.05))
        if getattr(spider, "reader", None) is not None:
            spider.reader.observes = False
            self.templates()
        self.joined = True
        self.server.sadd(Keys.workers, self.worker)
        self.beat()
        self.tick = task.LoopingCall(self.beat)
        self.tick.start(TICK_SECONDS, now=False)

    def published(self) -> bool:
        """Whether this worker's run is the one published, and not over."""
        raw = self.server.get(Keys.config)
        return bool(raw) and RunConfig.loads(raw).run == self.run and not self.server.exists(Keys.done)

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
        slot = self.release()
        if slot is None:
            return
        self.server.set(Keys.alive(self.worker), 1, ex=self.heartbeat)
        self.templates()
        if not slot.inprogress:  # idle: there may be requests queued by others, or the run may be over
            slot.nextcall.schedule()

    def release(self) -> Any:
        """Push the records held, then end the leases of the requests Scrapy is done with; the engine's
        slot (None before it opens)."""
        slot = getattr(self.crawler.engine, "_slot", None)
        scheduler = getattr(slot, "scheduler", None)
        if slot is None or scheduler is None:
            return None
        queue = scheduler.queue
        finished = [request for request, _ in list(queue.leases.values()) if request not in slot.inprogress]
        pushed = self.crawler.signals.send_catch_log(RECORDS_DUE)
        # With the records unsent the leases stay; the requests the worker found still go to the queue.
        queue.release([] if any(isinstance(result, Failure) for _, result in pushed) else finished)
        return slot

    def idle(self, spider: Spider) -> None:
        """A worker with nothing to do stays up until the coordinator says the frontier is drained. Its last
        leases end now, not at the next beat: the run's end may be waiting for them."""
        self.release()
        if not self.server.exists(Keys.done):
            raise DontCloseSpider

    def closed(self, spider: Spider, reason: str) -> None:
        if self.tick is not None and self.tick.running:
            self.tick.stop()
        if not self.joined:
            return
        if reason == "finished":
            self.beat()
        stats = {key: value for key, value in self.crawler.stats.get_stats().items()
                 if isinstance(value, int | float) and not isinstance(value, bool)}
        self.server.rpush(Keys.stats, json.dumps({"worker": self.worker, "reason": reason, "stats": stats}))
        self.server.delete(Keys.alive(self.worker))


class RecordsToRedis:
    """The item pipeline of a worker: its records go to the coordinator's list, pickled, all those held
    in one push just before leases end (RECORDS_DUE), so a request's lease ends only after its records
    are pushed. A push per record held the reactor a millisecond each on a busy machine (measured:
    two seconds of a worker's 35-second crawl). A killed worker's held records die with it, but its
    leases stay in Redis, and their requests are fetched again."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.server = connect(crawler.settings.get("PORTALCRAWL_REDIS_URL"))
        self.held: list[bytes] = []
        crawler.signals.connect(self.push, signal=RECORDS_DUE)

    def push(self) -> None:
        """Push the records held; they are held still if Redis fails (the leases then stay too)."""
        if self.held:
            self.server.rpush(Keys.records, *self.held)
            self.held = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RecordsToRedis:
        return cls(crawler)

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        try:
            validate(item)
        except DropItem:
            self.crawler.stats.inc_value(StatGroup.SKIPPED.key("invalid_item"))
            raise
        self.held.append(pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL))
        return item
