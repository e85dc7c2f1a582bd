"""The year of a month-day date ("3月17日", "03-17 10:20"), and a located date resolved to a value.

Portals print dates without a year on recent pages. The year comes from the strongest clue at
hand, in this order: the page's URL, the list page that linked it, other full dates near the meta
line, the page's last change (HTTP Last-Modified or a modified <meta>), the fetch time. The record
says which clue gave it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import DAY_GRANULAR, DateMatch, to_datetime, valid_date

_URL_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})[-/_]?(?P<m>1[0-2]|0[1-9])[-/_]?(?P<d>3[01]|[12]\d|0[1-9])(?!\d)"
    r"|/(?P<y2>(?:19|20)\d{2})/(?P<md>(?:1[0-2]|0[1-9])(?:3[01]|[12]\d|0[1-9]))/"
    r"|/(?P<y3>(?:19|20)\d{2})[-/_]?(?P<m3>1[0-2]|0[1-9])/(?!(?:3[01]|[12]\d|0[1-9])(?!\d))"  # not /2023/03/17/
)


def date_from_url(url: str | None) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) printed in a URL path such as /a/2015/0804/ or /2005-03-21/."""
    if not url:
        return None
    path = url.split("?", 1)[0]
    m = _URL_DATE.search(path)
    if not m:
        return None
    if m["y"]:
        return int(m["y"]), int(m["m"]), int(m["d"])
    if m["y2"]:
        return int(m["y2"]), int(m["md"][:2]), int(m["md"][2:])
    return int(m["y3"]), int(m["m3"]), None


@dataclass(frozen=True)
class YearClues:
    """What can tell the year of a month-day date, strongest first."""

    url: str | None = None
    list_dates: tuple[dt.date, ...] = ()
    page_years: tuple[int, ...] = ()  # years of other full dates near the meta line
    last_modified: dt.datetime | None = None
    fetched_at: dt.datetime | None = None
    extracted_at: dt.datetime | None = None  # last resort when the fetch time is unknown


def infer_year(month: int, day: int, clues: YearClues) -> tuple[int, str] | None:
    """The year of a month-day date and the clue that gave it."""
    from_url = date_from_url(clues.url)
    if from_url and from_url[1] in (None, month):
        return from_url[0], "url"
    for listed in clues.list_dates:
        if (listed.month, listed.day) == (month, day):
            return listed.year, "list-page"
    if clues.list_dates:
        return clues.list_dates[0].year, "list-page"
    if from_url:
        return from_url[0], "url"
    if clues.page_years:
        return clues.page_years[0], "page"
    for reference, name in ((clues.last_modified, "last-modified"), (clues.fetched_at, "fetch-time"),
                            (clues.extracted_at, "extraction-time")):
        if reference is not None:
            year = reference.year
            # A month-day later than the reference cannot be from the reference's year.
            if (month, day) > (reference.month, reference.day):
                year -= 1
            if valid_date(year, month, day):
                return year, name
    return None


def resolve_date(match: DateMatch, clues: YearClues) -> tuple[dt.date | dt.datetime, str | None] | None:
    """A located span as a value, and the clue that gave its year (None when it printed one).

    Relative forms are resolved against the fetch time (else the extraction time); a form as
    precise as a day ("3天前", "昨天") gives a date, one with a time of day a datetime.
    """
    now = clues.fetched_at or clues.extracted_at
    if match.relative:
        parsed = to_datetime(match, base=now)
        if parsed is None:
            return None
        return (parsed.date() if DAY_GRANULAR.search(match.text) else parsed), None
    clue = None
    year = match.year
    if year is None:
        if match.month is None or match.day is None:
            return None
        inferred = infer_year(match.month, match.day, clues)
        if inferred is None:
            return None
        year, clue = inferred
    parsed = to_datetime(match, year)
    if parsed is None or (now is not None and parsed > now + dt.timedelta(days=1)):
        return None  # a publication date is never in the future
    return (parsed if match.has_time else parsed.date()), clue
