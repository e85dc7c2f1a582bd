"""Fuzzing: the extractor on random and mutated HTML and random bytes, the search on random queries.
Every input gets an answer (an Article; hits or a QueryError) within a bounded time, never an
exception. Derandomized, so a failure found once is found again in CI; hypothesis prints the
smallest input that fails."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portalcrawl.archive import Archive
from portalcrawl.archive.search import QueryError
from portalcrawl.demo.model import build_portal
from portalcrawl.demo.templates import render_portal
from portalcrawl.extract import ExtractContext, PageKind, extract_article

from .test_read_only import BODIES, _record

PER_INPUT = 3.0  # seconds: the slowest real page takes a few hundred milliseconds
FUZZ = settings(max_examples=120, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])

_pages = render_portal(build_portal(), {"kuaizhi": "http://kuaizhi.example", "jurd": "http://jurd.example"})
SEEDS = [html.encode("utf-8") for site in sorted(_pages) for _, html in sorted(_pages[site].items())[:20]]

TAGS = ["div", "p", "span", "a", "h1", "h2", "ul", "li", "table", "tr", "td", "script", "style", "br", "img",
        "title", "meta", "font", "center", "iframe", "noscript", "em", "strong", "form", "input", "pre"]
ATTRS = ["class", "id", "href", "src", "style", "charset", "content", "name", "http-equiv", "rel"]
WORDS = st.sampled_from(["新闻", "记者 张三", "2024-05-01 10:20", "来源：新华社", "责任编辑：李四", "首页", "上一篇",
                         "友情链接", "版权所有", "3小时前", "8月4日", "作者：", "By Jane Doe", "©", "…", "\u3000",
                         "&nbsp;",
                         "&#x4e2d;", "<", ">", "\x00", "\ufffd", "𠀀"])
TEXT = st.one_of(WORDS, st.text(max_size=40))


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    attrs = st.lists(st.tuples(st.sampled_from(ATTRS), TEXT), max_size=3).map(
        lambda pairs: "".join(f' {name}="{value}"' for name, value in pairs))
    return st.tuples(st.sampled_from(TAGS), attrs, st.lists(children, max_size=6), st.booleans()).map(
        lambda t: f"<{t[0]}{t[1]}>{''.join(t[2])}" + (f"</{t[0]}>" if t[3] else ""))


HTML = st.recursive(TEXT, _element, max_leaves=60).map(
    lambda body: f"<html><head><meta charset='utf-8'><title>标题</title></head><body>{body}</body></html>")
URLS = st.one_of(st.none(), st.just("http://www.example.cn/a/2024/0501/1.html"), st.text(max_size=30))


def _extracts(data: bytes, url: str | None) -> None:
    started = time.monotonic()
    article = extract_article(data, url, ExtractContext())
    assert isinstance(article.kind, PageKind) and isinstance(article.body, str)
    assert time.monotonic() - started < PER_INPUT


@FUZZ
@given(HTML, URLS)
def test_random_html_is_read_without_error(html: str, url: str | None) -> None:
    _extracts(html.encode("utf-8", "surrogatepass"), url)


@FUZZ
@given(st.binary(max_size=4000), URLS)
def test_random_bytes_are_read_without_error(data: bytes, url: str | None) -> None:
    _extracts(data, url)


@FUZZ
@given(st.sampled_from(SEEDS), st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=0, max_size=12)), max_size=8),
       st.floats(0.05, 1))
def test_mutated_real_pages_are_read_without_error(page: bytes, edits: list[tuple[float, bytes]], keep: float) -> None:
    data = bytearray(page[: max(1, int(len(page) * keep))])
    for where, insert in edits:  # splice bytes in, over what stood there
        at = int(where * len(data))
        data[at:at + len(insert)] = insert
    _extracts(bytes(data), "http://kuaizhi.example/a/1.html")


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    db = Path(tmp_path_factory.mktemp("fuzz")) / "archive.db"
    with Archive(db, write=True) as writable:
        writable.writer().write([_record(url, *text) for url, text in BODIES.items()])
    return Archive(db)


QUERIES = st.one_of(st.text(max_size=60), st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=50).map(" ".join),
                    st.text(alphabet=st.sampled_from('"*^:()-+ ANDORNEAR城墙%_\\\'\x00'), max_size=30))


@FUZZ
@given(query=QUERIES, site=st.one_of(st.none(), st.text(max_size=12)), limit=st.integers(0, 2**70))
def test_any_query_gets_hits_or_one_message(archive: Archive, query: str, site: str | None, limit: int) -> None:
    started = time.monotonic()
    try:
        hits = list(archive.search(query, site=site, limit=limit))
    except QueryError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        if not site:
            assert {hit.url for hit in hits} <= archive.scan(query)
    assert time.monotonic() - started < PER_INPUT
