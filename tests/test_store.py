"""The archive: schema in one place, idempotent; upserts; one transaction per batch."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils.db import PrimaryKeyRequired

from portalcrawl.archive import Archive, ArchiveWriter
from portalcrawl.archive.records import ArticleRecord, LinkRecord, PageRecord, SiteRecord
from portalcrawl.archive.schema import ensure_schema

from .conftest import query


def _article(url: str = "http://a.cn/1.html", body: str = "正文。", digest: str = "h1") -> ArticleRecord:
    return ArticleRecord(url=url, site="http://a.cn", title="标题", published="2015-08-04",
                         published_source="text:meta-line+year:url", contributor="斩情道", source=None,
                         editor=None, category="技术", body=body, fetched_at="2024-01-01T00:00:00+00:00",
                         content_hash=digest)


def _page(url: str = "http://a.cn/1.html") -> PageRecord:
    return PageRecord(url=url, site="http://a.cn", status=200, fetched_at="2024-01-01T00:00:00+00:00",
                      kind="article", body=b"x")


def test_schema_is_created_once_and_reopening_changes_nothing(tmp_path) -> None:
    db_path = tmp_path / "sub" / "a.db"
    Archive(db_path, write=True).db.close()
    schema = query(db_path, "SELECT sql FROM sqlite_master ORDER BY name")
    Archive(db_path, write=True).db.close()
    assert query(db_path, "SELECT sql FROM sqlite_master ORDER BY name") == schema
    tables = {r[0] for r in query(db_path, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"sites", "pages", "articles", "links", "crawls"} <= tables
    columns = {r[1] for r in query(db_path, "PRAGMA table_info(articles)")}
    assert {"url", "site", "title", "published", "published_source", "contributor", "source", "category",
            "body", "fetched_at", "content_hash"} <= columns
    assert query(db_path, "PRAGMA journal_mode")[0][0] == "wal"


def test_an_older_archive_gets_the_missing_columns(tmp_path) -> None:
    db_path = tmp_path / "old.db"
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE articles (url TEXT PRIMARY KEY, title TEXT, body TEXT)")
    conn.execute("INSERT INTO articles VALUES ('http://a.cn/1.html', '旧', '旧正文')")
    conn.commit()
    conn.close()
    Archive(db_path, write=True).db.close()
    assert {"editor", "published_source"} <= {r[1] for r in query(db_path, "PRAGMA table_info(articles)")}
    assert query(db_path, "SELECT title FROM articles")[0][0] == "旧"


def test_upserts_never_duplicate_and_unchanged_articles_are_not_rewritten(tmp_path) -> None:
    db = Archive(tmp_path / "a.db", write=True).db
    writer = ArchiveWriter(db)
    link = LinkRecord("http://a.cn/1.html", "http://b.cn/", "聚热点", "friend")
    site = SiteRecord("http://a.cn", "快知网", "[]", "2024-01-01")
    for _ in range(3):
        writer.write([_page(), _article(), link, link, site])
    assert writer.counts["articles_new"] == 1 and writer.counts["articles_unchanged"] == 2
    writer.write([_article(body="新的正文。", digest="h2")])
    assert writer.counts["articles_changed"] == 1
    for table in ("pages", "articles", "links", "sites"):
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 1
    assert db.execute("SELECT body FROM articles").fetchone()[0] == "新的正文。"


def test_a_failing_batch_leaves_nothing_half_written(tmp_path) -> None:
    db = Archive(tmp_path / "a.db", write=True).db
    writer = ArchiveWriter(db)
    bad = _article(url=None)  # type: ignore[arg-type]  # violates the primary key
    with pytest.raises((sqlite3.IntegrityError, PrimaryKeyRequired)):
        writer.write([_page("http://a.cn/2.html"), LinkRecord("http://a.cn/2.html", "http://a.cn/", "首页", "nav"),
                      bad])
    assert db.execute("SELECT count(*) FROM pages").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM links").fetchone()[0] == 0


def test_crawl_runs_are_recorded(tmp_path) -> None:
    db = Archive(tmp_path / "a.db", write=True).db
    writer = ArchiveWriter(db)
    run = writer.start_crawl("2024-01-01T00:00:00", ["http://a.cn/"])
    writer.finish_crawl(run, "2024-01-01T00:01:00", "finished", {"pages": 3})
    row = db.execute("SELECT status, start_urls, stats FROM crawls").fetchone()
    assert row == ("finished", '["http://a.cn/"]', '{"pages": 3}')


def test_schema_helper_is_idempotent_on_an_open_database(tmp_path) -> None:
    db = Archive(tmp_path / "a.db", write=True).db
    ensure_schema(db)
    ensure_schema(db)
    assert db["articles"].pks == ["url"]
    assert db["links"].pks == ["from_url", "to_url", "kind"]


def test_a_record_that_cannot_be_stored_costs_only_itself(tmp_path) -> None:
    """The pipeline stores the rest of a failed batch item by item, and counts what it could not store."""
    from scrapy.statscollectors import MemoryStatsCollector
    from scrapy.utils.test import get_crawler

    from portalcrawl.crawl.pipeline import ArchivePipeline

    db_path = tmp_path / "a.db"
    db = Archive(db_path, write=True).db
    db.execute("CREATE TRIGGER poison BEFORE INSERT ON articles WHEN new.url LIKE '%poison%' "
               "BEGIN SELECT RAISE(ABORT, 'this row cannot be stored'); END")
    db.conn.commit()
    db.close()
    stats = MemoryStatsCollector(get_crawler())
    pipeline = ArchivePipeline(str(db_path), batch_size=100, stats=stats, record_run=False)
    pipeline.open_spider()
    records = [_page("http://a.cn/1.html"), _article("http://a.cn/1.html"),
               _article("http://a.cn/poison.html", digest="h2"), _article("http://a.cn/3.html", digest="h3")]
    for record in records:
        pipeline.process_item(record)
    pipeline.close_spider()
    assert stats.get_value("portalcrawl/errors/storage") == 1
    stored = {r[0] for r in query(db_path, "SELECT url FROM articles")}
    assert stored == {"http://a.cn/1.html", "http://a.cn/3.html"}
    assert query(db_path, "SELECT count(*) FROM pages")[0][0] == 1


def test_list_dates_that_come_after_their_page_mark_it_for_reading_again(tmp_path) -> None:
    """Pages are read in an order no one controls (a pool, many workers): a page read before the list
    that dates it gets the dates filed and is marked, whichever of the two is stored first."""
    from portalcrawl.archive.records import ListedDates
    from portalcrawl.archive.reextract import late_dated
    from portalcrawl.archive.writer import LATE_LIST_DATES

    db = Archive(tmp_path / "a.db", write=True).db
    writer = ArchiveWriter(db)
    dated = ListedDates("http://a.cn/list/", {"http://a.cn/1.html": '["2015-08-04"]',
                                              "http://a.cn/2.html": '["2015-08-05"]'})
    already = _page("http://a.cn/3.html")
    already.list_dates = '["2015-01-01"]'  # read with its list's dates: left alone
    writer.write([_page("http://a.cn/1.html"), already])
    writer.write([dated, ListedDates("http://a.cn/list/", {"http://a.cn/3.html": '["2015-09-09"]'})])
    writer.write([_page("http://a.cn/2.html")])  # stored after its dates came
    rows = {r[0]: r[1:] for r in db.execute("SELECT url, list_dates, extracted_with FROM pages")}
    assert rows["http://a.cn/1.html"] == ('["2015-08-04"]', LATE_LIST_DATES)
    assert rows["http://a.cn/2.html"] == ('["2015-08-05"]', LATE_LIST_DATES)
    assert rows["http://a.cn/3.html"] == ('["2015-01-01"]', None)
    assert late_dated(db, ["http://a.cn"]) == ["http://a.cn/1.html", "http://a.cn/2.html"]


def test_an_unchanged_article_takes_the_new_reading_of_its_date_and_byline(tmp_path) -> None:
    db = Archive(tmp_path / "a.db", write=True).db
    writer = ArchiveWriter(db)
    writer.write([_page(), _article()])
    again = _article()
    again.published_source, again.notes = "text:meta-line+year:list-page", '{"template": [1, "t1 (9 pages)"]}'
    writer.write([again])
    assert writer.counts["articles_unchanged"] == 1
    row = db.execute("SELECT published_source, notes FROM articles").fetchone()
    assert row == ("text:meta-line+year:list-page", None)  # the notes, which name a page count, stay
    assert db.execute("SELECT count(*) FROM article_versions").fetchone()[0] == 0


def test_a_page_read_again_keeps_its_links_as_the_new_reading_classifies_them(tmp_path) -> None:
    from portalcrawl.archive.records import PageLinkRecords

    writer = Archive(tmp_path / "a.db", write=True).writer()
    page = "http://a.cn/1.html"
    first = [LinkRecord(page, "http://a.cn/2.html", "二", "teaser"), LinkRecord(page, "http://a.cn/", "首页", "nav")]
    writer.write([_page(page), PageLinkRecords(page, first)])

    def stored() -> set[tuple]:
        return set(writer.db.execute("SELECT to_url, kind, text FROM links WHERE from_url = ?", [page]))

    writer.replace_links(PageLinkRecords(page, list(reversed(first))))  # read the same again
    assert stored() == {("http://a.cn/2.html", "teaser", "二"), ("http://a.cn/", "nav", "首页")}
    writer.replace_links(PageLinkRecords(page, [LinkRecord(page, "http://a.cn/2.html", "二", "body")]))
    assert stored() == {("http://a.cn/2.html", "body", "二")}  # a link classified otherwise, one no longer there
    writer.replace_links(PageLinkRecords(page, []))
    assert stored() == set()
