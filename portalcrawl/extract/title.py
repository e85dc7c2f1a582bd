"""Find the article's headline on the page.

The <title> usually carries the headline plus a column and site-name suffix, and teaser
titles are headline-shaped too. The headline is the short line that agrees with the
<title>, stands in a heading (or a 'title'-named element), outside every link list,
and close before the body.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from .blocks import Block, Segmented
from .model import FieldNote
from .regions import PageRegions
from .text import per_line

_SEPARATORS = re.compile(r"\s*(?:_|\||｜|--|—|–|::|\s-\s|-\s|\s-|·|»|«)\s*")
_HEADING_RANK = {"h1": 3.0, "h2": 2.0, "h3": 1.2, "h4": 0.6}
_TITLE_HINT = re.compile(r"title|tit\b|headline|^bt$|biaoti|heading|^h1$", re.I)


@per_line
def squash(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).lower() if ch.isalnum())


def title_segments(page_title: str) -> list[str]:
    """'Headline_Column_Site' -> ['Headline', 'Column', 'Site'], longest-looking first kept first."""
    return [part for part in _SEPARATORS.split(page_title) if part.strip()]


def _agreement(text: str, whole: str, squashed_segments: list[str]) -> float:
    """How well a line agrees with the <title> (both already squashed, the title once per page)."""
    cand = squash(text)
    if len(cand) < 2:
        return 0.0
    first = squashed_segments[0] if squashed_segments else ""
    if cand in (whole, first):
        return 6.0
    if cand in squashed_segments:
        return 4.0
    if len(cand) >= 4 and cand in whole:
        return 3.0 + 2.0 * len(cand) / max(len(whole), 1)
    if first and len(first) >= 4 and first in cand:
        return 3.0
    return 0.0


def _hinted(block: Block) -> float:
    el = block.owner
    for _ in range(3):
        if el is None:
            break
        rank = _HEADING_RANK.get(el.tag)
        if rank:
            return rank
        if _TITLE_HINT.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            return 1.5
        el = el.getparent()
    return 0.0


def _without_trailing_link(block: Block, whole: str) -> str:
    """"标题<a>生活</a>": a heading that ends with its column's link, which <title> does not repeat;
    "原创标题": one that starts with a badge (原创, 独家, 置顶) the <title> does not carry."""
    text = block.text
    squashed = squash(text)
    if squashed not in whole:
        for cut in range(1, 5):
            rest = text[cut:].strip()
            if len(rest) >= 4 and squash(rest) and whole.startswith(squash(rest)):
                return rest
    if block.links:
        last = block.links[-1][0]
        rest = text[: -len(last)].strip() if last and text.endswith(last) else ""
        if len(rest) >= 4 and squash(rest) in whole and squash(text) not in whole:
            return rest
    return text


def find_title(
    seg: Segmented, regions: PageRegions, meta: dict[str, str], body_start: int
) -> tuple[str | None, int, FieldNote]:
    """(headline, its block index or -1, note)."""
    page_title = meta.get("title", "")
    og_title = meta.get("og:title", "")
    segments = title_segments(page_title)
    whole, squashed = squash(page_title), [squash(s) for s in segments]
    og_squashed = squash(og_title) if og_title else ""
    limit = body_start if body_start >= 0 else len(seg.blocks)
    # The headline may open the body's container itself, after a breadcrumb or a label: look past the
    # body's first lines while they are short, never past running text.
    while 0 <= body_start <= limit < min(body_start + 16, len(seg.blocks) - 1) and seg.blocks[limit].tokens <= 25 \
            and seg.blocks[limit].punct <= 1:
        limit += 1
    best: tuple[float, Block] | None = None
    for block in seg.blocks[: limit + 1]:
        if not 2 <= block.tokens <= 60 or len(block.text) > 120:
            continue
        score = _agreement(block.text, whole, squashed) + _hinted(block)
        if og_squashed and og_squashed == squash(block.text):
            score += 3.0
        if score <= 0:
            continue
        if block.index in regions.listed_blocks or block.index in regions.teaser_blocks:
            score -= 4.0
        if block.is_link_only:
            score -= 1.0 if _hinted(block) else 1.5
            if any(urlsplit(href).path in ("", "/", "/index.html", "/index.htm") for _, href in block.links):
                score -= 3.0  # the site logo, linking home
        if body_start >= 0:
            score -= 0.05 * min(body_start - block.index, 40)
        if best is None or score > best[0]:
            best = (score, block)
    if best is not None and best[0] >= 2.5:
        return _without_trailing_link(best[1], whole), best[1].index, FieldNote(min(1.0, best[0] / 8),
                                                                              "heading agreeing with <title>")
    if og_title:
        return og_title, -1, FieldNote(0.6, "og:title")
    if segments:
        # The headline is the longest part of "Headline_Column_Site" (or "Site » Headline").
        longest = max(segments, key=len)
        chosen = segments[0] if len(segments[0]) * 2 >= len(longest) else longest
        return chosen, -1, FieldNote(0.5, "<title> without its site name")
    return None, -1, FieldNote(0.0, "no heading and no <title>")


def site_name(meta: dict[str, str]) -> str | None:
    """The site's own name: og:site_name / application-name, else the first part of the <title>
    (on a home page, "快知网 - 分享身边的知识")."""
    for key in ("og:site_name", "application-name", "sitename", "site_name"):
        if meta.get(key):
            return meta[key]
    segments = title_segments(meta.get("title", ""))
    return segments[0] if segments else None
