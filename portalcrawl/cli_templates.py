"""The commands over learned templates: `templates` shows them, `reextract` applies them (and any
newer extractor) to the pages an archive already holds."""

from __future__ import annotations

import json
import logging
import sys
import time

import click

from .cli_research import db_option, open_existing, site_option

logger = logging.getLogger("portalcrawl.reextract")


@click.command()
@db_option
@site_option
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: one object per template, with its boilerplate.")
def templates(db: str, site: str | None, as_json: bool) -> None:
    """Show each site's templates: kind, content and meta slots, pages seen, an example URL.

    A template is applied once it has 5 pages; smaller groups are listed as "learning".
    """
    from .reextract import resolve_sites, templates_as_json

    archive = open_existing(db)
    if resolve_sites(archive, site) == []:
        raise click.ClickException(f"no stored pages of a site {site!r}")
    rows = templates_as_json(archive, site)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
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


@click.command()
@click.option("--db", default=None, help="SQLite archive to update (default: data/portalcrawl.db).")
@site_option
@click.option("--relearn", is_flag=True, help="Learn the templates again from every stored page first.")
@click.option("--timezone", default="Asia/Shanghai", show_default=True, help="The portals' local time.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def reextract(db: str | None, site: str | None, relearn: bool, timezone: str, as_json: bool) -> None:
    """Extract the archived pages again with the current extractor and the learned templates.

    Each page is read from its stored bytes with the context of its fetch; changed articles are
    updated as a crawl would (versions kept, search and copy indexes in step); records that are not
    articles move to removed_articles. Restartable: pages already done are not redone.
    """
    from .extract.learn import TemplateLearner
    from .reextract import Reextractor, learn, page_urls, resolve_sites, stale
    from .settings import PORTALCRAWL_DB
    from .store import ArchiveWriter, load_templates
    from .urls import site_of

    archive = open_existing(db or PORTALCRAWL_DB)
    sites = resolve_sites(archive, site)
    if sites == []:
        raise click.ClickException(f"no stored pages of a site {site!r}")
    urls = page_urls(archive, sites)
    known = [] if relearn else load_templates(archive, sites)
    learner = TemplateLearner(known)
    started = time.monotonic()
    learned_sites = {t.site for t in known}
    to_learn = [u for u in urls if site_of(u) not in learned_sites]
    if to_learn:
        with _progress(len(to_learn), "learning templates") as advance:
            learn(archive, learner, to_learn, timezone, advance)
        learner.finish()
        ArchiveWriter(archive).write_templates(learner.groups(), _now())
    redo = stale(archive, learner, urls)
    with _progress(len(redo), "re-extracting") as advance:
        report = Reextractor(archive, learner, timezone).run(redo, advance)
    report.templates = len(learner.all_templates())
    elapsed = time.monotonic() - started
    if as_json:
        click.echo(json.dumps({**report.as_dict(), "pages_stored": len(urls), "seconds": round(elapsed, 2)},
                              ensure_ascii=False))
        return
    click.echo(f"portalcrawl: re-extracted {report.pages} of {len(urls)} stored pages in {elapsed:.1f} s "
               f"({report.pages / elapsed if elapsed else 0:.0f} pages/s), {report.templates} templates")
    click.echo(f"  articles   {report.articles_new} new, {report.articles_changed} changed, "
               f"{report.articles_unchanged} unchanged, {report.articles_removed} moved to removed_articles")
    kinds = ", ".join(f"{k} {v}" for k, v in report.kind_changes.most_common()) or "none"
    click.echo(f"  page kinds {kinds}")


def _now() -> str:
    import datetime as dt

    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class _progress:
    """click's progress bar on a terminal; a log line every 1,000 pages elsewhere (cron, pipes)."""

    def __init__(self, total: int, label: str) -> None:
        self.total, self.label, self.done = total, label, 0
        self.bar = click.progressbar(length=total, label=label, show_pos=True, show_eta=True,
                                     file=sys.stderr) if sys.stderr.isatty() and total else None

    def __enter__(self):
        if self.bar is not None:
            self.bar.__enter__()
        return self.advance

    def advance(self, n: int) -> None:
        self.done += n
        if self.bar is not None:
            self.bar.update(n)
        elif self.done % 1000 == 0:
            logger.info("%s: %d of %d pages", self.label, self.done, self.total)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)
