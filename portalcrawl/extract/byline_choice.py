"""Choose the page's contributor, source and editor among the bylines on it.

Bylines live in the meta line under the headline, at the body's edges, or just after the body;
the same words elsewhere (a name in the prose, a teaser's author) are not bylines. Each candidate
is ranked by its form and its place, and the winner carries its reason in the field's note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .blocks import Block, Segmented
from .byline import (
    account_before_follow,
    find_bylines,
    forum_poster,
    name_beside_date,
    name_under_headline,
    trailing_signature,
)
from .byline_forms import PHOTO, BylineHit, rank_hit, stacked_reporters
from .lexicon import AUTHOR_URL
from .metadata import Layout
from .model import FieldNote
from .regions import PageRegions
from .title import title_segments

_DOMAIN = re.compile(r"\.(?:com|net|org|cn|gov|edu|info|cc|co)\b", re.I)  # "CSDN.NET": the site, not its writer


def _names_the_site(name: str, meta: dict[str, str]) -> bool:
    """<meta name=author> set to the site's own name ("网易" on a page titled "标题_网易新闻")."""
    return any(name in part for part in _site_names(meta))


_LABEL_ONLY = re.compile(r"\S{1,8}\s*[:：]")


@dataclass
class Bylines:
    contributor: str | None
    source: str | None
    editor: str | None
    notes: dict[str, FieldNote]


def _byline_lines(blocks: list[Block], layout: Layout, body: list[Block],
                  meta_span: tuple[int, int] | None) -> list[tuple[int, Block]]:
    """The lines a byline may stand on, each with its place's bonus: the template's meta slot, the
    meta zone under the headline, the body's first and last lines (and the lines the body left out
    between them: a byline line is not prose), and the lines just after the body."""
    lines: list[tuple[int, Block]] = []
    if meta_span:
        lines.extend((4, b) for b in blocks[meta_span[0] : meta_span[1]][:20])
    if layout.zone_start >= 0 and body:
        lines.extend((3, b) for b in blocks[layout.zone_start : layout.zone_end])
        head = body[:2]
        lines.extend((2, b) for b in blocks[head[0].index : head[-1].index + 1][:8])
        # A short line a little further down: the byline under a summary box ("划重点" … "作者 X").
        lines.extend((1, b) for b in body[2:6] if b.tokens <= 20)
        tail = body[-3:]
        lines.extend((2, b) for b in blocks[tail[0].index : tail[-1].index + 1][-12:])
        lines.extend((1, b) for b in blocks[layout.last_prose + 1 : layout.last_prose + 10])
    return lines


def _is_photo_credit(found: list[tuple[tuple[int, ...], int, BylineHit]]) -> bool:
    """The page's contributor would only be whoever took its pictures: a writer's signature wins."""
    writers = [hit for _, _, hit in found if hit.field == "contributor"]
    return bool(writers) and all(hit.tier == PHOTO for hit in writers)


def _site_names(meta: dict[str, str]) -> set[str]:
    """The site's own names: its <meta> tags, and what its <title> adds after the headline (the
    column and the site, "标题_社会新闻_某某新闻网")."""
    names = {meta[k] for k in ("og:site_name", "application-name", "sitename", "site_name") if meta.get(k)}
    names.update(part.strip() for part in title_segments(meta.get("title", ""))[1:] if part.strip())
    return names


def _not_names(blocks: list[Block], meta: dict[str, str]) -> set[str]:
    """Texts that stand where a bare name could but are not one: links (columns, sites) and the
    site's own name. A link to a person's page (/user/…, /author/…) names a person: that text stays."""
    names = {text for b in blocks for text, href in b.links if text and not AUTHOR_URL.search(href)}
    return names | _site_names(meta)


def choose_bylines(seg: Segmented, regions: PageRegions, meta: dict[str, str], layout: Layout,
                   body: list[Block], meta_span: tuple[int, int] | None = None) -> Bylines:
    blocks = seg.blocks
    found: list[tuple[tuple[int, ...], int, BylineHit]] = []  # (rank, block index, hit)
    for bonus, block in _byline_lines(blocks, layout, body, meta_span):
        if block.index in regions.listed_blocks or block.tokens > 400:
            continue
        text = block.text
        # "发文机关：" in one table cell and the name in the next
        if _LABEL_ONLY.fullmatch(text) and block.index + 1 < len(blocks):
            text = f"{text} {blocks[block.index + 1].text}"
        found.extend((rank_hit(hit, bonus), block.index, hit) for hit in find_bylines(text))
    notes: dict[str, FieldNote] = {}
    values: dict[str, str | None] = {}
    roles: dict[str, str] = {}
    for field in ("contributor", "source", "editor"):
        mine = [f for f in found if f[2].field == field]
        if not mine:
            values[field] = None
            continue
        best = max(mine, key=lambda f: f[0])  # the first of equals: the upper line
        hit = best[2]
        values[field] = stacked_reporters(mine, best) if field == "contributor" else hit.name
        roles[field] = hit.role
        bonus = best[0][-1]
        notes[field] = FieldNote(round(min(0.95, (hit.strength * 10 + bonus) / 100), 2), f"byline '{hit.rule}'")
    if values["contributor"] is None and layout.zone_start >= 0:
        not_names = _not_names(blocks, meta)
        zone = blocks[layout.zone_start : layout.zone_end]
        named = name_under_headline(zone, not_names)
        if named:
            values["contributor"] = named
            notes["contributor"] = FieldNote(0.5, "bare name on the line under the headline")
        elif account := account_before_follow(zone, _site_names(meta)):
            values["contributor"] = account
            notes["contributor"] = FieldNote(0.5, "the publishing account, beside its follow button")
        if meta_span:
            zone = [*blocks[meta_span[0] : meta_span[1]][:10], *zone]
        for block in zone if values["contributor"] is None else ():
            named = name_beside_date(block.text, not_names) if block.tokens <= 40 else None
            if named:
                values["contributor"] = named
                notes["contributor"] = FieldNote(0.5, "bare name beside the date on the meta line")
                break
    if values["contributor"] is None and layout.zone_start >= 0:
        poster = forum_poster([b.text for b in blocks[max(0, layout.zone_start - 30) : layout.zone_end]])
        if poster:
            values["contributor"] = poster
            notes["contributor"] = FieldNote(0.5, "the first post's author, above their forum stats")
    photo_only = values["contributor"] is not None and notes["contributor"].reason.startswith("byline") \
        and _is_photo_credit(found)
    if (values["contributor"] is None or photo_only) and body:
        signed = trailing_signature(body[-1].text)
        if signed:
            values["contributor"] = signed
            notes["contributor"] = FieldNote(0.5, "name in brackets closing the body")
    meta_author = meta.get("author", "")
    if values["contributor"] is None and 1 < len(meta_author) <= 20 and sum(c.isdigit() for c in meta_author) < 3 \
            and meta_author not in (values["editor"], values["source"]) and not _DOMAIN.search(meta_author) \
            and not _names_the_site(meta_author, meta):
        values["contributor"] = meta_author
        notes["contributor"] = FieldNote(0.4, "<meta name=author>")
    if values["contributor"] is None and values["editor"]:
        role = roles.get("editor") or "编辑"
        notes["contributor"] = FieldNote(0.0, f"no author on the page; only an editor ({role}) is named")
    for field in ("contributor", "source", "editor"):
        notes.setdefault(field, FieldNote(0.0, "no byline found"))
    return Bylines(values["contributor"], values["source"], values["editor"], notes)
