"""Run a harvest: every selected portal crawled incrementally, checked, and recorded as one run.

Each portal gets its own Scrapy crawler (its own delay, concurrency and limits) in one
process. After the crawl each portal is judged: unreachable, too many failed requests, or
no list pages where the previous good run had many (a layout change must not pass
silently) makes it fail, and the run's exit code says so.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler, CrawlerProcess

from ..crawl import crawl_settings
from ..store import ArchiveWriter, open_archive
from .config import HarvestConfig, PortalConfig

logger = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_CONFIG = 2  # bad usage or a bad portals file: nothing was fetched
EXIT_PORTAL_FAILED = 3  # at least one portal failed its checks
EXIT_INTERRUPTED = 4  # stopped by SIGINT/SIGTERM; what was fetched is stored
EXIT_LAYOUT_CHANGED = 5  # every portal harvested, but a portal's article pages match no known template
EXIT_LOCKED = 75  # another harvest holds the archive (EX_TEMPFAIL: try again later)

USER_AGENT = "portalcrawl/0.1 (+{contact})"
DEFAULT_CONTACT = "https://github.com/portalcrawl/portalcrawl"


@dataclass
class PortalOutcome:
    name: str
    ok: bool
    reason: str
    finish_reason: str
    elapsed: float
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class HarvestResult:
    run_id: int
    status: str
    outcomes: dict[str, PortalOutcome]
    elapsed: float
    log_file: Path | None

    @property
    def exit_code(self) -> int:
        if self.status == "interrupted":
            return EXIT_INTERRUPTED
        if not all(o.ok for o in self.outcomes.values()):
            return EXIT_PORTAL_FAILED
        return EXIT_LAYOUT_CHANGED if self.status == "layout-changed" else EXIT_OK


def portal_settings(portal: PortalConfig, config: HarvestConfig, refresh_days: float | None) -> dict[str, Any]:
    """The Scrapy settings of one portal's crawler: its politeness, limits and the incremental mode."""
    limits: dict[str, Any] = {}
    if portal.max_pages:
        limits["CLOSESPIDER_PAGECOUNT"] = portal.max_pages
    if portal.max_depth is not None:
        limits["DEPTH_LIMIT"] = portal.max_depth
    return {
        **limits,
        "DOWNLOAD_DELAY": portal.delay,
        "AUTOTHROTTLE_START_DELAY": portal.delay,
        "CONCURRENT_REQUESTS_PER_DOMAIN": portal.concurrency,
        "CONCURRENT_REQUESTS": max(portal.concurrency, 1) * max(len(portal.start_urls), 1),
        "USER_AGENT": USER_AGENT.format(contact=config.contact or DEFAULT_CONTACT),
        "PORTALCRAWL_INCREMENTAL": True,
        "PORTALCRAWL_REFRESH_DAYS": refresh_days,
        "PORTALCRAWL_RECORD_RUN": False,
        "PORTALCRAWL_TIMEZONE": portal.timezone,
        "PORTALCRAWL_PROGRESS_INTERVAL": 30,
    }


def _counts(stats: dict[str, Any]) -> dict[str, int]:
    def total(prefix: str) -> int:
        return sum(int(v) for k, v in stats.items() if k.startswith(prefix))

    failed_http = sum(int(v) for k, v in stats.items()
                      if k.startswith("portalcrawl/skipped/http_5") or k.startswith("portalcrawl/skipped/network_"))
    return {
        "pages_fetched": int(stats.get("response_received_count", 0)),
        "not_modified": int(stats.get("portalcrawl/incremental/not_modified", 0)),
        "articles_new": int(stats.get("portalcrawl/stored/articles_new", 0)),
        "articles_changed": int(stats.get("portalcrawl/stored/articles_changed", 0)),
        "articles_unchanged": int(stats.get("portalcrawl/stored/articles_unchanged", 0)),
        "already_archived": int(stats.get("portalcrawl/incremental/archived", 0)),
        "list_pages": int(stats.get("portalcrawl/pages/list", 0)),
        "list_items": int(stats.get("portalcrawl/list_items", 0)),
        "parsed": int(stats.get("portalcrawl/parsed", 0)),
        "errors": total("portalcrawl/errors/") + failed_http,
        "new_article_templates": int(stats.get("portalcrawl/templates/layout_changed", 0)),
    }


def judge(counts: dict[str, int], previous: dict[str, int] | None, max_error_rate: float) -> tuple[bool, str]:
    """Did this portal's harvest succeed? The reason says why not (or what it did)."""
    if counts["parsed"] == 0:
        return False, "unreachable: no page of the portal could be fetched"
    requests = counts["parsed"] + counts["errors"]
    if counts["errors"] > max_error_rate * requests:
        return False, f"{counts['errors']} of {requests} requests failed (more than {max_error_rate:.0%})"
    if previous:
        for key, label in (("list_pages", "list pages"), ("list_items", "articles listed")):
            if previous.get(key, 0) >= 3 and counts[key] == 0:
                return False, f"no {label} where the last good run had {previous[key]}: did the layout change?"
    done = f"{counts['articles_new']} new, {counts['articles_changed']} changed"
    if counts.get("new_article_templates"):
        return True, (f"{done}; layout change: {counts['new_article_templates']} new article template(s), "
                      "learned (see `portalcrawl templates`)")
    return True, done


def _previous_good(writer: ArchiveWriter, name: str) -> dict[str, int] | None:
    rows = writer.db.execute("SELECT portals FROM crawls WHERE kind = 'harvest' AND portals IS NOT NULL "
                             "ORDER BY id DESC").fetchall()
    for (portals,) in rows:
        outcome = json.loads(portals).get(name)
        if outcome and outcome.get("ok"):
            return outcome.get("counts")
    return None


def rotate_logs(log_dir: Path, keep: int) -> None:
    logs = sorted(log_dir.glob("harvest-*.log"), key=lambda p: p.stat().st_mtime)
    for old in logs[: max(0, len(logs) - keep)]:
        old.unlink(missing_ok=True)


def open_run_log(log_dir: Path, keep: int) -> tuple[Path, logging.Handler]:
    """A log file for this run (everything at INFO, Scrapy included); older ones beyond `keep` go."""
    log_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = log_dir / f"harvest-{stamp}-{os.getpid()}.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)
    rotate_logs(log_dir, keep)
    return path, handler


def frontier_dir(db_path: str) -> Path:
    """Where this run queues its requests: on disk (Scrapy's JOBDIR queues), so that a portal of
    any size costs the same memory. Beside the archive, not in /tmp (which may be RAM). Always a
    fresh one: the next run rebuilds its frontier from the listings, so a killed run's queue is
    only removed."""
    path = Path(f"{db_path}.frontier")
    shutil.rmtree(path, ignore_errors=True)
    return path


def run_harvest(config: HarvestConfig, db_path: str, names: list[str] | None = None,
                refresh_days: float | None = None, log_file: Path | None = None) -> HarvestResult:
    """Crawl the portals (all, or `names`) in one process; the caller holds the harvest lock."""
    from spiders.portal import PortalSpider

    portals = [config.portals[n] for n in (names or list(config.portals))]
    writer = ArchiveWriter(open_archive(db_path))
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    # We hold the lock: a run still marked "running" was killed before it could finish.
    with writer.db.atomic():
        writer.db.execute("UPDATE crawls SET status = 'killed' WHERE status = 'running'")
    run_id = writer.start_crawl(now, [u for p in portals for u in p.start_urls], kind="harvest",
                                config=str(config.path))
    process = CrawlerProcess(crawl_settings(db_path))
    crawlers: dict[str, Crawler] = {}
    frontier = frontier_dir(db_path)
    for portal in portals:
        # Scrapy's way to give one crawler its own settings: a spider class with custom_settings.
        settings = {**portal_settings(portal, config, refresh_days), "JOBDIR": str(frontier / portal.name)}
        spider_class = type(f"PortalSpider_{portal.name}", (PortalSpider,), {"custom_settings": settings})
        crawler = process.create_crawler(spider_class)
        crawlers[portal.name] = crawler
        process.crawl(crawler, start_urls=list(portal.start_urls), allow=list(portal.allow), deny=list(portal.deny))
    started = time.monotonic()
    try:
        process.start()
    finally:
        shutil.rmtree(frontier, ignore_errors=True)
    elapsed = time.monotonic() - started

    outcomes: dict[str, PortalOutcome] = {}
    for name, crawler in crawlers.items():
        stats = crawler.stats.get_stats() if crawler.stats else {}
        counts = _counts(stats)
        ok, reason = judge(counts, _previous_good(writer, name), config.max_error_rate)
        finish = str(stats.get("finish_reason", "unknown"))
        spent = float(stats.get("elapsed_time_seconds", elapsed))
        outcomes[name] = PortalOutcome(name, ok, reason, finish, spent, counts)
        (logger.info if ok else logger.error)("portal %s: %s", name, reason)
    interrupted = any(o.finish_reason == "shutdown" for o in outcomes.values())
    status = "interrupted" if interrupted else ("ok" if all(o.ok for o in outcomes.values()) else "failed")
    if status == "ok" and any(o.counts.get("new_article_templates") for o in outcomes.values()):
        status = "layout-changed"
    errors = "; ".join(f"{o.name}: {o.reason}" for o in outcomes.values() if not o.ok) or None
    writer.finish_crawl(run_id, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), status,
                        stats={"log_file": str(log_file) if log_file else None, "elapsed": elapsed},
                        portals={n: asdict(o) for n, o in outcomes.items()}, errors=errors)
    writer.db.close()
    return HarvestResult(run_id, status, outcomes, elapsed, log_file)
