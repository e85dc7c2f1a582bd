"""Small helpers the test sites' templates share: escaping, paragraphs, pagers, JSON-LD, teaser cuts."""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape


def esc(text: str) -> str:
    """Text made safe for HTML content and quoted attributes (quotes escaped too)."""
    return escape(text, quote=True)


def ld_json(data: dict) -> str:
    """A one-line ``<script type="application/ld+json">`` block, Chinese kept as is."""
    return '<script type="application/ld+json">' + json.dumps(data, ensure_ascii=False) + "</script>\n"


def schema(kind: str, context: str = "https://schema.org", **fields: object) -> dict:
    """A schema.org object for JSON-LD: ``@context`` and ``@type`` first, then the fields in the order given."""
    return {"@context": context, "@type": kind, **fields}


def person(name: str) -> dict:
    return {"@type": "Person", "name": name}


def organization(name: str) -> dict:
    return {"@type": "Organization", "name": name}


def cut(text: str, n: int, tail: str = "...") -> str:
    """The first ``n`` characters and ``tail`` when the text is longer, as CMS list tags cut titles and summaries."""
    return text if len(text) <= n else text[:n] + tail


def pager_links(
    urls: Sequence[str], current: int, number: str, here: str, prev: str = "", next_: str = "", no_prev: str = "",
    no_next: str = "",
) -> list[str]:
    """The links of a pager, from format strings of ``{url}`` and ``{n}``: to the previous page (``no_prev`` on the
    first page; nothing when empty), to each page (``here`` for the current one), to the next page (``no_next`` on
    the last). ``current`` counts from 1."""
    prev_link = prev.format(url=urls[current - 2]) if current > 1 else no_prev
    next_link = next_.format(url=urls[current]) if current < len(urls) else no_next
    numbers = [(here if n == current else number).format(url=url, n=n) for n, url in enumerate(urls, 1)]
    return ([prev_link] if prev_link else []) + numbers + ([next_link] if next_link else [])


def pager(start: str, end: str, urls: Sequence[str], current: int, *formats: str) -> str:
    """A pager (see ``pager_links``) between ``start`` and ``end``; nothing when there is a single page."""
    return start + "".join(pager_links(urls, current, *formats)) + end if len(urls) > 1 else ""


def paras(lines: list[str]) -> str:
    """Lines as ``<p>`` paragraphs, one a line."""
    return "".join(f"<p>{esc(x)}</p>\n" for x in lines)
