"""URL helpers shared by the spider and the CLI: the site of a URL, and normalization.

Normalization keeps the frontier finite: fragments go, and so do session ids and
tracking parameters, which otherwise turn one page into thousands of URLs.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import urlsplit

from w3lib.url import canonicalize_url, url_query_cleaner

# Query parameters that never change what a portal page shows.
NOISE_PARAMS = (
    "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "from", "spm", "share_token",
    "sid", "phpsessid", "jsessionid", "aspsessionid", "sessionid", "session_id", "_t", "timestamp", "rand",
)
_PATH_SESSION = re.compile(r";jsessionid=[^?#/]*", re.I)
# The directory index a server answers for "dir/": "dir/index.html" is the same page.
_INDEX_FILE = re.compile(r"/(?:index|default)\.(?:s?html?|php|aspx?|jsp)$", re.I)


def site_of(url: str) -> str:
    """scheme://host[:port] - the unit a crawl stays within."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


@functools.lru_cache(maxsize=16384)
def normalize_url(url: str) -> str:
    """Memoised: every page of a portal links the same nav, tag and footer URLs."""
    url = _PATH_SESSION.sub("", url)
    cleaned = url_query_cleaner(url, NOISE_PARAMS, remove=True, unique=False, keep_fragments=False)
    lowered = url_query_cleaner(cleaned, [p.upper() for p in NOISE_PARAMS], remove=True, unique=False)
    return canonicalize_url(lowered, keep_fragments=False)


def dedupe_key(url: str) -> str:
    """The form two URLs of one page share, for "fetched already?" only: the URL requested and
    stored stays the one the page linked (a server may answer only that one)."""
    url = normalize_url(url)
    if "?" in url:
        return url
    return _INDEX_FILE.sub("/", url)
