"""The commands over an archive's own contents: `templates` shows the learned templates, `reextract`
applies them (and any newer extractor) to the pages it holds, `upgrade` brings an older archive's
schema up to date."""

from __future__ import annotations

import datetime as dt
import json
import time
from typing import TYPE_CHECKING

import click

from ..contract import ExitCode

if TYPE_CHECKING:
    from ..archive import Archive
    from ..archive.reextract import ReextractReport
    from ..pool import ExtractionPool
from ..progress import Progress
from .common import db_option, echo_json_lines, exit_codes, open_archive, open_for_writing, site_option


@click.command(short_help="Show each site's learned templates.", epilog=exit_codes(ExitCode.FAILED))
@db_option()
@site_option
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: one object per template, with its boilerplate.")
def templates(db: str, site: str | None, as_json: bool) -> None:
    """Show each site's templates: kind, content and meta slots, pages seen, an example URL.

    A template is applied once it has 5 pages; smaller groups are listed as "learning".

    \b
    Example:
      portalcrawl templates --site www.example.cn
    """
    archive = open_archive(db)
    if archive.sites(site) == []:
        raise click.ClickException(f"no stored pages of a site {site!r}")
    rows = archive.templates(site)
    if as_json:
        echo_json_lines(rows)
        return
    if not rows:
        click.echo("no templates yet: a crawl groups a site's pages by template as it goes")
        return
    for row in rows:
        kind = (row["kind"] or "mixed") if row["learned"] else "learning"
        click.echo(f"{row['site']}  {row['template']}  {kind:8}  {row['pages']:5} pages  "
                   f"{len(row['boilerplate'])} boilerplate lines")
        click.echo(f"    example       {row['example_url']}")
        if row["content_slot"]:
            click.echo(f"    content slot  {row['content_slot']}")
        if row["meta_slot"]:
            click.echo(f"    meta slot     {row['meta_slot']}")
        if row["title_prefix"] or row["title_suffix"]:
            click.echo(f"    <title>       {row['title_prefix']!r} + headline + {row['title_suffix']!r}")


@click.command(short_help="Extract the archived pages again.", epilog=exit_codes(ExitCode.FAILED))
@db_option("update")
@site_option
@click.option("--relearn", is_flag=True, help="Learn the templates again from every stored page first.")
@click.option("--timezone", default="Asia/Shanghai", show_default=True, help="The portals' local time.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def reextract(db: str, site: str | None, relearn: bool, timezone: str, as_json: bool) -> None:
    """Extract the archived pages again with the current extractor and the learned templates.

    Each page is read from its stored bytes with the context of its fetch; changed articles are
    updated as a crawl would (versions kept, search and copy indexes in step); records that are not
    articles move to removed_articles. Restartable: pages already done are not redone.

    \b
    Example:
      portalcrawl reextract --site www.example.cn --relearn
    """
    from ..pool import ExtractionPool

    started = time.monotonic()
    pool = ExtractionPool()
    try:
        with open_for_writing(db, "reextract") as writable:
            report, stored = _reextract(writable, site, relearn, timezone, pool)
    finally:
        pool.close()
    elapsed = time.monotonic() - started
    if as_json:
        click.echo(json.dumps({**report.as_dict(), "pages_stored": stored, "seconds": round(elapsed, 2)},
                              ensure_ascii=False))
        return
    click.echo(f"portalcrawl: re-extracted {report.pages} of {stored} stored pages in {elapsed:.1f} s "
               f"({report.pages / elapsed if elapsed else 0:.0f} pages/s), {report.templates} templates")
    click.echo(f"  articles   {report.articles_new} new, {report.articles_changed} changed, "
               f"{report.articles_unchanged} unchanged, {report.articles_removed} moved to removed_articles")
    kinds = ", ".join(f"{k} {v}" for k, v in report.kind_changes.most_common()) or "none"
    click.echo(f"  page kinds {kinds}")


def _reextract(writable: Archive, site: str | None, relearn: bool, timezone: str,
               pool: ExtractionPool) -> tuple[ReextractReport, int]:
    """Learn the templates of the sites that have none (all, with relearn), then re-read the pages they
    would read differently; (the report, how many pages are stored)."""
    from ..archive.reextract import Reextractor, learn, page_urls, stale
    from ..archive.urls import site_of
    from ..archive.writer import load_templates
    from ..extract.learn import TemplateLearner

    archive = writable.db
    sites = writable.sites(site)
    if sites == []:
        raise click.ClickException(f"no stored pages of a site {site!r}")
    urls = page_urls(archive, sites)
    known = [] if relearn else load_templates(archive, sites)
    learner = TemplateLearner(known)
    learned_sites = {t.site for t in known}
    to_learn = [u for u in urls if site_of(u) not in learned_sites]
    if to_learn:
        with Progress(len(to_learn), "learning templates") as advance:
            learn(archive, learner, to_learn, timezone, advance, extract_many=pool.extract_all)
        learner.finish()
        writable.writer().write_templates(learner.groups(), dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    redo = stale(archive, learner, urls)
    with Progress(len(redo), "re-extracting") as advance:
        report = Reextractor(archive, learner, timezone, extract_many=pool.extract_all).run(redo, advance)
    report.templates = len(learner.all_templates())
    return report, len(urls)


@click.command(short_help="Upgrade an archive to the current schema.", epilog=exit_codes(ExitCode.FAILED))
@db_option("upgrade")
def upgrade(db: str) -> None:
    """Bring an archive written by an older portalcrawl up to this one's schema (the read-only commands
    never change an archive, so they ask for this first).

    \b
    Example:
      portalcrawl upgrade --db backups/2025.db
    """
    with open_for_writing(db, "upgrade"):
        pass
    click.echo(f"{db}: up to date", err=True)
