"""The archive pipeline on its own: built by Scrapy's get_crawler, fed records by hand, writing a real
SQLite file that the tests read back with sqlite3. No server, no reactor, no crawl."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any, ClassVar

import pytest
import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from portalcrawl.archive import Archive
from portalcrawl.archive.records import ArticleRecord, LinkRecord, PageLinkRecords, PageRecord, SiteRecord
from portalcrawl.contract import CrawlStats, LinkKind, Stat, StatGroup, StoredKind, WriteCount
from portalcrawl.crawl.pipeline import ArchivePipeline

from .conftest import query

SITE = "http://portal.example"
FETCHED = "2024-05-02T00:00:00+00:00"
INVALID = StatGroup.SKIPPED.key("invalid_item")
STORAGE_ERRORS = StatGroup.ERRORS.key("storage")


class PortalSpider(scrapy.Spider):
    name = "portal"
    start_urls: ClassVar[list[str]] = [SITE + "/", SITE + "/news/"]


def page(path: str, kind: str = StoredKind.ARTICLE) -> PageRecord:
    return PageRecord(url=SITE + path, site=SITE, status=200, fetched_at=FETCHED, kind=kind, body=b"x")


def article(path: str, body: str = "正文第一段。") -> ArticleRecord:
    return ArticleRecord(url=SITE + path, site=SITE, title="标题", published="2024-05-01", published_source="text",
                         contributor="记者", source=None, editor=None, category="新闻", body=body,
                         fetched_at=FETCHED, content_hash=f"hash-{path}-{body}")


def links(path: str, *targets: str) -> PageLinkRecords:
    return PageLinkRecords(SITE + path, [LinkRecord(SITE + path, SITE + t, "链接", LinkKind.LIST) for t in targets])


def count(db: Path, table: str) -> int:
    return query(db, f"SELECT count(*) FROM {table}")[0][0]


def stored(crawler: Crawler) -> dict[str, int]:
    return CrawlStats(crawler.stats.get_stats()).group(StatGroup.STORED)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "archive.db"


def pipeline_for(db: Path, **settings: Any) -> tuple[ArchivePipeline, Crawler, PortalSpider]:
    # Scrapy's own extensions off: spider_closed reaches only the spider and the pipeline.
    crawler = get_crawler(PortalSpider, {"PORTALCRAWL_DB": str(db), "PORTALCRAWL_BATCH_SIZE": 3, "EXTENSIONS_BASE": {},
                                         **settings})
    spider = PortalSpider.from_crawler(crawler)
    return ArchivePipeline.from_crawler(crawler), crawler, spider


def send_spider_closed(crawler: Crawler, pipeline: ArchivePipeline, spider: scrapy.Spider, reason: str) -> None:
    """spider_closed as Scrapy sends it: it reaches the pipeline (connected by from_crawler), which must not fail."""
    results = crawler.signals.send_catch_log(signals.spider_closed, spider=spider, reason=reason)
    assert (pipeline.spider_closed, None) in results, results
    assert not [result for _, result in results if isinstance(result, Failure)], results


def close(crawler: Crawler, pipeline: ArchivePipeline, spider: scrapy.Spider, reason: str = "finished",
          parsed: int = 4) -> None:
    """What Scrapy does at the end of a crawl: close the pipelines, then send spider_closed. ``parsed``: the
    responses the spider read, as it counts them (a crawl that read none is recorded as failed)."""
    crawler.stats.set_value(Stat.PARSED, parsed)
    pipeline.close_spider(spider)
    send_spider_closed(crawler, pipeline, spider, reason)


def test_from_crawler_reads_the_settings(db: Path) -> None:
    pipeline, crawler, _ = pipeline_for(db, PORTALCRAWL_BATCH_SIZE="7", PORTALCRAWL_RECORD_RUN="False")
    assert (pipeline.db_path, pipeline.batch_size, pipeline.record_run) == (str(db), 7, False)
    assert pipeline.stats is crawler.stats and pipeline.crawler is crawler
    assert not db.exists()  # nothing is opened before the spider is
    assert ArchivePipeline.from_crawler(get_crawler(settings_dict={"PORTALCRAWL_BATCH_SIZE": 0})).batch_size == 1


def test_items_are_stored_in_batches_counted_in_rows(db: Path) -> None:
    pipeline, crawler, spider = pipeline_for(db)
    pipeline.open_spider(spider)
    assert crawler.stats.get_value(Stat.DB) == str(db)
    first = page("/a/1.html")
    assert pipeline.process_item(first, spider) is first  # items go on to the next pipeline
    pipeline.process_item(article("/a/1.html"), spider)
    assert count(db, "pages") == 0 and count(db, "articles") == 0  # two rows buffered: not written yet
    pipeline.process_item(SiteRecord(SITE, "门户", "[]", FETCHED), spider)  # the third row: a batch
    assert (count(db, "pages"), count(db, "articles"), count(db, "sites")) == (1, 1, 1)
    assert stored(crawler) == {WriteCount.PAGES: 1, WriteCount.ARTICLES_NEW: 1, **dict.fromkeys(
        [WriteCount.ARTICLES_CHANGED, WriteCount.ARTICLES_UNCHANGED, WriteCount.ARTICLES_ALIAS,
         WriteCount.ARTICLES_REMOVED, WriteCount.LINKS], 0)}
    # One page's links are one item but many rows: four links fill a batch on their own.
    pipeline.process_item(links("/a/1.html", "/a/2.html", "/a/3.html", "/a/4.html", "/a/5.html"), spider)
    assert count(db, "links") == 4 and stored(crawler)[WriteCount.LINKS] == 4
    pipeline.process_item(page("/a/2.html"), spider)
    assert count(db, "pages") == 1  # buffered again
    close(crawler, pipeline, spider)
    assert count(db, "pages") == 2 and stored(crawler)[WriteCount.PAGES] == 2  # the rest, at the end
    assert crawler.stats.get_value(Stat.ARTICLES_QUEUED) == 1


@pytest.mark.parametrize(("item", "why"), [
    (article("/a/1.html", body="  \n "), "without a body"),
    (ArticleRecord(**{**article("/a/1.html").__dict__, "url": "ftp://portal.example/a/1.html"}), "not an http(s)"),
    (PageRecord(url="javascript:void(0)", site=SITE, status=200, fetched_at=FETCHED), "not an http(s)"),
    ({"url": SITE + "/a/1.html"}, "unknown item type dict"),
])
def test_invalid_items_are_dropped_and_counted(db: Path, item: Any, why: str) -> None:
    pipeline, crawler, spider = pipeline_for(db, PORTALCRAWL_BATCH_SIZE=1)
    pipeline.open_spider(spider)
    with pytest.raises(DropItem, match=re.escape(why)):
        pipeline.process_item(item, spider)
    pipeline.process_item(article("/a/2.html"), spider)  # the next good one is stored as ever
    assert crawler.stats.get_value(INVALID) == 1 and crawler.stats.get_value(Stat.ARTICLES_QUEUED) == 1
    close(crawler, pipeline, spider)
    assert [r[0] for r in query(db, "SELECT url FROM articles")] == [SITE + "/a/2.html"]


def test_the_run_is_recorded_and_finished_with_its_counters(db: Path) -> None:
    pipeline, crawler, spider = pipeline_for(db)
    pipeline.open_spider(spider)
    run = query(db, "SELECT * FROM crawls")
    assert len(run) == 1 and run[0]["status"] == "running" and run[0]["finished"] is None
    assert json.loads(run[0]["start_urls"]) == PortalSpider.start_urls
    for n in range(4):
        pipeline.process_item(article(f"/a/{n}.html"), spider)
    crawler.stats.set_value(Stat.FINISH_REASON, "finished")
    close(crawler, pipeline, spider)
    assert pipeline.writer is None  # the archive is closed
    run = query(db, "SELECT * FROM crawls")[0]
    assert run["status"] == "finished" and run["finished"] >= run["started"] and run["errors"] is None
    stats = CrawlStats(json.loads(run["stats"]))
    assert stats.stored(WriteCount.ARTICLES_NEW) == 4 == count(db, "articles")
    assert stats.get(Stat.ARTICLES_QUEUED) == 4 and stats.finish_reason == "finished"
    assert stats.raw[Stat.DB] == str(db)


@pytest.mark.parametrize(("reason", "status"), [("closespider_pagecount", "finished"), ("shutdown", "shutdown")])
def test_the_run_status_is_why_the_crawl_ended(db: Path, reason: str, status: str) -> None:
    pipeline, crawler, spider = pipeline_for(db)
    pipeline.open_spider(spider)
    pipeline.process_item(article("/a/1.html"), spider)
    close(crawler, pipeline, spider, reason)
    assert tuple(query(db, "SELECT status, errors FROM crawls")[0]) == (status, None)
    assert count(db, "articles") == 1


def test_a_crawl_that_read_no_page_is_recorded_as_failed(db: Path) -> None:
    pipeline, crawler, spider = pipeline_for(db)
    pipeline.open_spider(spider)
    crawler.stats.set_value(StatGroup.SKIPPED.key("network_ConnectionRefusedError"), 2)
    crawler.stats.set_value(StatGroup.SKIPPED.key("robots"), 1)
    close(crawler, pipeline, spider, parsed=0)
    assert tuple(query(db, "SELECT status, errors FROM crawls")[0]) == (
        "failed", "nothing could be fetched (network_ConnectionRefusedError 2, robots 1)")


def test_a_harvest_records_no_run_of_its_own(db: Path) -> None:
    """PORTALCRAWL_RECORD_RUN off (a harvest records one run for all its portals): no crawls row."""
    pipeline, crawler, spider = pipeline_for(db, PORTALCRAWL_RECORD_RUN=False)
    crawler.spider = spider  # Scrapy >= 2.13 may call the pipeline without the spider: it is the crawler's
    pipeline.open_spider()
    pipeline.process_item(article("/a/1.html"))
    pipeline.close_spider()
    send_spider_closed(crawler, pipeline, spider, "finished")
    assert count(db, "crawls") == 0 and count(db, "articles") == 1 and pipeline.writer is None
    assert stored(crawler)[WriteCount.ARTICLES_NEW] == 1


def test_the_run_without_the_spider_argument_names_the_crawlers_spider(db: Path) -> None:
    pipeline, crawler, spider = pipeline_for(db)
    crawler.spider = spider
    pipeline.open_spider()
    assert json.loads(query(db, "SELECT start_urls FROM crawls")[0][0]) == PortalSpider.start_urls
    close(crawler, pipeline, spider)


def _poison(db: Path) -> None:
    """An archive that refuses some rows (as a constraint or a full disk refuses them in a real crawl)."""
    with Archive(db, write=True) as archive:
        archive.db.execute("CREATE TRIGGER poison BEFORE INSERT ON articles WHEN new.url LIKE '%poison%' "
                           "BEGIN SELECT RAISE(ABORT, 'this row cannot be stored'); END")
        archive.db.conn.commit()


def test_a_batch_that_fails_is_stored_item_by_item(db: Path, caplog: pytest.LogCaptureFixture) -> None:
    _poison(db)
    pipeline, crawler, spider = pipeline_for(db, PORTALCRAWL_BATCH_SIZE=5)
    pipeline.open_spider(spider)
    batch = [page("/a/1.html"), article("/a/1.html"), article("/a/poison.html"), article("/a/3.html"),
             links("/a/1.html", "/a/3.html")]
    with caplog.at_level(logging.WARNING, logger="portalcrawl.crawl.pipeline"):
        for item in batch:
            pipeline.process_item(item, spider)
    assert [(r.levelno, r.getMessage()) for r in caplog.records] == [
        (logging.WARNING,
         "a batch of 5 items could not be stored (this row cannot be stored); storing them one by one"),
        (logging.ERROR, "1 of 5 items not stored: this row cannot be stored"),  # one line a batch, no traceback
    ]
    assert crawler.stats.get_value(STORAGE_ERRORS) == 1
    assert {r[0] for r in query(db, "SELECT url FROM articles")} == {SITE + "/a/1.html", SITE + "/a/3.html"}
    assert (count(db, "pages"), count(db, "links")) == (1, 1)
    # The counters follow what was committed: the rolled-back batch counts nothing, its items once each.
    assert {k: v for k, v in stored(crawler).items() if v} == {
        WriteCount.PAGES: 1, WriteCount.ARTICLES_NEW: 2, WriteCount.LINKS: 1}
    pipeline.process_item(article("/a/4.html"), spider)  # the pipeline goes on with the next batch
    close(crawler, pipeline, spider)
    assert count(db, "articles") == 3 and stored(crawler)[WriteCount.ARTICLES_NEW] == 3
    assert not pipeline.storage_failed
    assert query(db, "SELECT status FROM crawls")[0][0] == "finished"


def test_a_batch_of_which_nothing_can_be_stored_stops_the_crawl(db: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Storage that fails a whole batch (a full disk): the crawl stops rather than fetch pages it would lose, and
    the run says why. (With no engine running, as here, stopping is just the flag and the log line.)"""
    _poison(db)
    pipeline, crawler, spider = pipeline_for(db, PORTALCRAWL_BATCH_SIZE=2)
    pipeline.open_spider(spider)
    with caplog.at_level(logging.WARNING, logger="portalcrawl.crawl.pipeline"):
        pipeline.process_item(article("/a/poison-1.html"), spider)
        pipeline.process_item(article("/a/poison-2.html"), spider)
    assert pipeline.storage_failed and crawler.stats.get_value(STORAGE_ERRORS) == 2
    assert caplog.records[-1].getMessage() == "storage failed (this row cannot be stored): stopping the crawl"
    close(crawler, pipeline, spider, reason="storage_failed")
    assert tuple(query(db, "SELECT status, errors FROM crawls")[0]) == (
        "failed", "nothing could be stored (see the log for the archive's error)")
    assert count(db, "articles") == 0


def test_the_stored_counters_count_what_was_stored_after_a_failed_batch(db: Path) -> None:
    """Until 21847ac a rolled-back batch stayed counted, and its items were counted again one by one."""
    _poison(db)
    pipeline, crawler, spider = pipeline_for(db, PORTALCRAWL_BATCH_SIZE=4)
    pipeline.open_spider(spider)
    for item in [page("/a/1.html"), article("/a/1.html"), article("/a/poison.html"), article("/a/3.html")]:
        pipeline.process_item(item, spider)
    close(crawler, pipeline, spider)
    assert (count(db, "pages"), count(db, "articles")) == (1, 2)
    assert (stored(crawler)[WriteCount.PAGES], stored(crawler)[WriteCount.ARTICLES_NEW]) == (1, 2)
    stats = CrawlStats(json.loads(query(db, "SELECT stats FROM crawls")[0][0]))
    assert stats.counts()["articles_new"] == 2  # what a harvest judges the portal by


def test_changed_and_unchanged_articles_are_counted_apart(db: Path) -> None:
    pipeline, crawler, spider = pipeline_for(db, PORTALCRAWL_BATCH_SIZE=1)
    pipeline.open_spider(spider)
    for item in [article("/a/1.html"), article("/a/2.html"), article("/a/1.html"),
                 article("/a/2.html", body="改过的正文。")]:
        pipeline.process_item(item, spider)
    close(crawler, pipeline, spider)
    assert {k: v for k, v in stored(crawler).items() if v} == {
        WriteCount.ARTICLES_NEW: 2, WriteCount.ARTICLES_UNCHANGED: 1, WriteCount.ARTICLES_CHANGED: 1}
    assert query(db, "SELECT body FROM article_versions")[0][0] == "正文第一段。"  # the old text is kept
