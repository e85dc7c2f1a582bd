"""Input a careful user or a hostile page can produce: every one gets an answer or a one-line message,
never a traceback, and nothing a spreadsheet would run."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from portalcrawl.archive import Archive
from portalcrawl.archive.search import MAX_TERMS, QueryError
from portalcrawl.archive.urls import normalize_url
from portalcrawl.cli import main
from portalcrawl.crawl.following import as_linked
from portalcrawl.crawl.listings import feed_entries
from portalcrawl.research.export import defuse, write_csv

from .test_read_only import BODIES, _record


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    db = tmp_path / "archive.db"
    records = [_record(url, *text) for url, text in BODIES.items()]
    records.append(_record("http://a.example/3.html", '=HYPERLINK("http://evil.example","点我")', "+1 城里\n正文"))
    with Archive(db, write=True) as archive:
        archive.writer().write(records)
    return db


def test_atom_entries_take_their_alternate_link_not_their_first() -> None:
    feed = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry>
      <link rel="enclosure" href="http://a.cn/audio.mp3"/><link rel="alternate" href="http://a.cn/a/1.html"/>
      <updated>2024-05-01T08:00:00Z</updated></entry>
      <entry><link rel="replies" href="http://a.cn/c/2"/><link href="http://a.cn/a/2.html"/></entry>
      <entry><link rel="edit" href="http://a.cn/edit/3"/></entry></feed>"""
    assert [e.url for e in feed_entries(feed)] == ["http://a.cn/a/1.html", "http://a.cn/a/2.html"]


@pytest.mark.parametrize("url", ["http://a.cn/x?Utm_Source=weibo&id=3", "http://a.cn/x?id=3&UTM_CAMPAIGN=z&SpM=1.2",
                                 "http://a.cn/x?PHPSESSID=ab12&id=3#top", "http://a.cn/x?id=3&utm_%73ource=q"])
def test_tracking_parameters_go_in_any_case(url: str) -> None:
    assert normalize_url(url) == "http://a.cn/x?id=3"


def test_a_gbk_pages_query_is_requested_in_gbk_and_keeps_its_bytes() -> None:
    """A browser sends a GBK page's "?q=中文" as %D6%D0%CE%C4; normalising must not re-encode it."""
    linked = as_linked("http://a.cn/plus/search.php?q=中文&kwtype=0", "gb2312")
    assert linked == "http://a.cn/plus/search.php?q=%D6%D0%CE%C4&kwtype=0"
    assert normalize_url(linked) == "http://a.cn/plus/search.php?kwtype=0&q=%D6%D0%CE%C4"
    assert as_linked("http://a.cn/s?q=中文", "utf-8").endswith("q=%E4%B8%AD%E6%96%87")
    assert as_linked("http://a.cn/s?q=中文", "no-such-codec").endswith("q=%E4%B8%AD%E6%96%87")


@pytest.mark.parametrize(("cell", "written"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("城墙 = 1", "城墙 = 1"), (7, 7), (None, None)])
def test_csv_cells_a_spreadsheet_would_run_are_made_text(cell: object, written: object) -> None:
    assert defuse(cell) == written


def test_csv_export_is_safe_by_default_and_raw_on_request(archive_path: Path) -> None:
    safe = CliRunner().invoke(main, ["export", "--format", "csv", "--db", str(archive_path)])
    raw = CliRunner().invoke(main, ["export", "--format", "csv", "--csv-formulas", "--db", str(archive_path)])
    rows = {r["url"]: r for r in csv.DictReader(io.StringIO(safe.stdout.lstrip("\ufeff")))}
    raw_rows = {r["url"]: r for r in csv.DictReader(io.StringIO(raw.stdout.lstrip("\ufeff")))}
    assert rows["http://a.example/3.html"]["title"] == "'=HYPERLINK(\"http://evil.example\",\"点我\")"
    assert rows["http://a.example/3.html"]["body"].startswith("'+1 城里")
    assert raw_rows["http://a.example/3.html"]["title"].startswith("=HYPERLINK")
    assert all(not v.startswith(("=", "+", "-", "@")) for row in rows.values() for v in row.values())
    out = io.StringIO()
    write_csv(iter([[("=1", 2)]]), out)
    assert out.getvalue().splitlines()[1] == "'=1,2"


def test_many_words_are_searched_for_exactly(archive_path: Path) -> None:
    words = "南京 城墙 修缮 工程 今天 开工 第1段 修缮方案 经过 专家 论证 第2段 第3段 第4段 第5段 第6段 第7段 第8段"
    with Archive(archive_path) as archive:
        found = {hit.url for hit in archive.search(words, limit=0)}
        assert found == archive.scan(words) == {"http://a.example/1.html", "http://b.example/9.html"}
        assert {h.url for h in archive.search(" ".join(["城"] * 70), limit=0)} == archive.scan("城")
        assert len(list(archive.search("城", limit=99999999999999999999))) == len(archive.scan("城"))


@pytest.mark.parametrize(("args", "message"), [
    ([" ".join(str(n) for n in range(5000))], f"at most {MAX_TERMS}"),
    (["\udcff城"], "not valid text"),
    (["   "], "the query is empty"),
    (["城", "--limit", "-1"], "-1 is not in the range"),
])
def test_queries_that_cannot_be_searched_get_one_line(archive_path: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["search", *args, "--db", str(archive_path)])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output
    with Archive(archive_path) as archive, pytest.raises(QueryError):
        list(archive.search(" ".join(str(n) for n in range(5000))))


def test_a_site_option_is_a_site_not_a_pattern(archive_path: Path) -> None:
    with Archive(archive_path) as archive:
        assert list(archive.search("城", site="%")) == [] and list(archive.articles(site="_.example")) == []
        assert {a["url"] for a in archive.articles(site="A.EXAMPLE")} == {
            "http://a.example/1.html", "http://a.example/2.html", "http://a.example/3.html"}
        assert archive.sites("%") == []
