"""The archive's read queries for research: articles a chunk at a time, copies, the export's rows,
the site network, the report's figures and the recorded runs.

Each reader streams or aggregates in SQL, so memory does not grow with the archive, and none
writes: they run on a read-only connection (see archive.Archive).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import sqlite_utils

CHUNK = 500
TOP_CONTRIBUTORS = 15
# The link counts of an edge of the site network (the site_links view).
EDGE_COUNTS = ("links", "pages", "friend_links", "body_links", "other_links")


@dataclass(frozen=True)
class Cluster:
    cluster: int
    urls: list[str]
    sites: list[str]
    earliest_url: str
    earliest_published: str | None


def article_rows(db: sqlite_utils.Database, columns: str, chunk: int = CHUNK) -> Iterator[tuple[Any, ...]]:
    """(rowid, *columns) of every article in rowid order, fetched a chunk at a time, so writes may
    happen between chunks on the same connection."""
    last = -(2**63)
    while True:
        rows = db.execute(f"SELECT rowid, {columns} FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?",
                          [last, chunk]).fetchall()
        if not rows:
            return
        yield from rows
        last = rows[-1][0]


def site_forms(site: str) -> list[str]:
    """What a --site value may name as stored (sites are stored in lower case): itself (``http://host``),
    or a bare host under either scheme."""
    site = site.strip().rstrip("/").lower()
    return [site, f"http://{site}", f"https://{site}"]


def article_filters(site: str | None, since: str | None, until: str | None,
                    alias: str = "a") -> tuple[list[str], list[object]]:
    """SQL conditions (and their parameters) for the --site/--since/--until options every command shares.

    ``site`` is a site as stored (``http://host``) or a bare host; dates are ISO dates, and
    ``until`` includes its whole day.
    """
    clauses: list[str] = []
    params: list[object] = []
    if site:
        clauses.append(f"{alias}.site IN (?, ?, ?)")  # exact: no LIKE, whose % and _ a host could hold
        params += site_forms(site)
    if since:
        clauses.append(f"{alias}.published >= ?")
        params.append(since)
    if until:
        clauses.append(f"substr({alias}.published, 1, 10) <= ?")
        params.append(until)
    return clauses, params


def clusters(db: sqlite_utils.Database, site: str | None = None) -> list[Cluster]:
    """Every cluster (with an article on ``site``, if given), largest first, members in order of publication."""
    where, params = article_filters(site, None, None)
    only = (" WHERE c.cluster IN (SELECT c.cluster FROM dupe_clusters c JOIN articles a ON a.url = c.url "
            f"WHERE {' AND '.join(where)})") if where else ""
    rows = db.execute(
        "SELECT c.cluster, a.url, a.site, a.published FROM dupe_clusters c JOIN articles a ON a.url = c.url"
        f"{only} ORDER BY c.cluster, a.published IS NULL, a.published, a.url", params).fetchall()
    grouped: dict[int, list[tuple[str, str, str | None]]] = {}
    for cluster, url, site_, published in rows:
        grouped.setdefault(cluster, []).append((url, site_, published))
    found = [Cluster(cluster, [m[0] for m in members], sorted({m[1] for m in members}), members[0][0], members[0][2])
             for cluster, members in grouped.items()]
    return sorted(found, key=lambda c: (-len(c.urls), c.cluster))


def clustered_titles(db: sqlite_utils.Database) -> dict[str, str | None]:
    """The title of every article in a cluster of copies, by URL."""
    return dict(db.execute("SELECT a.url, a.title FROM dupe_clusters c JOIN articles a ON a.url = c.url"))


# The export's columns (research/export.py describes each: a stable contract, new ones only at the end).
EXPORT_NAMES = ("url", "site", "site_name", "title", "published", "published_source", "contributor", "source",
                "editor", "category", "body", "page_count", "fetched_at", "content_hash", "copy_cluster")
_EXPORT = """
SELECT a.url, a.site, s.name, a.title, a.published, a.published_source, a.contributor, a.source, a.editor,
       a.category, a.body, a.page_count, a.fetched_at, a.content_hash, c.cluster
FROM articles a LEFT JOIN sites s ON s.site = a.site LEFT JOIN dupe_clusters c ON c.url = a.url
"""


def export_batches(db: sqlite_utils.Database, site: str | None = None, since: str | None = None,
                   until: str | None = None, size: int = 1000) -> Iterator[list[tuple[Any, ...]]]:
    """The articles to export, a batch at a time from one cursor, by site, date and URL."""
    clauses, params = article_filters(site, since, until)
    sql = _EXPORT + (" WHERE " + " AND ".join(clauses) if clauses else "") + " ORDER BY a.site, a.published, a.url"
    cursor = db.conn.execute(sql, params)
    while rows := cursor.fetchmany(size):
        yield rows


def count_articles(db: sqlite_utils.Database, site: str | None = None, since: str | None = None,
                   until: str | None = None) -> int:
    """How many articles the same filters select (the length of an export, for its progress bar)."""
    clauses, params = article_filters(site, since, until)
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    return int(db.execute(f"SELECT count(*) FROM articles a{where}", params).fetchone()[0])


@dataclass(frozen=True)
class SiteNetwork:
    """What the site graph is drawn from."""

    names: dict[str, str | None]  # crawled sites and their names
    articles: dict[str, int]  # articles per crawled site
    link_texts: dict[str, dict[str, int]]  # per linked site, the texts friend links use for it, with counts
    edges: list[tuple[str, str, dict[str, int]]]  # (from site, to site, EDGE_COUNTS)


def site_network(db: sqlite_utils.Database) -> SiteNetwork:
    """Sites and the links between them, from the ``site_links`` view researchers query too."""
    texts: dict[str, dict[str, int]] = {}
    for to_site, text, n in db.execute(
            "SELECT to_site, text, count(*) FROM links WHERE kind = 'friend' AND text != '' GROUP BY to_site, text"):
        texts.setdefault(to_site, {})[text] = n
    edges = [(row[0], row[1], dict(zip(EDGE_COUNTS, row[2:], strict=True)))
             for row in db.execute(f"SELECT from_site, to_site, {', '.join(EDGE_COUNTS)} FROM site_links")]
    return SiteNetwork(names=dict(db.execute("SELECT site, name FROM sites").fetchall()),
                       articles=dict(db.execute("SELECT site, count(*) FROM articles GROUP BY site").fetchall()),
                       link_texts=texts, edges=edges)


@dataclass(frozen=True)
class Overview:
    """The report's figures."""

    articles: int
    sites: int
    first_published: str | None
    last_published: str | None
    months: list[str]  # every month with a dated article, in order
    per_month: dict[str, dict[str, int]]  # site name -> month -> articles
    contributors: list[tuple[str, int, int]]  # (contributor, articles, sites), most prolific first


def overview(db: sqlite_utils.Database, top: int = TOP_CONTRIBUTORS) -> Overview:
    names = dict(db.execute("SELECT site, coalesce(name, site) FROM sites").fetchall())
    series: dict[str, dict[str, int]] = {}
    months: set[str] = set()
    for site, month, count in db.execute(
            "SELECT site, substr(published, 1, 7) AS month, count(*) FROM articles WHERE published IS NOT NULL "
            "GROUP BY site, month"):
        series.setdefault(names.get(site, site), {})[month] = count
        months.add(month)
    contributors = db.execute("SELECT contributor, count(*) AS n, count(DISTINCT site) FROM articles "
                              "WHERE contributor IS NOT NULL AND contributor != '' GROUP BY contributor "
                              "ORDER BY n DESC, contributor LIMIT ?", [top]).fetchall()
    articles, first, last = db.execute("SELECT count(*), min(published), max(published) FROM articles").fetchone()
    return Overview(articles=articles, sites=db.execute("SELECT count(*) FROM sites").fetchone()[0],
                    first_published=first, last_published=last, months=sorted(months),
                    per_month=dict(sorted(series.items())), contributors=[tuple(r) for r in contributors])


def link_targets(db: sqlite_utils.Database, from_site: str, kind: str) -> set[str]:
    """Where a site's pages link, in one region (``contract.LinkKind``)."""
    return {r[0] for r in db.execute("SELECT DISTINCT to_url FROM links WHERE kind = ? AND from_site = ?",
                                     [kind, from_site])}


def copy_pairs(db: sqlite_utils.Database, site: str) -> list[tuple[str, str]]:
    """The verified pairs of copies between two articles of one site."""
    prefix = site + "/"
    return db.execute("SELECT url_a, url_b FROM copies WHERE substr(url_a, 1, ?) = ? AND substr(url_b, 1, ?) = ?",
                      [len(prefix), prefix, len(prefix), prefix]).fetchall()


def recent_runs(db: sqlite_utils.Database, limit: int) -> list[dict[str, Any]]:
    """The last crawls and harvests, newest first, with their stats and per-portal outcomes decoded."""
    cursor = db.execute("SELECT * FROM crawls ORDER BY id DESC LIMIT ?", [limit])
    columns = [c[0] for c in cursor.description]
    runs = []
    for row in cursor.fetchall():
        run = dict(zip(columns, row, strict=True))
        for key in ("stats", "portals", "start_urls"):
            run[key] = json.loads(run[key]) if run.get(key) else None
        runs.append(run)
    return runs


def last_good_harvest(db: sqlite_utils.Database, portal: str) -> dict[str, int] | None:
    """The counts of the last harvest in which this portal passed its checks (the harvest's baseline)."""
    rows = db.execute("SELECT portals FROM crawls WHERE kind = 'harvest' AND portals IS NOT NULL "
                      "ORDER BY id DESC").fetchall()
    for (portals,) in rows:
        outcome = json.loads(portals).get(portal)
        if outcome and outcome.get("ok"):
            return outcome.get("counts")
    return None
