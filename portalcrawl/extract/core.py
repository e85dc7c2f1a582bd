"""extract_article: the public entry point, composing the extraction steps."""

from __future__ import annotations

from dataclasses import replace

import lxml.html

from .blocks import Block, Segmented, segment
from .body import body_in, find_body
from .byline_choice import choose_bylines
from .decode import decode_html, looks_binary
from .dom import clean_tree, feed_links, head_metadata, parse_html
from .kind import STRONG
from .links import absolute, breadcrumb_category, collect_links
from .metadata import choose_date
from .model import Article, ExtractContext, FieldNote, PageKind
from .reading import MIN_SLOT_TOKENS, Reading, headline_anchored, introduced_list, read
from .regions import PageRegions, find_regions
from .skeleton import ElementPaths, skeleton
from .template import PageEvidence, Template, match
from .title import site_name

MAX_EVIDENCE_LINES = 400


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
                   paths: ElementPaths, template: Template, generic: Reading,
                   list_page: bool = False) -> Reading:
    slot = _slot(seg, paths, template.content_path)
    reading = replace(generic)  # a copy: the generic reading stays the page's own evidence
    if slot is not None:
        body = body_in(seg, regions, slot)
        if body.blocks:
            reading = read(seg, regions, meta, url, body, template, list_page=list_page)
    elif template.boilerplate or template.title_prefix or template.title_suffix:
        reading = read(seg, regions, meta, url, generic.body, template, list_page=list_page)
    if template.kind is None:  # a template of articles and lists alike: the page's own evidence decides
        reading.kind, reading.kind_note = generic.kind, generic.kind_note
    tokens = sum(b.tokens for b in reading.paragraphs)
    if template.kind == "article" and reading.kind in (PageKind.LIST, PageKind.OTHER) \
            and reading.kind_note.confidence < STRONG and slot is not None and tokens >= MIN_SLOT_TOKENS:
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
    generic = read(seg, regions, meta, url, find_body(seg, regions), None, list_page=context.list_page)
    generic = headline_anchored(seg, regions, meta, url, generic) or generic
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
        kind, kind_note = introduced_list(paragraphs, regions) or (kind, kind_note)
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
              generic: Reading, date_index: int, meta: dict[str, str], template: Template | None) -> PageEvidence:
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
