"""What the commands share: the archive option (and PORTALCRAWL_DB), filters, opening an archive with
a sentence instead of a traceback, output files that appear only when complete, logging, progress."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from ..contract import ExitCode
from ..crawl.settings import PORTALCRAWL_DB as DEFAULT_DB

if TYPE_CHECKING:
    from ..archive import Archive

DB_ENVVAR = "PORTALCRAWL_DB"


def db_option(purpose: str = "read") -> Callable[[Any], Any]:
    """--db, also read from $PORTALCRAWL_DB, for every command that takes an archive."""
    return click.option("--db", default=DEFAULT_DB, show_default=True, envvar=DB_ENVVAR, show_envvar=True,
                        type=click.Path(dir_okay=False), help=f"SQLite archive to {purpose}.")


site_option = click.option("--site", metavar="SITE",
                           help="Only this site: http://host[:port] as stored, or just the host.")


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


since_option = click.option("--since", callback=_iso_date, metavar="YYYY-MM-DD", help="Published on or after.")
until_option = click.option("--until", callback=_iso_date, metavar="YYYY-MM-DD", help="Published on or before.")
json_option = click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")


_MEANINGS = {
    ExitCode.OK: "done",
    ExitCode.FAILED: "failed: errors in the crawl, or an archive that cannot be read",
    ExitCode.USAGE: "bad arguments or a bad portals file: nothing was done",
    ExitCode.PORTAL_FAILED: "a portal failed its checks (unreachable, too many errors, layout gone)",
    ExitCode.INTERRUPTED: "stopped by SIGINT/SIGTERM; what was fetched is stored",
    ExitCode.LAYOUT_CHANGED: "harvested, but a portal's article pages match no known template",
    ExitCode.NOTHING_FETCHED: "no page could be fetched (refused, failed, or an error answered every request)",
    ExitCode.NOTHING_STORED: "nothing could be stored (the archive cannot be opened or written, a full disk)",
    ExitCode.LOCKED: "another harvest holds the archive: try again later",
}


def exit_codes(*codes: ExitCode) -> str:
    """The help's paragraph of exit codes (click's \b keeps its lines)."""
    lines = [f"  {int(code):<3} {_MEANINGS[code]}" for code in (ExitCode.OK, *codes)]
    return "\b\nExit codes:\n" + "\n".join(lines)


def open_archive(db: str) -> Archive:
    """The archive, read-only (never written, never created); a clear error when there is none."""
    from ..archive import Archive, ArchiveError

    try:
        return Archive(db)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from None


@contextlib.contextmanager
def open_for_writing(db: str, command: str) -> Iterator[Archive]:
    """An existing archive, for writing (its schema brought up to date), holding the archive's writer
    lock: another writer (a crawl, a harvest) is waited for, with a message."""
    from ..archive import Archive, ArchiveError
    from ..archive.lock import WriterLock

    if not Path(db).is_file():
        open_archive(db)  # says there is no such archive
    with WriterLock(db, command).acquire(wait=True):
        try:
            archive = Archive(db, write=True)
        except ArchiveError as exc:
            raise click.ClickException(str(exc)) from None
        try:
            yield archive
        finally:
            archive.close()


def echo_json_lines(rows: list[dict[str, Any]]) -> None:
    """One JSON object per line (JSON Lines), Chinese kept readable."""
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False))


class _OneLine(logging.Formatter):
    """A record without its traceback: a refused connection is one line on a terminal; the whole
    traceback stays for --verbose and for the run's log file (the record itself is left as it was)."""

    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_info, record.exc_text, record.stack_info
        record.exc_info = record.exc_text = record.stack_info = None
        try:
            return super().format(record)
        finally:
            record.exc_info, record.exc_text, record.stack_info = saved


def setup_logging(verbose: bool) -> None:
    """Our progress lines at INFO; Scrapy's own log only with --verbose (the summary counts its skips),
    and tracebacks only with --verbose."""
    handler = logging.StreamHandler(sys.stderr)
    formatter = logging.Formatter if verbose else _OneLine
    handler.setFormatter(formatter("%(asctime)s %(name)s: %(message)s", datefmt="%H:%M:%S"))
    if not verbose:
        handler.addFilter(lambda record: record.name.startswith("portalcrawl") or record.levelno >= logging.ERROR)
    logging.getLogger().addHandler(handler)
    logging.getLogger("portalcrawl").setLevel(logging.DEBUG if verbose else logging.INFO)


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
