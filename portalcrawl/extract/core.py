"""extract_article: the public entry point, composing the extraction steps."""

from __future__ import annotations

from .blocks import segment
from .body import find_body
from .decode import decode_html, looks_binary
from .dom import clean_tree, feed_links, head_metadata, parse_html
from .kind import classify_page
from .links import absolute, breadcrumb_category, collect_links
from .metadata import Layout, choose_bylines, choose_date, is_meta_line
from .model import Article, ExtractContext, FieldNote, PageKind
from .regions import find_regions
from .title import find_title, site_name


def extract_article(
    html: bytes | str, url: str | None = None, context: ExtractContext | None = None
) -> Article:
    """Separate the article on one page from its navigation, teasers, friend links and footer.

    A pure function: the same bytes, URL and context always give the same Article. It never
    raises on bad input; an unparseable page comes back as kind EMPTY.
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
    body = find_body(seg, regions)
    title, title_index, title_note = find_title(seg, regions, meta, body.first_index)
    paragraphs = [b for b in body.blocks if b.index != title_index and b.text != title]
    layout = Layout.of(title_index, paragraphs)
    # Date and byline lines between the headline and the first paragraph are the meta line.
    paragraphs = [b for b in paragraphs if not (layout.in_zone(b.index) and is_meta_line(b))]
    # After the last paragraph of prose, short unpunctuated lines are widgets ("分享让更多人看到").
    paragraphs = [b for b in paragraphs if b.index <= layout.last_prose or b.punct or b.tokens > 15]
    kind, kind_note = classify_page(url, title, paragraphs, regions, sum(b.tokens for b in seg.blocks),
                                    sum(len(b.links) for b in seg.blocks))
    date = choose_date(seg, regions, meta, layout, url, context)
    bylines = choose_bylines(seg, regions, meta, layout, paragraphs)
    links = collect_links(seg, regions, paragraphs, url or "", kind is PageKind.ARTICLE,
                          title_index if title_index >= 0 else layout.zone_start)
    notes = {"kind": kind_note, "title": title_note, "published": date.note, **bylines.notes}
    body_note = FieldNote(round(min(1.0, body.score / 300), 2), f"{len(paragraphs)} paragraphs") if paragraphs \
        else FieldNote(0.0, "no running text found")
    notes["body"] = body_note
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
        notes=notes,
    )
