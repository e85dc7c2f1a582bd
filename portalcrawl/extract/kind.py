"""Decide what kind of page this is: an article, a list/category/home page, an error page...

Only article pages become article records; the crawler still follows list pages. The
decision rests on what the body step found (running prose, and how much) against what the
link lists hold (teaser items), plus the URL for search/comment/form pages.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .blocks import Block
from .lexicon import ERROR_TEXT, SEARCH_OR_FORM_URL
from .model import FieldNote, PageKind
from .regions import PageRegions

MIN_ARTICLE_TOKENS = 40
_HOME_PATH = re.compile(r"/(?:(?:index|default|home)\.(?:s?html?|php|aspx?|jsp))?", re.I)


def is_home_url(url: str | None) -> bool:
    """The site's front page ("/", "/index.html"): whatever prose it shows, it is no article."""
    if not url:
        return False
    parts = urlsplit(url)
    return not parts.query and bool(_HOME_PATH.fullmatch(parts.path or "/"))


def classify_page(url: str | None, title: str | None, body: list[Block], regions: PageRegions,
                  total_tokens: int, link_count: int) -> tuple[PageKind, FieldNote]:
    if total_tokens == 0:
        return PageKind.EMPTY, FieldNote(1.0, "no text on the page")
    prose = sum(b.tokens - b.link_tokens for b in body if b.punct)
    teaser_items = sum(len(lst.items) for lst in regions.lists if lst.kind == "teaser")
    heading = f"{title or ''} {' '.join(b.text for b in body[:2])}"
    if prose < 150 and ERROR_TEXT.search(heading):
        return PageKind.ERROR, FieldNote(0.8, "error wording and no article text")
    if is_home_url(url) and link_count >= 10:
        return PageKind.LIST, FieldNote(0.9, f"the site's home page; {link_count} links")
    if url and SEARCH_OR_FORM_URL.search(url.split("//", 1)[-1].split("/", 1)[-1]) and prose < 150:
        return PageKind.OTHER, FieldNote(0.6, "search, comment or form URL with little text")
    if prose < MIN_ARTICLE_TOKENS:
        teasers = teaser_items + len(regions.teaser_blocks) // 2
        if teasers >= 2 or link_count >= 10:
            return PageKind.LIST, FieldNote(0.8, f"no running text; {teasers} teasers, {link_count} links")
        return PageKind.OTHER, FieldNote(0.5, f"only {prose} tokens of running text")
    return PageKind.ARTICLE, FieldNote(min(1.0, 0.5 + prose / 1000), f"{prose} tokens of running text")
