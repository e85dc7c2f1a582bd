"""Copies: found as articles arrive, checked against the demo portal's truth."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from portalcrawl.archive import Archive
from portalcrawl.archive.copies import rebuild
from portalcrawl.archive.queries import clusters
from portalcrawl.demo.model import build_portal
from portalcrawl.evaluation.scoring import precision_recall

from .conftest import CrawledArchive, invoke
from .research_fixtures import add_articles, article, copy_archive

pytestmark = pytest.mark.slow  # every test reads the session's demo crawl


def truth_clusters(archive: CrawledArchive) -> list[set[str]]:
    return [{archive.url(site, path) for site, path in group} for group in build_portal().copy_groups()]


def found_clusters(db: Path) -> list[list[str]]:
    archive = Archive(db, write=True).db
    try:
        return [c.urls for c in clusters(archive)]
    finally:
        archive.close()


def test_demo_copies_are_found_exactly(demo_archive: CrawledArchive) -> None:
    truth = truth_clusters(demo_archive)
    sites_per_cluster = [{url.split("/")[2] for url in group} for group in truth]
    assert len(truth) == 6 and sum(len(s) == 1 for s in sites_per_cluster) == 2  # within a site too
    found = found_clusters(demo_archive.db)
    assert precision_recall(found, truth) == (1.0, 1.0)


def test_dupes_command_lists_clusters_with_the_earliest_publication(demo_archive: CrawledArchive) -> None:
    result = invoke("dupes", "--db", str(demo_archive.db), "--json")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 6 and all(len(r["urls"]) == 2 for r in rows)
    portal = build_portal()
    originals = {demo_archive.url(*a.copy_of.split(":", 1)) for s in portal.sites.values() for a in s.articles
                 if a.copy_of}
    conn = sqlite3.connect(demo_archive.db)
    for row in rows:
        dates = dict(conn.execute(f"SELECT url, published FROM articles WHERE url IN ({','.join('?' * 2)})",
                                  row["urls"]))
        assert row["earliest_published"] == min(dates.values())
        assert row["earliest_url"] in originals  # the demo's originals were all published first
    jurd = demo_archive.server.bases["jurd"]
    on_jurd = invoke("dupes", "--db", str(demo_archive.db), "--json", "--site", jurd.split("://")[1])
    assert on_jurd.exit_code == 0, on_jurd.output
    rows_on_jurd = [json.loads(line) for line in on_jurd.stdout.splitlines()]
    assert len(rows_on_jurd) == 5 and all(any(u.startswith(jurd) for u in r["urls"]) for r in rows_on_jurd)
    text = invoke("dupes", "--db", str(demo_archive.db))
    assert text.exit_code == 0 and text.stdout.count("cluster ") == 6 and "6 clusters" in text.stderr
    assert "6 clusters" not in text.stdout  # the count goes to stderr, the clusters alone to stdout


def test_clusters_follow_new_and_changed_articles(demo_archive: CrawledArchive, tmp_path: Path) -> None:
    db = copy_archive(demo_archive.db, tmp_path / "dupes.db")
    before = {frozenset(c) for c in found_clusters(db)}
    conn = sqlite3.connect(db)
    original_url, title, body = conn.execute(
        "SELECT url, title, body FROM articles WHERE url IN (SELECT url FROM dupe_clusters) ORDER BY url LIMIT 1"
    ).fetchone()
    lone_url, lone_body = conn.execute(
        "SELECT url, body FROM articles WHERE url NOT IN (SELECT url FROM dupe_clusters) ORDER BY url LIMIT 1"
    ).fetchone()
    conn.close()
    paragraphs = body.split("\n")
    # A third site reposts it: new title, a sentence of its own on top, the last paragraph cut.
    repost = article("http://copier.example/p/1.html", "转载：" + title,
                     "\n".join(["本文转自网络，如有侵权请联系删除。", *paragraphs[:-1]]), site="http://copier.example")
    # And copies an article nobody had copied yet, word for word.
    verbatim = article("http://copier.example/p/2.html", "别的标题", lone_body, site="http://copier.example")
    add_articles(db, [repost, verbatim])
    after = {frozenset(c) for c in found_clusters(db)}
    grown = next(c for c in after if original_url in c)
    assert repost.url in grown and len(grown) == 3
    assert frozenset({lone_url, verbatim.url}) in after
    # The repost is rewritten into something else entirely: it leaves the cluster.
    rewritten = "完全不同的内容。" * 3 + lone_body[:5] + "再也不是转载了，讲的是别的事情。"
    add_articles(db, [article(repost.url, "另一篇", rewritten, site="http://copier.example")])
    final = {frozenset(c) for c in found_clusters(db)}
    assert all(repost.url not in c for c in final)
    assert final == before | {frozenset({lone_url, verbatim.url})}
    # Rebuilding from scratch gives the same clusters as keeping them up to date did.
    archive = Archive(db, write=True).db
    rebuild(archive)
    archive.close()
    assert {frozenset(c) for c in found_clusters(db)} == final


@pytest.mark.parametrize("short_body", ["短。", ""])
def test_stubs_are_never_clustered(demo_archive: CrawledArchive, tmp_path: Path, short_body: str) -> None:
    db = copy_archive(demo_archive.db, tmp_path / "stubs.db")
    add_articles(db, [article(f"http://stub.example/{n}.html", "图片", short_body, site="http://stub.example")
                      for n in range(3)])
    assert all(not url.startswith("http://stub.example") for c in found_clusters(db) for url in c)
