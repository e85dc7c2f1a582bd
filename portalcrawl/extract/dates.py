"""Find the publication date of a page and turn it into a real date.

Locating comes first: a page carries many dates (teasers, comments, the footer's
copyright year, dates inside the prose), and the one that counts is in the meta line
between the headline and the body, or in a publication <meta> tag. The located span is
normalised (Chinese numerals, full-width digits, missing year) and parsed by dateparser.
A month-day without a year gets its year from the strongest clue available (date_year.py).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

import dateparser
import dateparser.date

from .text import per_line

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM = "〇○零一二两三四五六七八九十"
_CN_DATE = re.compile(rf"([{_CN_NUM}]{{2,4}}年)?([{_CN_NUM}]{{1,3}}月)([{_CN_NUM}]{{1,3}}[日号])")

_TIME = (r"(?:[T\s]*(?P<half>上午|下午|晚上|中午|凌晨|早上)?\s*(?P<H>[01]?\d|2[0-3])[:：时](?P<M>[0-5]\d)"
         r"(?:[:：分](?P<S>[0-5]\d))?(?:\s*(?P<ap>[AaPp])\.?[Mm]\.?(?![A-Za-z]))?)?")
FULL_DATE = re.compile(
    r"(?<![\d.])(?P<y>(?:19|20)\d{2})\s*(?:年\s*|(?P<sep>[-/.]))(?P<m>1[0-2]|0?[1-9])\s*(?:月\s*|(?P=sep))"
    r"(?P<d>3[01]|[12]\d|0?[1-9])(?!\d)\s*[日号]?" + _TIME
)
MONTH_DAY = re.compile(
    r"(?<![\d年./-])(?P<m>1[0-2]|0?[1-9])\s*月\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*[日号]" + _TIME
    + r"|(?<![\d./-])(?P<m2>1[0-2]|0[1-9])-(?P<d2>3[01]|[12]\d|0[1-9])\s+(?P<H2>[01]?\d|2[0-3]):(?P<M2>[0-5]\d)"
)
RELATIVE = re.compile(
    r"(?:(?:\d+|[一两二三四五六七八九十几半]+)\s*(?:秒|分钟|小时|个小时|天|日|周|星期|个月|月|年)\s*前|刚刚|"
    r"(?:今天|昨天|前天)(?:\s*\d{1,2}[:：]\d{2})?)"
)
# Relative forms whose precision is a day or coarser ("3天前", "昨天", "2周前"; not "昨天 10:20").
DAY_GRANULAR = re.compile(r"(天|日|周|星期|月|年)\s*前|^(今天|昨天|前天)$")
# English forms: "March 17, 2023", "Sat, Mar. 17th, 2023 10:56 am", "17 March 2023".
_MONTHS = {m: n for n, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
    ("november", "nov"), ("december", "dec")), start=1) for m in names}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY = r"(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
ENGLISH_DATE = re.compile(
    rf"(?<![a-z])(?P<mon>{_MONTH_NAMES})\.?\s+{_DAY},?\s+(?P<y>(?:19|20)\d{{2}})(?!\d)"
    r"(?:,?\s*(?:at\s+)?(?P<H>[01]?\d|2[0-3]):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?(?:\s*(?P<ap>[ap])\.?m\.?(?![a-z]))?)?"
    rf"|(?<![\d.])(?P<d2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{_MONTH_NAMES})\.?,?\s+"
    r"(?P<y2>(?:19|20)\d{2})(?!\d)",
    re.I,
)
_LATIN = re.compile(r"[A-Za-z]{3}")
_KEYWORD = re.compile(
    r"(发布|发表|时间|日期|更新|刊发|出版|上传|投稿|posted|published|updated|date)\s*[于:：]?\s*(?:on\s*)?$", re.I)
# A label of the last change: its date ranks below a publication date on the same page.
_MODIFIED = re.compile(
    r"(更新|修改|修订|编辑于|最后编辑|updated|modified|last\s+edited)\s*(?:时间|日期|于)?\s*[于:：]?\s*(?:on\s*)?$",
    re.I)
_SETTINGS = {"DATE_ORDER": "YMD", "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DATES_FROM": "past"}

# <meta> keys that name the last change of a page: the publication date's year when only a month and day
# are printed, or the date itself when none is printed.
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dateupdate", "dateupdated",
                 "last-modified", "lastmod", "dc.date.modified", "dcterms.modified", "modified_time")
# <meta> keys that name a publication time, strongest first.
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished", "datecreated",
    "publishdate", "publish_date", "pubdate", "publishtime", "publish-date", "dc.date.issued",
    "dc.date", "dcterms.created", "sailthru.date", "article:created", "createdate", "time[datetime]",
    "firstpublishedtime", "article:published", "published_time", "publication_date", "publish_time",
    "pub_date", "release_date", "dc.date.created", "citation_publication_date", "parsely-pub-date",
    "og:pubdate", "date",
)


def _cn_number(text: str) -> int:
    """二〇二三 -> 2023 (digit by digit); 十七 -> 17, 二十 -> 20, 三十一 -> 31."""
    if "十" not in text:
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


_COMPATIBILITY = re.compile("[\u2460-\u24ff\u3000\u3200-\u33ff\uff00-\uffef]")
_LABELLED_SHORT_YEAR = re.compile(
    r"(?P<label>(?:发布|发表|更新)(?:时间|日期|于)\s*[:：]?\s*)(?P<yy>\d{2})-(?P<md>(?:1[0-2]|0[1-9])-(?:3[01]|[12]\d|0[1-9]))(?!\d)")
_GLUED_TIME = re.compile(r"(?<=\d[-/.](?:3[01]|[12]\d|0[1-9]))(?=(?:[01]\d|2[0-3]):[0-5]\d(?!\d))")


@per_line  # the date, the bylines and the body's edges look at the same lines
def normalize_date_text(text: str) -> str:
    """Full-width digits to ASCII, Chinese-numeral dates to Arabic ones."""
    if _COMPATIBILITY.search(text):  # full-width digits and colons; most lines hold none
        text = unicodedata.normalize("NFKC", text)

    def arabic(m: re.Match[str]) -> str:
        parts = [p for p in m.groups() if p]
        try:
            return "".join(f"{_cn_number(p[:-1])}{p[-1]}" for p in parts)
        except (KeyError, ValueError):
            return m.group(0)

    text = _CN_DATE.sub(arabic, text) if any(c in text for c in "年月") else text
    if "-" in text:
        # "发布时间：18-03-08": a two-digit year after a publication label; "10-0812:00": the day and the time
        # of two adjacent inline elements, run together.
        text = _GLUED_TIME.sub(" ", text)
        text = _LABELLED_SHORT_YEAR.sub(r"\g<label>20\g<yy>-\g<md>", text)
    return text


@dataclass(frozen=True)
class DateMatch:
    """A date span found in a text, with what it states."""

    start: int
    end: int
    text: str
    year: int | None
    month: int | None
    day: int | None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    relative: bool = False
    english: bool = False  # "March 17, 2023": a month's name, not a number

    @property
    def has_time(self) -> bool:
        return self.hour is not None


def find_dates(text: str) -> list[DateMatch]:
    """Every date span in a (normalised) text: full dates, month-days, relative forms."""
    return list(_dates_in(text))


@per_line
def _dates_in(text: str) -> tuple[DateMatch, ...]:
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def num(m: re.Match[str], *names: str) -> int | None:
        for name in names:
            value = m.group(name)
            if value is not None:
                return int(value)
        return None

    for m in FULL_DATE.finditer(text):
        taken.append(m.span())
        found.append(DateMatch(m.start(), m.end(), m.group(0).strip(), int(m["y"]), int(m["m"]), int(m["d"]),
                               _hour(m), num(m, "M"), num(m, "S")))
    if _LATIN.search(text):
        for m in ENGLISH_DATE.finditer(text):
            if free(*m.span()):
                taken.append(m.span())
                month = _MONTHS[(m["mon"] or m["mon2"]).lower()]
                found.append(DateMatch(m.start(), m.end(), m.group(0).strip(), int(m["y"] or m["y2"]), month,
                                       int(m["d"] or m["d2"]), _hour(m), num(m, "M"), num(m, "S"), english=True))
    for m in MONTH_DAY.finditer(text):
        if free(*m.span()):
            taken.append(m.span())
            found.append(DateMatch(m.start(), m.end(), m.group(0).strip(), None, num(m, "m", "m2"),
                                   num(m, "d", "d2"), _hour(m) if m["H"] else num(m, "H2"), num(m, "M", "M2"),
                                   num(m, "S")))
    for m in RELATIVE.finditer(text):
        if free(*m.span()):
            found.append(DateMatch(m.start(), m.end(), m.group(0).strip(), None, None, None, relative=True))
    found.sort(key=lambda d: d.start)
    return tuple(found)


def _hour(m: re.Match[str]) -> int | None:
    """The hour on a 24-hour clock: "3:20 pm", "下午3:20" are 15:20; "12:05 am" is 00:05."""
    if m["H"] is None:
        return None
    hour = int(m["H"])
    groups = m.re.groupindex
    ap = (m["ap"] or "").lower() if "ap" in groups else ""
    half = m["half"] if "half" in groups else None
    if (ap == "p" or half in ("下午", "晚上") or (half == "中午" and hour < 11)) and hour < 12:
        hour += 12
    elif (ap == "a" or half == "凌晨") and hour == 12:
        hour = 0
    return hour


def valid_date(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def to_datetime(match: DateMatch, year: int | None = None, base: dt.datetime | None = None) -> dt.datetime | None:
    """A located span as a datetime (relative spans through dateparser, against ``base``)."""
    if match.relative:
        if base is None:
            return None
        settings = {**_SETTINGS, "RELATIVE_BASE": base}
        return dateparser.parse(match.text, languages=["zh", "en"], settings=settings)
    year = match.year or year
    if year is None or match.month is None or match.day is None or not valid_date(year, match.month, match.day):
        return None
    # Every part is read already: dateparser is for what only it can read (relative forms).
    hour, minute, second = (match.hour or 0, match.minute or 0, match.second or 0) if match.has_time else (0, 0, 0)
    if not (hour < 24 and minute < 60 and second < 60):
        return None
    return dt.datetime(year, match.month, match.day, hour, minute, second)


def date_label(text: str, start: int) -> str | None:
    """What the label before a date says: "published" (发布时间, 发表于, 日期, Posted), "modified"
    (更新时间, 最后修改, Updated: the page's last change, not its publication), or None."""
    before = text[max(0, start - 14) : start]
    if _MODIFIED.search(before):
        return "modified"
    return "published" if _KEYWORD.search(before) else None


def parse_meta_date(value: str) -> dt.datetime | None:
    """A <meta> publication value (ISO 8601 mostly, sometimes Chinese)."""
    matches = [m for m in find_dates(normalize_date_text(value)) if m.year]
    if not matches:
        return None
    return to_datetime(matches[0])
