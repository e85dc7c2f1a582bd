"""Search: the same answer as a substring scan for every query, from indexes, through every path."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

import pytest

from portalcrawl.archive import Archive
from portalcrawl.archive.search import scan, search

from .conftest import REPO, CrawledArchive, invoke
from .research_fixtures import MIXED_SITE, add_articles, article, copy_archive, research_archive

FIXED_QUERIES = [
    "AI", "ai", "Ai", "gpt-5", "GPT", "5模", "iphone 15", "iPhone", "café", "CAFÉ", "Café", "é", "É", "e\u0301",
    "Ｆ", "ｆ", "ＡＢＣ", "城墙", "城，墙", "，", "……", "“引号”", "2015", "1、2", "A-B", "b c", "No.4", "42",
    "量子纠缠", "不存在的词语", '"', "'", "%", "_", "城 墙", "OpenAI 模型", "县城 创业", "xyz", "的", "了",
    "【导读】", "作者", "　",
]


@pytest.fixture(scope="module")
def archive(demo_archive: CrawledArchive, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return research_archive(demo_archive.db, tmp_path_factory.mktemp("search") / "archive.db")


def urls(conn: sqlite3.Connection, query: str, **filters: str) -> set[str]:
    return {hit.url for hit in search(conn, query, limit=0, **filters)}


def random_queries(conn: sqlite3.Connection, count: int, seed: int = 20261125) -> list[tuple[str, str]]:
    """(query, url of an article that contains it): substrings of 1 to 6 characters of real texts."""
    rng = random.Random(seed)
    rows = conn.execute("SELECT url, title, body FROM articles ORDER BY url").fetchall()
    queries = []
    while len(queries) < count:
        url, title, body = rng.choice(rows)
        text = rng.choice([title or "", body])
        size = rng.choice([1, 1, 2, 2, 3, 4, 6])
        if len(text) < size:
            continue
        start = rng.randrange(len(text) - size + 1)
        query = text[start:start + size]
        if query.strip():
            queries.append((query, url))
    return queries


@pytest.mark.slow
def test_every_query_finds_exactly_what_a_substring_scan_finds(archive: Path) -> None:
    conn = sqlite3.connect(archive)
    checked = 0
    for query, source in random_queries(conn, 400):
        found = urls(conn, query)
        assert found == scan(conn, query), query
        assert source in found, (query, source)  # the article the query was cut from
        checked += 1
    for query in FIXED_QUERIES:
        assert urls(conn, query) == scan(conn, query), query
    assert checked == 400
    # Not vacuous: the mixed-script queries do find things, case-insensitively for ASCII only.
    assert urls(conn, "ai") == urls(conn, "AI") == {f"{MIXED_SITE}/a/0.html"}
    assert f"{MIXED_SITE}/a/1.html" in urls(conn, "café") and urls(conn, "Ｆ") == {f"{MIXED_SITE}/a/1.html"}
    assert urls(conn, "ｆ") == set()  # full-width letters are not folded
    assert urls(conn, "城墙") >= {f"{MIXED_SITE}/a/2.html"}


@pytest.mark.slow
def test_short_and_long_queries_are_answered_from_the_indexes(archive: Path) -> None:
    conn = sqlite3.connect(archive)
    for query, index in [("城", "articles_chars"), ("城墙", "articles_chars"), ("创业公司", "articles_fts")]:
        sql = f"EXPLAIN QUERY PLAN SELECT rowid FROM {index} WHERE {index} MATCH ?"
        plan = " ".join(str(row[-1]) for row in conn.execute(sql, [f'"{query}"']))
        assert "VIRTUAL TABLE INDEX" in plan, plan
    # And the search itself goes through them: its plan names the index, never a scan of articles.
    from portalcrawl.archive import search as module

    seen = []
    conn.set_trace_callback(seen.append)
    list(module.search(conn, "城"))
    list(module.search(conn, "创业公司"))
    conn.set_trace_callback(None)
    assert any("articles_chars MATCH" in s for s in seen) and any("articles_fts MATCH" in s for s in seen)
    # Han-only terms are answered by the indexes alone; a cased term is checked against the text.
    assert not any("instr" in s for s in seen)
    seen.clear()
    conn.set_trace_callback(seen.append)
    list(module.search(conn, "GPT"))
    conn.set_trace_callback(None)
    assert any("instr" in s for s in seen)


@pytest.mark.slow
def test_a_title_match_ranks_first(archive: Path) -> None:
    conn = sqlite3.connect(archive)
    url, title = conn.execute("SELECT url, title FROM articles WHERE site LIKE 'http://127.0.0.1%' "
                              "ORDER BY url LIMIT 1").fetchone()
    hits = list(search(conn, title, limit=5))
    assert hits[0].url == url
    assert hits[0].score <= hits[-1].score


@pytest.mark.slow
def test_filters_match_the_scan_restricted_the_same_way(archive: Path) -> None:
    conn = sqlite3.connect(archive)
    rows = conn.execute("SELECT url, site, published FROM articles").fetchall()
    everything = scan(conn, "的")
    site = next(s for _, s, _ in rows if s.startswith("http://127.0.0.1"))
    host = site.split("://", 1)[1]
    assert urls(conn, "的", site=host) == {u for u, s, _ in rows if s == site and u in everything}
    assert urls(conn, "的", since="2023-01-01", until="2023-06-30") == {
        u for u, _, p in rows if p and "2023-01-01" <= p[:10] <= "2023-06-30" and u in everything}
    assert urls(conn, "的", until="2015-12-31") == {u for u, _, p in rows if p and p[:10] <= "2015-12-31"
                                                    and u in everything}


@pytest.mark.slow
def test_index_follows_changed_edited_and_deleted_articles(archive: Path, tmp_path: Path) -> None:
    db = copy_archive(archive, tmp_path / "edits.db")
    url = f"{MIXED_SITE}/a/0.html"
    # A new version through the writer (as a re-crawl stores it).
    add_articles(db, [article(url, "量子计算的新进展", "鲲鹏展翅，量子比特。")])
    conn = sqlite3.connect(db)
    for gone in ("GPT", "旧金山", "旧", "iPhone"):
        assert url not in urls(conn, gone), gone
    for new in ("鲲", "鲲鹏", "量子比特", "展翅"):
        assert urls(conn, new) == scan(conn, new) and url in urls(conn, new), new
    conn.close()
    # Edits by hand in sqlite3: triggers queue them, the next portalcrawl open applies them.
    raw = sqlite3.connect(db)
    with raw:
        raw.execute("UPDATE articles SET title = '麒麟' WHERE url = ?", [url])
        raw.execute("DELETE FROM articles WHERE url = ?", [f"{MIXED_SITE}/a/1.html"])
    raw.close()
    Archive(db, write=True).db.close()
    conn = sqlite3.connect(db)
    assert urls(conn, "麒") == {url} and urls(conn, "麒麟") == {url}
    assert urls(conn, "量子计算") == set()  # the old title
    assert urls(conn, "é") == scan(conn, "é") and f"{MIXED_SITE}/a/1.html" not in urls(conn, "咖")
    assert conn.execute("SELECT count(*) FROM articles_chars_queue").fetchone()[0] == 0
    # The character index holds exactly one entry per article: nothing stale, nothing missing.
    for char in ("的", "鲲", "城", "麒", "咖"):
        indexed = {r[0] for r in conn.execute("SELECT rowid FROM articles_chars WHERE articles_chars MATCH ?",
                                              [f'"{char}"'])}
        actual = {r[0] for r in conn.execute("SELECT rowid FROM articles WHERE instr(title, ?) OR instr(body, ?)",
                                             [char, char])}
        assert indexed == actual, char


@pytest.mark.slow
def test_search_command(archive: Path) -> None:
    conn = sqlite3.connect(archive)
    result = invoke("search", "城", "--db", str(archive), "--json", "--limit", "0")
    assert result.exit_code == 0, result.output
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert {h["url"] for h in hits} == scan(conn, "城") and len(hits) > 5
    assert all({"url", "title", "site", "published", "snippet"} <= h.keys() for h in hits)
    assert all("**城**" in h["snippet"] or "城" in (h["title"] or "") for h in hits)

    limited = invoke("search", "城", "--db", str(archive), "--json", "--limit", "2")
    assert limited.exit_code == 0 and len(limited.stdout.splitlines()) == 2
    assert [json.loads(line) for line in limited.stdout.splitlines()] == hits[:2]  # the best two, in order

    text = invoke("search", "创业公司", "--db", str(archive))
    assert text.exit_code == 0 and "**创业公司**" in text.stdout and "articles" in text.stderr
    assert "\x1b[" not in text.stdout  # not a terminal: marks, not colours

    mixed = invoke("search", "gpt-5", "--db", str(archive), "--json", "--site", "mixed.example")
    assert mixed.exit_code == 0, mixed.output
    assert [json.loads(line)["url"] for line in mixed.stdout.splitlines()] == [f"{MIXED_SITE}/a/0.html"]


@pytest.mark.parametrize(("args", "message"), [
    (["城", "--since", "2015/01/01"], "YYYY-MM-DD"),
    (["城", "--limit", "-1"], "--limit"),
    (["  "], "empty"),
])
def test_search_rejects_bad_options_clearly(tmp_path: Path, args: list[str], message: str) -> None:
    db = tmp_path / "archive.db"
    Archive(db, write=True).close()  # an archive, so that only the option can be wrong
    result = invoke("search", *args, "--db", str(db))  # an exception would fail the test with its traceback
    assert result.exit_code == 2 and message in result.stderr and result.stdout == ""


def test_search_of_a_missing_archive_is_a_clear_error(tmp_path: Path) -> None:
    result = invoke("search", "城", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1 and "no such archive" in result.stderr
    assert not (tmp_path / "none.db").exists()


@pytest.mark.slow
def test_search_on_a_terminal_colours_the_matches(archive: Path) -> None:
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    proc = subprocess.run([sys.executable, "-m", "portalcrawl.cli", "search", "创业公司", "--db", str(archive),
                           "--limit", "1"], stdout=follower, stderr=subprocess.PIPE, cwd=REPO, timeout=60, check=False)
    os.close(follower)
    output = os.read(leader, 65536).decode("utf-8", errors="replace")
    os.close(leader)
    assert proc.returncode == 0, proc.stderr
    assert "\x1b[" in output and "创业公司" in output and "**" not in output


@pytest.mark.slow
def test_rebuilding_the_indexes_gives_the_same_answers(archive: Path, tmp_path: Path) -> None:
    from portalcrawl.archive.search_index import rebuild

    db = copy_archive(archive, tmp_path / "rebuild.db")
    conn = sqlite3.connect(db)
    before = {q: urls(conn, q) for q in ("城", "城墙", "创业公司", "AI", "é")}
    conn.close()
    archive_db = Archive(db, write=True).db
    rebuild(archive_db)
    archive_db.close()
    conn = sqlite3.connect(db)
    assert {q: urls(conn, q) for q in before} == before
    assert before["城"] and before["创业公司"] and before["AI"]  # not vacuous
