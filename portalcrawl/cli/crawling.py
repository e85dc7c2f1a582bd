"""`portalcrawl demo` and `portalcrawl crawl`: a crawl in this process, and its summary."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..contract import ExitCode
from .common import DB_ENVVAR, db_option, exit_codes, json_option, setup_logging

if TYPE_CHECKING:
    from ..crawl.run import CrawlSummary

CRAWL_EXIT_CODES = exit_codes(ExitCode.FAILED, ExitCode.USAGE, ExitCode.NOTHING_FETCHED, ExitCode.NOTHING_STORED)


def _print_summary(summary: CrawlSummary, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(summary.as_dict(), ensure_ascii=False))
        return

    def fmt(counts: dict[str, int]) -> str:
        return ", ".join(f"{k} {v}" for k, v in counts.items()) or "none"

    from ..archive.canned import EXAMPLES

    if summary.reason == "not started":
        click.echo(f"portalcrawl: crawl not started: {summary.failure}", err=True)
        return
    a = summary.articles
    stored = a["new"] + a["changed"] + a["unchanged"]
    click.echo(f"portalcrawl: crawl {summary.reason} in {summary.elapsed:.1f} s")
    click.echo(f"  pages fetched     {summary.pages}")
    click.echo(f"  articles stored   {stored} ({a['new']} new, {a['changed']} changed, {a['unchanged']} unchanged)")
    click.echo(f"  other pages       {fmt(summary.kinds)}")
    click.echo(f"  skipped           {fmt(summary.skipped)}")
    click.echo(f"  errors            {fmt(summary.errors)}")
    if summary.failure:
        click.echo(f"  FAILED            {summary.failure}")
    click.echo(f"  database          {summary.db_path}")
    if summary.failure:
        return
    tool = shutil.which("sqlite-utils") or str(Path(sys.prefix) / "bin" / "sqlite-utils")
    click.echo("Try:")
    for query in EXAMPLES:
        click.echo(f'  {tool} {summary.db_path} "{query}" --table')
    command = shutil.which("portalcrawl") or str(Path(sys.prefix) / "bin" / "portalcrawl")
    click.echo(f"  {command} search 创业 --db {summary.db_path}")
    click.echo(f"  {command} report --db {summary.db_path} --output report.html")


def _overrides(items: tuple[str, ...]) -> dict[str, Any]:
    settings = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"expected NAME=VALUE, got {item!r}", param_hint="--set")
        settings[name.strip()] = value
    return settings


def _progress_bar() -> dict[str, Any]:
    """On a terminal, a bounded crawl draws a progress bar instead of progress lines."""
    return {"PORTALCRAWL_PROGRESS_BAR": True} if sys.stderr.isatty() else {}


@click.command(short_help="Crawl the bundled demo portal into an archive.", epilog=CRAWL_EXIT_CODES)
@db_option("write")
@json_option
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's own log.")
def demo(db: str, as_json: bool, verbose: bool) -> None:
    """Serve the bundled demo portal on 127.0.0.1, crawl it, and summarise the archive.

    \b
    Example:
      portalcrawl demo --db /tmp/demo.db
    """
    from ..crawl.run import run_crawl
    from ..demo.server import serve_demo

    setup_logging(verbose)
    with serve_demo() as server:
        if not as_json:
            click.echo(f"demo portal: {', '.join(server.start_urls)}")
        # Our own server on loopback: no need for the delays owed to other people's portals.
        summary = run_crawl(server.start_urls, db, overrides={
            "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_START_DELAY": 0.01, "AUTOTHROTTLE_TARGET_CONCURRENCY": 8,
            "PORTALCRAWL_PROGRESS_INTERVAL": 2,
        })
    _print_summary(summary, as_json)
    sys.exit(summary.exit_code)


@click.command(short_help="Crawl portals from start URLs into the archive.", epilog=CRAWL_EXIT_CODES)
@click.argument("urls", nargs=-1, required=True)
@db_option("write")
@click.option("--max-pages", type=click.IntRange(min=1), help="Stop after this many responses.")
@click.option("--max-depth", type=click.IntRange(min=0), help="Follow links at most this deep.")
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE",
              help="Override a Scrapy setting, e.g. -s DOWNLOAD_DELAY=2 (repeatable).")
@click.option("--redis", "redis_url", metavar="URL",
              help="Crawl with workers sharing a frontier in Redis (redis://HOST:PORT/DB); this process "
                   "stores what they fetch. See `portalcrawl worker`.")
@click.option("--local-workers", type=click.IntRange(min=0), default=1, show_default=True,
              help="With --redis: worker processes to start here (0: workers run elsewhere).")
@click.option("--fresh", is_flag=True, help="With --redis: discard an unfinished run instead of resuming it.")
@json_option
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's own log.")
def crawl(urls: tuple[str, ...], db: str, max_pages: int | None, max_depth: int | None,
          overrides: tuple[str, ...], redis_url: str | None, local_workers: int, fresh: bool, as_json: bool,
          verbose: bool) -> None:
    """Crawl the sites of the start URLS (same host only) into the archive.

    The exit status is 1 when the crawl had errors (a 404 is a counted skip, not an error).

    \b
    Example:
      portalcrawl crawl http://www.example.cn/ --max-pages 500 --db data/example.db
      portalcrawl crawl http://www.example.cn/ --redis redis://127.0.0.1:6379/0 --local-workers 4
    """
    from ..crawl.start_urls import start_url_problem

    for url in urls:
        if problem := start_url_problem(url):
            raise click.BadParameter(f"{url}: {problem}", param_hint="URLS")
    setup_logging(verbose)
    if redis_url:
        if max_pages:
            raise click.BadParameter("a page count is kept per process; with --redis use --max-depth",
                                     param_hint="--max-pages")
        from ..crawl.redis_run import RunConfig, start_local_workers

        config = RunConfig.of_crawl(list(urls), db, _overrides(overrides), max_depth)
        workers = start_local_workers(redis_url, config, local_workers, verbose)  # they load while this process does
        try:
            from ..crawl.distributed_run import run_distributed
        except BaseException:
            for worker in workers:
                worker.terminate()
            raise
        summary = run_distributed(redis_url, config, workers, fresh=fresh)
        _print_summary(summary, as_json)
        sys.exit(summary.exit_code)
    from ..crawl.run import run_crawl

    settings = {**(_progress_bar() if max_pages and not as_json else {}), **_overrides(overrides)}
    summary = run_crawl(list(urls), db, max_pages=max_pages, max_depth=max_depth, overrides=settings)
    _print_summary(summary, as_json)
    sys.exit(summary.exit_code)


@click.command(short_help="Fetch for a distributed crawl (crawl --redis).", epilog=CRAWL_EXIT_CODES)
@click.option("--redis", "redis_url", metavar="URL", required=True, help="The run's Redis: redis://HOST:PORT/DB.")
@click.option("--db", type=click.Path(dir_okay=False), default=None, envvar=DB_ENVVAR, show_envvar=True,
              help="For incremental harvests: the archive to look pages up in, read-only (default: the "
                   "coordinator's path; on another machine, a copy taken before the run).")
@click.option("--wait", type=click.FloatRange(min=0), default=None,
              help="Seconds to wait for a run to be published (default: for ever).")
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE",
              help="Override a Scrapy setting for this worker, e.g. -s CONCURRENT_REQUESTS=32.")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's own log.")
@click.option("--run-config", hidden=True, envvar="PORTALCRAWL_RUN_CONFIG",
              help="Join only this run, whose config this is (the workers `crawl --local-workers` starts).")
def worker(redis_url: str, db: str | None, wait: float | None, overrides: tuple[str, ...], verbose: bool,
           run_config: str | None) -> None:
    """Take requests from a distributed crawl's shared frontier until the coordinator says it is drained.

    Start any number, on any machine that reaches the Redis server and the portals; the
    coordinator (`portalcrawl crawl --redis`) stores what they fetch. A worker that is killed
    loses nothing: its requests go back to the queue when its heartbeat stops.

    \b
    Example:
      portalcrawl worker --redis redis://10.0.0.5:6379/0
    """
    from ..crawl.distributed_run import run_worker
    from ..crawl.redis_run import RedisUnavailable, RunConfig

    setup_logging(verbose)
    try:
        config = RunConfig.loads(run_config) if run_config else None
        code = run_worker(redis_url, db, _overrides(overrides), wait, config)
    except RedisUnavailable as exc:
        raise click.ClickException(str(exc)) from exc
    sys.exit(code)
