"""The archive's schema in one place: its tables, indexes and views, and how an older archive is
brought up to date (``ensure_schema``, idempotent, run by the write path only).

The derived indexes (search, copies) create their own tables here too, so an archive is always
whole: a table without its index never exists.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from . import copies, search_index
from .transaction import write_transaction
from .urls import site_of

SCHEMA_VERSION = 3

_TABLES: dict[str, tuple[dict[str, Any], Any]] = {
    "sites": ({"site": str, "name": str, "categories": str, "first_seen": str, "last_seen": str}, "site"),
    "pages": (
        {"url": str, "site": str, "status": int, "content_type": str, "kind": str, "fetched_at": str,
         "content_hash": str, "body": bytes, "size": int, "encoding": str, "error": str, "etag": str,
         "last_modified": str, "http_date": str, "redirect_to": str, "list_dates": str, "reached_as": str,
         "template": str, "extracted_with": str},
        "url",
    ),
    "articles": (
        {"url": str, "site": str, "title": str, "published": str, "published_source": str,
         "contributor": str, "source": str, "editor": str, "category": str, "body": str,
         "fetched_at": str, "content_hash": str, "page_count": int, "notes": str},
        "url",
    ),
    # Earlier versions of articles whose content changed: nothing is overwritten silently.
    "article_versions": (
        {"url": str, "version": int, "replaced_at": str, "title": str, "published": str, "published_source": str,
         "contributor": str, "source": str, "editor": str, "category": str, "body": str, "fetched_at": str,
         "content_hash": str},
        ("url", "version"),
    ),
    # Records that re-extraction found not to be articles (a list page archived by an older
    # extractor, before its template was learned): moved here with the reason, never just deleted.
    "removed_articles": (
        {"url": str, "removed_at": str, "reason": str, "site": str, "title": str, "published": str,
         "published_source": str, "contributor": str, "source": str, "editor": str, "category": str, "body": str,
         "fetched_at": str, "content_hash": str, "page_count": int, "notes": str},
        ("url", "removed_at"),
    ),
    # Each site's templates, learned from its pages (extract/learn.py): data, not code.
    "templates": (
        {"site": str, "template_id": str, "signature": str, "kind": str, "content_slot": str, "meta_slot": str,
         "boilerplate": str, "title_prefix": str, "title_suffix": str, "pages_seen": int, "learned_at": str,
         "version": str, "example_url": str, "learned": int},
        ("site", "template_id"),
    ),
    "links": ({"from_url": str, "to_url": str, "text": str, "kind": str, "from_site": str, "to_site": str},
              ("from_url", "to_url", "kind")),
    # Verified near-duplicate pairs (url_a < url_b) and the clusters they form (archive/copies.py).
    "copies": ({"url_a": str, "url_b": str, "jaccard": float, "containment": float}, ("url_a", "url_b")),
    "dupe_clusters": ({"url": str, "cluster": int}, "url"),
    "crawls": (
        {"id": int, "kind": str, "config": str, "started": str, "finished": str, "status": str,
         "start_urls": str, "portals": str, "errors": str, "stats": str},
        "id",
    ),
}
_INDEXES = [
    ("articles", ["site"]), ("articles", ["published"]), ("articles", ["contributor"]),
    ("pages", ["site"]), ("pages", ["kind"]), ("links", ["to_url"]), ("links", ["kind"]),
    ("copies", ["url_b"]), ("dupe_clusters", ["cluster"]), ("articles", ["site", "content_hash"]),
    ("pages", ["site", "template"]),
]

_VIEWS = {
    # Site-to-site links with counts: the portal network (friend links and every other kind).
    "site_links": """
        SELECT from_site, to_site, count(*) AS links, count(DISTINCT from_url) AS pages,
               sum(kind = 'friend') AS friend_links, sum(kind = 'body') AS body_links,
               sum(kind NOT IN ('friend', 'body')) AS other_links
        FROM links
        WHERE to_site LIKE 'http%' AND from_site != to_site
        GROUP BY from_site, to_site""",
    # One row per cluster of copies, with its earliest known publication.
    "copy_clusters": """
        SELECT c.cluster, count(*) AS size, count(DISTINCT a.site) AS sites,
               min(a.published) AS earliest_published,
               (SELECT a2.url FROM dupe_clusters c2 JOIN articles a2 ON a2.url = c2.url
                WHERE c2.cluster = c.cluster
                ORDER BY a2.published IS NULL, a2.published, a2.url LIMIT 1) AS earliest_url,
               json_group_array(a.url) AS urls
        FROM dupe_clusters c JOIN articles a ON a.url = c.url
        GROUP BY c.cluster""",
}


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create missing tables, columns and indexes; idempotent, so every open can call it."""
    added: set[tuple[str, str]] = set()
    with write_transaction(db):
        for name, (columns, pk) in _TABLES.items():
            table = db[name]
            if not table.exists():
                table.create(columns, pk=pk, not_null={pk} if isinstance(pk, str) else set(pk))
            else:
                missing = {c: t for c, t in columns.items() if c not in table.columns_dict}
                for column, col_type in missing.items():
                    table.add_column(column, col_type)
                    added.add((name, column))
        for table, columns in _INDEXES:
            db[table].create_index(columns, if_not_exists=True)
        _ensure_derived(db, links_need_sites=("links", "to_site") in added)
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")


def _ensure_derived(db: sqlite_utils.Database, links_need_sites: bool) -> None:
    """Search indexes, copy detection and views; filled from the existing rows when new."""
    existing = set(db.table_names()) | set(db.view_names())
    search_index.ensure(db)
    for name, sql in _VIEWS.items():
        if name not in existing:
            db.create_view(name, sql)
    if links_need_sites:  # an archive from before the link graph
        db.register_function(site_of, deterministic=True, replace=True)
        db.execute("UPDATE links SET from_site = site_of(from_url), to_site = site_of(to_url) WHERE to_site IS NULL")
    copies.ensure(db)
