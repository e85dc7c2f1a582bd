"""Named queries researchers run as they are: Datasette's canned queries, and the examples the
crawl summary suggests. SQL against the archive, so kept in the archive package with the schema
it depends on."""

from __future__ import annotations

# One search term, any length: trigram index for 3+ characters, character index below that,
# then the exact substring check (research/search.py explains why).
SEARCH_SQL = """
WITH hits AS (
  SELECT rowid AS id, bm25(articles_fts, 10.0, 1.0) AS score FROM articles_fts
  WHERE length(:q) >= 3 AND articles_fts MATCH '"' || replace(:q, '"', '""') || '"'
  UNION ALL
  SELECT rowid AS id, bm25(articles_chars, 10.0, 1.0) AS score FROM articles_chars
  WHERE length(:q) < 3 AND portalcrawl_chars(:q) != ''
    AND articles_chars MATCH '"' || portalcrawl_chars(:q) || '"'
)
SELECT a.published, a.site, a.title, a.contributor, a.url
FROM hits JOIN articles a ON a.rowid = hits.id
WHERE instr(lower(a.title), lower(:q)) > 0 OR instr(lower(a.body), lower(:q)) > 0
ORDER BY hits.score, a.published DESC
LIMIT 200"""

QUERIES: dict[str, dict[str, str]] = {
    "search": {"title": "Search articles", "sql": SEARCH_SQL,
               "description": "Articles whose title or body contains the text (one term, any length)."},
    "latest_articles": {"title": "Latest articles", "sql": (
        "SELECT published, site, category, title, contributor, url FROM articles "
        "WHERE published IS NOT NULL ORDER BY published DESC LIMIT 100")},
    "articles_per_site_per_month": {"title": "Articles per site per month", "sql": (
        "SELECT site, substr(published, 1, 7) AS month, count(*) AS articles FROM articles "
        "WHERE published IS NOT NULL GROUP BY site, month ORDER BY month, site")},
    "copies_across_sites": {"title": "Copies across sites", "sql": (
        "SELECT cluster, size, sites, earliest_published, earliest_url, urls FROM copy_clusters "
        "WHERE sites > 1 ORDER BY size DESC, earliest_published"),
        "description": "Clusters of near-duplicate articles found on more than one site, the earliest first."},
    "friend_link_network": {"title": "Friend-link network", "sql": (
        "SELECT from_site, to_site, friend_links, links, pages FROM site_links WHERE friend_links > 0 "
        "ORDER BY friend_links DESC, from_site, to_site")},
    "top_contributors": {"title": "Top contributors", "sql": (
        "SELECT contributor, count(*) AS articles, count(DISTINCT site) AS sites, min(published) AS first, "
        "max(published) AS last FROM articles WHERE contributor IS NOT NULL AND contributor != '' "
        "GROUP BY contributor ORDER BY articles DESC, contributor LIMIT 100")},
}

# What the crawl summary suggests trying with sqlite-utils on a fresh archive.
EXAMPLES = (
    "SELECT published, contributor, title FROM articles ORDER BY published DESC LIMIT 10",
    "SELECT site, category, count(*) AS n FROM articles GROUP BY site, category",
)
