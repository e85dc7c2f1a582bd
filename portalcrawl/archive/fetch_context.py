"""What the crawler knew when it fetched a page, as the extractor's context.

One place builds it, for the live crawl, for `portalcrawl extract URL` and for re-extraction
from the archive alike (which stores what it is built from), so a relative date ("3天前") always
counts from the fetch, in the portal's time, never from the day or the zone of re-extraction.
"""

from __future__ import annotations

import datetime as dt
import email.utils
from zoneinfo import ZoneInfo

from ..extract import ExtractContext
from ..extract.template import Template

DEFAULT_TIMEZONE = "Asia/Shanghai"


def http_time(value: str | None) -> dt.datetime | None:
    """An HTTP date header as an aware datetime (None when absent or unreadable)."""
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def fetch_context(fetched: dt.datetime, last_modified: str | None, content_type: str | None,
                  list_dates: tuple[dt.date, ...] = (), timezone: str = DEFAULT_TIMEZONE,
                  templates: tuple[Template, ...] = (), list_page: bool = False) -> ExtractContext:
    """Times in the portal's local time, as its pages print them."""
    tz = ZoneInfo(timezone)
    modified = http_time(last_modified)
    return ExtractContext(
        fetched_at=fetched.astimezone(tz).replace(tzinfo=None),
        last_modified=modified.astimezone(tz).replace(tzinfo=None) if modified else None,
        content_type=content_type,
        list_dates=list_dates,
        templates=templates,
        list_page=list_page,
    )
