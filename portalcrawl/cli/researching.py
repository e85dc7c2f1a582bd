"""The researcher's commands: search, dupes, graph, export, serve, report. Each opens the archive
read-only: none writes to it, so each works on a read-only copy, a backup or a file another user owns."""

from __future__ import annotations

import functools
import json
import sys
import tempfile
from pathlib import Path

import click

from ..contract import ExitCode
from ..progress import Progress
from .common import (
    db_option,
    exit_codes,
    open_archive,
    output_stream,
    since_option,
    site_option,
    until_option,
)

READ_EXIT_CODES = exit_codes(ExitCode.FAILED, ExitCode.USAGE)


@click.command(short_help="Full-text search of the archived articles.", epilog=READ_EXIT_CODES)
@click.argument("query")
@db_option()
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

    \b
    Example:
      portalcrawl search "城墙 修缮" --since 2024-01-01 --json
    """
    from ..archive.search import MARK, QueryError, terms_of

    if not query.split():
        raise click.BadParameter("the query is empty", param_hint="QUERY")
    archive = open_archive(db)
    shown = 0
    try:
        terms_of(query)  # the generator below would refuse it only once iterated
    except QueryError as exc:
        raise click.BadParameter(str(exc), param_hint="QUERY") from None
    for hit in archive.search(query, site=site, since=since, until=until, limit=limit):
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


@click.command(short_help="List clusters of near-duplicate articles.", epilog=READ_EXIT_CODES)
@db_option()
@site_option
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: one object per cluster.")
@click.option("--rebuild", is_flag=True, help="Recompute every cluster from the articles (kept up to date anyway).")
def dupes(db: str, site: str | None, as_json: bool, rebuild: bool) -> None:
    """List clusters of near-duplicate articles (copies across and within sites), earliest first in each.

    \b
    Example:
      portalcrawl dupes --site www.example.cn
    """
    if rebuild:
        from ..archive.copies import rebuild as rebuild_clusters
        from .common import open_for_writing

        with open_for_writing(db, "dupes --rebuild") as writable:
            total = writable.count_articles()
            with Progress(total, "finding copies", unit="articles") as advance:
                click.echo(f"re-indexed {rebuild_clusters(writable.db, advance)} articles", err=True)
    archive = open_archive(db)
    titles = archive.clustered_titles()
    found = archive.clusters(site)
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


@click.command(short_help="Export the site-to-site link network.", epilog=READ_EXIT_CODES)
@db_option()
@click.option("--format", "fmt", type=click.Choice(["graphml", "csv"]), default="graphml", show_default=True,
              help="GraphML (Gephi, Cytoscape, networkx) or an edge list in CSV.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="File to write (default: standard output).")
def graph(db: str, fmt: str, output: str | None) -> None:
    """Export the site-to-site link network (friend links and all other links) for Gephi or networkx.

    \b
    Example:
      portalcrawl graph --format graphml -o portals.graphml
    """
    from ..research.graph import site_graph, write_csv, write_graphml

    network = site_graph(open_archive(db))
    with output_stream(output, binary=fmt == "graphml") as out:
        (write_graphml if fmt == "graphml" else write_csv)(network, out)
    click.echo(f"{network.number_of_nodes()} sites, {network.number_of_edges()} site-to-site links", err=True)


def _counted(batches, total: int):
    """The export's batches, advancing a progress bar (on a terminal) as they are written."""
    with Progress(total, "exporting", unit="articles", every=10_000) as advance:
        for batch in batches:
            yield batch
            advance(len(batch))


@click.command(short_help="Export articles as JSON Lines, CSV or Parquet.", epilog=READ_EXIT_CODES)
@db_option()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True,
              help="JSON Lines, CSV (UTF-8 with BOM, for Excel) or Parquet.")
@site_option
@since_option
@until_option
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="File to write (default: standard output; required for parquet).")
@click.option("--csv-formulas", "raw_csv", is_flag=True,
              help="CSV: write cells starting with = + - @ as they are (for programs; Excel would run them).")
def export(db: str, fmt: str, site: str | None, since: str | None, until: str | None, output: str | None,
           raw_csv: bool) -> None:
    """Export articles (columns in the README) as JSON Lines, CSV for Excel, or Parquet, streaming.

    In CSV, a cell that a spreadsheet would run as a formula (=, +, -, @ first) starts with an
    apostrophe, as OWASP recommends; --csv-formulas leaves it as it is.

    \b
    Example:
      portalcrawl export --format csv --since 2024-01-01 -o articles.csv
    """
    from ..research import export as exporter

    if fmt == "parquet" and output in (None, "-") and sys.stdout.isatty():
        raise click.BadParameter("Parquet is binary: give --output FILE (or redirect standard output)",
                                 param_hint="--output")
    archive = open_archive(db)
    total = archive.count_articles(site, since, until)
    rows = _counted(archive.export_batches(site, since, until), total)
    writers = {"jsonl": exporter.write_jsonl, "csv": functools.partial(exporter.write_csv, raw=raw_csv),
               "parquet": exporter.write_parquet}
    try:
        if fmt == "parquet":
            exporter.use_system_allocator()
        with output_stream(output, binary=fmt == "parquet", encoding="utf-8-sig" if fmt == "csv" else "utf-8") as out:
            count = writers[fmt](rows, out)
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{count} articles written", err=True)


@click.command(short_help="Browse the archive in Datasette.", epilog=READ_EXIT_CODES)
@db_option()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535), help="0: any free port.")
@click.option("--open", "open_browser", is_flag=True, help="Open the browser at the archive.")
def serve(db: str, host: str, port: int, open_browser: bool) -> None:
    """Browse the archive in Datasette: described tables, full-text search and canned queries.

    \b
    Example:
      portalcrawl serve --open
    """
    try:
        from datasette.cli import cli as datasette_cli
        from datasette.plugins import pm
    except ImportError:
        raise click.ClickException("serve needs Datasette: pip install 'portalcrawl[serve]'") from None
    from ..research import datasette_plugin
    from ..research.datasette_config import metadata

    open_archive(db).close()  # a clear error for a file that is no archive, before Datasette starts
    if not pm.is_registered(datasette_plugin) and pm.get_plugin("portalcrawl") is None:
        pm.register(datasette_plugin, name="portalcrawl")
    folder = tempfile.mkdtemp(prefix="portalcrawl-serve-")
    meta = Path(folder) / "metadata.json"
    meta.write_text(json.dumps(metadata(Path(db).stem), ensure_ascii=False), encoding="utf-8")
    args = ["serve", db, "--metadata", str(meta), "--host", host, "--port", str(port),
            "--setting", "sql_time_limit_ms", "5000", "--setting", "facet_time_limit_ms", "1000"]
    datasette_cli.main([*args, *(["--open"] if open_browser else [])], prog_name="datasette")


@click.command(short_help="Write a self-contained HTML report.", epilog=READ_EXIT_CODES)
@db_option()
@click.option("--output", "-o", default="report.html", show_default=True, type=click.Path(dir_okay=False),
              help="The HTML file to write.")
def report(db: str, output: str) -> None:
    """Write a self-contained HTML report: articles per site per month, top contributors, copies, network.

    \b
    Example:
      portalcrawl report -o report.html
    """
    from ..research.report import build_report

    html = build_report(open_archive(db))
    with output_stream(output) as out:
        out.write(html)
    click.echo(f"wrote {output} ({len(html.encode('utf-8')) // 1024} KiB)", err=True)
