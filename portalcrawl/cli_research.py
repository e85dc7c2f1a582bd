"""The researcher's commands: search, dupes, graph, export, serve, report (registered on `portalcrawl`)."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import click
import sqlite_utils

from .settings import PORTALCRAWL_DB as DEFAULT_DB

db_option = click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite archive to read.")
site_option = click.option("--site", help="Only this site: http://host[:port] as stored, or just the host.")


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


since_option = click.option("--since", callback=_iso_date, metavar="YYYY-MM-DD", help="Published on or after.")
until_option = click.option("--until", callback=_iso_date, metavar="YYYY-MM-DD", help="Published on or before.")


def open_existing(db: str) -> sqlite_utils.Database:
    """The archive, brought to the current schema; a clear error instead of creating an empty one."""
    from .store import open_archive

    if not Path(db).is_file():
        raise click.ClickException(f"{db}: no such archive (build one with `portalcrawl demo`, `crawl` or `harvest`)")
    return open_archive(db)


@contextlib.contextmanager
def output_stream(path: str | None, binary: bool = False, encoding: str = "utf-8") -> Iterator[IO[Any]]:
    """Standard output, or a file that appears only once complete (written beside it, then renamed),
    so an interrupted export never leaves a truncated file where a good one is expected."""
    if path in (None, "-"):
        if binary:
            yield sys.stdout.buffer
        else:
            stream = io.TextIOWrapper(sys.stdout.buffer, encoding=encoding, newline="")
            try:
                yield stream
            finally:
                stream.flush()
                stream.detach()  # leave sys.stdout usable
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with (os.fdopen(fd, "wb") if binary else open(fd, "w", encoding=encoding, newline="")) as stream:
            yield stream
        os.replace(temp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)


@click.command()
@click.argument("query")
@db_option
@site_option
@since_option
@until_option
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=0), help="Hits to show; 0: all.")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: one object per hit.")
def search(query: str, db: str, site: str | None, since: str | None, until: str | None, limit: int,
           as_json: bool) -> None:
    """Find articles whose title or body contains QUERY (every word of it), best first.

    Any number of Chinese characters works, mixed with Latin letters or digits; Latin letters
    match in either case. The result is exactly what a substring scan of every article finds.
    """
    from .research.search import MARK
    from .research.search import search as run_search

    if not query.split():
        raise click.BadParameter("the query is empty", param_hint="QUERY")
    archive = open_existing(db)
    shown = 0
    for hit in run_search(archive.conn, query, site=site, since=since, until=until, limit=limit):
        shown += 1
        if as_json:
            click.echo(json.dumps({"url": hit.url, "title": hit.title, "site": hit.site, "published": hit.published,
                                   "contributor": hit.contributor, "snippet": hit.snippet,
                                   "score": round(hit.score, 4)}, ensure_ascii=False))
            continue
        snippet = hit.snippet
        if sys.stdout.isatty():  # the marks become colour: every other piece between them is a match
            snippet = "".join(click.style(piece, bold=True, fg="red") if n % 2 else piece
                              for n, piece in enumerate(snippet.split(MARK[0])))
        click.echo(f"{hit.published or '?':<19} {hit.title or '(no title)'}\n    {hit.url}\n    {snippet}")
    if not as_json:
        more = "" if not limit or shown < limit else f" (the first {limit}: --limit 0 shows all)"
        click.echo(f"{shown} articles{more}", err=True)


@click.command()
@db_option
@site_option
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: one object per cluster.")
@click.option("--rebuild", is_flag=True, help="Recompute every cluster from the articles (kept up to date anyway).")
def dupes(db: str, site: str | None, as_json: bool, rebuild: bool) -> None:
    """List clusters of near-duplicate articles (copies across and within sites), earliest first in each."""
    from .research.dupes import clusters
    from .research.dupes import rebuild as rebuild_clusters

    archive = open_existing(db)
    if rebuild:
        click.echo(f"re-indexed {rebuild_clusters(archive)} articles", err=True)
    titles = dict(archive.execute("SELECT a.url, a.title FROM dupe_clusters c JOIN articles a ON a.url = c.url"))
    found = clusters(archive, site)
    for cluster in found:
        if as_json:
            click.echo(json.dumps({"cluster": cluster.cluster, "size": len(cluster.urls), "urls": cluster.urls,
                                   "sites": cluster.sites, "earliest_url": cluster.earliest_url,
                                   "earliest_published": cluster.earliest_published,
                                   "titles": [titles.get(u) for u in cluster.urls]}, ensure_ascii=False))
            continue
        click.echo(f"cluster {cluster.cluster}: {len(cluster.urls)} articles on {len(cluster.sites)} site(s), "
                   f"earliest {cluster.earliest_published or '?'}")
        for url in cluster.urls:
            click.echo(f"  {'*' if url == cluster.earliest_url else ' '} {url}  {titles.get(url) or ''}")
    if not as_json:
        click.echo(f"{len(found)} clusters (* = earliest known publication)", err=True)


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["graphml", "csv"]), default="graphml", show_default=True)
@click.option("--output", "-o", help="File to write (default: standard output).")
def graph(db: str, fmt: str, output: str | None) -> None:
    """Export the site-to-site link network (friend links and all other links) for Gephi or networkx."""
    from .research.graph import site_graph, write_csv, write_graphml

    network = site_graph(open_existing(db))
    with output_stream(output, binary=fmt == "graphml") as out:
        (write_graphml if fmt == "graphml" else write_csv)(network, out)
    click.echo(f"{network.number_of_nodes()} sites, {network.number_of_edges()} site-to-site links", err=True)


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True)
@site_option
@since_option
@until_option
@click.option("--output", "-o", help="File to write (default: standard output; required for parquet).")
def export(db: str, fmt: str, site: str | None, since: str | None, until: str | None, output: str | None) -> None:
    """Export articles (columns in the README) as JSON Lines, CSV for Excel, or Parquet, streaming."""
    from .research import export as exporter

    if fmt == "parquet" and output in (None, "-") and sys.stdout.isatty():
        raise click.BadParameter("Parquet is binary: give --output FILE (or redirect standard output)",
                                 param_hint="--output")
    archive = open_existing(db)
    rows = exporter.batches(archive, site, since, until)
    writers = {"jsonl": exporter.write_jsonl, "csv": exporter.write_csv, "parquet": exporter.write_parquet}
    try:
        if fmt == "parquet":
            exporter.use_system_allocator()
        with output_stream(output, binary=fmt == "parquet", encoding="utf-8-sig" if fmt == "csv" else "utf-8") as out:
            count = writers[fmt](rows, out)
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{count} articles written", err=True)


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535), help="0: any free port.")
@click.option("--open", "open_browser", is_flag=True, help="Open the browser at the archive.")
def serve(db: str, host: str, port: int, open_browser: bool) -> None:
    """Browse the archive in Datasette: described tables, full-text search and canned queries."""
    try:
        from datasette.cli import cli as datasette_cli
        from datasette.plugins import pm
    except ImportError:
        raise click.ClickException("serve needs Datasette: pip install 'portalcrawl[serve]'") from None
    from .research import datasette_plugin
    from .research.datasette_config import metadata

    open_existing(db).close()  # creates the search indexes and views of an older archive first
    if not pm.is_registered(datasette_plugin) and pm.get_plugin("portalcrawl") is None:
        pm.register(datasette_plugin, name="portalcrawl")
    folder = tempfile.mkdtemp(prefix="portalcrawl-serve-")
    meta = Path(folder) / "metadata.json"
    meta.write_text(json.dumps(metadata(Path(db).stem), ensure_ascii=False), encoding="utf-8")
    args = ["serve", db, "--metadata", str(meta), "--host", host, "--port", str(port),
            "--setting", "sql_time_limit_ms", "5000", "--setting", "facet_time_limit_ms", "1000"]
    datasette_cli.main([*args, *(["--open"] if open_browser else [])], prog_name="datasette")


@click.command()
@db_option
@click.option("--output", "-o", default="report.html", show_default=True, help="The HTML file to write.")
def report(db: str, output: str) -> None:
    """Write a self-contained HTML report: articles per site per month, top contributors, copies, network."""
    from .research.report import build_report

    html = build_report(open_existing(db))
    with output_stream(output) as out:
        out.write(html)
    click.echo(f"wrote {output} ({len(html.encode('utf-8')) // 1024} KiB)", err=True)
