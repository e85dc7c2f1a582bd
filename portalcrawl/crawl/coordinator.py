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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import redis
from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader
from scrapy_redis import picklecompat

from ..archive import Archive, ArchiveWriter
from ..archive.urls import site_of
from ..archive.writer import load_templates
from ..contract import CrawlStats, Stat, StatGroup
from ..extract.learn import TemplateLearner
from ..pool import ExtractionPool, default_workers
from .fingerprint import PortalFingerprinter
from .finishing import finish_run
from .record_store import RecordStore, merged_stats
from .redis_frontier import REQUEUE, push, site_key
from .redis_politeness import free_tokens
from .redis_run import HEARTBEAT_SECONDS, Keys, RunConfig
from .settling import Checkpoint, Settler

logger = logging.getLogger(__name__)

STORE_EVERY = 0.5  # seconds a partial batch of records may wait


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
    stored_total: int = 0  # records stored (and removed from Redis) by this coordinator
    fetched_again: set[str] = field(default_factory=set)  # URLs of a dead worker's leases, put back in the queue
    unreadable: int = 0
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
            encoded = picklecompat.dumps(request.to_dict(spider=spider))  # as scrapy-redis's queues encode
            push(self.server, encoded, -request.priority, site_key(request), fingerprinter.fingerprint(request).hex())

    def beat(self) -> None:
        self.server.set(Keys.coordinator, 1, ex=HEARTBEAT_SECONDS)

    # ------------------------------------------------------------------ while workers crawl

    def requeue_dead(self) -> int:
        """Put the leases of workers whose heartbeat stopped back in the queue, and free their tokens."""
        script = self.server.register_script(REQUEUE)
        moved = 0
        for worker in self.server.smembers(Keys.workers):
            worker = worker.decode()
            if not self.server.exists(Keys.alive(worker)) and self.server.exists(Keys.inflight(worker)):
                self.fetched_again.update(_urls(self.server.zrange(Keys.inflight(worker), 0, -1)))
                count = int(script(keys=[Keys.inflight(worker), Keys.sites], args=[Keys.site_queue("")]))
                free_tokens(self.server, worker)
                logger.warning("worker %s stopped: %d of its requests go back in the queue", worker, count)
                moved += count
        self.requeued += moved
        return moved

    def alive(self) -> bool:
        """Whether any worker's heartbeat is current."""
        return any(self.server.exists(Keys.alive(w.decode())) for w in self.server.smembers(Keys.workers))

    def remaining(self) -> tuple[int, int]:
        """In one atomic look: requests queued or leased, and records waiting to be stored. None of either:
        the run is drained; no requests: no record can come but those waiting."""
        pipe = self.server.pipeline(transaction=True)
        pipe.llen(Keys.records).zcard(Keys.sites)
        for worker in self.server.smembers(Keys.workers):
            pipe.zcard(Keys.inflight(worker.decode()))
        waiting, *requests = pipe.execute()
        return sum(requests), int(waiting)

    def checkpoint(self) -> Checkpoint:
        """In one atomic look: how many records were pushed so far, the URLs leased, and the sites with
        requests queued or leased (see settling.py)."""
        pipe = self.server.pipeline(transaction=True)
        pipe.llen(Keys.records).zrange(Keys.sites, 0, -1)
        for worker in self.server.smembers(Keys.workers):
            pipe.zrange(Keys.inflight(worker.decode()), 0, -1)
        waiting, queued, *leases = pipe.execute()
        held = [lease for leased in leases for lease in leased]
        return Checkpoint(self.stored_total + int(waiting), frozenset(_urls(held)),
                          frozenset(site.decode() for site in [*queued, *(h.split(b"\n", 1)[0] for h in held)]))

    def waiting(self) -> int:
        return int(self.server.llen(Keys.records))

    def take(self, size: int) -> tuple[list[Any], int]:
        """The next records, still in Redis until stored (see stored), and how many were taken. A record
        that cannot be read (a worker of another portalcrawl release) is logged and counted, not fatal."""
        raws = self.server.lrange(Keys.records, 0, size - 1)
        records = []
        for raw in raws:
            try:
                records.append(pickle.loads(raw))
            except Exception as exc:
                self.unreadable += 1
                logger.error("a record from a worker could not be read (%s: %s); is every worker of this "
                             "release?", type(exc).__name__, exc)
        return records, len(raws)

    def stored(self, count: int) -> None:
        self.server.ltrim(Keys.records, count, -1)
        self.stored_total += count

    def end(self, workers_timeout: float) -> None:
        """Once the workers are told the run is over: wait for them, and collect their stats (the dead send none)."""
        deadline = time.monotonic() + workers_timeout
        while time.monotonic() < deadline and self.alive():
            time.sleep(0.2)
        self.worker_stats = [json.loads(raw) for raw in self.server.lrange(Keys.stats, 0, -1)]

    def clear(self) -> None:
        for key in Keys.run_keys(self.server):
            self.server.delete(key)


def _urls(leases: Iterable[bytes]) -> Iterator[str]:
    """The URLs of leased requests (their site, a newline, the request as scrapy-redis encodes it)."""
    for lease in leases:
        yield picklecompat.loads(lease.split(b"\n", 1)[1])["url"]


def _store_until_drained(coordinator: Coordinator, store: RecordStore, batch_size: int,
                         local_workers: list[subprocess.Popen[bytes]], settler: Settler | None,
                         warm: Callable[[], None]) -> str | None:
    """Store what the workers push until the run is drained, reading pages again meanwhile (settling.py);
    why it stopped early, if it did. ``warm`` starts the extraction pool: once the first records come,
    when the workers are past their start-up, whose CPU it would otherwise share (measured: it delayed
    the first request of two local workers by a few tenths of a second)."""
    last_check = last_store = 0.0
    while True:
        # A full batch at once; a partial one once it has waited a moment (a commit per trickle of
        # records would spend the coordinator's time in fsync).
        waiting = coordinator.waiting()
        batch, taken = coordinator.take(batch_size) if waiting >= batch_size or \
            (waiting and time.monotonic() - last_store >= STORE_EVERY) else ([], 0)
        if batch and not store.store(batch):
            # Nothing of it could be stored (a full disk): stop, and leave the records in Redis.
            return "storage failed: nothing of a batch could be stored (rerun to resume)"
        if taken:
            warm()
            coordinator.stored(taken)
            if settler is not None:
                settler.note(batch, coordinator.stored_total)
            coordinator.publish_templates(store.learner)
            last_store = time.monotonic()
            if taken == batch_size:
                continue
        now = time.monotonic()
        if now - last_check >= 0.25:
            last_check = now
            coordinator.beat()
            coordinator.requeue_dead()
            if settler is not None:
                settler.checkpoint(coordinator.checkpoint())
            requests, waiting = coordinator.remaining()
            if not requests and not waiting:
                return None
            if not requests:  # the last records: stored at once, and the run checked again at once
                last_store = last_check = 0.0
            if local_workers and all(p.poll() is not None for p in local_workers) and not coordinator.alive():
                # Nobody is left to crawl: stop, and keep the frontier in Redis for a rerun to resume.
                return "every worker ended before the frontier was drained (rerun to resume)"
        if not taken and not (settler and settler.step(coordinator.stored_total, coordinator.fetched_again)):
            time.sleep(0.02)


def run_coordinator(coordinator: Coordinator, batch_size: int, local_workers: list[subprocess.Popen[bytes]],
                    fresh: bool = False) -> dict[str, Any]:
    """Store the run's records until it is drained, then the end pass; the run's stats."""
    settings = coordinator.settings
    workers = settings.get("PORTALCRAWL_WORKERS")
    # The coordinator runs no reactor, and its pool works once the crawl is over: every core.
    pool = ExtractionPool(default_workers() if workers in (None, "") else int(workers),
                          settings.getfloat("PORTALCRAWL_EXTRACT_TIMEOUT"))
    try:
        with Archive(coordinator.db_path, write=True) as archive:
            writer = archive.writer()
            writer.close_abandoned_runs()
            started = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            crawl_id = writer.start_crawl(started, coordinator.config.start_urls)
            learner = coordinator.publish(writer, fresh)
            store = RecordStore(writer, learner)
            timezone = settings.get("PORTALCRAWL_TIMEZONE")
            sites = sorted({site_of(url) for url in coordinator.config.start_urls})
            settler = (Settler(writer, learner, timezone, started, pool.extract_all, sites)
                       if learner is not None else None)
            begun = time.monotonic()
            aborted = _store_until_drained(coordinator, store, batch_size, local_workers, settler, pool.warm)
            if aborted:
                logger.error(aborted)
            coordinator.server.set(Keys.done, 1)  # the workers end while the end pass runs
            end = finish_run(writer, learner, sites, timezone, started, pool.extract_all)
            coordinator.end(workers_timeout=HEARTBEAT_SECONDS + 5)
            extra = {Stat.FINISH_REASON: "workers_ended" if aborted else "finished", Stat.DB: coordinator.db_path,
                     Stat.ELAPSED: round(time.monotonic() - begun, 3),
                     "portalcrawl/workers": len(coordinator.worker_stats), "portalcrawl/requeued": coordinator.requeued}
            if learner is not None:
                extra.update({Stat.TEMPLATES_LEARNED: end.templates_learned,
                              Stat.TEMPLATES_REEXTRACTED: end.reextracted,
                              Stat.TEMPLATES_READ_AGAIN: settler.read_again if settler else 0,
                              Stat.TEMPLATES_SITES_FINISHED: len(settler.finished) if settler else 0})
            if store.failed:
                extra[StatGroup.ERRORS.key("storage")] = store.failed
            if coordinator.unreadable:
                extra[StatGroup.ERRORS.key("records_unreadable")] = coordinator.unreadable
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
