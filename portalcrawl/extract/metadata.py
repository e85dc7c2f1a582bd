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
    account_before_follow,
    find_bylines,
    forum_poster,
    name_beside_date,
    name_under_headline,
    trailing_signature,
)
from .byline_forms import PHOTO, BylineHit, rank_hit, stacked_reporters
from .dates import (
    MODIFIED_META,
    PUBLISHED_META,
    DateMatch,
    YearClues,
    date_from_url,
    date_label,
    find_dates,
    normalize_date_text,
    parse_meta_date,
    resolve_date,
    to_datetime,
)
from .lexicon import AUTHOR_URL, COPYRIGHT
from .model import ExtractContext, FieldNote
from .regions import PageRegions
from .title import site_name, title_segments


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
        prose = [b.index for b in body if is_prose(b)] \
            or [b.index for b in body if b.punct and b.tokens >= 8 and not is_meta_line(b)] or [body[0].index]
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
    cjk_page = any(_HAN.search(b.text) for b in prose)
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


_HAN = re.compile(r"[\u4e00-\u9fff]")
_DOMAIN = re.compile(r"\.(?:com|net|org|cn|gov|edu|info|cc|co)\b", re.I)  # "CSDN.NET": the site, not its writer


def _names_the_site(name: str, meta: dict[str, str]) -> bool:
    """<meta name=author> set to the site's own name ("网易" on a page titled "标题_网易新闻")."""
    return any(name in part for part in (site_name(meta) or "", *title_segments(meta.get("title", ""))[1:]))


_MAY_HOLD_DATE = re.compile(r"\d|[天刚月年]")
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
    """The site's own name, as its <meta> tags and the end of its <title> give it."""
    names = {meta[k] for k in ("og:site_name", "application-name", "sitename", "site_name") if meta.get(k)}
    segments = title_segments(meta.get("title", ""))
    if len(segments) > 1:
        names.add(segments[-1].strip())
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
