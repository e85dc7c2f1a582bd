"""The harvest's two middlewares on their own: built by Scrapy's get_crawler over a real archive file
written through the archive's writer; no server, no reactor, no crawl."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse, Response
from scrapy.utils.test import get_crawler

from portalcrawl.archive import Archive
from portalcrawl.archive.building import page_record
from portalcrawl.archive.records import ArticleRecord, PageRecord
from portalcrawl.contract import Stat, StatGroup, StoredKind
from portalcrawl.crawl.incremental import ArchiveFilterMiddleware, ConditionalGetMiddleware

SITE = "http://portal.example"
NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
RECENT = NOW - dt.timedelta(days=1)
LONG_AGO = NOW - dt.timedelta(days=60)
ARCHIVED = Stat.ALREADY_ARCHIVED  # "portalcrawl/incremental/archived"
DEAD_END = StatGroup.INCREMENTAL.key("dead_end")


def page(path: str, kind: str, status: int = 200, fetched: dt.datetime = RECENT, body: bytes = b"<p>x</p>",
         **headers: str | None) -> PageRecord:
    """A page row as the crawl builds it (compressed bytes, hash, validators from the headers)."""
    record = page_record(SITE + path, status, body, {"Content-Type": "text/html; charset=utf-8", **{
        name.replace("_", "-"): value for name, value in headers.items()}}, fetched)
    record.kind = kind
    return record


def article(path: str, fetched: dt.datetime = RECENT) -> ArticleRecord:
    return ArticleRecord(url=SITE + path, site=SITE, title="标题", published="2024-05-01", published_source="text",
                         contributor=None, source=None, editor=None, category=None, body="正文第一段。",
                         fetched_at=fetched.isoformat(timespec="seconds"), content_hash=f"hash-{path}")


def write(db: Path, records: list[Any]) -> None:
    with Archive(db, write=True) as archive:
        archive.writer().write(records)


def crawler(db: Path, **settings: Any) -> Crawler:
    return get_crawler(settings_dict={"PORTALCRAWL_DB": str(db), "PORTALCRAWL_INCREMENTAL": True, **settings})


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """An archive after one crawl of a portal: every kind of page a harvest meets again."""
    db = tmp_path / "archive.db"
    write(db, [
        page("/", StoredKind.LIST, fetched=LONG_AGO),
        page("/list/2.html", StoredKind.LIST),
        page("/sitemap.xml", StoredKind.SITEMAP),
        page("/feed.xml", StoredKind.FEED),
        page("/a/1.html", StoredKind.ARTICLE), article("/a/1.html"),
        page("/a/old.html", StoredKind.ARTICLE, fetched=LONG_AGO), article("/a/old.html", fetched=LONG_AGO),
        page("/about.html", StoredKind.OTHER),
        page("/error.html", StoredKind.ERROR),
        page("/blank.html", StoredKind.EMPTY, body=b""),
        page("/file.pdf", StoredKind.NON_HTML),
        page("/missing.html", StoredKind.HTTP_ERROR, status=404),
        page("/gone.html", StoredKind.HTTP_ERROR, status=410),
        page("/busy.html", StoredKind.HTTP_ERROR, status=503),
        PageRecord(url=SITE + "/timeout.html", site=SITE, status=0, fetched_at=RECENT.isoformat(timespec="seconds"),
                   kind=StoredKind.FETCH_ERROR, error="network_TimeoutError: took too long"),
        page("/moved.html", StoredKind.REDIRECT, status=301),
        page("/moved-away.html", StoredKind.REDIRECT, status=302),
        page("/moved-to-list.html", StoredKind.REDIRECT, status=301),
        page("/moved-to-dead-end.html", StoredKind.REDIRECT, status=301),
    ])
    with Archive(db, write=True) as writable:  # where each redirect led
        for source, target in [("/moved.html", "/a/1.html"), ("/moved-away.html", "/a/new.html"),
                               ("/moved-to-list.html", "/list/2.html"), ("/moved-to-dead-end.html", "/missing.html")]:
            writable.db.execute("UPDATE pages SET redirect_to = ? WHERE url = ?", [SITE + target, SITE + source])
        writable.db.conn.commit()
    return db


def requests(*paths: str, **meta: Any) -> list[Request]:
    return [Request(SITE + path, meta=dict(meta)) for path in paths]


def passed(middleware: ArchiveFilterMiddleware, result: Iterable[Any]) -> list[Any]:
    response = HtmlResponse(SITE + "/", body=b"<html></html>")
    return list(middleware.process_spider_output(response, result))


def kept_urls(middleware: ArchiveFilterMiddleware, *paths: str, **meta: Any) -> list[str]:
    return [r.url.removeprefix(SITE) for r in passed(middleware, requests(*paths, **meta))]


# -- ArchiveFilterMiddleware ------------------------------------------------------------------------------


def test_the_filter_is_off_unless_the_crawl_is_incremental(archive: Path) -> None:
    with pytest.raises(NotConfigured):
        ArchiveFilterMiddleware.from_crawler(get_crawler(settings_dict={"PORTALCRAWL_DB": str(archive)}))
    with pytest.raises(NotConfigured):
        ArchiveFilterMiddleware.from_crawler(crawler(archive, PORTALCRAWL_INCREMENTAL=False))
    assert isinstance(ArchiveFilterMiddleware.from_crawler(crawler(archive)), ArchiveFilterMiddleware)


def test_archived_articles_are_not_requested_again(archive: Path) -> None:
    c = crawler(archive)
    middleware = ArchiveFilterMiddleware.from_crawler(c)
    assert kept_urls(middleware, "/a/1.html", "/a/old.html", "/a/2.html") == ["/a/2.html"]  # only the unknown one
    assert c.stats.get_value(ARCHIVED) == 2 and c.stats.get_value(DEAD_END) is None


@pytest.mark.parametrize("path", ["/about.html", "/error.html", "/blank.html", "/file.pdf", "/missing.html",
                                  "/gone.html"])
def test_dead_ends_are_not_requested_again(archive: Path, path: str) -> None:
    c = crawler(archive)
    assert kept_urls(ArchiveFilterMiddleware.from_crawler(c), path) == []
    assert c.stats.get_value(DEAD_END) == 1 and c.stats.get_value(ARCHIVED) is None


def test_listings_failures_and_unknown_pages_go_through(archive: Path) -> None:
    c = crawler(archive)
    paths = ["/", "/list/2.html", "/sitemap.xml", "/feed.xml",  # listings: every run (conditionally)
             "/busy.html", "/timeout.html",  # a 5xx and a fetch error are tried again
             "/a/never-seen.html", "/list/3.html"]  # what the archive does not hold
    assert kept_urls(ArchiveFilterMiddleware.from_crawler(c), *paths) == paths
    assert not c.stats.get_stats()  # nothing counted as skipped


def test_the_filter_passes_items_and_keeps_the_order(archive: Path) -> None:
    c = crawler(archive)
    record = article("/a/1.html")
    result = [record, *requests("/a/1.html"), {"a": "dict"}, *requests("/a/9.html"), *requests("/about.html")]
    out = passed(ArchiveFilterMiddleware.from_crawler(c), result)
    assert out[0] is record and out[1] == {"a": "dict"} and [r.url for r in out[2:]] == [SITE + "/a/9.html"]
    assert (c.stats.get_value(ARCHIVED), c.stats.get_value(DEAD_END)) == (1, 1)


def test_the_parts_of_a_multi_page_article_go_through(archive: Path) -> None:
    """The next part of an article being joined is requested whatever the archive says of its URL."""
    c = crawler(archive)
    middleware = ArchiveFilterMiddleware.from_crawler(c)
    assert kept_urls(middleware, "/a/1.html", "/about.html", bodies=["第一页。"]) == ["/a/1.html", "/about.html"]
    assert not c.stats.get_stats()


def test_archived_pages_are_fetched_again_once_due_for_a_refresh(archive: Path) -> None:
    c = crawler(archive, PORTALCRAWL_REFRESH_DAYS=30)
    middleware = ArchiveFilterMiddleware.from_crawler(c)
    assert kept_urls(middleware, "/a/old.html", "/a/1.html", "/about.html") == ["/a/old.html"]  # 60 days old
    assert (c.stats.get_value(ARCHIVED), c.stats.get_value(DEAD_END)) == (1, 1)
    assert kept_urls(ArchiveFilterMiddleware.from_crawler(crawler(archive, PORTALCRAWL_REFRESH_DAYS="0")),
                     "/a/1.html", "/about.html") == ["/a/1.html", "/about.html"]  # --refresh-older-than 0: all
    # An empty setting (as a -s option may give it) is no refresh at all.
    assert kept_urls(ArchiveFilterMiddleware.from_crawler(crawler(archive, PORTALCRAWL_REFRESH_DAYS="")),
                     "/a/old.html") == []


def test_a_newer_sitemap_date_brings_an_archived_page_back(archive: Path) -> None:
    c = crawler(archive)
    middleware = ArchiveFilterMiddleware.from_crawler(c)
    after = (RECENT + dt.timedelta(hours=2)).isoformat()
    before = (RECENT - dt.timedelta(days=3)).isoformat()
    assert kept_urls(middleware, "/a/1.html", "/about.html", portalcrawl_modified=after) == ["/a/1.html", "/about.html"]
    assert kept_urls(middleware, "/a/1.html", portalcrawl_modified=before) == []
    # Compared as instants: 07:00 in Beijing is an hour before 00:00 UTC; a date alone is midnight UTC.
    utc_midnight = RECENT.replace(hour=0, minute=0, second=0)
    archive_at_midnight = archive.parent / "midnight.db"
    write(archive_at_midnight, [page("/a/m.html", StoredKind.ARTICLE, fetched=utc_midnight), article("/a/m.html")])
    at_midnight = ArchiveFilterMiddleware.from_crawler(crawler(archive_at_midnight))
    beijing_7am = utc_midnight.astimezone(dt.timezone(dt.timedelta(hours=8))).replace(hour=7).isoformat()
    assert kept_urls(at_midnight, "/a/m.html", portalcrawl_modified=beijing_7am) == []
    assert kept_urls(at_midnight, "/a/m.html", portalcrawl_modified=(utc_midnight + dt.timedelta(days=1))
                     .date().isoformat()) == ["/a/m.html"]
    assert c.stats.get_value(ARCHIVED) == 1


def test_a_redirect_is_judged_by_where_it_led(archive: Path) -> None:
    c = crawler(archive)
    middleware = ArchiveFilterMiddleware.from_crawler(c)
    kept = kept_urls(middleware, "/moved.html", "/moved-away.html", "/moved-to-list.html", "/moved-to-dead-end.html")
    # To an archived article: not again; to a page not archived yet or to a list: again; to a 404: not again.
    assert kept == ["/moved-away.html", "/moved-to-list.html"]
    assert (c.stats.get_value(ARCHIVED), c.stats.get_value(DEAD_END)) == (1, 1)


def test_the_async_output_is_filtered_the_same_way(archive: Path) -> None:
    c = crawler(archive)
    middleware = ArchiveFilterMiddleware.from_crawler(c)
    record = article("/a/1.html")

    async def spider_output() -> AsyncIterator[Any]:
        yield record
        for request in requests("/a/1.html", "/", "/about.html", "/a/new.html"):
            await asyncio.sleep(0)
            yield request

    async def collect() -> list[Any]:
        response = HtmlResponse(SITE + "/", body=b"<html></html>")
        return [item async for item in middleware.process_spider_output_async(response, spider_output())]

    out = asyncio.run(collect())
    assert out[0] is record and [r.url for r in out[1:]] == [SITE + "/", SITE + "/a/new.html"]
    assert (c.stats.get_value(ARCHIVED), c.stats.get_value(DEAD_END)) == (1, 1)


def test_an_archive_that_does_not_exist_yet_filters_nothing(tmp_path: Path) -> None:
    """The first harvest creates the archive as it goes: until then every request goes through."""
    db = tmp_path / "first.db"
    middleware = ArchiveFilterMiddleware.from_crawler(crawler(db))
    assert kept_urls(middleware, "/", "/a/1.html") == ["/", "/a/1.html"]
    assert not db.exists()  # the lookup never creates the file
    write(db, [page("/a/1.html", StoredKind.ARTICLE), article("/a/1.html")])
    assert kept_urls(middleware, "/", "/a/1.html") == ["/"]  # once it exists, the same middleware sees it


@pytest.mark.parametrize("status", [408, 429])
def test_a_rate_limited_page_is_tried_again(tmp_path: Path, status: int) -> None:
    db = tmp_path / "archive.db"
    write(db, [page("/a/limited.html", StoredKind.HTTP_ERROR, status=status)])
    assert kept_urls(ArchiveFilterMiddleware.from_crawler(crawler(db)), "/a/limited.html") == ["/a/limited.html"]


def test_an_alias_of_an_archived_article_is_not_requested_again(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    twin = article("/a/1.html")
    alias = ArticleRecord(**{**twin.__dict__, "url": SITE + "/index.php?id=1"})  # the same article, a 2nd URL
    write(db, [page("/a/1.html", StoredKind.ARTICLE), twin])
    write(db, [page("/index.php?id=1", StoredKind.ARTICLE), alias])
    with Archive(db) as stored:
        state = stored.db.execute("SELECT kind, redirect_to FROM pages WHERE url = ?", [alias.url]).fetchone()
    assert state == (StoredKind.ALIAS, twin.url)  # what the writer made of it
    c = crawler(db)
    assert kept_urls(ArchiveFilterMiddleware.from_crawler(c), "/index.php?id=1") == []
    assert c.stats.get_value(ARCHIVED) == 1


# -- ConditionalGetMiddleware ---------------------------------------------------------------------------

ETAG, LAST_MODIFIED = '"v1-abc"', "Wed, 01 May 2024 08:00:00 GMT"
STORED = "<html><head><title>列表</title></head><body><a href='/a/1.html'>第一篇</a></body></html>".encode("gbk")


@pytest.fixture
def validated(tmp_path: Path) -> Path:
    """Pages stored with their validators: the ETag and Last-Modified their servers sent."""
    db = tmp_path / "validated.db"
    gbk = page("/list/", StoredKind.LIST, body=STORED, ETag=ETAG, Last_Modified=LAST_MODIFIED)
    gbk.content_type = "text/html; charset=gbk"
    write(db, [
        gbk,
        page("/a/1.html", StoredKind.ARTICLE, ETag=ETAG), article("/a/1.html"),
        page("/sitemap.xml", StoredKind.SITEMAP, Last_Modified=LAST_MODIFIED),
        page("/feed.xml", StoredKind.FEED, ETag=ETAG),
        page("/bare.html", StoredKind.ARTICLE),  # no validators at all
        page("/about.html", StoredKind.OTHER, ETag=ETAG),
        page("/missing.html", StoredKind.HTTP_ERROR, status=404, ETag=ETAG),
        page("/moved.html", StoredKind.REDIRECT, status=301, ETag=ETAG),
        page("/changed.html", StoredKind.LIST, status=203, ETag=ETAG),
    ])
    return db


def conditional(db: Path) -> tuple[ConditionalGetMiddleware, Crawler]:
    c = crawler(db)
    return ConditionalGetMiddleware.from_crawler(c), c


def validators(middleware: ConditionalGetMiddleware, path: str, **headers: str) -> dict[str, str]:
    request = Request(SITE + path, headers=headers or None)
    assert middleware.process_request(request) is None  # never answers by itself: the download goes on
    return {k.decode(): v[0].decode() for k, v in request.headers.items() if k.startswith(b"If-")}


def test_conditional_gets_are_off_unless_the_crawl_is_incremental(validated: Path) -> None:
    with pytest.raises(NotConfigured):
        ConditionalGetMiddleware.from_crawler(get_crawler(settings_dict={"PORTALCRAWL_DB": str(validated)}))


def test_stored_validators_make_the_request_conditional(validated: Path) -> None:
    middleware, _ = conditional(validated)
    assert validators(middleware, "/list/") == {"If-None-Match": ETAG, "If-Modified-Since": LAST_MODIFIED}
    assert validators(middleware, "/a/1.html") == {"If-None-Match": ETAG}
    assert validators(middleware, "/sitemap.xml") == {"If-Modified-Since": LAST_MODIFIED}
    assert validators(middleware, "/feed.xml") == {"If-None-Match": ETAG}
    # A request that already carries a validator keeps its own.
    assert validators(middleware, "/list/", **{"If-None-Match": '"mine"'}) == {
        "If-None-Match": '"mine"', "If-Modified-Since": LAST_MODIFIED}


@pytest.mark.parametrize("path", ["/bare.html", "/about.html", "/missing.html", "/moved.html", "/changed.html",
                                  "/never-seen.html"])
def test_only_good_listings_and_articles_are_asked_conditionally(validated: Path, path: str) -> None:
    """Only a 200 list, article, sitemap or feed page can be answered from the archive."""
    middleware, _ = conditional(validated)
    assert validators(middleware, path) == {}


def test_a_304_becomes_the_stored_page(validated: Path) -> None:
    middleware, c = conditional(validated)
    request = Request(SITE + "/list/")
    middleware.process_request(request)
    not_modified = Response(SITE + "/list/", status=304, request=request,
                            headers={"ETag": ETAG, "Date": "Thu, 02 May 2024 00:00:00 GMT"})
    response = middleware.process_response(request, not_modified)
    assert isinstance(response, HtmlResponse) and response.status == 200
    assert response.body == STORED and "not_modified" in response.flags
    assert response.url == SITE + "/list/" and response.request is request
    assert response.headers[b"Content-Type"] == b"text/html; charset=gbk"
    assert response.headers[b"Date"] == b"Thu, 02 May 2024 00:00:00 GMT"  # the 304's own headers are kept
    assert response.text.startswith("<html><head><title>列表</title>")  # decoded as the stored page declared
    assert response.css("a::attr(href)").get() == "/a/1.html"  # the spider can follow its links
    assert c.stats.get_value(Stat.NOT_MODIFIED) == 1


def test_other_answers_pass_untouched(validated: Path) -> None:
    middleware, c = conditional(validated)
    unconditional = Request(SITE + "/list/")
    odd = Response(SITE + "/list/", status=304, request=unconditional)
    assert middleware.process_response(unconditional, odd) is odd  # a 304 we did not ask for
    asked = Request(SITE + "/list/")
    middleware.process_request(asked)
    fresh = HtmlResponse(SITE + "/list/", status=200, body=b"<html>new</html>", request=asked)
    assert middleware.process_response(asked, fresh) is fresh  # it changed: the new page
    # A conditional request (made by someone else) for a page whose bytes the archive lacks.
    foreign = Request(SITE + "/never-seen.html", headers={"If-None-Match": ETAG})
    nothing = Response(SITE + "/never-seen.html", status=304, request=foreign)
    assert middleware.process_response(foreign, nothing) is nothing
    assert c.stats.get_value(Stat.NOT_MODIFIED) is None
