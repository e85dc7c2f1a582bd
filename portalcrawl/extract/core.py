"""extract_article: the public entry point, composing the extraction steps."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import lxml.html

from .blocks import Block, Segmented, segment
from .body import BodyResult, body_in, find_body
from .byline import find_bylines
from .dates import find_dates, normalize_date_text
from .decode import decode_html, looks_binary
from .dom import clean_tree, feed_links, head_metadata, parse_html
from .kind import STRONG, classify_page, is_excerpt
from .links import absolute, breadcrumb_category, collect_links
from .metadata import Layout, choose_bylines, choose_date, is_meta_line
from .model import Article, ExtractContext, FieldNote, PageKind
from .regions import PageRegions, find_regions
from .skeleton import ElementPaths, skeleton
from .template import PageEvidence, Template, match, strip_affixes
from .text import ELLIPSIS
from .title import find_title, site_name, squash

MAX_EVIDENCE_LINES = 400
_DATE_LABEL = re.compile(r"(?:发布|发表|更新|添加|上传)(?:时间|日期|于)|时间[:：]|日期[:：]")
_MIN_SLOT_TOKENS = 10  # an article template's slot holding less than this is not an article


@dataclass
class _Reading:
    """One reading of the page's main text: its body, headline, paragraphs and kind."""

    body: BodyResult
    title: str | None
    title_index: int
    title_note: FieldNote
    paragraphs: list[Block]
    layout: Layout
    kind: PageKind
    kind_note: FieldNote


def _read(seg: Segmented, regions: PageRegions, meta: dict[str, str], url: str | None, body: BodyResult,
          template: Template | None, prose_only: bool = True, list_page: bool = False) -> _Reading:
    title, title_index, title_note = find_title(seg, regions, meta, body.first_index)
    if template is not None and title_index >= 0 and _is_site_name(title, template):
        title, title_index = None, -1  # the logo's heading, which <title> repeats as its site name
    if template is not None and title_index < 0 and meta.get("title"):
        learned = strip_affixes(meta["title"], template)
        # The generic reading may have cut the <title> further already (several separators).
        if learned != meta["title"] and not (title and title in learned):
            title, title_note = learned, FieldNote(0.7, "<title> without the site name its template adds")
    paragraphs = [b for b in body.blocks if b.index != title_index and b.text != title]
    layout = Layout.of(title_index, paragraphs)
    # Date and byline lines between the headline and the first paragraph are the meta line.
    paragraphs = _without_meta_lines(paragraphs, layout, title_index)
    if template is None and prose_only:
        # After the last paragraph of prose, short unpunctuated lines are widgets ("分享让更多人看到").
        paragraphs = [b for b in paragraphs if b.index <= layout.last_prose or b.punct or b.tokens > 15]
    elif template is not None:
        # The template knows its widgets: lines its pages repeat. Short lines of a table, a track
        # list or a gallery's captions are the article.
        paragraphs = [b for b in paragraphs if b.text not in template.boilerplate]
    paragraphs = _without_lead_echo(paragraphs)
    container = seg.blocks[slice(*seg.span[body.container])] if body.container is not None else []
    kind, kind_note = classify_page(url, title, paragraphs, regions, sum(b.tokens for b in seg.blocks),
                                    sum(len(b.links) for b in seg.blocks), container, list_page)
    if kind is PageKind.ARTICLE:
        paragraphs = _without_trailing_teasers(paragraphs)
    return _Reading(body, title, title_index, title_note, paragraphs, layout, kind, kind_note)


def _without_meta_lines(paragraphs: list[Block], layout: Layout, title_index: int) -> list[Block]:
    """Drop what stands above the headline, and the meta line under it: the first one or two date or
    byline lines. Three or more dated lines in a row are the article (a schedule, a tour's dates)."""
    above = [b for b in paragraphs if b.index < title_index]
    if above and len(above) <= 3 and all(b.tokens <= 25 and b.punct <= 1 for b in above):
        paragraphs = paragraphs[len(above):]  # a breadcrumb or a label above the headline
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


def _headline_anchored(seg: Segmented, regions: PageRegions, meta: dict[str, str], url: str | None,
                       generic: _Reading) -> _Reading | None:
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
    reading = _read(seg, regions, meta, url, body, None, prose_only=False)
    tokens = sum(b.tokens for b in reading.paragraphs)
    if tokens < _MIN_SLOT_TOKENS or (reading.kind_note.confidence >= STRONG and reading.kind is not PageKind.ARTICLE):
        return None
    reading.kind, reading.kind_note = PageKind.ARTICLE, FieldNote(
        0.7, f"a headline, a byline, then {len(reading.paragraphs)} lines ({tokens} tokens) without prose")
    return reading


def _strong_byline(text: str) -> bool:
    return any(hit.field == "contributor" and hit.strength >= 8 for hit in find_bylines(text)) \
        and bool(find_dates(normalize_date_text(text)))


def _states_byline(text: str) -> bool:
    return bool(find_bylines(text)) or bool(_DATE_LABEL.search(text))


def _introduced_list(paragraphs: list[Block], regions: PageRegions) -> tuple[PageKind, FieldNote] | None:
    """A special-topic (专题) or channel page: a short introduction above a list of articles, and no
    date anywhere: an article states when it was published."""
    prose = sum(b.tokens for b in paragraphs if b.punct)
    items = sum(len(lst.items) for lst in regions.lists if lst.kind in ("teaser", "list"))
    items += len(regions.teaser_blocks) // 2
    if prose < 150 and items >= 3:
        return PageKind.LIST, FieldNote(0.9, f"an introduction of {prose} tokens above {items} listed articles, "
                                             "and no date")
    return None


def _slot(seg: Segmented, paths: ElementPaths, path: str | None) -> lxml.html.HtmlElement | None:
    """The element at a template's path (the first that holds a fair share of the text, if several)."""
    if not path:
        return None
    found = paths.find(path)
    sizes = [sum(b.tokens for b in seg.blocks[slice(*seg.span[el])]) for el in found]
    # Several elements on the path (a thread's posts, numbered floors): the first one that holds a fair
    # share of the text is the article; later ones are replies.
    return next((el for el, size in zip(found, sizes, strict=True) if size * 3 >= max(sizes)), None)


def _with_template(seg: Segmented, regions: PageRegions, meta: dict[str, str], url: str | None,
                   paths: ElementPaths, template: Template, generic: _Reading,
                   list_page: bool = False) -> _Reading:
    slot = _slot(seg, paths, template.content_path)
    reading = replace(generic)  # a copy: the generic reading stays the page's own evidence
    if slot is not None:
        body = body_in(seg, regions, slot)
        if body.blocks:
            reading = _read(seg, regions, meta, url, body, template, list_page=list_page)
    elif template.boilerplate or template.title_prefix or template.title_suffix:
        reading = _read(seg, regions, meta, url, generic.body, template, list_page=list_page)
    if template.kind is None:  # a template of articles and lists alike: the page's own evidence decides
        reading.kind, reading.kind_note = generic.kind, generic.kind_note
    tokens = sum(b.tokens for b in reading.paragraphs)
    if template.kind == "article" and reading.kind in (PageKind.LIST, PageKind.OTHER) \
            and reading.kind_note.confidence < STRONG and slot is not None and tokens >= _MIN_SLOT_TOKENS:
        reading.kind, reading.kind_note = PageKind.ARTICLE, FieldNote(
            0.8, f"article template; its content slot holds {tokens} tokens")
    elif template.kind == "list" and reading.kind is PageKind.ARTICLE:
        reading.kind, reading.kind_note = PageKind.LIST, FieldNote(0.8, "list template")
    return reading


def extract_article(
    html: bytes | str, url: str | None = None, context: ExtractContext | None = None
) -> Article:
    """Separate the article on one page from its navigation, teasers, friend links and footer.

    A pure function: the same bytes, URL and context always give the same Article. It never
    raises on bad input; an unparseable page comes back as kind EMPTY. With the learned
    templates of the page's site in the context, the page's template decides what the page
    alone leaves open (see template.py).
    """
    context = context or ExtractContext()
    if looks_binary(html):
        return Article(url=url, kind=PageKind.OTHER, notes={"kind": FieldNote(1.0, "binary content, not text")})
    text, encoding = decode_html(html, context.content_type)
    root = parse_html(text)
    if root is None:
        return Article(url=url, kind=PageKind.EMPTY, encoding=encoding,
                       notes={"kind": FieldNote(1.0, "nothing to parse")})
    meta = head_metadata(root)
    feeds = [u for href in feed_links(root) if (u := absolute(url or "", href))]
    clean_tree(root)
    seg = segment(root)
    regions = find_regions(seg, url or "")
    paths = ElementPaths(seg)
    page_skeleton = skeleton(seg, paths)
    generic = _read(seg, regions, meta, url, find_body(seg, regions), None, list_page=context.list_page)
    generic = _headline_anchored(seg, regions, meta, url, generic) or generic
    template = match(page_skeleton, context.templates) if context.templates else None
    reading = _with_template(seg, regions, meta, url, paths, template, generic, context.list_page) if template \
        else generic
    meta_slot = _slot(seg, paths, template.meta_path) if template else None
    meta_span = seg.span[meta_slot] if meta_slot is not None else None
    title, title_index, paragraphs, layout, kind = (reading.title, reading.title_index, reading.paragraphs,
                                                    reading.layout, reading.kind)
    date = choose_date(seg, regions, meta, layout, url, context, meta_span)
    kind_note = reading.kind_note
    if kind is PageKind.ARTICLE and date.value is None and not (template and template.kind == "article"):
        kind, kind_note = _introduced_list(paragraphs, regions) or (kind, kind_note)
    bylines = choose_bylines(seg, regions, meta, layout, paragraphs, meta_span)
    links = collect_links(seg, regions, paragraphs, url or "", kind is PageKind.ARTICLE,
                          title_index if title_index >= 0 else layout.zone_start)
    notes = {"kind": kind_note, "title": reading.title_note, "published": date.note, **bylines.notes}
    body_note = FieldNote(round(min(1.0, reading.body.score / 300), 2), f"{len(paragraphs)} paragraphs") \
        if paragraphs else FieldNote(0.0, "no running text found")
    notes["body"] = body_note
    if template is not None:
        notes["template"] = FieldNote(1.0, f"{template.template_id} ({template.kind or 'mixed'} template, "
                                           f"{template.pages} pages)")
    evidence = _evidence(seg, paths, page_skeleton, generic, date.index, meta, template)
    canonical = absolute(url or "", meta["canonical"]) if meta.get("canonical") else None
    return Article(
        url=url,
        kind=kind,
        title=title,
        published=date.value,
        published_source=date.source,
        contributor=bylines.contributor,
        source=bylines.source,
        editor=bylines.editor,
        site_name=site_name(meta),
        category=breadcrumb_category(seg, title_index if title_index >= 0 else layout.zone_start),
        body="\n".join(b.text for b in paragraphs),
        encoding=encoding,
        nav=links.nav,
        teasers=links.teasers,
        friend_links=links.friend_links,
        pagination=links.pagination,
        list_pagination=links.list_pagination,
        body_links=links.body_links,
        feeds=feeds,
        other_links=links.other_links,
        canonical=canonical,
        notes=notes,
        evidence=evidence,
    )


def _common_owner(seg: Segmented, paragraphs: list[Block]) -> lxml.html.HtmlElement | None:
    """The innermost element holding every paragraph of the body: the template's content slot (the
    body's container can be wider, when the best run of its parts starts at the headline)."""
    if not paragraphs:
        return None
    chain = [paragraphs[0].owner]
    while (up := seg.parent.get(chain[-1])) is not None:
        chain.append(up)
    depth = {el: n for n, el in enumerate(chain)}
    deepest = 0
    for block in paragraphs[1:]:
        el = block.owner
        while el is not None and el not in depth:
            el = seg.parent.get(el)
        if el is None:
            return None
        deepest = max(deepest, depth[el])
    return chain[deepest]


def _evidence(seg: Segmented, paths: ElementPaths, page_skeleton: frozenset[str],
              generic: _Reading, date_index: int, meta: dict[str, str], template: Template | None) -> PageEvidence:
    """What the generic reading of the page says, for learning its template (never the template's own
    reading: a template must not vote for itself)."""
    # The lines a template's reading could keep: the body's candidate lines before any widget rule.
    lines = tuple(dict.fromkeys(b.text for b in generic.body.blocks if len(b.text) <= 200))[:MAX_EVIDENCE_LINES]
    meta_path = paths[seg.blocks[date_index].owner] if date_index >= 0 else None
    slot = _common_owner(seg, generic.paragraphs)
    return PageEvidence(
        skeleton=page_skeleton, kind=str(generic.kind), confidence=generic.kind_note.confidence,
        content_path=paths[slot] if slot is not None else None, meta_path=meta_path,
        page_title=meta.get("title", ""), heading=generic.title if generic.title_index >= 0 else None,
        lines=lines, template_id=template.template_id if template else None,
        template_version=template.version if template else None,
    )
