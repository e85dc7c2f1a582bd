"""Run a harvest: every selected portal crawled incrementally, checked, and recorded as one run.

Each portal gets its own Scrapy crawler (its own delay, concurrency and limits) in one
process. After the crawl each portal is judged: unreachable, too many failed requests, or
no list pages where the previous good run had many (a layout change must not pass
silently) makes it fail, and the run's exit code says so.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler, CrawlerProcess

from ..archive import Archive
from ..archive.queries import last_good_harvest
from ..contract import NOTHING_STORED, CrawlStats, ExitCode, Stat
from ..crawl.progress import start_crawlers
from ..crawl.run import SPIDER, crawl_settings
from .config import HarvestConfig, PortalConfig

logger = logging.getLogger(__name__)

UNREACHABLE = "unreachable"
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
            return ExitCode.INTERRUPTED
        failed = [o for o in self.outcomes.values() if not o.ok]
        if any(o.reason.startswith(NOTHING_STORED) for o in failed):
            return ExitCode.NOTHING_STORED
        if failed and len(failed) == len(self.outcomes) and all(o.reason.startswith(UNREACHABLE) for o in failed):
            return ExitCode.NOTHING_FETCHED
        if failed:
            return ExitCode.PORTAL_FAILED
        return ExitCode.LAYOUT_CHANGED if self.status == "layout-changed" else ExitCode.OK


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


def judge(counts: dict[str, int], previous: dict[str, int] | None, max_error_rate: float) -> tuple[bool, str]:
    """Did this portal's harvest succeed? The reason says why not (or what it did)."""
    if counts.get("storage_errors") and not counts.get("pages_stored"):
        return False, f"{NOTHING_STORED}: the archive took none of its pages (see the run's log)"
    if counts["parsed"] == 0:
        return False, f"{UNREACHABLE}: no page of the portal could be fetched"
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
                refresh_days: float | None = None, log_file: Path | None = None,
                progress_bar: bool = False) -> HarvestResult:
    """Crawl the portals (all, or `names`) in one process; the caller holds the archive's writer lock (archive/lock.py).

    progress_bar: draw one (for a terminal) when every portal has a max_pages, so the run has a bound."""
    portals = [config.portals[n] for n in (names or list(config.portals))]
    writer = Archive(db_path, write=True).writer()
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    # We hold the lock: a run still marked "running" was killed before it could finish.
    writer.close_abandoned_runs()
    run_id = writer.start_crawl(now, [u for p in portals for u in p.start_urls], kind="harvest",
                                config=str(config.path))
    process = CrawlerProcess(crawl_settings(db_path))
    spider = process.spider_loader.load(SPIDER)
    crawlers: dict[str, Crawler] = {}
    frontier = frontier_dir(db_path)
    bound = sum(p.max_pages or 0 for p in portals) if all(p.max_pages for p in portals) else 0
    bar = progress_bar and bound > 0
    for portal in portals:
        # Scrapy's way to give one crawler its own settings: a spider class with custom_settings.
        settings = {**portal_settings(portal, config, refresh_days), "JOBDIR": str(frontier / portal.name),
                    **({"PORTALCRAWL_PROGRESS_INTERVAL": 0} if bar else {})}
        spider_class = type(f"{spider.__name__}_{portal.name}", (spider,), {"custom_settings": settings})
        crawler = process.create_crawler(spider_class)
        crawlers[portal.name] = crawler
        process.crawl(crawler, start_urls=list(portal.start_urls), allow=list(portal.allow), deny=list(portal.deny))
    started = time.monotonic()
    try:
        start_crawlers(process, list(crawlers.values()), bound if bar else None, "harvesting")
    finally:
        shutil.rmtree(frontier, ignore_errors=True)
    elapsed = time.monotonic() - started

    outcomes: dict[str, PortalOutcome] = {}
    for name, crawler in crawlers.items():
        stats = crawler.stats.get_stats() if crawler.stats else {}
        counts = CrawlStats(stats).counts()
        ok, reason = judge(counts, last_good_harvest(writer.db, name), config.max_error_rate)
        finish = CrawlStats(stats).finish_reason
        spent = float(stats.get(Stat.ELAPSED, elapsed))
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
