"""`portalcrawl eval`: score the extractor, and peers beside it, on labelled pages."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..contract import ExitCode
from ..progress import Progress
from .common import exit_codes

PEERS = "trafilatura,readability,gne,newspaper4k,htmldate"


@click.command(short_help="Score the extractor (and peers) on labelled pages.", name="eval",
               epilog=exit_codes(ExitCode.FAILED, ExitCode.USAGE))
@click.argument("corpus", type=click.Path(exists=True))
@click.option("--compare", default="", metavar="PEERS", help=f"Peers to run alongside, comma-separated: {PEERS} "
              "(install with pip install -e '.[bench]').")
@click.option("--json", "json_out", type=click.Path(dir_okay=False), help="Also write every figure to this file.")
@click.option("--worst", "worst_n", default=5, show_default=True, type=click.IntRange(min=0),
              help="Show the N worst pages and why.")
@click.option("--repeat", default=3, show_default=True, type=click.IntRange(min=1),
              help="Time each page as the best of this many passes.")
@click.option("--processes", type=click.IntRange(min=0), default=None,
              help="Read each system's pages in a pool of this many processes, the crawl's extraction pool "
                   "(default: one per core; 0: one process, for the steadiest timings).")
def evaluate_command(corpus: str, compare: str, json_out: str | None, worst_n: int, repeat: int,
                     processes: int | None) -> None:
    """Score the extractor (and peers) on labelled pages.

    CORPUS is a folder holding manifest.jsonl, or a truth file in the same JSON-lines format.

    \b
    Example:
      portalcrawl eval ../shared/corpus/zh-dev --compare readability,trafilatura
    """
    from ..evaluation.corpus import CorpusError, load_corpus
    from ..evaluation.evaluate import evaluate
    from ..evaluation.rendering import render
    from ..evaluation.systems import SYSTEMS

    peers = [p.strip() for p in compare.split(",") if p.strip()]
    unknown = [p for p in peers if p not in SYSTEMS or p == "portalcrawl"]
    if unknown:
        raise click.BadParameter(f"unknown peer {', '.join(unknown)}; choose from "
                                 f"{', '.join(s for s in SYSTEMS if s != 'portalcrawl')}", param_hint="--compare")
    try:
        pages = len(load_corpus(corpus))
    except CorpusError as exc:
        raise click.ClickException(str(exc)) from exc
    systems = ["portalcrawl", *peers]
    if processes is None:
        from ..pool import default_workers

        processes = default_workers()  # every core: the evaluation runs no reactor
    with Progress(pages * len(systems) * repeat, "extracting", every=pages) as advance:
        results = evaluate(corpus, systems, repeat=repeat, progress=advance, processes=processes)
    click.echo(render(results, pages, worst_n))
    if json_out:
        Path(json_out).write_text(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=1),
                                  encoding="utf-8")
    if results[0].failure:
        raise click.ClickException(f"portalcrawl itself failed: {results[0].failure}")
