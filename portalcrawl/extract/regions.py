"""Find the repeated link structures of a page: nav bars, teaser lists, friend links.

The trap on portal pages is that teaser summaries read like article prose (long, fully
punctuated) and only their titles are links. What gives them away is structure: three
or more sibling items that each *start* with a link, or one line in which link after
link is followed by a summary cut with an ellipsis.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from itertools import pairwise
from urllib.parse import urlsplit

import lxml.html

from .blocks import Block, Segmented
from .lexicon import FRIEND_LABEL, PAGINATION_TEXT, TEASER_LABEL, is_negative_hint, names_content
from .text import ELLIPSIS, count_tokens

_WRAPPER_SHARE = 0.6  # an element holding more of the page's text than this is a wrapper, no widget
_LONGEST_ITEM = 300  # tokens: more than a teaser's headline and summary could hold
_NON_CONTENT_TAGS = frozenset({"footer", "nav", "aside"})  # HTML5 says what they hold: never the article


@dataclass
class LinkList:
    """A block-level element whose children are link-led items."""

    element: lxml.html.HtmlElement
    items: list[list[Block]]  # the blocks of each item, in order
    kind: str = "list"  # nav | teaser | friend | pagination


@dataclass
class PageRegions:
    lists: list[LinkList] = field(default_factory=list)
    listed_blocks: set[int] = field(default_factory=set)  # indices of blocks inside a link list
    teaser_blocks: set[int] = field(default_factory=set)  # flattened teaser lines and summaries
    negative: dict[lxml.html.HtmlElement, bool] = field(default_factory=dict)


def _is_flat_teaser_line(block: Block) -> bool:
    """Several linked titles, each followed by a summary cut with an ellipsis, in one line."""
    return len(block.links) >= 2 and len(ELLIPSIS.findall(block.text)) + block.text.count("……") >= 2


_ITEM_TAGS = frozenset({"li", "dd", "dt", "tr", "td"})


def _is_linkish(item: list[Block]) -> bool:
    texted = [b for b in item if b.tokens]
    if not texted:
        return False
    first = texted[0]
    tokens = sum(b.tokens for b in texted)
    link_tokens = sum(b.link_tokens for b in texted)
    # An item led by its link, or a list item led by a date or label before it ("2024-11-06 标题").
    dated = first.owner.tag in _ITEM_TAGS and first.links and first.tokens - first.link_tokens <= 8
    if not (first.starts_with_link or dated):
        return False
    return link_tokens >= 0.25 * tokens or bool(ELLIPSIS.search(texted[-1].text)) or tokens <= 40


@functools.lru_cache(maxsize=8192)
def _host(href: str) -> str:
    """A link's host (pages repeat their menus' links: each is split once)."""
    try:
        return urlsplit(href).hostname or ""
    except ValueError:
        return ""


def _classify(items: list[list[Block]], label: str, page_host: str, base_url: str) -> str:
    links = [link for item in items for b in item for link in b.links]
    texts = [text for text, _ in links if text]
    if texts and all(PAGINATION_TEXT.match(t) for t in texts):
        return "pagination"
    if FRIEND_LABEL.search(label):
        return "friend"
    hosts = [_host(href) if href.startswith(("http:", "https:", "//")) else page_host for _, href in links if href]
    offsite = sum(1 for h in hosts if h and page_host and h != page_host)
    mean_len = sum(count_tokens(t) for t in texts) / max(len(texts), 1)
    if hosts and offsite >= 0.6 * len(hosts) and mean_len <= 8:
        return "friend"
    has_summary = any(
        sum(b.tokens - b.link_tokens for b in item) >= 15 for item in items
    )
    if TEASER_LABEL.search(label) or mean_len >= 7 or has_summary:
        return "teaser"
    return "nav"


def _one_headline(block: Block) -> bool:
    """One link carries the line ("作者： 标题" has two, the title most of the text); a row of tags
    ("Bobby Dwyer, Boomer & Carton, Kelly Malloy") is no headline."""
    sizes = [count_tokens(text) for text, _ in block.links]
    return bool(sizes) and max(sizes) >= 0.6 * sum(sizes)


def find_regions(seg: Segmented, base_url: str = "") -> PageRegions:
    regions = PageRegions()
    page_host = urlsplit(base_url).hostname or "" if base_url else ""
    blocks = seg.blocks
    token_prefix = [0]
    for block in blocks:
        token_prefix.append(token_prefix[-1] + block.tokens)
    wrapper_size = _WRAPPER_SHARE * token_prefix[-1]
    passed_down: dict[lxml.html.HtmlElement, bool] = {}  # negative, as the element's children inherit it
    for el in seg.order:
        parent = seg.parent.get(el)
        hint = f"{el.get('class') or ''} {el.get('id') or ''}"
        own_negative = el.tag in _NON_CONTENT_TAGS or (
            el.tag not in ("html", "body") and hint.strip() != "" and is_negative_hint(hint))
        negative = own_negative or bool(parent is not None and passed_down.get(parent))
        regions.negative[el] = negative
        # A wrapper around most of the page's text that names the content too ("advert-content-wrap") is
        # no widget: the parts inside it are judged by their own names.
        start, end = seg.span[el]
        passed_down[el] = negative and not (token_prefix[end] - token_prefix[start] > wrapper_size
                                            and names_content(hint))

    for block in blocks:
        if _is_flat_teaser_line(block):
            regions.teaser_blocks.add(block.index)

    for el in seg.children:
        start, end = seg.span[el]
        items = [blocks[s:e] for s, e in seg.items(el) if any(b.tokens for b in blocks[s:e])]
        if len(items) < 3:
            continue
        linkish = [item for item in items if _is_linkish(item)]
        if len(linkish) < 3 or len(linkish) < 0.6 * len(items):
            continue
        # Items of one list look alike: mostly the same element, and each one small.
        tags = [item[0].owner.tag for item in linkish]
        if max(tags.count(t) for t in set(tags)) < 0.6 * len(linkish):
            continue
        sizes = sorted(sum(b.tokens for b in item) for item in linkish)
        if sizes[len(sizes) // 2] > 100:
            continue
        total = sum(b.tokens for b in blocks[start:end])
        plain_item = max((sum(b.tokens for b in item) for item in items if not _is_linkish(item)), default=0)
        if plain_item > 0.4 * total or sizes[-1] > max(_LONGEST_ITEM, 0.5 * total):
            continue  # one "item" holding most of the text is a page region that happens to start with a link
        label = blocks[start - 1].text if start > 0 else ""
        label = f"{label} {items[0][0].text[:20]}"
        kind = _classify(items, label, page_host, base_url)
        regions.lists.append(LinkList(element=el, items=items, kind=kind))
        regions.listed_blocks.update(range(start, end))

    # A prose line right after a linked title, cut with an ellipsis, is a teaser summary.
    pairs = [(prev, block) for prev, block in pairwise(blocks)
             if prev.starts_with_link and block.link_tokens == 0 and ELLIPSIS.search(block.text)
             and prev.link_density >= 0.5 and _one_headline(prev)]
    for prev, block in pairs:
        # One such pair with running prose right after it is an article that opens with a promoted link
        # and a paragraph ending in "……", not a teaser: teasers come in lists.
        following = blocks[block.index + 1] if block.index + 1 < len(blocks) else None
        if len(pairs) == 1 and following is not None and following.punct >= 2 and following.tokens >= 20 \
                and not following.links:
            continue
        regions.teaser_blocks.add(block.index)
        regions.teaser_blocks.add(prev.index)
    return regions
