"""The SQLite archive: schema, creation and upgrade in one place, and batched atomic writes.

Only the pipeline writes (through ArchiveWriter); the CLI and researchers read. Every batch
is one transaction, so a crash can lose the last unflushed batch but never leaves a
half-written record, and every write is an upsert keyed on the URL, so crawling twice
leaves the same rows.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import sqlite_utils

from .extract.template import Template
from .items import ArticleRecord, LinkRecord, PageLinks, PageRecord, SiteRecord
from .research import dupes, search_index
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
    # Verified near-duplicate pairs (url_a < url_b) and the clusters they form (research/dupes.py).
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


def open_archive(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) an archive, in WAL mode, with the current schema."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA busy_timeout=30000")  # a reader (Datasette, sqlite3) must not fail a write
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    ensure_schema(db)
    return db


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create missing tables, columns and indexes; idempotent, so every open can call it."""
    added: set[tuple[str, str]] = set()
    with db.atomic():
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
        _ensure_research(db, links_need_sites=("links", "to_site") in added)
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")


def _ensure_research(db: sqlite_utils.Database, links_need_sites: bool) -> None:
    """Search indexes, copy detection and views; filled from the existing rows when new."""
    existing = set(db.table_names()) | set(db.view_names())
    search_index.ensure(db)
    for name, sql in _VIEWS.items():
        if name not in existing:
            db.create_view(name, sql)
    if links_need_sites:  # an archive from before the link graph
        db.register_function(site_of, deterministic=True, replace=True)
        db.execute("UPDATE links SET from_site = site_of(from_url), to_site = site_of(to_url) WHERE to_site IS NULL")
    dupes.ensure(db)


class ArchiveWriter:
    """Writes batches of records, each batch in one transaction."""

    def __init__(self, db: sqlite_utils.Database, unversioned_since: str | None = None) -> None:
        """unversioned_since: a record fetched at or after this time and replaced by a new reading of the
        same fetch keeps no version (the end of a crawl re-reading what it stored itself); records of
        earlier fetches always do."""
        self.db = db
        self.unversioned_since = unversioned_since
        self.copies = dupes.CopyFinder(db)
        self.counts = {"articles_new": 0, "articles_changed": 0, "articles_unchanged": 0, "articles_alias": 0,
                       "articles_removed": 0, "pages": 0, "links": 0}

    def write(self, records: list[object]) -> None:
        pages = [asdict(r) for r in records if isinstance(r, PageRecord)]
        articles = [r for r in records if isinstance(r, ArticleRecord)]
        link_rows = [r for r in records if isinstance(r, LinkRecord)]
        link_rows += [link for r in records if isinstance(r, PageLinks) for link in r.links]
        links = {(r.from_url, r.to_url, r.kind): {**asdict(r), "from_site": site_of(r.from_url),
                                                  "to_site": site_of(r.to_url)} for r in link_rows}
        sites = [r for r in records if isinstance(r, SiteRecord)]
        # atomic(): sqlite-utils' own writes nest inside as savepoints, so the batch is all or nothing.
        with self.db.atomic():
            if pages:
                self.db["pages"].upsert_all(pages, pk="url")
                self.counts["pages"] += len(pages)
            if links:
                self.db["links"].upsert_all(links.values(), pk=("from_url", "to_url", "kind"))
                self.counts["links"] += len(links)
            for article in articles:
                self._write_article(article)
            for site in sites:
                self._write_site(site)
            search_index.drain(self.db)

    def _write_article(self, article: ArticleRecord) -> None:
        row = self.db.execute("SELECT content_hash, fetched_at FROM articles WHERE url = ?",
                              [article.url]).fetchone()
        if row and row[0] == article.content_hash:
            self.counts["articles_unchanged"] += 1
            return
        if row is None:
            # The same article under a second URL (a dynamic and a static address, "/" and "/index.html"):
            # one record; the page row says which record it is an alias of.
            twin = self.db.execute("SELECT url FROM articles WHERE site = ? AND content_hash = ? AND url != ?",
                                   [article.site, article.content_hash, article.url]).fetchone()
            if twin:
                self.db.execute("UPDATE pages SET kind = 'alias', redirect_to = ? WHERE url = ?",
                                [twin[0], article.url])
                self.counts["articles_alias"] += 1
                return
        this_run = row and self.unversioned_since and row[1] and row[1] >= self.unversioned_since
        if row and not this_run:
            old = self._keep_version(article.url, article.fetched_at)
        else:
            old = next(self.db["articles"].rows_where("url = ?", [article.url])) if row else None
        self.db["articles"].upsert(asdict(article), pk="url")
        rowid = self.db.execute("SELECT rowid FROM articles WHERE url = ?", [article.url]).fetchone()[0]
        self.copies.add(rowid, article.url, article.body, old_body=old["body"] if old else None)
        self.counts["articles_changed" if row else "articles_new"] += 1

    def _keep_version(self, url: str, replaced_at: str) -> dict[str, Any]:
        """Copy the current record to article_versions before it is replaced; return it."""
        old = next(self.db["articles"].rows_where("url = ?", [url]))
        number = self.db.execute("SELECT coalesce(max(version), 0) + 1 FROM article_versions WHERE url = ?",
                                 [url]).fetchone()[0]
        columns = set(self.db["article_versions"].columns_dict)
        version = {k: v for k, v in old.items() if k in columns}
        self.db["article_versions"].insert({**version, "version": number, "replaced_at": replaced_at})
        return old

    def remove_article(self, url: str, reason: str, removed_at: str) -> bool:
        """Move an article record that is not one to ``removed_articles``; False if there was none."""
        with self.db.atomic():
            row = self.db.execute("SELECT rowid FROM articles WHERE url = ?", [url]).fetchone()
            if row is None:
                return False
            old = next(self.db["articles"].rows_where("url = ?", [url]))
            self.db["removed_articles"].upsert({**old, "removed_at": removed_at, "reason": reason},
                                               pk=("url", "removed_at"))
            self.copies.remove(row[0], url, old["body"] or "")
            self.db.execute("DELETE FROM articles WHERE url = ?", [url])
            search_index.drain(self.db)
        self.counts["articles_removed"] += 1
        return True

    def replace_links(self, links: PageLinks) -> None:
        """A page's links as a new extraction of it classifies them (the old rows go first)."""
        self.db.execute("DELETE FROM links WHERE from_url = ?", [links.from_url])
        self.write([links])

    def set_extraction(self, url: str, kind: str, template: str | None, extracted_with: str) -> None:
        """What a page was found to be on re-extraction, and with which template."""
        self.db.execute("UPDATE pages SET kind = ?, template = ?, extracted_with = ? WHERE url = ?",
                        [kind, template, extracted_with, url])

    def write_templates(self, templates: list[Template], learned_at: str) -> None:
        """Store the sites' templates (learned or still learning), replacing earlier rows of the same id."""
        rows = [{"site": t.site, "template_id": t.template_id, "signature": json.dumps(sorted(t.skeleton)),
                 "kind": t.kind, "content_slot": t.content_path, "meta_slot": t.meta_path,
                 "boilerplate": json.dumps(sorted(t.boilerplate), ensure_ascii=False),
                 "title_prefix": t.title_prefix, "title_suffix": t.title_suffix, "pages_seen": t.pages,
                 "learned_at": learned_at, "version": t.version if t.learned else None, "example_url": t.example_url,
                 "learned": int(t.learned)} for t in templates]
        if rows:
            with self.db.atomic():
                self.db["templates"].upsert_all(rows, pk=("site", "template_id"))

    def _write_site(self, site: SiteRecord) -> None:
        existing = self.db.execute("SELECT first_seen FROM sites WHERE site = ?", [site.site]).fetchone()
        self.db["sites"].upsert(
            {"site": site.site, "name": site.name, "categories": site.categories,
             "first_seen": existing[0] if existing else site.seen_at, "last_seen": site.seen_at},
            pk="site",
        )

    def start_crawl(self, started: str, start_urls: list[str], kind: str = "crawl", config: str | None = None) -> int:
        with self.db.atomic():
            table = self.db["crawls"].insert({"kind": kind, "config": config, "started": started, "status": "running",
                                              "start_urls": json.dumps(start_urls)})
        return int(table.last_pk)

    def finish_crawl(self, crawl_id: int, finished: str, status: str, stats: dict[str, Any],
                     portals: dict[str, Any] | None = None, errors: str | None = None) -> None:
        def as_json(value: Any) -> str | None:
            return None if value is None else json.dumps(value, default=str, ensure_ascii=False)

        with self.db.atomic():
            self.db["crawls"].update(crawl_id, {"finished": finished, "status": status, "stats": as_json(stats),
                                                "portals": as_json(portals), "errors": errors})


def load_templates(db: sqlite_utils.Database, sites: list[str] | None = None) -> list[Template]:
    """The templates of these sites (all sites when None), the ones still learning too."""
    marks = ",".join("?" * len(sites or []))
    where, params = (f"site IN ({marks})", sites) if sites else (None, [])
    return [
        Template(site=r["site"], template_id=r["template_id"], skeleton=frozenset(json.loads(r["signature"])),
                 kind=r["kind"], content_path=r["content_slot"], meta_path=r["meta_slot"],
                 boilerplate=frozenset(json.loads(r["boilerplate"] or "[]")), title_prefix=r["title_prefix"] or "",
                 title_suffix=r["title_suffix"] or "", pages=r["pages_seen"] or 0, example_url=r["example_url"] or "",
                 learned=r["learned"] != 0)
        for r in db["templates"].rows_where(where, params, order_by="site, pages_seen DESC")
    ]
