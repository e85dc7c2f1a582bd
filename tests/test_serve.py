"""`portalcrawl serve`: a real Datasette on 127.0.0.1, queried through its JSON API."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from portalcrawl.archive.canned import QUERIES
from portalcrawl.archive.search import scan
from portalcrawl.research.schema_docs import TABLES

from .conftest import REPO, CrawledArchive
from .research_fixtures import research_archive

pytestmark = pytest.mark.slow  # the demo crawl, served by a real Datasette in a child process


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    def __init__(self, base: str, db: Path) -> None:
        self.base, self.db = base, db

    def get(self, path: str, **params: str) -> object:
        url = f"{self.base}/{self.db.stem}{path}" + ("?" + urllib.parse.urlencode(params) if params else "")
        with urllib.request.urlopen(url, timeout=20) as response:
            return json.load(response)


@pytest.fixture(scope="module")
def served(demo_archive: CrawledArchive, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    db = research_archive(demo_archive.db, tmp_path_factory.mktemp("serve") / "archive.db")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "portalcrawl.cli", "serve", "--db", str(db), "--port", str(port)],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{base}/-/versions.json", timeout=2).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    proc.kill()
                    pytest.fail(f"datasette did not start: {proc.stdout.read() if proc.stdout else ''}")
                time.sleep(0.2)
        yield Served(base, db)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_tables_answer_with_their_rows(served: Served) -> None:
    rows = served.get("/articles.json", _shape="array", _size="5", _sort="url")
    assert len(rows) == 5 and {"url", "title", "body", "published"} <= rows[0].keys()
    count = sqlite3.connect(served.db).execute("SELECT count(*) FROM articles").fetchone()[0]
    assert served.get("/articles.json", _size="0")["filtered_table_rows_count"] == count


def test_tables_and_columns_are_described(served: Served) -> None:
    with urllib.request.urlopen(f"{served.base}/-/metadata.json", timeout=20) as response:
        meta = json.load(response)
    tables = meta["databases"][served.db.stem]["tables"]
    for name, (description, columns) in TABLES.items():
        assert tables[name]["description"] == description
        assert tables[name]["columns"] == columns
    conn = sqlite3.connect(served.db)
    for table in ("articles", "pages", "links", "sites", "crawls", "copies", "dupe_clusters"):
        actual = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        assert actual == set(TABLES[table][1]), table  # every column described, none invented


@pytest.mark.parametrize("q", ["城", "城墙", "GPT", "创业公司", "ai", "的"])
def test_search_query_matches_the_substring_scan(served: Served, q: str) -> None:
    rows = served.get("/search.json", q=q, _shape="array")
    expected = scan(sqlite3.connect(served.db), q)
    assert {r["url"] for r in rows} == expected or (len(rows) == 200 and {r["url"] for r in rows} <= expected)


def test_full_text_search_box_uses_the_trigram_index(served: Served) -> None:
    rows = served.get("/articles.json", _search="创业公司", _shape="array", _size="max")
    assert {r["url"] for r in rows} == scan(sqlite3.connect(served.db), "创业公司")


def test_canned_queries_answer(served: Served) -> None:
    conn = sqlite3.connect(served.db)
    results = {name: served.get(f"/{name}.json", _shape="array") for name in QUERIES if name != "search"}
    assert len(results["latest_articles"]) == min(100, conn.execute(
        "SELECT count(*) FROM articles WHERE published IS NOT NULL").fetchone()[0])
    per_month = results["articles_per_site_per_month"]
    assert sum(r["articles"] for r in per_month) == conn.execute(
        "SELECT count(*) FROM articles WHERE published IS NOT NULL").fetchone()[0]
    across = results["copies_across_sites"]
    assert len(across) == 4 and all(r["sites"] == 2 and len(json.loads(r["urls"])) == 2 for r in across)
    network = results["friend_link_network"]
    assert network and all(r["friend_links"] > 0 for r in network)
    top = results["top_contributors"]
    assert top[0]["articles"] == max(r["articles"] for r in top)
