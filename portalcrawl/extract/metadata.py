"""Where the parts of an article stand, and its publication date among all the dates on the page.

The date lives in the "meta line" between headline and body (or a publication <meta> tag); a
teaser's date, a date in the prose or the footer's copyright year is not it. Candidates are
scored by where they stand, and the winner carries its reason. Bylines are chosen the same
way, in byline_choice.py.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from .blocks import Block, Segmented
from .byline_forms import find_bylines
from .date_year import YearClues, date_from_url, resolve_date
from .dates import (
    MODIFIED_META,
    PUBLISHED_META,
    DateMatch,
    date_label,
    find_dates,
    normalize_date_text,
    parse_meta_date,
    to_datetime,
)
from .lexicon import COPYRIGHT
from .model import ExtractContext, FieldNote
from .regions import PageRegions
from .text import HAN


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
        # Prose broken into lines (<br> under every line of a blog post, verse) has no long line: its
        # punctuated lines are the prose then.
        def loose(b: Block) -> bool:
            return b.punct > 0 and b.tokens >= 8 and not is_meta_line(b)

        ends = _first_and_last(body, is_prose) or _first_and_last(body, loose) or (body[0].index, body[0].index)
        start = title_index if 0 <= title_index <= ends[0] else max(0, min(body[0].index, ends[0]) - 8)
        return cls(start, ends[0], body[0].index, body[-1].index, ends[1])

    def in_zone(self, index: int) -> bool:
        return self.zone_start <= index < self.zone_end


def _first_and_last(blocks: list[Block], test: Callable[[Block], bool]) -> tuple[int, int] | None:
    """Indices of the first and the last block passing the test (tried from each end: a long body
    is not tested line by line)."""
    first = next((b.index for b in blocks if test(b)), None)
    if first is None:
        return None
    return first, next(b.index for b in reversed(blocks) if test(b))


def is_prose(block: Block) -> bool:
    return block.tokens >= 20 and block.punct >= 2 and not is_meta_line(block)


def is_meta_line(block: Block) -> bool:
    """A short line stating a date or a byline: the meta line, not article text."""
    if block.tokens > 40:
        return False
    return bool(find_dates(normalize_date_text(block.text)) or find_bylines(block.text))


def _candidate_score(block: Block, match, text: str, layout: Layout, regions: PageRegions,
                     label_before: str | None, meta_span: tuple[int, int] | None, cjk_page: bool) -> float:
    i = block.index
    # A Chinese page prints its own date in its own form; "September 10th, 2005" there comes from
    # a stock English theme's widgets (archives, comments) as often as from the post.
    score = -1.0 if match.english and cjk_page else 1.0
    if meta_span and meta_span[0] <= i < meta_span[1]:
        score += 5.0  # where this template's pages print their date
    if block.tokens <= 60:
        score += 2.0
    else:
        score -= 3.0
    label = date_label(text, match.start) or (label_before if match.start == 0 else None)
    if label == "published":
        score += 3.0
    elif label == "modified":  # 更新时间 / Updated: a date of the page, ranked below its publication
        score += 1.0
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
    prose = seg.blocks[layout.zone_end : layout.zone_end + 3] if layout.zone_end >= 0 else []
    cjk_page = any(HAN.search(b.text) for b in prose)
    for block in window:
        if not _MAY_HOLD_DATE.search(block.text):
            continue
        # "发布日期：" in one table cell and the date in the next
        previous = seg.blocks[block.index - 1].text if block.index else ""
        label_before = date_label(previous, len(previous)) if len(previous) <= 12 else None
        text = normalize_date_text(block.text)
        if COPYRIGHT.search(text) and block.tokens < 80:
            continue
        for match in find_dates(text):
            score = _candidate_score(block, match, text, layout, regions, label_before, meta_span, cjk_page)
            candidates.append((score, match, block.index))
            if match.year and block.index not in regions.listed_blocks:
                page_years.append((abs(block.index - max(layout.zone_end, 0)), match.year))
    for key in PUBLISHED_META:
        if key in meta:
            parsed = parse_meta_date(meta[key])
            if parsed and (now is None or parsed <= now + dt.timedelta(days=1)):
                text_best = max(candidates, key=lambda c: c[0], default=None)
                # A meta tag wins unless the meta line states a full date of its own (in a month's
                # name, only a labelled one: "October 11, 2023" is as likely a photo's caption).
                if text_best is None or text_best[0] < 7 or not text_best[1].year \
                        or (text_best[1].english and not date_label(
                            normalize_date_text(seg.blocks[text_best[2]].text), text_best[1].start)):
                    return DateChoice(parsed, f"meta:{key}", FieldNote(0.9, f"<meta {key}>"))
                break

    candidates.sort(key=lambda c: -c[0])
    page_years.sort()
    modified = next((parsed for key in MODIFIED_META if key in meta and (parsed := parse_meta_date(meta[key]))), None)
    clues = YearClues(url=url, list_dates=context.list_dates, page_years=tuple(y for _, y in page_years[:3]),
                      last_modified=context.last_modified or modified, fetched_at=now,
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
    in_url = date_from_url(url)
    if in_url and in_url[2]:  # /2023/0317/, /20230317/, /2023-03-17/: none in the text stood where it counts
        value = to_datetime(DateMatch(0, 0, "", *in_url))
        if value and (now is None or value <= now):
            return DateChoice(value.date(), "url", FieldNote(0.5, "no date on the page; the date in its URL"))
    if modified is not None and (now is None or modified <= now + dt.timedelta(days=1)):
        return DateChoice(modified, "meta:modified", FieldNote(0.5, "no publication date on the page; its last "
                                                                    "change, from <meta>"))
    if candidates:
        return DateChoice(None, None, FieldNote(0.0, "dates on the page, none in a publication position"))
    return DateChoice(None, None, FieldNote(0.0, "no date on the page"))


_MAY_HOLD_DATE = re.compile(r"\d|[天刚月年]")
