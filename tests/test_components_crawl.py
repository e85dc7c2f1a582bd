"""The crawl's smaller Scrapy components on their own, built by get_crawler: the request fingerprinter
(with Scrapy's own duplicate filter) and the progress extension. No server, no reactor."""

from __future__ import annotations

import functools
import logging
from types import SimpleNamespace
from typing import Any

import pytest
from scrapy import Request, signals
from scrapy.dupefilters import RFPDupeFilter
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler
from twisted.internet import task
from twisted.python.failure import Failure

from portalcrawl.contract import Stat, StatGroup
from portalcrawl.crawl import progress, settings
from portalcrawl.crawl.fingerprint import PortalFingerprinter
from portalcrawl.crawl.progress import ProgressLines

# -- PortalFingerprinter ----------------------------------------------------------------------------------

SAME_PAGE = [
    ("http://a.cn/jishu/", "http://a.cn/jishu/index.html"),
    ("http://a.cn/", "http://a.cn/index.php"),
    ("http://a.cn/", "http://a.cn/index.html"),
    ("http://a.cn/news/", "http://a.cn/news/default.aspx"),
    ("http://a.cn/news/", "http://a.cn/news/INDEX.SHTML"),
    ("http://a.cn/a/1.html", "http://a.cn/a/1.html#comments"),
    ("http://a.cn/a/1.html", "http://a.cn/a/1.html?utm_source=weibo&spm=1.2"),
    ("http://a.cn/list.php?b=2&a=1", "http://a.cn/list.php?a=1&b=2"),
]
OTHER_PAGE = [
    ("http://a.cn/jishu/", "http://a.cn/chuangye/"),
    ("http://a.cn/a/1.html", "http://a.cn/a/2.html"),
    ("http://a.cn/jishu/", "http://a.cn/jishu/list_2.html"),
    ("http://a.cn/jishu/", "http://a.cn/jishu"),  # a file "jishu", as far as anyone can tell
    ("http://a.cn/", "http://a.cn/index.php?m=search"),  # a query makes it another page
    ("http://a.cn/show.php?id=1", "http://a.cn/show.php?id=2"),
    ("http://a.cn/", "http://b.cn/"),
    ("http://a.cn/", "https://a.cn/"),
]


@pytest.fixture(scope="module")
def fingerprint() -> Any:
    return PortalFingerprinter(get_crawler()).fingerprint


@pytest.mark.parametrize(("first", "second"), SAME_PAGE)
def test_one_page_under_two_urls_has_one_fingerprint(fingerprint: Any, first: str, second: str) -> None:
    assert fingerprint(Request(first)) == fingerprint(Request(second))


@pytest.mark.parametrize(("first", "second"), OTHER_PAGE)
def test_different_pages_have_different_fingerprints(fingerprint: Any, first: str, second: str) -> None:
    assert fingerprint(Request(first)) != fingerprint(Request(second))


def test_the_fingerprint_keeps_what_scrapy_tells_apart_and_leaves_the_request_alone(fingerprint: Any) -> None:
    request = Request("http://a.cn/jishu/index.html")
    assert fingerprint(request) != fingerprint(Request("http://a.cn/jishu/", method="POST"))
    assert fingerprint(request) != fingerprint(Request("http://a.cn/jishu/index.html", method="POST", body=b"q=1"))
    assert request.url == "http://a.cn/jishu/index.html"  # the URL requested stays the one linked
    assert isinstance(fingerprint(request), bytes) and len(fingerprint(request)) == 20  # Scrapy's SHA-1


def test_the_settings_make_scrapys_duplicate_filter_fetch_a_directory_once() -> None:
    crawler = get_crawler(settings_dict={"REQUEST_FINGERPRINTER_CLASS": settings.REQUEST_FINGERPRINTER_CLASS})
    assert isinstance(crawler.request_fingerprinter, PortalFingerprinter)
    seen = RFPDupeFilter.from_crawler(crawler)
    assert not seen.request_seen(Request("http://a.cn/jishu/index.html"))
    assert seen.request_seen(Request("http://a.cn/jishu/"))  # whichever is linked first is fetched
    assert not seen.request_seen(Request("http://a.cn/jishu/list_2.html"))


# -- Progress -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("interval", [0, "0", -1])
def test_progress_lines_are_off_with_a_zero_interval(interval: Any) -> None:
    with pytest.raises(NotConfigured):
        ProgressLines.from_crawler(get_crawler(settings_dict={"PORTALCRAWL_PROGRESS_INTERVAL": interval}))


def test_progress_interval_defaults_to_ten_seconds() -> None:
    assert ProgressLines.from_crawler(get_crawler()).interval == 10.0
    every = ProgressLines.from_crawler(get_crawler(settings_dict={"PORTALCRAWL_PROGRESS_INTERVAL": "2.5"}))
    assert every.interval == 2.5


def test_a_progress_line_says_pages_rate_articles_and_errors(caplog: pytest.LogCaptureFixture) -> None:
    crawler = get_crawler(settings_dict={"PORTALCRAWL_PROGRESS_INTERVAL": 10})
    ext = ProgressLines.from_crawler(crawler)
    stats = crawler.stats
    stats.set_value(Stat.RESPONSES, 30)
    stats.set_value(Stat.ARTICLES_QUEUED, 12)
    stats.set_value(Stat.ARTICLES, 99)  # what the spider yielded: the line counts what the pipeline took
    stats.set_value(StatGroup.ERRORS.key("storage"), 1)
    stats.set_value(StatGroup.SPIDER_EXCEPTIONS.key("ValueError"), 2)
    stats.set_value(StatGroup.SKIPPED.key("http_404"), 5)  # a skip is no error of ours
    with caplog.at_level(logging.INFO, logger="portalcrawl.progress"):
        ext.report()
        stats.set_value(Stat.RESPONSES, 35)
        ext.report()
        ext.report()
    lines = [(r.name, r.levelno, r.getMessage()) for r in caplog.records]
    assert lines == [
        ("portalcrawl.progress", logging.INFO, "30 pages (180 pages/min), 12 articles, 3 errors"),
        ("portalcrawl.progress", logging.INFO, "35 pages (30 pages/min), 12 articles, 3 errors"),  # since the last
        ("portalcrawl.progress", logging.INFO, "35 pages (0 pages/min), 12 articles, 3 errors"),
    ]


def test_a_progress_line_of_an_empty_crawl(caplog: pytest.LogCaptureFixture) -> None:
    ext = ProgressLines.from_crawler(get_crawler(settings_dict={"PORTALCRAWL_PROGRESS_INTERVAL": 1}))
    with caplog.at_level(logging.INFO, logger="portalcrawl.progress"):
        ext.report()
    assert [r.getMessage() for r in caplog.records] == ["0 pages (0 pages/min), 0 articles, 0 errors"]


class _ClockLoop(task.LoopingCall):
    """A LoopingCall on a test clock: Twisted's own would install the global reactor in this process."""

    def __init__(self, clock: task.Clock, f: Any, *a: Any, **kw: Any) -> None:
        self.f, self.a, self.kw, self.clock = f, a, kw, clock


def test_progress_lines_run_from_spider_opened_to_spider_closed(monkeypatch: pytest.MonkeyPatch,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    clock = task.Clock()
    monkeypatch.setattr(progress, "task", SimpleNamespace(LoopingCall=functools.partial(_ClockLoop, clock)))
    # Scrapy's own extensions off: the signals reach the progress lines alone.
    crawler = get_crawler(settings_dict={"PORTALCRAWL_PROGRESS_INTERVAL": 5, "EXTENSIONS_BASE": {}})
    ext = ProgressLines.from_crawler(crawler)
    spider = object()

    def send(signal: object, **kwargs: Any) -> None:
        results = crawler.signals.send_catch_log(signal, spider=spider, **kwargs)
        assert len(results) == 1 and not isinstance(results[0][1], Failure), results

    with caplog.at_level(logging.INFO, logger="portalcrawl.progress"):
        send(signals.spider_opened)
        assert ext.loop is not None and ext.loop.running and caplog.records == []  # not at once
        crawler.stats.set_value(Stat.RESPONSES, 10)
        clock.advance(4.9)
        assert caplog.records == []
        clock.advance(0.1)  # every 5 seconds
        clock.advance(5)
        send(signals.spider_closed, reason="finished")
        assert not ext.loop.running
        clock.advance(60)  # stopped: no more lines
    assert [r.getMessage() for r in caplog.records] == ["10 pages (120 pages/min), 0 articles, 0 errors",
                                                        "10 pages (0 pages/min), 0 articles, 0 errors"]


def test_spider_closed_before_the_loop_started_is_harmless() -> None:
    ext = ProgressLines.from_crawler(get_crawler())
    ext.spider_closed(object(), "shutdown")  # a crawl that failed to open
    assert ext.loop is None
