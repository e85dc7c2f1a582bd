"""One reading of a page's main text: its body, headline, paragraphs and kind.

The generic reading, a template's reading and the readings of pages without prose all go
through ``read``, so the same line filters and the same page-kind rules apply to each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .blocks import Block, Segmented
from .body import BodyResult, body_in
from .byline import find_bylines
from .dates import find_dates, normalize_date_text
from .kind import STRONG, classify_page, is_excerpt
from .lexicon import PROMO_LINE
from .metadata import Layout, is_meta_line
from .model import FieldNote, PageKind
from .regions import PageRegions
from .template import Template, strip_affixes
from .text import ELLIPSIS, HAN
from .title import find_title, squash

MIN_SLOT_TOKENS = 10  # an article template's slot holding less than this is not an article
_DATE_LABEL = re.compile(r"(?:发布|发表|更新|添加|上传)(?:时间|日期|于)|时间[:：]|日期[:：]")


@dataclass
class Reading:
    """One reading of the page's main text: its body, headline, paragraphs and kind."""

    body: BodyResult
    title: str | None
    title_index: int
    title_note: FieldNote
    paragraphs: list[Block]
    layout: Layout
    kind: PageKind
    kind_note: FieldNote


def read(seg: Segmented, regions: PageRegions, meta: dict[str, str], url: str | None, body: BodyResult,
         template: Template | None, prose_only: bool = True, list_page: bool = False) -> Reading:
    title, title_index, title_note = find_title(seg, regions, meta, body.first_index)
    if template is not None and title_index >= 0 and _is_site_name(title, template):
        title, title_index = None, -1  # the logo's heading, which <title> repeats as its site name
    if template is not None and title_index < 0 and meta.get("title"):
        learned = strip_affixes(meta["title"], template)
        # The generic reading may have cut the <title> further already (several separators).
        if learned != meta["title"] and not (title and title in learned):
            title, title_note = learned, FieldNote(0.7, "<title> without the site name its template adds")
    paragraphs = _without_subtitle(seg, title_index, [b for b in body.blocks
                                                      if b.index != title_index and b.text != title])
    layout = Layout.of(title_index, paragraphs)
    # Date and byline lines between the headline and the first paragraph are the meta line.
    paragraphs = _without_meta_lines(paragraphs, layout, title_index)
    if template is None and prose_only:
        # After the last paragraph of prose, short unpunctuated lines are widgets ("分享让更多人看到").
        # Lines of the last prose line's own paragraph (<br>-broken) are text.
        last = next((b.owner for b in paragraphs if b.index == layout.last_prose), None)
        paragraphs = [b for b in paragraphs
                      if b.index <= layout.last_prose or b.punct or b.tokens > 15 or b.owner is last]
    elif template is not None:
        # The template knows its widgets: lines its pages repeat. Short lines of a table, a track
        # list or a gallery's captions are the article.
        paragraphs = [b for b in paragraphs if b.text not in template.boilerplate]
    paragraphs = _without_lead_echo(paragraphs)
    paragraphs = _with_standfirst(seg, regions, title_index, paragraphs)
    container = seg.blocks[slice(*seg.span[body.container])] if body.container is not None else []
    kind, kind_note = classify_page(url, title, paragraphs, regions, sum(b.tokens for b in seg.blocks),
                                    sum(len(b.links) for b in seg.blocks), container, list_page)
    if kind is PageKind.ARTICLE:
        paragraphs = _without_promotions(_without_trailing_teasers(paragraphs))
    return Reading(body, title, title_index, title_note, paragraphs, layout, kind, kind_note)


_SENTENCE_END = tuple('.。!?！？"”')
_SUBHEADINGS = frozenset({"h2", "h3", "h4"})


def _without_subtitle(seg: Segmented, title_index: int, paragraphs: list[Block]) -> list[Block]:
    """A Chinese subtitle (副标题) under the headline, in a heading of its own and without a full
    stop, is part of the headline, not of the text."""
    if title_index < 0 or not paragraphs:
        return paragraphs
    first = paragraphs[0]
    between = [b for b in seg.blocks[title_index + 1 : first.index] if b.tokens]
    if not between and first.owner.tag in _SUBHEADINGS and HAN.search(first.text) and first.tokens <= 40 \
            and not first.text.endswith(_SENTENCE_END):
        return paragraphs[1:]
    return paragraphs


def _with_standfirst(seg: Segmented, regions: PageRegions, title_index: int,
                     paragraphs: list[Block]) -> list[Block]:
    """The standfirst (deck): the sentence right under the headline that sums the story up, set apart
    from the body's container. It is the article's first text; a subtitle (a phrase, no full stop) is not."""
    if title_index < 0 or not paragraphs or title_index + 1 >= len(seg.blocks):
        return paragraphs
    deck = next((b for b in seg.blocks[title_index + 1 : title_index + 3] if b.tokens), None)
    if deck is None or deck.index >= paragraphs[0].index or not 10 <= deck.tokens <= 80 or not deck.punct \
            or deck.link_density >= 0.2 or is_meta_line(deck) \
            or deck.index in regions.listed_blocks or deck.index in regions.teaser_blocks:
        return paragraphs
    # An English deck is a sentence that often drops its full stop; a Chinese line without one is a
    # subtitle (副标题), part of the headline.
    sentence = deck.text.endswith(_SENTENCE_END) or (deck.tokens >= 12 and not HAN.search(deck.text))
    return [deck, *paragraphs] if sentence else paragraphs


def _without_meta_lines(paragraphs: list[Block], layout: Layout, title_index: int) -> list[Block]:
    """Drop what stands above the headline, and the meta line under it: the first one or two date or
    byline lines. Three or more dated lines in a row are the article (a schedule, a tour's dates)."""
    above = [b for b in paragraphs if b.index < title_index]
    if above and len(above) <= 12 and all(b.tokens <= 25 and b.punct <= 1 for b in above):
        # A breadcrumb, a label, a forum poster's card (name, rank, counters) above the headline.
        paragraphs = paragraphs[len(above):]
    run = 0
    while run < len(paragraphs) and layout.in_zone(paragraphs[run].index) and is_meta_line(paragraphs[run]):
        run += 1
    lines = paragraphs[:run]
    schedule = run >= 3 and all(find_dates(normalize_date_text(b.text)) and not find_bylines(b.text) for b in lines)
    return paragraphs if schedule else paragraphs[run:]


def _is_site_name(text: str | None, template: Template) -> bool:
    name = squash(text or "")
    return bool(name) and name in (squash(template.title_prefix), squash(template.title_suffix))


def _without_lead_echo(paragraphs: list[Block]) -> list[Block]:
    """Drop a summary box: a line cut with an ellipsis that repeats the start of a later paragraph
    (and the short label above it, "摘要" / "导读")."""
    drop: set[int] = set()
    for n, block in enumerate(paragraphs[:6]):
        cut = ELLIPSIS.search(block.text)
        if not cut or cut.end() < len(block.text) - 1:
            continue
        lead = block.text[: cut.start()].split("：", 1)[-1].split(":", 1)[-1].strip()
        if len(lead) >= 8 and any(later.text.startswith(lead) for later in paragraphs[n + 1 :]):
            drop.add(block.index)
            if n and paragraphs[n - 1].tokens <= 6 and not paragraphs[n - 1].punct:
                drop.add(paragraphs[n - 1].index)
    return [b for b in paragraphs if b.index not in drop] if drop else paragraphs


def _without_trailing_teasers(paragraphs: list[Block]) -> list[Block]:
    """Drop the excerpts the body ends with ("相关文章" summaries that no link list caught), once
    the article's own text came first: two or more in a row, each cut with an ellipsis."""
    end = len(paragraphs)
    while end and is_excerpt(paragraphs[end - 1]):
        end -= 1
    return paragraphs[:end] if len(paragraphs) - end >= 2 and end >= 1 else paragraphs


def _without_promotions(paragraphs: list[Block]) -> list[Block]:
    """Drop the promotions a post opens or closes with ("更多猛料！欢迎扫描二维码关注…", "回复【社保】查询…",
    "点击菜单栏…"): short lines at either end of the text that ask the reader to do something, and the
    short unpunctuated lines among them (an account's name under its QR code)."""
    def promo(block: Block) -> bool:
        return len(block.text) <= 120 and bool(PROMO_LINE.search(block.text))

    def trailing(n: int) -> bool:
        block = paragraphs[n]
        return promo(block) or (block.tokens <= 12 and not block.punct and n > 0 and promo(paragraphs[n - 1]))

    end = len(paragraphs)
    while end > 0 and trailing(end - 1):
        end -= 1
    start = 0
    while start < min(end, 2) and promo(paragraphs[start]):
        start += 1
    kept = paragraphs[start:end]
    # Never the text itself: what is left must be most of it.
    return kept if sum(b.tokens for b in kept) >= 0.5 * sum(b.tokens for b in paragraphs) else paragraphs


def headline_anchored(seg: Segmented, regions: PageRegions, meta: dict[str, str], url: str | None,
                       generic: Reading) -> Reading | None:
    """An article without prose (a table, a track list, a gallery's captions): no running text, but a
    headline agreeing with <title>, then a meta line with a byline or a labelled date, then the lines.
    List pages have headings too, but no byline under them."""
    if generic.kind not in (PageKind.LIST, PageKind.OTHER) or generic.kind_note.confidence >= STRONG:
        return None
    _, title_index, _ = find_title(seg, regions, meta, -1)
    blocks = seg.blocks
    if title_index >= 0:
        following = [b for b in blocks[title_index + 1 : title_index + 4] if b.tokens][:2]
        meta_line = next((b for b in following if b.link_density < 0.5 and is_meta_line(b)
                          and _states_byline(b.text)), None)
    else:  # the headline only in <title>: the page's one strong byline, with its date, anchors the text
        meta_line = next((b for b in blocks if b.tokens <= 40 and b.index not in regions.listed_blocks
                          and b.link_density < 0.5 and _strong_byline(b.text)), None)
    if meta_line is None:
        return None
    el = meta_line.owner
    for _ in range(5):
        end = seg.span[el][1]
        lines = [b for b in blocks[meta_line.index + 1 : end]
                 if b.index not in regions.listed_blocks and b.index not in regions.teaser_blocks]
        if sum(1 for b in lines if b.tokens and not b.is_link_only) >= 3 or seg.parent.get(el) is None:
            break
        el = seg.parent[el]
    body = body_in(seg, regions, el)
    body.blocks = [b for b in body.blocks if b.index > meta_line.index]
    if not body.blocks:
        return None
    reading = read(seg, regions, meta, url, body, None, prose_only=False)
    tokens = sum(b.tokens for b in reading.paragraphs)
    if tokens < MIN_SLOT_TOKENS or (reading.kind_note.confidence >= STRONG and reading.kind is not PageKind.ARTICLE):
        return None
    reading.kind, reading.kind_note = PageKind.ARTICLE, FieldNote(
        0.7, f"a headline, a byline, then {len(reading.paragraphs)} lines ({tokens} tokens) without prose")
    return reading


def _strong_byline(text: str) -> bool:
    return any(hit.field == "contributor" and hit.strength >= 8 for hit in find_bylines(text)) \
        and bool(find_dates(normalize_date_text(text)))


def _states_byline(text: str) -> bool:
    return bool(find_bylines(text)) or bool(_DATE_LABEL.search(text))


def introduced_list(paragraphs: list[Block], regions: PageRegions) -> tuple[PageKind, FieldNote] | None:
    """A special-topic (专题) or channel page: a short introduction above a list of articles, and no
    date anywhere: an article states when it was published."""
    prose = sum(b.tokens for b in paragraphs if b.punct)
    items = sum(len(lst.items) for lst in regions.lists if lst.kind in ("teaser", "list"))
    items += len(regions.teaser_blocks) // 2
    if prose < 150 and items >= 3:
        return PageKind.LIST, FieldNote(0.9, f"an introduction of {prose} tokens above {items} listed articles, "
                                             "and no date")
    return None


