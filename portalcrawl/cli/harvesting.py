"""`portalcrawl harvest` (made for cron) and `portalcrawl status` (what the last runs did)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import asdict
from typing import Any

import click

from ..contract import NOTHING_STORED, CrawlStats, ExitCode, WriteCount
from .common import db_option, echo_json_lines, exit_codes, json_option, open_archive, setup_logging


@click.command(short_help="Harvest the portals of a config file (for cron).",
               epilog=exit_codes(ExitCode.USAGE, ExitCode.PORTAL_FAILED, ExitCode.INTERRUPTED,
                                 ExitCode.LAYOUT_CHANGED, ExitCode.NOTHING_FETCHED, ExitCode.NOTHING_STORED,
                                 ExitCode.LOCKED))
@click.option("--config", "config_path", default="data/portals.toml", show_default=True,
              type=click.Path(dir_okay=False), help="The portals file (TOML).")
@db_option("write")
@click.option("--portal", "names", multiple=True, metavar="NAME", help="Harvest only this portal (repeatable).")
@click.option("--refresh-older-than", "refresh_days", type=click.FloatRange(min=0), metavar="DAYS",
              help="Fetch archived articles again when last fetched more than DAYS ago.")
@json_option
def harvest(config_path: str, db: str, names: tuple[str, ...], refresh_days: float | None, as_json: bool) -> None:
    """Harvest the portals of a config file, incrementally (made for cron).

    \b
    Example (crontab):
      17 3 * * * cd /srv/portalcrawl && .venv/bin/portalcrawl harvest --json >> data/harvests.jsonl
    """
    from ..archive import ArchiveError
    from ..archive.lock import LockBusy, WriterLock
    from ..harvest.config import ConfigError, load_config
    from ..harvest.runner import open_run_log, run_harvest

    try:
        config = load_config(config_path)
    except ConfigError as exc:
        click.echo(f"portalcrawl harvest: {exc}", err=True)
        sys.exit(ExitCode.USAGE)
    unknown = [n for n in names if n not in config.portals]
    if unknown:
        click.echo(f"portalcrawl harvest: {config.path}: no portal named {', '.join(unknown)} "
                   f"(known: {', '.join(config.portals)})", err=True)
        sys.exit(ExitCode.USAGE)
    try:
        lock = WriterLock(db, "harvest").acquire()
    except LockBusy as exc:
        click.echo(f"portalcrawl harvest: {exc}; not starting a second one", err=True)
        sys.exit(ExitCode.LOCKED)
    try:
        setup_logging(False)
        log_file, _ = open_run_log(config.log_dir, config.keep_logs)
        result = run_harvest(config, db, list(names) or None, refresh_days, log_file,
                             progress_bar=sys.stderr.isatty() and not as_json)
    except ArchiveError as exc:
        click.echo(f"portalcrawl harvest: {NOTHING_STORED}: {exc}", err=True)
        sys.exit(ExitCode.NOTHING_STORED)
    finally:
        lock.release()
    if as_json:
        click.echo(json.dumps({"run": result.run_id, "status": result.status, "elapsed": round(result.elapsed, 2),
                               "log_file": str(result.log_file) if result.log_file else None,
                               "exit_code": int(result.exit_code),
                               "portals": {n: asdict(o) for n, o in result.outcomes.items()}}, ensure_ascii=False))
        sys.exit(result.exit_code)
    click.echo(f"portalcrawl: harvest run {result.run_id} {result.status} in {result.elapsed:.1f} s; "
               f"log {result.log_file}")
    for outcome in result.outcomes.values():
        click.echo(_portal_line(outcome.name, outcome.ok, outcome.counts, outcome.reason))
    sys.exit(result.exit_code)


def _portal_line(name: str, ok: bool, c: dict[str, int], reason: str, elapsed: float | None = None) -> str:
    took = f"{elapsed:6.0f} s  " if elapsed is not None else ""
    return (f"  {name:<16} {'ok' if ok else 'FAILED':<6} {took}pages {c['pages_fetched']:>6} "
            f"(not modified {c['not_modified']}), new {c['articles_new']}, changed {c['articles_changed']}, "
            f"errors {c['errors']}: {reason}")


def _took(run: dict[str, Any]) -> str:
    if not (run["finished"] and run["started"]):
        return ""
    seconds = dt.datetime.fromisoformat(run["finished"]) - dt.datetime.fromisoformat(run["started"])
    return f" in {seconds.total_seconds():.0f} s"


@click.command(short_help="Show the last crawls and harvests and their outcome.", epilog=exit_codes(ExitCode.FAILED))
@db_option("read")
@click.option("--runs", default=10, show_default=True, type=click.IntRange(min=1), help="How many runs to show.")
@json_option
def status(db: str, runs: int, as_json: bool) -> None:
    """Show the last runs: per portal, when, how long, pages, new and changed articles, errors, outcome.

    \b
    Example:
      portalcrawl status --runs 3 --json
    """
    with open_archive(db) as archive:
        recent = archive.runs(runs)
    if as_json:
        echo_json_lines(recent)
        return
    if not recent:
        click.echo("no runs recorded yet")
    for run in recent:
        click.echo(f"run {run['id']} ({run['kind'] or 'crawl'}) {run['started'] or '?'}{_took(run)}: {run['status']}"
                   + (f" - {run['errors']}" if run["errors"] else ""))
        if run["portals"]:
            for name, o in run["portals"].items():
                click.echo(_portal_line(name, o["ok"], o["counts"], o["reason"], o["elapsed"]))
        elif run["stats"]:
            stats = CrawlStats(run["stats"])
            click.echo(f"  pages {stats.pages_fetched}, new {stats.stored(WriteCount.ARTICLES_NEW)}, "
                       f"changed {stats.stored(WriteCount.ARTICLES_CHANGED)}")
