"""Run a crawl in this process and summarise it: what the `crawl` and `demo` commands share."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings


def crawl_settings(db_path: str, max_pages: int | None = None, max_depth: int | None = None,
                   overrides: dict[str, Any] | None = None) -> Settings:
    settings = Settings()
    settings.setmodule("portalcrawl.settings", priority="project")
    settings.set("PORTALCRAWL_DB", db_path, priority="cmdline")
    settings.set("LOG_ENABLED", False, priority="cmdline")
    settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")
    if max_pages:
        settings.set("CLOSESPIDER_PAGECOUNT", max_pages, priority="cmdline")
    if max_depth is not None:
        settings.set("DEPTH_LIMIT", max_depth, priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


@dataclass
class CrawlSummary:
    elapsed: float
    db_path: str
    reason: str
    pages: int
    articles: dict[str, int]
    kinds: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_stats(cls, stats: dict[str, Any], elapsed: float, db_path: str) -> CrawlSummary:
        def group(prefix: str) -> dict[str, int]:
            return {k[len(prefix):]: int(v) for k, v in sorted(stats.items()) if k.startswith(prefix)}

        stored = group("portalcrawl/stored/")
        return cls(
            elapsed=elapsed, db_path=db_path, reason=str(stats.get("finish_reason", "unknown")),
            pages=int(stats.get("response_received_count", 0)),
            articles={"new": stored.get("articles_new", 0), "changed": stored.get("articles_changed", 0),
                      "unchanged": stored.get("articles_unchanged", 0)},
            kinds=group("portalcrawl/pages/"), skipped=group("portalcrawl/skipped/"),
            errors={**group("portalcrawl/errors/"),
                    **{k.split("/")[-1]: int(v) for k, v in stats.items() if k.startswith("spider_exceptions/")}},
        )

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())


def run_crawl(start_urls: list[str], db_path: str, max_pages: int | None = None, max_depth: int | None = None,
              overrides: dict[str, Any] | None = None) -> CrawlSummary:
    """Crawl in-process (one crawl per process: Twisted's reactor cannot be restarted)."""
    from spiders.portal import PortalSpider

    process = CrawlerProcess(crawl_settings(db_path, max_pages, max_depth, overrides))
    crawler = process.create_crawler(PortalSpider)
    started = time.monotonic()
    process.crawl(crawler, start_urls=start_urls)
    process.start()
    return CrawlSummary.from_stats(crawler.stats.get_stats(), time.monotonic() - started, db_path)
