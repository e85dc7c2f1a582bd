"""portalcrawl: crawl Chinese content portals and archive their articles in SQLite."""

__version__ = "0.1.0"
