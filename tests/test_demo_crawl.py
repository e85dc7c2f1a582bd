"""End to end: a real Scrapy crawl of the demo portal on 127.0.0.1 into a real SQLite file."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest

from portalcrawl.demo.truth import load_truth

from .conftest import FAST, REPO, CrawledArchive, query, run_cli

pytestmark = pytest.mark.slow  # every test crawls, or reads the session's crawl

TRUTH = load_truth()
BEIJING = dt.timezone(dt.timedelta(hours=8))


def _expected_published(article: dict, fetched_at: str) -> str:
    if article["published"] == "fetch-3d":  # printed as "3天前": three days before the fetch, local time
        fetched = dt.datetime.fromisoformat(fetched_at).astimezone(BEIJING)
        return (fetched - dt.timedelta(days=3)).date().isoformat()
    return article["published"]


def test_every_demo_article_is_archived_once_and_equals_the_truth(demo_archive: CrawledArchive) -> None:
    rows = {r["url"]: dict(r) for r in query(demo_archive.db, "SELECT * FROM articles")}
    assert len(rows) == len(TRUTH["articles"]) >= 40
    for article in TRUTH["articles"]:
        row = rows[demo_archive.url(article["site"], article["path"])]
        expected = _expected_published(article, row["fetched_at"])
        assert row["published"][: len(expected)] == expected, article["path"]
        for field in ("title", "contributor", "source", "editor", "category", "body"):
            assert row[field] == article[field], (article["path"], field)
        assert row["page_count"] == article["pages"]


def test_year_inference_is_recorded(demo_archive: CrawledArchive) -> None:
    sources = {r["url"]: r["published_source"] for r in query(demo_archive.db, "SELECT * FROM articles")}
    by_path = {a["path"]: a for a in TRUTH["articles"]}
    for path, article in by_path.items():
        source = sources[demo_archive.url(article["site"], path)]
        if article["shown_date"].endswith("日") and "年" not in article["shown_date"]:
            clue = "year:url" if path.startswith("/a/") else "year:list-page"
            assert clue in source, (path, source)
        if article["published"] == "fetch-3d":
            assert source.endswith("+relative")


def test_no_list_page_became_an_article(demo_archive: CrawledArchive) -> None:
    articles = {r["url"] for r in query(demo_archive.db, "SELECT url FROM articles")}
    kinds = {r["url"]: r["kind"] for r in query(demo_archive.db, "SELECT url, kind FROM pages")}
    for page in TRUTH["list_pages"]:
        url = demo_archive.url(page["site"], page["path"])
        assert url not in articles
        assert kinds[url] == "list", url


def test_404_redirect_and_article_parts(demo_archive: CrawledArchive) -> None:
    pages = {r["url"]: dict(r) for r in query(demo_archive.db, "SELECT url, status, kind FROM pages")}
    articles = {r["url"] for r in query(demo_archive.db, "SELECT url FROM articles")}
    for missing in TRUTH["missing"]:
        url = demo_archive.url(missing["site"], missing["path"])
        assert pages[url]["status"] == 404 and url not in articles
    for redirect in TRUTH["redirects"]:
        assert demo_archive.url(redirect["site"], redirect["from"]) not in articles
        assert demo_archive.url(redirect["site"], redirect["to"]) in articles
    multi = next(a for a in TRUTH["articles"] if a["pages"] > 1)
    part2 = demo_archive.url(multi["site"], multi["path"].replace(".html", "_2.html"))
    assert part2 in pages and part2 not in articles


def test_links_are_recorded_by_region_and_friend_links_never_followed(demo_archive: CrawledArchive) -> None:
    kinds = {r["kind"] for r in query(demo_archive.db, "SELECT DISTINCT kind FROM links")}
    assert {"nav", "teaser", "friend", "pagination", "list"} <= kinds
    friends = {r["to_url"] for r in query(demo_archive.db, "SELECT to_url FROM links WHERE kind = 'friend'")}
    sister = {base + "/" for base in demo_archive.server.bases.values()}
    assert sister <= friends and any(".example/" in url for url in friends)
    fetched_hosts = {r["site"] for r in query(demo_archive.db, "SELECT DISTINCT site FROM pages")}
    assert fetched_hosts == {base for base in demo_archive.server.bases.values()}


def test_robots_txt_is_obeyed(demo_archive: CrawledArchive) -> None:
    paths = [path for _, _, path, _ in demo_archive.server.requests()]
    assert "/robots.txt" in paths
    assert not [p for p in paths if p.startswith(("/plus/", "/tags.php", "/index.php"))]


def test_sites_and_crawl_runs_are_recorded(demo_archive: CrawledArchive) -> None:
    sites = {r["name"]: json.loads(r["categories"]) for r in query(demo_archive.db, "SELECT * FROM sites")}
    assert set(sites) == {"快知网", "聚热点"}
    assert {"技术", "创业", "美文", "职场"} <= {c["name"] for c in sites["快知网"]}
    runs = query(demo_archive.db, "SELECT * FROM crawls")
    assert runs and runs[0]["status"] == "finished"
    stats = json.loads(runs[0]["stats"])
    assert stats["portalcrawl/stored/articles_new"] == len(TRUTH["articles"])
    assert stats["portalcrawl/skipped/http_404"] >= 1


def test_wal_mode(demo_archive: CrawledArchive) -> None:
    assert query(demo_archive.db, "PRAGMA journal_mode")[0][0] == "wal"


def test_second_crawl_changes_nothing(demo_archive: CrawledArchive, tmp_path) -> None:
    db = tmp_path / "again.db"
    shutil.copy(demo_archive.db, db)
    before = [tuple(r) for r in query(db, "SELECT * FROM articles ORDER BY url")]
    before_counts = [query(db, f"SELECT count(*) FROM {t}")[0][0] for t in ("pages", "links", "sites")]
    proc = run_cli("crawl", *demo_archive.server.start_urls, "--db", str(db), *FAST)
    assert proc.returncode == 0, proc.stderr
    assert f"0 new, 0 changed, {len(TRUTH['articles'])} unchanged" in proc.stdout
    assert [tuple(r) for r in query(db, "SELECT * FROM articles ORDER BY url")] == before
    assert [query(db, f"SELECT count(*) FROM {t}")[0][0] for t in ("pages", "links", "sites")] == before_counts


def test_demo_command_runs_end_to_end(tmp_path) -> None:
    db = tmp_path / "demo.db"
    proc = run_cli("demo", "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    assert f"articles stored   {len(TRUTH['articles'])} ({len(TRUTH['articles'])} new" in proc.stdout
    assert "skipped" in proc.stdout and str(db) in proc.stdout and "SELECT" in proc.stdout
    assert query(db, "SELECT count(*) FROM articles")[0][0] == len(TRUTH["articles"])


def test_the_scrapy_way_works_too(demo_server, tmp_path) -> None:
    import subprocess
    import sys

    db = tmp_path / "scrapy.db"
    start = demo_server.start_urls[1]
    proc = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "portal", "-a", f"start_urls={start}",
         "-s", f"PORTALCRAWL_DB={db}", *FAST, "-s", "LOG_LEVEL=WARNING"],
        cwd=REPO, capture_output=True, text=True, timeout=300, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    site = demo_server.bases["jurd"]
    expected = sum(1 for a in TRUTH["articles"] if a["site"] == "jurd")
    assert query(db, "SELECT count(*) FROM articles WHERE site = ?", (site,))[0][0] == expected


def test_reextraction_counts_relative_dates_from_the_fetch(demo_archive: CrawledArchive) -> None:
    from portalcrawl.archive import Archive

    reextract = Archive(demo_archive.db).extract_again

    relative = next(a for a in TRUTH["articles"] if a["published"] == "fetch-3d")
    url = demo_archive.url(relative["site"], relative["path"])
    stored = query(demo_archive.db, "SELECT published, fetched_at FROM articles WHERE url = ?", (url,))[0]
    again = reextract(url)
    assert again.published.isoformat() == stored["published"]
    assert again.published.isoformat() == _expected_published(relative, stored["fetched_at"])
    gbk = next(a for a in TRUTH["articles"] if a["charset_quirk"] == "misdeclared")
    assert reextract(demo_archive.url(gbk["site"], gbk["path"])).body == gbk["body"]


def test_progress_lines_while_crawling(demo_server, tmp_path) -> None:
    proc = run_cli("crawl", *demo_server.start_urls, "--db", str(tmp_path / "p.db"), "-s", "DOWNLOAD_DELAY=0.02",
                   "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "PORTALCRAWL_PROGRESS_INTERVAL=0.3")
    assert proc.returncode == 0, proc.stderr
    assert "pages/min" in proc.stderr and "articles" in proc.stderr and "errors" in proc.stderr
