"""When the archive cannot take more (a full disk, simulated with SQLite's own page cap, or a real tiny
file system): counters follow commits, the run says it failed, and one line says why."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
from pathlib import Path

import pytest
from scrapy import Spider
from scrapy.utils.test import get_crawler

from portalcrawl.archive import Archive
from portalcrawl.archive.records import ArticleRecord, PageRecord
from portalcrawl.contract import CrawlStats, StatGroup, WriteCount
from portalcrawl.crawl.pipeline import ArchivePipeline

from .conftest import FAST, run_cli


def _article(n: int) -> ArticleRecord:
    body = "".join(f"第{n}篇第{k}段：这是一段足够长的正文，用来填满数据库的页面。" for k in range(40))
    return ArticleRecord(url=f"http://a.example/{n}.html", site="http://a.example", title=f"文章{n}",
                         published="2024-05-01", published_source="test", contributor=None, source=None,
                         editor=None, category=None, body=body, fetched_at="2024-05-02T00:00:00+00:00",
                         content_hash=hashlib.sha256(body.encode()).hexdigest())


def _page(n: int) -> PageRecord:
    return PageRecord(url=f"http://a.example/{n}.html", site="http://a.example", status=200,
                      fetched_at="2024-05-02T00:00:00+00:00", kind="article", body=b"x" * 3000)


def _full(archive: Archive) -> None:
    """No page more for this connection: every write that needs one fails with SQLITE_FULL."""
    pages = archive.db.execute("PRAGMA page_count").fetchone()[0]
    archive.db.execute(f"PRAGMA max_page_count = {pages}")


def test_the_writers_counts_follow_its_commits(tmp_path: Path) -> None:
    with Archive(tmp_path / "a.db", write=True) as archive:
        writer = archive.writer()
        writer.write([_page(0), _article(0)])
        _full(archive)
        with pytest.raises(sqlite3.OperationalError, match="full"):
            writer.write([_page(n) for n in range(1, 30)] + [_article(n) for n in range(1, 30)])
        assert writer.counts[WriteCount.ARTICLES_NEW] == 1 and writer.counts[WriteCount.PAGES] == 1
        assert archive.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_a_crawl_that_cannot_store_says_so_and_closes_its_run(tmp_path: Path, caplog) -> None:
    db = tmp_path / "a.db"
    crawler = get_crawler(Spider, settings_dict={"PORTALCRAWL_DB": str(db), "PORTALCRAWL_BATCH_SIZE": 10})
    pipeline = ArchivePipeline.from_crawler(crawler)
    spider = Spider(name="portal", start_urls=["http://a.example/"])
    pipeline.open_spider(spider)
    pipeline.writer.db.execute("PRAGMA max_page_count = " +
                               str(pipeline.writer.db.execute("PRAGMA page_count").fetchone()[0]))
    for n in range(30):
        pipeline.process_item(_page(n), spider)
        pipeline.process_item(_article(n), spider)
    pipeline.close_spider(spider)
    pipeline.spider_closed(spider, "finished")
    stats = CrawlStats(crawler.stats.get_stats())
    with Archive(db) as archive:
        held = archive.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        run = archive.runs(1)[0]
    assert stats.stored(WriteCount.ARTICLES_NEW) == held < 30  # what the summary says is what is there
    assert stats.get(StatGroup.ERRORS.key("storage")) == 60 - held - stats.stored(WriteCount.PAGES)
    assert not [r for r in caplog.records if r.exc_info]  # one line per batch, no traceback per item
    assert sum("not stored" in r.getMessage() for r in caplog.records) <= 6
    assert "storage failed" in caplog.text and pipeline.storage_failed
    assert run["status"] != "running" and run["finished"]


@pytest.fixture
def tiny_disk(tmp_path: Path):
    """A 1 MiB file system (tmpfs): a real full disk. Needs the right to mount (root in a container)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True,
                          check=False)
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {proc.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.mark.slow
def test_a_crawl_onto_a_full_disk_reports_what_it_stored(tiny_disk: Path, demo_server) -> None:
    db = tiny_disk / "archive.db"
    proc = run_cli("crawl", *demo_server.start_urls, "--db", str(db), *FAST, "-s", "PORTALCRAWL_TEMPLATES=False")
    assert proc.returncode in (1, 7), proc.stdout + proc.stderr
    assert proc.stderr.count("Traceback") == 0 and proc.stderr.count("not stored") < 20
    said = int(proc.stdout.split("articles stored")[1].split()[0]) if "articles stored" in proc.stdout else 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        held = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        conn.close()
    assert said == held
