"""The crawl's end of the archive: validate the spider's records, then store them in batches through
the archive's writer, and at the end of the crawl apply the templates learned on the way."""

from __future__ import annotations

import datetime as dt
import importlib
import logging
import sys
import threading
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector
from scrapy.utils.defer import deferred_from_coro
from twisted.internet import task

from ..archive import Archive, ArchiveError, ArchiveWriter
from ..archive.records import ArticleRecord, ListedDates, PageLinkRecords
from ..archive.writer import load_templates
from ..contract import CrawlStats, Stat, StatGroup
from ..extract.learn import TemplateLearner
from .finishing import finish_run
from .item_check import validate
from .writer_process import BatchResult, WriterDied, WriterProcess

logger = logging.getLogger(__name__)
PRELOAD_AFTER = 2.0  # seconds into a crawl


def _reactor_running() -> bool:
    """Whether a Twisted reactor runs (a crawl), without installing one (a pipeline driven by hand)."""
    reactor = sys.modules.get("twisted.internet.reactor")
    return bool(reactor is not None and reactor.running)


def _uses_templates(spider: Spider | None) -> bool:
    """Whether the spider learns its sites' templates as it reads pages (the portal spider's reader does)."""
    reader = getattr(spider, "reader", None)
    return bool(reader is not None and reader.use_templates)


class ArchivePipeline:
    """Buffers items and writes them to SQLite, one transaction per batch."""

    def __init__(self, db_path: str, batch_size: int, stats: StatsCollector, record_run: bool = True) -> None:
        self.db_path = db_path
        self.batch_size = max(1, batch_size)
        self.stats = stats
        self.record_run = record_run  # False in a harvest: it records one run for all its portals
        self.buffer: list[Any] = []
        self.pending_rows = 0
        self.writer: ArchiveWriter | None = None
        self.crawl_id: int | None = None
        self.crawler: Crawler | None = None
        self.storage_failed = False
        self.in_process = False  # PORTALCRAWL_WRITER_PROCESS off: the writer in the crawl's own process
        self.process: WriterProcess | None = None
        self.poll: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchivePipeline:
        pipeline = cls(
            crawler.settings.get("PORTALCRAWL_DB"),
            crawler.settings.getint("PORTALCRAWL_BATCH_SIZE", 500),
            crawler.stats,
            crawler.settings.getbool("PORTALCRAWL_RECORD_RUN", True),
        )
        pipeline.in_process = not crawler.settings.getbool("PORTALCRAWL_WRITER_PROCESS", True)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        pipeline.crawler = crawler
        return pipeline

    def open_spider(self, spider: Spider | None = None) -> None:
        try:
            self.writer = Archive(self.db_path, write=True).writer()
        except ArchiveError as exc:  # checked before the crawl, but a disk can fill up in between
            self.stats.inc_value(StatGroup.ERRORS.key("storage"))
            from twisted.internet import reactor

            reactor.callLater(0, self._storage_died, exc)
            return
        started = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        spider = spider or (self.crawler.spider if self.crawler else None)
        self.started = started
        if _uses_templates(spider):
            # What earlier runs learned about these sites applies from the first page.
            spider.reader.learner = TemplateLearner(load_templates(self.writer.db, sorted(spider.sites)))
        if self.record_run:
            self.crawl_id = self.writer.start_crawl(started, list(getattr(spider, "start_urls", [])))
        self.stats.set_value(Stat.DB, str(self.db_path))
        if _reactor_running() and not self.in_process:  # a crawl: the writer gets a process of its own
            self.process = WriterProcess(self.db_path)
            # The end pass stores articles here, with MinHash: its library (and SciPy under it, 0.7 s of this
            # process's time) loads in a thread, once the crawl runs: not while it starts, when this process
            # is what the first requests wait for (measured: it delayed them by a few tenths of a second).
            from twisted.internet import reactor

            reactor.callLater(PRELOAD_AFTER, threading.Thread(target=importlib.import_module, args=("datasketch",),
                                                              daemon=True).start)
            self.poll = task.LoopingCall(self._poll)
            self.poll.start(0.5, now=False)

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        try:
            validate(item)
        except DropItem:
            self.stats.inc_value(StatGroup.SKIPPED.key("invalid_item"))
            raise
        self.buffer.append(item)
        # A batch is counted in rows: one page's links item can hold a hundred of them.
        self.pending_rows += len(item.links) if isinstance(item, PageLinkRecords) else \
            len(item.dates) if isinstance(item, ListedDates) else 1
        if isinstance(item, ArticleRecord):
            self.stats.inc_value(Stat.ARTICLES_QUEUED)
        if self.pending_rows >= self.batch_size:
            if self.process is not None:
                try:
                    self.process.submit(self._take())
                except WriterDied as exc:
                    self.stats.inc_value(StatGroup.ERRORS.key("storage"))
                    self._storage_died(exc)
            else:
                self.flush()
        return item

    def _take(self) -> list[Any]:
        batch, self.buffer, self.pending_rows = self.buffer, [], 0
        return batch

    def _store(self, batch: list[Any]) -> list[Exception]:
        """Write a batch (in this process): the errors of the items that could not be stored."""
        return self.writer.write_salvaging(batch)

    def _stored(self, failed: list[Exception], size: int) -> None:
        """Back in the reactor's thread: the counters, and the end of a crawl whose storage died."""
        if failed:
            self.stats.inc_value(StatGroup.ERRORS.key("storage"), len(failed))
            logger.error("%d of %d items not stored: %s", len(failed), size, failed[-1])
            if len(failed) == size:
                self._storage_died(failed[-1])
        self._count_stored()

    def flush(self) -> None:
        """Store the buffer now, in this thread (after the writer's thread is done: the end of a crawl)."""
        if not self.buffer or self.writer is None:
            return
        batch = self._take()
        self._stored(self._store(batch), len(batch))

    def _poll(self) -> None:
        """What the writer process did since the last look; a writer that died stops the crawl."""
        if self.process is None:
            return
        self._apply(self.process.done())
        if not self.process.alive and not self.storage_failed:
            self._storage_died(WriterDied(self.process.process.exitcode))

    def _apply(self, results: list[BatchResult]) -> None:
        """What the writer process did with the batches it was sent."""
        for result in results:
            self._stored([RuntimeError(error) for error in result.errors], result.size)

    def _storage_died(self, error: Exception) -> None:
        """Nothing of a batch could be stored (a full disk, a file made read-only): stop the crawl rather
        than fetch pages that will be lost; the run is recorded as such if its row can still be written."""
        if not self.storage_failed:
            logger.error("storage failed (%s): stopping the crawl", error)
            try:
                engine = self.crawler.engine if self.crawler is not None else None
            except RuntimeError:  # not crawling (a pipeline driven by hand)
                engine = None
            if engine is not None:
                deferred_from_coro(engine.close_spider_async(reason="storage_failed"))
        self.storage_failed = True

    def _count_stored(self) -> None:
        counts = self.process.counts if self.process is not None else self.writer.counts
        for key, value in counts.items():
            self.stats.set_value(StatGroup.STORED.key(key), value)

    def close_spider(self, spider: Spider | None = None) -> None:
        if self.process is not None:  # the writer process stores the rest, then hands the archive back
            try:
                if self.buffer:
                    self.process.submit(self._take())
            except WriterDied as exc:
                self.stats.inc_value(StatGroup.ERRORS.key("storage"))
                self._storage_died(exc)
            if self.poll is not None and self.poll.running:
                self.poll.stop()
            self._apply(self.process.done() + self.process.close())
            if self.writer is not None:
                self.writer.counts.update(self.process.counts)
            self.process = None
        self.flush()
        spider = spider or (self.crawler.spider if self.crawler else None)
        reader = getattr(spider, "reader", None)
        if self.writer is not None and reader is not None and not self.storage_failed:
            try:
                self._finish(spider, reader)
            except Exception:  # the crawl's records are stored; the end pass is an improvement
                logger.exception("applying the learned templates failed")
                self.stats.inc_value(StatGroup.ERRORS.key("templates"))

    def _finish(self, spider: Spider, reader: Any) -> None:
        """The end pass (crawl/finishing.py) over this crawl's sites, and its counters."""
        end = finish_run(self.writer, reader.learner if reader.use_templates else None, sorted(spider.sites),
                         reader.timezone, self.started, reader.pool.extract_all)
        if reader.use_templates:
            self.stats.set_value(Stat.TEMPLATES_LEARNED, end.templates_learned)
            self.stats.set_value(Stat.TEMPLATES_REEXTRACTED, end.reextracted)
        if end.layout_changed:
            self.stats.set_value(Stat.TEMPLATES_LAYOUT_CHANGED, end.layout_changed)
        self._count_stored()

    def spider_closed(self, spider: Spider, reason: str) -> None:
        """Record the run (after close_spider has flushed), with every counter Scrapy kept."""
        if self.writer is None:
            return
        self.flush()
        if self.crawl_id is None:
            self.writer.db.close()
            self.writer = None
            return
        finished = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        status = "finished" if reason in ("finished", "closespider_pagecount") else reason
        failure = CrawlStats(self.stats.get_stats()).failure()
        self.writer.finish_crawl(self.crawl_id, finished, "failed" if failure else status, self.stats.get_stats(),
                                 errors=failure)
        self.writer.db.close()
        self.writer = None
