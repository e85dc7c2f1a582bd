"""URL helpers shared by the spider and the CLI: the site of a URL, and normalization.

Normalization keeps the frontier finite: fragments go, and so do session ids and
tracking parameters, which otherwise turn one page into thousands of URLs.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import SplitResult, unquote, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

# Query parameters that never change what a portal page shows.
NOISE_PARAMS = (
    "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "from", "spm", "share_token",
    "sid", "phpsessid", "jsessionid", "aspsessionid", "sessionid", "session_id", "_t", "timestamp", "rand",
)
_NOISE = frozenset(NOISE_PARAMS)
_PATH_SESSION = re.compile(r";jsessionid=[^?#/]*", re.I)
# The directory index a server answers for "dir/": "dir/index.html" is the same page.
_INDEX_FILE = re.compile(r"/(?:index|default)\.(?:s?html?|php|aspx?|jsp)$", re.I)


def _parts(url: str) -> SplitResult | None:
    """The URL's parts; None for what no client could fetch (a broken IPv6 host, a port out of range)."""
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises for a port out of range
    except ValueError:
        return None
    return parts


@functools.lru_cache(maxsize=16384)
def site_of(url: str) -> str:
    """scheme://host[:port] - the unit a crawl stays within ("" for a URL that is none). Never the
    user name or password a URL may carry: they must not reach the archive."""
    parts = _parts(url)
    if parts is None:
        return ""
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}".lower()


@functools.lru_cache(maxsize=16384)
def normalize_url(url: str) -> str:
    """Memoised: every page of a portal links the same nav, tag and footer URLs."""
    parts = _parts(url)
    if parts is None:
        return url.partition("#")[0]  # kept as written: its site is "", so nothing follows it
    if "@" in parts.netloc:  # credentials are never requested, stored or logged
        url = urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))
    url = _PATH_SESSION.sub("", url)
    return canonicalize_url(_without_noise(url), keep_fragments=False)


def _without_noise(url: str) -> str:
    """The URL without its tracking and session parameters, in any case ("Utm_Source"); the other
    parameters keep their bytes (a GBK query's escapes stay as they are)."""
    base, _, query = url.partition("#")[0].partition("?")
    if not query:
        return base
    kept = [pair for pair in query.split("&") if pair and unquote(pair.split("=", 1)[0]).lower() not in _NOISE]
    return f"{base}?{'&'.join(kept)}" if kept else base


def dedupe_key(url: str) -> str:
    """The form two URLs of one page share, for "fetched already?" only: the URL requested and
    stored stays the one the page linked (a server may answer only that one)."""
    url = normalize_url(url)
    if "?" in url:
        return url
    return _INDEX_FILE.sub("/", url)
