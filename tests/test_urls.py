"""URL normalisation and trap patterns: one page, one URL; no endless frontier."""

from __future__ import annotations

import re

import pytest

from portalcrawl.archive.urls import normalize_url, site_of
from portalcrawl.crawl.following import TRAPS


@pytest.mark.parametrize(("url", "expected"), [
    ("http://a.cn/a/1.html#comments", "http://a.cn/a/1.html"),
    ("http://a.cn/a/1.html?utm_source=wx&utm_medium=share", "http://a.cn/a/1.html"),
    ("http://a.cn/list.php?tid=3&PHPSESSID=abc123", "http://a.cn/list.php?tid=3"),
    ("http://a.cn/view.jsp;jsessionid=ABCDEF?id=7", "http://a.cn/view.jsp?id=7"),
    ("http://a.cn/p?b=2&a=1", "http://a.cn/p?a=1&b=2"),
    ("http://a.cn/p?id=1&sid=99&spm=a.b.c", "http://a.cn/p?id=1"),
    ("http://a.cn/中文/页面.html", "http://a.cn/%E4%B8%AD%E6%96%87/%E9%A1%B5%E9%9D%A2.html"),
])
def test_normalize(url: str, expected: str) -> None:
    assert normalize_url(url) == expected


def test_site_is_scheme_host_and_port() -> None:
    assert site_of("http://127.0.0.1:8001/a/1.html") == "http://127.0.0.1:8001"
    assert site_of("HTTPS://WWW.A.CN/x") == "https://www.a.cn"


@pytest.mark.parametrize(("url", "trap"), [
    ("http://a.cn/calendar.php?year=2015&month=8", True),
    ("http://a.cn/list?page=2&date=2015-08-04", True),
    ("http://a.cn/list?sort=hits", True),
    ("http://a.cn/a/b/a/b/a/b/a/b/", False),
    ("http://a.cn/x/x/x/x/1.html", True),
    ("http://a.cn/list_2.html", False),
    ("http://a.cn/a/2015/0804/1.html", False),
])
def test_trap_patterns(url: str, trap: bool) -> None:
    assert any(re.search(p, url) for p in TRAPS) is trap
