"""Choose the page's publication date and byline among all the candidates on it.

Both live in the "meta line" between headline and body, or in the lines just after the
body; the same words elsewhere (a teaser's date, a name in the prose) are not bylines.
Candidates are scored by where they stand, and the winner carries its reason.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .blocks import Block, Segmented
from .byline import (
    BylineHit,
    find_bylines,
    forum_poster,
    name_beside_date,
    name_under_headline,
    trailing_signature,
)
from .dates import (
    PUBLISHED_META,
    YearClues,
    find_dates,
    keyword_before,
    normalize_date_text,
    parse_meta_date,
    resolve_date,
)
from .lexicon import COPYRIGHT
from .model import ExtractContext, FieldNote
from .regions import PageRegions


@dataclass
class DateChoice:
    value: dt.date | dt.datetime | None
    source: str | None
    note: FieldNote
    index: int = -1  # the block it was read from (-1: a <meta> tag, or none)


@dataclass(frozen=True)
class Layout:
    """Where the parts of the article stand, as block indices.

    The meta zone runs from the headline to the first line of running prose: the meta line
    (date, byline, source) is in it whether the template puts it inside the body container
    or outside.
    """

    zone_start: int
    zone_end: int  # first prose line of the body
    body_first: int
    body_last: int
    last_prose: int

    @classmethod
    def of(cls, title_index: int, body: list[Block]) -> Layout:
        if not body:
            return cls(-1, -1, -1, -1, -1)
        prose = [b.index for b in body if is_prose(b)] or [body[0].index]
        start = title_index if 0 <= title_index <= prose[0] else max(0, min(body[0].index, prose[0]) - 8)
        return cls(start, prose[0], body[0].index, body[-1].index, prose[-1])

    def in_zone(self, index: int) -> bool:
        return self.zone_start <= index < self.zone_end


def is_prose(block: Block) -> bool:
    return block.tokens >= 20 and block.punct >= 2 and not is_meta_line(block)


def is_meta_line(block: Block) -> bool:
    """A short line stating a date or a byline: the meta line, not article text."""
    if block.tokens > 40:
        return False
    return bool(find_dates(normalize_date_text(block.text)) or find_bylines(block.text))


def _candidate_score(block: Block, match, text: str, layout: Layout, regions: PageRegions,
                     label_before: bool, meta_span: tuple[int, int] | None) -> float:
    i = block.index
    score = 1.0
    if meta_span and meta_span[0] <= i < meta_span[1]:
        score += 5.0  # where this template's pages print their date
    if block.tokens <= 60:
        score += 2.0
    else:
        score -= 3.0
    if keyword_before(text, match.start) or (match.start == 0 and label_before):
        score += 3.0
    if match.has_time:
        score += 1.0
    if match.year:
        score += 1.0
    if i in regions.listed_blocks or i in regions.teaser_blocks or block.link_density > 0.5:
        score -= 5.0
    if layout.body_first >= 0:
        if layout.in_zone(i):
            score += 4.0
        elif layout.body_last < i <= layout.body_last + 6:
            score += 1.5
        elif layout.body_first <= i <= layout.body_last and block.tokens > 60:
            score -= 2.0
        score -= 0.02 * min(abs(i - layout.zone_end), 200)
    return score


def choose_date(seg: Segmented, regions: PageRegions, meta: dict[str, str], layout: Layout,
                url: str | None, context: ExtractContext, meta_span: tuple[int, int] | None = None) -> DateChoice:
    now = context.fetched_at
    candidates = []  # (score, match, block index)
    page_years: list[tuple[int, int]] = []  # (distance to body, year) of full dates in plain lines
    # The publication date stands near the article; far-away blocks (sidebars, footers) can
    # only lose on distance, so they are not scanned at all.
    window = seg.blocks[max(0, layout.zone_start - 30) : layout.last_prose + 40] if layout.zone_end >= 0 \
        else seg.blocks
    if meta_span and not (window and window[0].index <= meta_span[0] and meta_span[1] <= window[-1].index + 1):
        window = [*seg.blocks[meta_span[0] : meta_span[1]], *window]
    for block in window:
        if not _MAY_HOLD_DATE.search(block.text):
            continue
        # "发布日期：" in one table cell and the date in the next
        previous = seg.blocks[block.index - 1].text if block.index else ""
        label_before = len(previous) <= 12 and keyword_before(previous, len(previous))
        text = normalize_date_text(block.text)
        if COPYRIGHT.search(text) and block.tokens < 80:
            continue
        for match in find_dates(text):
            score = _candidate_score(block, match, text, layout, regions, label_before, meta_span)
            candidates.append((score, match, block.index))
            if match.year and block.index not in regions.listed_blocks:
                page_years.append((abs(block.index - max(layout.zone_end, 0)), match.year))
    for key in PUBLISHED_META:
        if key in meta:
            parsed = parse_meta_date(meta[key])
            if parsed and (now is None or parsed <= now + dt.timedelta(days=1)):
                text_best = max(candidates, key=lambda c: c[0], default=None)
                # A meta tag wins unless the meta line states a full date of its own.
                if text_best is None or text_best[0] < 7 or not text_best[1].year:
                    return DateChoice(parsed, f"meta:{key}", FieldNote(0.9, f"<meta {key}>"))
                break

    candidates.sort(key=lambda c: -c[0])
    page_years.sort()
    clues = YearClues(url=url, list_dates=context.list_dates, page_years=tuple(y for _, y in page_years[:3]),
                      last_modified=context.last_modified, fetched_at=now,
                      extracted_at=None if now else dt.datetime.now())
    for score, match, index in candidates[:5]:
        if score < 1.0:
            break
        resolved = resolve_date(match, clues)
        if resolved is None:
            continue
        value, clue = resolved
        where = "meta-line" if layout.in_zone(index) else "after-body" if index > layout.body_last else "page"
        if match.relative:
            reason = "relative to fetch time" if now else "relative to extraction time (fetch time unknown)"
            return DateChoice(value, f"text:{where}+relative", FieldNote(0.7 if now else 0.3, reason), index)
        source = f"text:{where}" + (f"+year:{clue}" if clue else "")
        confidence = min(0.95, 0.4 + score / 20) * (0.8 if clue else 1.0)
        reason = f"date in the {where}" + (f", year from {clue}" if clue else "")
        return DateChoice(value, source, FieldNote(round(confidence, 2), reason), index)
    if candidates:
        return DateChoice(None, None, FieldNote(0.0, "dates on the page, none in a publication position"))
    return DateChoice(None, None, FieldNote(0.0, "no date on the page"))


_MAY_HOLD_DATE = re.compile(r"\d|[天刚月年]")
_LABEL_ONLY = re.compile(r"\S{1,8}\s*[:：]")


@dataclass
class Bylines:
    contributor: str | None
    source: str | None
    editor: str | None
    notes: dict[str, FieldNote]


def choose_bylines(seg: Segmented, regions: PageRegions, meta: dict[str, str], layout: Layout,
                   body: list[Block], meta_span: tuple[int, int] | None = None) -> Bylines:
    blocks = seg.blocks
    lines: list[tuple[int, Block]] = []  # (position bonus, block)
    if meta_span:  # where this template's pages print their byline
        lines.extend((4, b) for b in blocks[meta_span[0] : meta_span[1]][:20])
    if layout.zone_start >= 0:
        lines.extend((3, b) for b in blocks[layout.zone_start : layout.zone_end])
        lines.extend((2, b) for b in body[:2])
        lines.extend((2, b) for b in body[-3:])
        lines.extend((1, b) for b in blocks[layout.last_prose + 1 : layout.last_prose + 10])
    best: dict[str, tuple[int, BylineHit]] = {}
    for bonus, block in lines:
        if block.index in regions.listed_blocks or block.tokens > 400:
            continue
        text = block.text
        # "发文机关：" in one table cell and the name in the next
        if _LABEL_ONLY.fullmatch(text) and block.index + 1 < len(blocks):
            text = f"{text} {blocks[block.index + 1].text}"
        for hit in find_bylines(text):
            rank = hit.strength * 10 + bonus
            if hit.field not in best or rank > best[hit.field][0]:
                best[hit.field] = (rank, hit)
    notes: dict[str, FieldNote] = {}
    values: dict[str, str | None] = {}
    for field in ("contributor", "source", "editor"):
        if field in best:
            rank, hit = best[field]
            values[field] = hit.name
            notes[field] = FieldNote(round(min(0.95, rank / 100), 2), f"byline '{hit.rule}'")
        else:
            values[field] = None
    if values["contributor"] is None and layout.zone_start >= 0:
        named = name_under_headline(blocks[layout.zone_start : layout.zone_end])
        if named:
            values["contributor"] = named
            notes["contributor"] = FieldNote(0.5, "bare name on the line under the headline")
    if values["contributor"] is None and layout.zone_start >= 0:
        link_texts = {text for b in blocks for text, _ in b.links if text}
        zone = blocks[layout.zone_start : layout.zone_end]
        if meta_span:
            zone = [*blocks[meta_span[0] : meta_span[1]][:10], *zone]
        for block in zone:
            named = name_beside_date(block.text, link_texts) if block.tokens <= 40 else None
            if named:
                values["contributor"] = named
                notes["contributor"] = FieldNote(0.5, "bare name beside the date on the meta line")
                break
    if values["contributor"] is None and layout.zone_start >= 0:
        poster = forum_poster([b.text for b in blocks[max(0, layout.zone_start - 30) : layout.zone_end]])
        if poster:
            values["contributor"] = poster
            notes["contributor"] = FieldNote(0.5, "the first post's author, above their forum stats")
    if values["contributor"] is None and body:
        signed = trailing_signature(body[-1].text)
        if signed:
            values["contributor"] = signed
            notes["contributor"] = FieldNote(0.5, "name in brackets closing the body")
    meta_author = meta.get("author", "")
    if values["contributor"] is None and 1 < len(meta_author) <= 20 and sum(c.isdigit() for c in meta_author) < 3:
        values["contributor"] = meta_author
        notes["contributor"] = FieldNote(0.4, "<meta name=author>")
    for field in ("contributor", "source", "editor"):
        notes.setdefault(field, FieldNote(0.0, "no byline found"))
    return Bylines(values["contributor"], values["source"], values["editor"], notes)
