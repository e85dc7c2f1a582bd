"""Locate the article body and keep only its paragraphs.

Every block gets a content weight (prose: non-link text with sentence punctuation) and a
boilerplate weight (link text, link lists, teaser summaries, action rows, footers). The
body container is the block-level element that maximises content minus boilerplate: it
grows to take in a split article, and stops where the teasers and menus around it would
cost more than they add. Inside it, sub-regions and lines that are boilerplate are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

import lxml.html

from .blocks import Block, Segmented
from .dates import find_dates, normalize_date_text
from .lexicon import BYLINE_LINE, TEASER_LABEL, is_boilerplate_line
from .regions import PageRegions
from .text import count_tokens

# Punctuation marks per non-link token above which a line reads as running prose.
_PROSE_DENSITY = 0.035
_BOILERPLATE_COST = 1.0
_FIGURE = re.compile(r"[\d\s:：.,，/\-+%￥$¥]+")
_PARAGRAPH_TAGS = frozenset({"p", "pre", "blockquote"})
_BARE_LABEL = re.compile(r"[^\s:：]{1,8}\s*[:：]")  # "推荐度：" with its value drawn as stars: a widget


@dataclass
class BodyResult:
    container: lxml.html.HtmlElement | None
    blocks: list[Block]  # the body's paragraphs, in order
    score: float

    @property
    def first_index(self) -> int:
        return self.blocks[0].index if self.blocks else -1



def _weights(block: Block, regions: PageRegions) -> tuple[float, float]:
    """(content, boilerplate) weight of one block."""
    tokens = block.tokens
    if not tokens:
        return 0.0, 0.0
    if (
        block.index in regions.listed_blocks
        or block.index in regions.teaser_blocks
        or block.link_density >= 0.5
        or is_boilerplate_line(block.text)
    ):
        return 0.0, float(tokens)
    plain = tokens - block.link_tokens
    density = block.punct / plain
    if density >= _PROSE_DENSITY:
        good = float(plain)
    elif plain >= 40:
        good = plain * 0.5
    else:
        good = plain * 0.1
    bad = block.link_tokens + (plain * 0.3 if density < _PROSE_DENSITY and plain < 40 else 0.0)
    if regions.negative.get(block.owner):
        good *= 0.2
    return good, bad


def _keep(block: Block, regions: PageRegions) -> bool:
    if not block.tokens or block.index in regions.teaser_blocks:
        return False
    if block.link_density >= 0.5 and block.punct < 2:
        return False
    if block.owner.tag in ("td", "th") and _FIGURE.fullmatch(block.text):
        return True  # a table's number ("3:1", "4999"), not a counter
    return not (is_boilerplate_line(block.text) or BYLINE_LINE.match(block.text) or _BARE_LABEL.fullmatch(block.text))


def find_body(seg: Segmented, regions: PageRegions) -> BodyResult:
    blocks = seg.blocks
    if not blocks:
        return BodyResult(None, [], 0.0)
    good_prefix = [0.0]
    bad_prefix = [0.0]
    for block in blocks:
        good, bad = _weights(block, regions)
        good_prefix.append(good_prefix[-1] + good)
        bad_prefix.append(bad_prefix[-1] + bad)

    def net(s: int, e: int) -> float:
        return good_prefix[e] - good_prefix[s] - _BOILERPLATE_COST * (bad_prefix[e] - bad_prefix[s])

    # The best run of consecutive parts of one element (maximum-sum subarray): the article
    # is often a run of sibling <p>s inside a cell that also holds menus and link lists.
    best, best_score, start, end = None, 0.0, 0, 0
    for el in seg.order:
        s0, e0 = seg.span[el]
        if good_prefix[e0] - good_prefix[s0] <= 0:
            continue
        run_start, run_score = None, 0.0
        # A paragraph is one unit: its <br>-broken lines are not trimmed one by one at its edges.
        for s, e in ([seg.span[el]] if el.tag in _PARAGRAPH_TAGS else seg.items(el)):
            part = net(s, e)
            if run_start is None or run_score <= 0:
                run_start, run_score = s, part
            else:
                run_score += part
            if run_score > best_score:
                best, best_score, start, end = el, run_score, run_start, e
    if best is None:
        return BodyResult(None, [], 0.0)

    return BodyResult(best, _inside(seg, regions, best, start, end, good_prefix), best_score)


def body_in(seg: Segmented, regions: PageRegions, element: lxml.html.HtmlElement) -> BodyResult:
    """The body as it stands in one known element (a template's content slot), filtered the same way."""
    start, end = seg.span[element]
    good_prefix = [0.0] * (start + 1)
    for block in seg.blocks[start:end]:
        good_prefix.append(good_prefix[-1] + _weights(block, regions)[0])
    return BodyResult(element, _inside(seg, regions, element, start, end, good_prefix), good_prefix[-1])


def _inside(seg: Segmented, regions: PageRegions, best: lxml.html.HtmlElement, start: int, end: int,
            good_prefix: list[float]) -> list[Block]:
    """The container's paragraphs, without the link lists and boilerplate regions inside it."""
    container_good = good_prefix[end] - good_prefix[start]
    skip: set[int] = set()
    # Link lists and negatively-named regions inside the container are dropped whole,
    # unless one of them carries most of the content (then the hint was wrong).
    for lst in regions.lists:
        s, e = seg.span[lst.element]
        if start <= s and e <= end:
            skip.update(range(s, e))
    for el in seg.order:
        s, e = seg.span[el]
        if el is best or not (start <= s and e <= end) or s == e:
            continue
        hinted_away = regions.negative.get(el) and not regions.negative.get(best)
        if hinted_away and good_prefix[e] - good_prefix[s] < 0.5 * container_good:
            skip.update(range(s, e))
    skip |= _labelled_teasers(seg, start, end)
    inside = [b for b in seg.blocks[start:end] if b.index not in skip and b.tokens]
    inside = first_post(inside, [b for b in seg.blocks[start:end] if b.tokens and b.index not in regions.listed_blocks])
    return [b for b in inside if _keep(b, regions)]


def _labelled_teasers(seg: Segmented, start: int, end: int) -> set[int]:
    """A "相关文章" / "猜你喜欢" block inside the body's container: its label, then linked headlines,
    each with its summary. Its items can be too long for a link list, but the label names them."""
    blocks = seg.blocks
    for block in blocks[start:end]:
        if block.tokens > 8 or block.links or not TEASER_LABEL.search(block.text):
            continue
        headline = next((b for b in blocks[block.index + 1 : min(block.index + 4, end)]
                         if b.is_link_only and b.tokens >= 4), None)
        if headline is None:
            continue
        el = block.owner
        while el is not None and seg.span[el][1] <= headline.index:
            el = seg.parent.get(el)
        s, e = seg.span[el] if el is not None else (start, end)
        s, e = max(s, block.index), min(e, end)
        if _only_teasers(blocks[block.index + 1 : e]):
            return set(range(s, e))
    return set()


def _only_teasers(blocks: list[Block]) -> bool:
    """Linked headlines, each with at most a summary and a date line: no text of its own."""
    headlines, unpaired, after_headline = 0, 0, 0
    for block in blocks:
        if not block.tokens:
            continue
        if block.is_link_only:
            headlines += 1
            after_headline = 2
        elif after_headline:
            after_headline -= 1
        elif block.punct or block.tokens > 12:
            unpaired += 1
    return headlines >= 2 and unpaired <= 1


def first_post(paragraphs: list[Block], lines: list[Block] | None = None) -> list[Block]:
    """Keep the first of several posts shown in a row (blog archives, forum threads).

    A post starts with a line that is only a date (often after its own title line, and often in a
    widget-named header the paragraphs left out: `lines` are all the container's lines); when two
    such headers each introduce running text, the page's article is the first.
    """
    lines = lines if lines is not None else paragraphs
    headers = [b.index for b in lines if b.tokens <= 12 and is_date_line(b.text)]
    for first, second in pairwise(headers):
        before = sum(b.tokens for b in paragraphs if first < b.index < second and b.punct)
        after = sum(b.tokens for b in paragraphs if b.index > second and b.punct)
        if before >= 30 and after >= 50:
            kept = [b for b in paragraphs if b.index < second]
            if len(kept) > 1 and kept[-1].tokens <= 30 and kept[-1].punct <= 1 and kept[-2].index > first:
                kept = kept[:-1]  # the next post's own title line
            return kept
    return paragraphs


def is_date_line(text: str) -> bool:
    """A line that is a full date (and time) and next to nothing else."""
    normalized = normalize_date_text(text)
    dates = [d for d in find_dates(normalized) if d.year]
    if not dates:
        return False
    rest = normalized
    for d in dates:
        rest = rest.replace(d.text, " ")
    return count_tokens(rest) <= 3
