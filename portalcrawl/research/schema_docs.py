"""What every table, view and column of the archive means: shown by Datasette, checked against the
README by the tests, so the three never disagree."""

from __future__ import annotations

from .export import COLUMNS as EXPORT_COLUMNS

_ARTICLE_COLUMNS = {name: meaning for name, _, meaning in EXPORT_COLUMNS if name not in ("site_name", "copy_cluster")}

TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "articles": ("One row per article: the current version of its clean record.", {
        **_ARTICLE_COLUMNS,
        "notes": "JSON: per field, the extractor's confidence and reason (why a field is missing)",
    }),
    "article_versions": ("Earlier versions of articles whose content changed: nothing is overwritten silently.", {
        **{k: v for k, v in _ARTICLE_COLUMNS.items() if k not in ("site", "page_count")},
        "version": "1 for the first version replaced, then 2, 3, ...",
        "replaced_at": "when the newer version was fetched",
    }),
    "pages": ("Every URL fetched, whatever it turned out to be (article, list page, error, redirect).", {
        "url": "the URL fetched", "site": "scheme://host[:port]", "status": "HTTP status",
        "content_type": "the Content-Type header",
        "kind": "article, list, other, error, empty, non-html, http-error, fetch-error, redirect or alias",
        "fetched_at": "when (UTC)", "content_hash": "SHA-256 of the raw body",
        "body": "the raw response, zlib-compressed (re-extraction without re-crawling)",
        "size": "raw body size in bytes", "encoding": "the charset the page was decoded with",
        "error": "what went wrong, for an error page", "etag": "the ETag header (for conditional requests)",
        "last_modified": "the Last-Modified header", "http_date": "the Date header",
        "redirect_to": "for a redirect: where the portal sent us; for an alias: the article it repeats",
        "list_dates": "JSON: dates list pages printed next to this URL (year clues, kept for re-extraction)",
        "reached_as": "list-page when a list page's page numbers linked it (kept for re-extraction)",
        "template": "the site template the page belongs to (templates.template_id)",
        "extracted_with": "portalcrawl version / template version its records were extracted with",
    }),
    "removed_articles": ("Records that re-extraction found not to be articles, moved here, never deleted.", {
        **{k: v for k, v in _ARTICLE_COLUMNS.items() if k != "site"},
        "site": "scheme://host[:port]", "notes": "JSON: per field, the extractor's confidence and reason",
        "removed_at": "when re-extraction moved it here", "reason": "what the page was found to be",
    }),
    "templates": ("Each site's templates, learned from its pages during crawls (no configuration).", {
        "site": "scheme://host[:port]", "template_id": "t + a hash of the template's first skeleton",
        "signature": "JSON: the skeleton (paths of named layout containers) pages of the template share",
        "kind": "article or list when its pages agree (a 70% majority), else empty",
        "content_slot": "path of the element holding the article", "meta_slot": "path of the date and byline",
        "boilerplate": "JSON: lines its pages repeat (not article text)",
        "title_prefix": "the site name before headlines in <title>", "title_suffix": "... or after them",
        "pages_seen": "pages it was learned from", "learned_at": "when (UTC)",
        "version": "changes when what it tells the extractor changes", "example_url": "one page built from it",
        "learned": "1 once it has enough pages to be applied; 0 while its pages are still being grouped",
    }),
    "links": ("Every link on every page, with what the link is (its region of the page).", {
        "from_url": "the page the link is on", "to_url": "where it points (normalized)", "text": "the link text",
        "kind": "nav, teaser (on article pages), list (items of list pages), friend (友情链接), body, "
                "pagination or other",
        "from_site": "site of from_url", "to_site": "site of to_url",
    }),
    "sites": ("One row per portal crawled.", {
        "site": "scheme://host[:port]", "name": "the portal's name", "categories": "JSON list of its sections",
        "first_seen": "first crawled (UTC)", "last_seen": "last crawled (UTC)",
    }),
    "crawls": ("One row per crawl or harvest run.", {
        "id": "run number", "kind": "crawl or harvest", "config": "the portals file of a harvest",
        "started": "start (UTC)", "finished": "end (UTC)",
        "status": "running, finished, ok, failed, interrupted or killed", "start_urls": "JSON list",
        "portals": "JSON: per portal, counts and outcome", "errors": "summary of what failed",
        "stats": "JSON: every counter the crawler kept",
    }),
    "copies": ("Pairs of near-duplicate articles, verified on their texts (url_a < url_b).", {
        "url_a": "one article", "url_b": "the other",
        "jaccard": "Jaccard similarity of their 5-character shingles",
        "containment": "share of the shorter text's shingles found in the longer one",
    }),
    "dupe_clusters": ("Which cluster of copies each copied article belongs to.", {
        "url": "the article", "cluster": "cluster id: the smallest articles.rowid among its members",
    }),
    "copy_clusters": ("View: one row per cluster of copies.", {
        "cluster": "cluster id", "size": "articles in it", "sites": "distinct sites",
        "earliest_published": "the earliest known publication date",
        "earliest_url": "the article published first (the likely original)", "urls": "JSON list of its articles",
    }),
    "site_links": ("View: links from one site to another, with counts (the portal network).", {
        "from_site": "linking site", "to_site": "linked site", "links": "links in all",
        "pages": "pages of from_site carrying such a link", "friend_links": "links in a 友情链接 block",
        "body_links": "links inside article bodies", "other_links": "links of any other kind",
    }),
    "minhash_bands": ("LSH band keys of article bodies, to find candidate copies (internal).", {
        "band": "band number", "key": "hash of the band's MinHash values", "article": "articles.rowid",
    }),
    "articles_fts": ("Trigram full-text index of articles (title, body): terms of 3+ characters.", {}),
    "articles_chars": ("One-character-per-token full-text index of articles (title, body): 1-2 characters.", {}),
}


def schema_markdown() -> str:
    """The README's schema section, made from the descriptions above (a test keeps them equal)."""
    parts = []
    for name, (description, columns) in TABLES.items():
        parts.append(f"**`{name}`**: {description}\n")
        if columns:
            rows = "".join(f"| `{column}` | {meaning} |\n" for column, meaning in columns.items())
            parts.append("| column | meaning |\n|---|---|\n" + rows)
    return "\n".join(parts)


if __name__ == "__main__":
    print(schema_markdown())
