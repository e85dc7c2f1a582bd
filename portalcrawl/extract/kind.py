"""Decide what kind of page this is: an article, a list/category/home page, an error page...

Only article pages become article records; the crawler still follows list pages. The
decision rests on what the body step found (running prose, and how much) against what the
link lists hold (teaser items), plus the URL for search/comment/form pages.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .blocks import Block
from .lexicon import ERROR_TEXT, SEARCH_OR_FORM_URL, TAG_URL, TEASER_LABEL
from .model import FieldNote, PageKind
from .regions import PageRegions

MIN_ARTICLE_TOKENS = 40
_LONG_TEXT = 350
STRONG = 0.85  # a kind decided with at least this confidence is not overridden by a template
# A teaser's summary: cut with an ellipsis, maybe followed by a short "more" link ("…[详细]", "... 阅读全文").
_EXCERPT = re.compile(r"(?:……|…|\.{3,}|。。。)\s*(?:[\[【(（]?\s*\S{1,6}?\s*[\]】)）»>]?)?\s*$")
_HOME_PATH = re.compile(r"/(?:(?:index|default|home)\.(?:s?html?|php|aspx?|jsp))?", re.I)


def is_home_url(url: str | None) -> bool:
    """The site's front page ("/", "/index.html"): whatever prose it shows, it is no article."""
    if not url:
        return False
    parts = urlsplit(url)
    return not parts.query and bool(_HOME_PATH.fullmatch(parts.path or "/"))


def is_excerpt(block: Block) -> bool:
    """A teaser's summary: a line of prose cut with an ellipsis (and maybe a "more" link)."""
    return block.tokens >= 8 and bool(_EXCERPT.search(block.text))


def _teaser_structure(body: list[Block], container: list[Block], regions: PageRegions) -> str | None:
    """Why the running text reads as a list of teasers, if it does: most paragraphs are excerpts cut
    with an ellipsis, or linked headlines stand between the paragraphs (a blog's or a channel's
    index, whose items are too long for a link list)."""
    texted = [b for b in body if b.tokens >= 8]
    cut = [is_excerpt(b) for b in texted]
    excerpts = sum(cut)
    if excerpts >= 3 and excerpts >= 0.5 * len(texted):
        first = cut.index(True)
        before = sum(b.tokens for b in texted[:first])
        if before <= 0.3 * sum(b.tokens for b in texted):  # an index starts with its items
            return f"{excerpts} of {len(texted)} paragraphs are excerpts cut with an ellipsis"
    # A linked headline directly followed (after at most a short date line) by its excerpt.
    items = [b for b in container if b.index not in regions.listed_blocks and b.index not in regions.teaser_blocks]
    pairs, first = 0, None
    for n, block in enumerate(items):
        # A headline, not a commenter's or an author's name (a few characters) nor a script link.
        if block.is_link_only and 6 <= block.tokens <= 60 and len(block.links) == 1 \
                and not block.links[0][1].startswith(("javascript:", "#")):
            following = [b for b in items[n + 1 : n + 3] if b.tokens][:2]
            if following and following[0].tokens <= 12 and not following[0].punct:
                following = following[1:]  # the item's date or author line
            if following and following[0].punct and following[0].tokens >= 15 and not following[0].links:
                pairs += 1
                first = n if first is None else first
    if first:  # items under a "相关文章" / "猜你喜欢" label are the article's related list, not an index
        label = next((b for b in reversed(items[:first]) if b.tokens), None)
        if label is not None and label.tokens <= 8 and TEASER_LABEL.search(label.text):
            return None
    paragraphs = sum(1 for b in body if b.punct)
    # An index starts with its items; an article's own text comes before any list of teasers.
    before = sum(b.tokens for b in items[:first] if b.punct) if first is not None else 0
    prose = sum(b.tokens for b in items if b.punct)
    if pairs >= 3 and pairs * 2 >= paragraphs and before <= 0.3 * prose:
        return f"{pairs} linked headlines, each followed by its excerpt"  # an article template may say otherwise
    return None


def classify_page(url: str | None, title: str | None, body: list[Block], regions: PageRegions,
                  total_tokens: int, link_count: int, container: list[Block] = (),
                  list_page: bool = False) -> tuple[PageKind, FieldNote]:
    if total_tokens == 0:
        return PageKind.EMPTY, FieldNote(1.0, "no text on the page")
    prose = sum(b.tokens - b.link_tokens for b in body if b.punct)
    teaser_items = sum(len(lst.items) for lst in regions.lists if lst.kind == "teaser")
    heading = f"{title or ''} {' '.join(b.text for b in body[:2])}"
    if prose < 150 and ERROR_TEXT.search(heading):
        return PageKind.ERROR, FieldNote(0.8, "error wording and no article text")
    if is_home_url(url) and link_count >= 10:
        return PageKind.LIST, FieldNote(0.9, f"the site's home page; {link_count} links")
    where = url.split("//", 1)[-1].split("/", 1)[-1] if url else ""
    # Results and tag pages show excerpts that read like prose: only a long text makes them articles.
    if where and SEARCH_OR_FORM_URL.search(where) and prose < _LONG_TEXT:
        return PageKind.OTHER, FieldNote(0.9, "search, comment or form URL without a long text")
    if where and TAG_URL.search("/" + where) and prose < _LONG_TEXT:
        return PageKind.LIST, FieldNote(0.9, "a tag's page without a long text")
    if list_page and prose < _LONG_TEXT:
        return PageKind.LIST, FieldNote(0.9, "reached through a list's page numbers, without a long text")
    teaser_list = _teaser_structure(body, list(container), regions)
    if teaser_list:
        # Excerpts cut with an ellipsis are decisive; linked headlines could be an article's own list.
        return PageKind.LIST, FieldNote(0.9 if "ellipsis" in teaser_list else 0.8, teaser_list)
    if prose < MIN_ARTICLE_TOKENS:
        teasers = teaser_items + len(regions.teaser_blocks) // 2
        if teasers >= 2 or link_count >= 10:
            return PageKind.LIST, FieldNote(0.8, f"no running text; {teasers} teasers, {link_count} links")
        return PageKind.OTHER, FieldNote(0.5, f"only {prose} tokens of running text")
    return PageKind.ARTICLE, FieldNote(min(1.0, 0.5 + prose / 1000), f"{prose} tokens of running text")
