"""`portalcrawl extract`: what the extractor sees on one page, a saved file or a URL fetched now."""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..contract import ExitCode
from ..crawl import addresses
from .common import exit_codes

if TYPE_CHECKING:
    from ..extract import Article, ExtractContext

USER_AGENT = "portalcrawl/0.1 (+https://github.com/portalcrawl/portalcrawl; archiving research)"
TIMEOUT = 30.0
MAX_BYTES = 8 * 1024 * 1024  # the crawl's DOWNLOAD_MAXSIZE: a larger "page" is a file, not an article


class _GuardedRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects are followed only to public addresses, or to the address the user asked for: a page
    must not send us to an internal service (see crawl/addresses.py)."""

    def __init__(self, allowed: set[addresses.Address]) -> None:
        self.allowed = allowed

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        host = urllib.parse.urlsplit(newurl).hostname or ""
        why = addresses.problem(addresses.resolve(host), self.allowed)
        if why:
            raise urllib.error.URLError(f"redirected to {newurl}, {why}: not followed")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _fetch(url: str, timezone: str) -> tuple[bytes, ExtractContext]:
    """The page's bytes and the extractor's context, built as the crawl builds it (the server's Date
    header, else now; times in the portal's zone), so "3小时前" reads the same here as in a crawl."""
    import datetime as dt

    from ..archive.fetch_context import fetch_context, http_time

    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    opener = urllib.request.build_opener(_GuardedRedirects(addresses.start_addresses([url])))
    try:
        with opener.open(request, timeout=TIMEOUT) as response:
            data = response.read(MAX_BYTES + 1)
            headers = response.headers
    except urllib.error.HTTPError as exc:
        raise click.ClickException(f"{url}: the server answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise click.ClickException(f"{url}: could not fetch it ({exc.reason})") from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise click.ClickException(f"{url}: could not fetch it ({type(exc).__name__}: {exc})") from None
    if len(data) > MAX_BYTES:
        raise click.ClickException(f"{url}: larger than {MAX_BYTES // 1024 // 1024} MB, not a page")
    fetched = http_time(headers.get("Date")) or dt.datetime.now(dt.UTC)
    return data, fetch_context(fetched, headers.get("Last-Modified"), headers.get("Content-Type"), timezone=timezone)


def _print(article: Article) -> None:
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


@click.command(short_help="Show what the extractor sees on one page.",
               epilog=exit_codes(ExitCode.FAILED, ExitCode.USAGE))
@click.argument("target", metavar="FILE_OR_URL")
@click.option("--url", help="The page's URL, when FILE_OR_URL is a saved file (helps dates and links).")
@click.option("--timezone", default="Asia/Shanghai", show_default=True, help="The portal's local time.")
@click.option("--json", "as_json", is_flag=True, help="Print the whole Article as JSON.")
def extract(target: str, url: str | None, timezone: str, as_json: bool) -> None:
    """Show what the extractor sees on one page: a saved file, or a URL to fetch now.

    \b
    Example:
      portalcrawl extract http://www.example.cn/a/123.html
    """
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from ..extract import ExtractContext, extract_article

    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise click.BadParameter(f"unknown time zone {timezone!r}", param_hint="--timezone") from None
    if target.startswith(("http://", "https://")):
        data, context = _fetch(target, timezone)
        url = url or target
    else:
        path = Path(target)
        if not path.is_file():
            raise click.BadParameter(f"no such file: {target}", param_hint="FILE_OR_URL")
        data, context = path.read_bytes(), ExtractContext()
    try:
        article = extract_article(data, url, context)
    except Exception as exc:  # a page the extractor cannot read is a sentence, not a traceback
        raise click.ClickException(f"{target}: the extractor failed ({type(exc).__name__}: {exc})") from None
    if as_json:
        click.echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
        return
    _print(article)
