"""The coordinator of a distributed crawl (`portalcrawl crawl --redis`): the run's one writer.

It publishes the run (config, the archive's templates), seeds the shared frontier with the start
requests, and then stores what the workers push, in batches, through the same ArchiveWriter as a
one-process crawl; SQLite never leaves its disk and never has two writers. It puts the leases of a
worker whose heartbeat stopped back in the queue, and ends the run when, in one atomic look, the
queue is empty, no worker holds a lease and no record waits: then nothing can add work. Last, the
same end pass as a one-process crawl (crawl/finishing.py), fed with every worker's template evidence.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import pickle
import subprocess
import time
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from typing import Any

import redis
from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader
from scrapy_redis import picklecompat

from ..archive import Archive, ArchiveWriter
from ..archive.records import PageRecord
from ..archive.urls import site_of
from ..archive.writer import load_templates
from ..contract import CrawlStats, Stat, StatGroup
from ..extract.learn import TemplateLearner
from ..pool import ExtractionPool, default_workers
from .fingerprint import PortalFingerprinter
from .finishing import finish_run
from .page_reading import TemplateEvidence
from .redis_frontier import REQUEUE, push, site_key
from .redis_run import HEARTBEAT_SECONDS, Keys, RunConfig

logger = logging.getLogger(__name__)

STORE_EVERY = 0.5  # seconds a partial batch of records may wait
MAX_PENDING_TEMPLATES = 10_000  # evidence waiting for its page record: a page's two items are adjacent


class RunInProgress(RuntimeError):
    """The Redis database holds another run: said in one line."""


@dataclass
class Coordinator:
    server: redis.Redis
    db_path: str
    config: RunConfig
    settings: Settings
    started: str = ""
    requeued: int = 0
    templates_signature: int | None = None
    worker_stats: list[dict[str, Any]] = field(default_factory=list)

    # ------------------------------------------------------------------ the run's start

    def publish(self, writer: ArchiveWriter, fresh: bool) -> TemplateLearner | None:
        """Claim the Redis database, publish the run and seed its frontier; a run of the same start URLs
        that was interrupted is resumed (its frontier and waiting records are kept)."""
        if self.server.exists(Keys.coordinator):
            raise RunInProgress("another distributed crawl is running on this Redis database "
                                "(its coordinator is alive); use another database, e.g. redis://host:6379/2")
        earlier = self.server.get(Keys.config)
        if earlier and not fresh and RunConfig.loads(earlier).start_urls != self.config.start_urls:
            raise RunInProgress("this Redis database holds an unfinished run of other start URLs; "
                                "resume it with the same URLs, or pass --fresh to discard it")
        if fresh or not earlier:
            for key in Keys.run_keys(self.server):
                self.server.delete(key)
        elif self.server.exists(Keys.sites, Keys.records):
            logger.warning("resuming an interrupted run: %d sites with requests queued, %d records waiting",
                           self.server.zcard(Keys.sites), self.server.llen(Keys.records))
        self.server.delete(Keys.done, Keys.stats)
        self.beat()
        sites = sorted({site_of(url) for url in self.config.start_urls})
        learner = TemplateLearner(load_templates(writer.db, sites))
        self.publish_templates(learner)
        self.server.set(Keys.config, self.config.dumps())
        self._seed()
        return learner if self.settings.getbool("PORTALCRAWL_TEMPLATES", True) else None

    def publish_templates(self, learner: TemplateLearner | None) -> None:
        """The templates learned so far, for the workers to read pages with (as one process does as soon
        as it learns one); published when they change."""
        if learner is None:
            return
        learned = [t for t in learner.groups() if t.learned]
        signature = hash(tuple((t.site, t.template_id, t.version) for t in learned))
        if signature != self.templates_signature:
            self.templates_signature = signature
            self.server.set(Keys.templates, pickle.dumps(learned, protocol=pickle.HIGHEST_PROTOCOL))
            self.server.incr(Keys.templates_version)

    def _seed(self) -> None:
        """The spider's start requests, through the shared dupefilter into the shared queue."""
        spider_class = SpiderLoader.from_settings(self.settings).load("portal")
        spider = spider_class(start_urls=self.config.start_urls, allow=self.config.allow or None,
                              deny=self.config.deny or None)

        async def starts() -> list[Any]:
            return [request async for request in spider.start()]

        fingerprinter = PortalFingerprinter()
        for request in asyncio.run(starts()):
            if self.server.sadd(Keys.dupefilter, fingerprinter.fingerprint(request).hex()):
                encoded = picklecompat.dumps(request.to_dict(spider=spider))  # as scrapy-redis's queues encode
                push(self.server, encoded, -request.priority, site_key(request))

    def beat(self) -> None:
        self.server.set(Keys.coordinator, 1, ex=HEARTBEAT_SECONDS)

    # ------------------------------------------------------------------ while workers crawl

    def requeue_dead(self) -> int:
        """Put the leases of workers whose heartbeat stopped back in the queue."""
        script = self.server.register_script(REQUEUE)
        moved = 0
        for worker in self.server.smembers(Keys.workers):
            worker = worker.decode()
            if not self.server.exists(Keys.alive(worker)) and self.server.exists(Keys.inflight(worker)):
                count = int(script(keys=[Keys.inflight(worker), Keys.sites], args=[Keys.site_queue("")]))
                logger.warning("worker %s stopped: %d of its requests go back in the queue", worker, count)
                moved += count
        self.requeued += moved
        return moved

    def alive(self) -> bool:
        """Whether any worker's heartbeat is current."""
        return any(self.server.exists(Keys.alive(w.decode())) for w in self.server.smembers(Keys.workers))

    def drained(self) -> bool:
        """In one atomic look: nothing queued, nothing leased, nothing waiting to be stored."""
        workers = [w.decode() for w in self.server.smembers(Keys.workers)]
        pipe = self.server.pipeline(transaction=True)
        pipe.zcard(Keys.sites).llen(Keys.records)
        for worker in workers:
            pipe.zcard(Keys.inflight(worker))
        return not any(pipe.execute())

    def waiting(self) -> int:
        return int(self.server.llen(Keys.records))

    def take(self, size: int) -> list[Any]:
        """The next records, still in Redis until stored (see store)."""
        return [pickle.loads(raw) for raw in self.server.lrange(Keys.records, 0, size - 1)]

    def stored(self, count: int) -> None:
        self.server.ltrim(Keys.records, count, -1)

    def end(self, workers_timeout: float) -> None:
        """Once the workers are told the run is over: wait for them, and collect their stats (a dead worker
        sends none)."""
        deadline = time.monotonic() + workers_timeout
        while time.monotonic() < deadline and self.alive():
            time.sleep(0.2)
        self.worker_stats = [json.loads(raw) for raw in self.server.lrange(Keys.stats, 0, -1)]

    def clear(self) -> None:
        for key in Keys.run_keys(self.server):
            self.server.delete(key)


class RecordStore:
    """The records the workers push, stored as a one-process crawl's pipeline stores them."""

    def __init__(self, writer: ArchiveWriter, learner: TemplateLearner | None) -> None:
        self.writer = writer
        self.learner = learner
        self.templates: OrderedDict[str, str] = OrderedDict()  # url -> template id, until its page comes
        self.failed = 0

    def store(self, batch: list[Any]) -> int:
        """Store a batch (item by item if it fails whole); the number of items not stored."""
        records = []
        for item in batch:
            if isinstance(item, TemplateEvidence):
                if self.learner is not None:
                    self.templates[item.url] = self.learner.observe(item.site, item.url, item.evidence)
                    while len(self.templates) > MAX_PENDING_TEMPLATES:
                        self.templates.popitem(last=False)
                continue
            if isinstance(item, PageRecord) and item.url in self.templates:
                item.template = self.templates.pop(item.url)
            records.append(item)
        try:
            self.writer.write(records)
            return 0
        except Exception as exc:  # the batch was rolled back whole: store what can be stored, item by item
            logger.warning("a batch of %d items could not be stored (%s); storing them one by one", len(records), exc)
        failed = 0
        for record in records:
            try:
                self.writer.write([record])
            except Exception as error:
                failed += 1
                logger.error("not stored: %s", error)
        self.failed += failed
        return failed


def merged_stats(worker_stats: list[dict[str, Any]], writer: ArchiveWriter, extra: dict[str, Any]) -> dict[str, Any]:
    """The run's stats: every worker's counters summed, and what the coordinator stored."""
    total: Counter[str] = Counter()
    for entry in worker_stats:
        total.update({key: value for key, value in entry["stats"].items() if not key.startswith(StatGroup.STORED)})
    stats: dict[str, Any] = dict(total)
    stats.update({StatGroup.STORED.key(key): value for key, value in writer.counts.items()})
    stats.update(extra)
    return stats


def _store_until_drained(coordinator: Coordinator, store: RecordStore, batch_size: int,
                         local_workers: list[subprocess.Popen[bytes]]) -> str | None:
    """Store what the workers push until the run is drained; why it stopped early, if it did."""
    last_check = last_store = 0.0
    while True:
        # A full batch at once; a partial one once it has waited a moment (a commit per trickle of
        # records would spend the coordinator's time in fsync).
        waiting = coordinator.waiting()
        batch = coordinator.take(batch_size) if waiting >= batch_size or \
            (waiting and time.monotonic() - last_store >= STORE_EVERY) else []
        if batch:
            store.store(batch)
            coordinator.stored(len(batch))
            coordinator.publish_templates(store.learner)
            last_store = time.monotonic()
            if len(batch) == batch_size:
                continue
        now = time.monotonic()
        if now - last_check >= 0.25:
            last_check = now
            coordinator.beat()
            coordinator.requeue_dead()
            if coordinator.drained():
                return None
            if local_workers and all(p.poll() is not None for p in local_workers) and not coordinator.alive():
                # Nobody is left to crawl: stop, and keep the frontier in Redis for a rerun to resume.
                return "every worker ended before the frontier was drained (rerun to resume)"
        if not batch:
            time.sleep(0.02)


def run_coordinator(coordinator: Coordinator, batch_size: int, local_workers: list[subprocess.Popen[bytes]],
                    fresh: bool = False) -> dict[str, Any]:
    """Store the run's records until it is drained, then the end pass; the run's stats."""
    settings = coordinator.settings
    workers = settings.get("PORTALCRAWL_WORKERS")
    # The coordinator runs no reactor, and its pool works once the crawl is over: every core.
    pool = ExtractionPool(default_workers() if workers in (None, "") else int(workers),
                          settings.getfloat("PORTALCRAWL_EXTRACT_TIMEOUT"))
    pool.warm()  # for the end pass: its processes start while the workers crawl
    try:
        with Archive(coordinator.db_path, write=True) as archive:
            writer = archive.writer()
            writer.close_abandoned_runs()
            started = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            crawl_id = writer.start_crawl(started, coordinator.config.start_urls)
            learner = coordinator.publish(writer, fresh)
            store = RecordStore(writer, learner)
            begun = time.monotonic()
            aborted = _store_until_drained(coordinator, store, batch_size, local_workers)
            if aborted:
                logger.error(aborted)
            coordinator.server.set(Keys.done, 1)  # the workers end while the end pass runs
            sites = sorted({site_of(url) for url in coordinator.config.start_urls})
            end = finish_run(writer, learner, sites, settings.get("PORTALCRAWL_TIMEZONE"), started, pool.extract_all)
            coordinator.end(workers_timeout=HEARTBEAT_SECONDS + 5)
            extra = {Stat.FINISH_REASON: "workers_ended" if aborted else "finished", Stat.DB: coordinator.db_path,
                     Stat.ELAPSED: round(time.monotonic() - begun, 3),
                     "portalcrawl/workers": len(coordinator.worker_stats), "portalcrawl/requeued": coordinator.requeued}
            if learner is not None:
                extra.update({Stat.TEMPLATES_LEARNED: end.templates_learned,
                              Stat.TEMPLATES_REEXTRACTED: end.reextracted})
            if store.failed:
                extra[StatGroup.ERRORS.key("storage")] = store.failed
            if aborted:
                extra[StatGroup.ERRORS.key("workers_ended")] = 1
            stats = merged_stats(coordinator.worker_stats, writer, extra)
            failure = CrawlStats(stats).failure()
            writer.finish_crawl(crawl_id, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                                "failed" if failure or aborted else "finished", stats, errors=failure or aborted)
    finally:
        pool.close()
    if aborted:
        coordinator.server.delete(Keys.coordinator, Keys.done)
    else:
        coordinator.clear()
    return stats
