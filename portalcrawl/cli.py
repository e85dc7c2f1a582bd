"""The `portalcrawl` command: a thin layer over the crawl, extraction and evaluation modules."""

from __future__ import annotations

import datetime as dt
import json
import logging
import shutil
import sys
import urllib.request
from pathlib import Path

import click

from .crawl import CrawlSummary
from .settings import PORTALCRAWL_DB as DEFAULT_DB


def _setup_logging(verbose: bool) -> None:
    """Our progress lines at INFO; Scrapy's own log only with --verbose (the summary counts its skips)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s: %(message)s", datefmt="%H:%M:%S"))
    if not verbose:
        handler.addFilter(lambda record: record.name.startswith("portalcrawl") or record.levelno >= logging.ERROR)
    logging.getLogger().addHandler(handler)
    logging.getLogger("portalcrawl").setLevel(logging.DEBUG if verbose else logging.INFO)


def _print_summary(summary: CrawlSummary) -> None:
    def fmt(counts: dict[str, int]) -> str:
        return ", ".join(f"{k} {v}" for k, v in counts.items()) or "none"

    a = summary.articles
    stored = a["new"] + a["changed"] + a["unchanged"]
    click.echo(f"portalcrawl: crawl {summary.reason} in {summary.elapsed:.1f} s")
    click.echo(f"  pages fetched     {summary.pages}")
    click.echo(f"  articles stored   {stored} ({a['new']} new, {a['changed']} changed, {a['unchanged']} unchanged)")
    click.echo(f"  other pages       {fmt(summary.kinds)}")
    click.echo(f"  skipped           {fmt(summary.skipped)}")
    click.echo(f"  errors            {fmt(summary.errors)}")
    click.echo(f"  database          {summary.db_path}")
    tool = shutil.which("sqlite-utils") or str(Path(sys.prefix) / "bin" / "sqlite-utils")
    click.echo("Try:")
    click.echo(f'  {tool} {summary.db_path} "SELECT published, contributor, title FROM articles '
               f'ORDER BY published DESC LIMIT 10" --table')
    click.echo(f'  {tool} {summary.db_path} "SELECT site, category, count(*) AS n FROM articles '
               f'GROUP BY site, category" --table')
    command = shutil.which("portalcrawl") or str(Path(sys.prefix) / "bin" / "portalcrawl")
    click.echo(f"  {command} search 创业 --db {summary.db_path}")
    click.echo(f"  {command} report --db {summary.db_path} --output report.html")


@click.group()
@click.version_option(package_name="portalcrawl")
def main() -> None:
    """Crawl Chinese content portals and archive their articles in SQLite."""


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite archive to write.")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's own log.")
def demo(db: str, verbose: bool) -> None:
    """Serve the bundled demo portal on 127.0.0.1, crawl it, and summarise the archive."""
    from .crawl import run_crawl
    from .demo.server import serve_demo

    _setup_logging(verbose)
    with serve_demo() as server:
        click.echo(f"demo portal: {', '.join(server.start_urls)}")
        # Our own server on loopback: no need for the delays owed to other people's portals.
        summary = run_crawl(server.start_urls, db, overrides={
            "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_START_DELAY": 0.01, "AUTOTHROTTLE_TARGET_CONCURRENCY": 8,
            "PORTALCRAWL_PROGRESS_INTERVAL": 2,
        })
    _print_summary(summary)
    sys.exit(1 if summary.error_count else 0)


@main.command()
@click.argument("urls", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite archive to write.")
@click.option("--max-pages", type=click.IntRange(min=1), help="Stop after this many responses.")
@click.option("--max-depth", type=click.IntRange(min=0), help="Follow links at most this deep.")
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE",
              help="Override a Scrapy setting, e.g. -s DOWNLOAD_DELAY=2 (repeatable).")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's own log.")
def crawl(urls: tuple[str, ...], db: str, max_pages: int | None, max_depth: int | None,
          overrides: tuple[str, ...], verbose: bool) -> None:
    """Crawl the sites of the start URLS (same host only) into the archive."""
    from .crawl import run_crawl

    bad = [u for u in urls if not u.startswith(("http://", "https://"))]
    if bad:
        raise click.BadParameter(f"not an http(s) URL: {', '.join(bad)}", param_hint="URLS")
    settings = {}
    for item in overrides:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"expected NAME=VALUE, got {item!r}", param_hint="--set")
        settings[name.strip()] = value
    _setup_logging(verbose)
    summary = run_crawl(list(urls), db, max_pages=max_pages, max_depth=max_depth, overrides=settings)
    _print_summary(summary)
    sys.exit(1 if summary.error_count else 0)


@main.command()
@click.argument("target")
@click.option("--url", help="The page's URL, when TARGET is a saved file (helps dates and links).")
@click.option("--json", "as_json", is_flag=True, help="Print the whole Article as JSON.")
def extract(target: str, url: str | None, as_json: bool) -> None:
    """Show what the extractor sees on one page (a file, or a URL to fetch)."""
    import datetime as dt

    from .extract import ExtractContext, extract_article

    context = ExtractContext()
    if target.startswith(("http://", "https://")):
        request = urllib.request.Request(target, headers={"User-Agent": "portalcrawl/0.1"})
        with urllib.request.urlopen(request, timeout=30) as response:
            data = response.read()
            context.content_type = response.headers.get("Content-Type")
        context.fetched_at = dt.datetime.now()
        url = url or target
    else:
        path = Path(target)
        if not path.is_file():
            raise click.BadParameter(f"no such file: {target}", param_hint="TARGET")
        data = path.read_bytes()
    article = extract_article(data, url, context)
    if as_json:
        click.echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(f"kind:        {article.kind}  ({article.notes['kind'].reason})")
    click.echo(f"title:       {article.title}")
    click.echo(f"published:   {article.published}  [{article.published_source or article.notes['published'].reason}]")
    click.echo(f"contributor: {article.contributor}   source: {article.source}   editor: {article.editor}")
    click.echo(f"category:    {article.category}   encoding: {article.encoding}")
    click.echo("body:")
    for line in article.body.splitlines():
        click.echo(f"  {line}")
    regions = [("nav", [f"{link.text} <{link.url}>" for link in article.nav]),
               ("teasers", [f"{t.title} <{t.url}> {t.summary[:40]}" for t in article.teasers]),
               ("friend links", [f"{link.text} <{link.url}>" for link in article.friend_links]),
               ("pagination", [f"{link.text} <{link.url}>" for link in article.pagination + article.list_pagination])]
    for name, rows in regions:
        click.echo(f"{name}: {len(rows)}")
        for row in rows[:12]:
            click.echo(f"  {row}")


@main.command()
@click.option("--config", "config_path", default="data/portals.toml", show_default=True,
              help="The portals file (TOML).")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite archive to write.")
@click.option("--portal", "names", multiple=True, help="Harvest only this portal (repeatable).")
@click.option("--refresh-older-than", "refresh_days", type=click.FloatRange(min=0), metavar="DAYS",
              help="Fetch archived articles again when last fetched more than DAYS ago.")
def harvest(config_path: str, db: str, names: tuple[str, ...], refresh_days: float | None) -> None:
    """Harvest the portals of a config file, incrementally (made for cron: see README for exit codes)."""
    from .harvest.config import ConfigError, load_config
    from .harvest.lock import HarvestLock, LockBusy
    from .harvest.runner import EXIT_CONFIG, EXIT_LOCKED, open_run_log, run_harvest

    try:
        config = load_config(config_path)
    except ConfigError as exc:
        click.echo(f"portalcrawl harvest: {exc}", err=True)
        sys.exit(EXIT_CONFIG)
    unknown = [n for n in names if n not in config.portals]
    if unknown:
        click.echo(f"portalcrawl harvest: {config.path}: no portal named {', '.join(unknown)} "
                   f"(known: {', '.join(config.portals)})", err=True)
        sys.exit(EXIT_CONFIG)
    try:
        lock = HarvestLock(db).acquire()
    except LockBusy as exc:
        click.echo(f"portalcrawl harvest: {exc}; not starting a second one", err=True)
        sys.exit(EXIT_LOCKED)
    try:
        _setup_logging(False)
        log_file, _ = open_run_log(config.log_dir, config.keep_logs)
        result = run_harvest(config, db, list(names) or None, refresh_days, log_file)
    finally:
        lock.release()
    click.echo(f"portalcrawl: harvest run {result.run_id} {result.status} in {result.elapsed:.1f} s; "
               f"log {result.log_file}")
    for outcome in result.outcomes.values():
        c = outcome.counts
        click.echo(f"  {outcome.name:<16} {'ok' if outcome.ok else 'FAILED':<6} pages {c['pages_fetched']:>6} "
                   f"(not modified {c['not_modified']}), new {c['articles_new']}, changed {c['articles_changed']}, "
                   f"errors {c['errors']}: {outcome.reason}")
    sys.exit(result.exit_code)


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite archive to read.")
@click.option("--runs", default=10, show_default=True, type=click.IntRange(min=1), help="How many runs to show.")
def status(db: str, runs: int) -> None:
    """Show the last runs: per portal, when, how long, pages, new and changed articles, errors, outcome."""
    import sqlite3

    if not Path(db).is_file():
        raise click.ClickException(f"{db}: no such archive")
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    rows = conn.execute("SELECT * FROM crawls ORDER BY id DESC LIMIT ?", [runs]).fetchall()
    if not rows:
        click.echo("no runs recorded yet")
    for row in rows:
        started = row["started"] or "?"
        took = ""
        if row["finished"] and row["started"]:
            seconds = (dt.datetime.fromisoformat(row["finished"]) - dt.datetime.fromisoformat(row["started"]))
            took = f" in {seconds.total_seconds():.0f} s"
        click.echo(f"run {row['id']} ({row['kind'] or 'crawl'}) {started}{took}: {row['status']}"
                   + (f" - {row['errors']}" if row["errors"] else ""))
        if row["portals"]:
            for name, o in json.loads(row["portals"]).items():
                c = o["counts"]
                click.echo(f"  {name:<16} {'ok' if o['ok'] else 'FAILED':<6} {o['elapsed']:6.0f} s  "
                           f"pages {c['pages_fetched']:>6}  new {c['articles_new']:>5}  "
                           f"changed {c['articles_changed']:>4}  errors {c['errors']:>4}  {o['reason']}")
        elif row["stats"]:
            stats = json.loads(row["stats"])
            click.echo(f"  pages {stats.get('response_received_count', 0)}, "
                       f"new {stats.get('portalcrawl/stored/articles_new', 0)}, "
                       f"changed {stats.get('portalcrawl/stored/articles_changed', 0)}")
    conn.close()


@main.command(name="eval")
@click.argument("corpus", type=click.Path(exists=True))
@click.option("--compare", default="", help="Peers to run alongside, comma-separated: "
              "trafilatura,readability,gne,newspaper4k,htmldate (install with pip install -e '.[bench]').")
@click.option("--json", "json_out", type=click.Path(dir_okay=False), help="Also write every figure to this file.")
@click.option("--worst", "worst_n", default=5, show_default=True, help="Show the N worst pages and why.")
@click.option("--repeat", default=3, show_default=True, type=click.IntRange(min=1),
              help="Time each page as the best of this many passes.")
def evaluate_command(corpus: str, compare: str, json_out: str | None, worst_n: int, repeat: int) -> None:
    """Score the extractor (and peers) on labelled pages.

    CORPUS is a folder holding manifest.jsonl, or a truth file in the same JSON-lines format.
    """
    from .evaluation.corpus import CorpusError, load_corpus
    from .evaluation.report import render
    from .evaluation.runner import evaluate
    from .evaluation.systems import SYSTEMS

    peers = [p.strip() for p in compare.split(",") if p.strip()]
    unknown = [p for p in peers if p not in SYSTEMS or p == "portalcrawl"]
    if unknown:
        raise click.BadParameter(f"unknown peer {', '.join(unknown)}; choose from "
                                 f"{', '.join(s for s in SYSTEMS if s != 'portalcrawl')}", param_hint="--compare")
    try:
        pages = len(load_corpus(corpus))
    except CorpusError as exc:
        raise click.ClickException(str(exc)) from exc
    results = evaluate(corpus, ["portalcrawl", *peers], repeat=repeat)
    click.echo(render(results, pages, worst_n))
    if json_out:
        Path(json_out).write_text(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=1),
                                  encoding="utf-8")
    if results[0].failure:
        raise click.ClickException(f"portalcrawl itself failed: {results[0].failure}")


def _add_research_commands() -> None:
    from . import cli_research, cli_templates

    for command in (cli_research.search, cli_research.dupes, cli_research.graph, cli_research.export,
                    cli_research.serve, cli_research.report, cli_templates.templates, cli_templates.reextract):
        main.add_command(command)


_add_research_commands()

if __name__ == "__main__":
    main()
