"""What a start URL must be: http(s), a host, a valid port, and no user name or password in it.

Checked before anything is fetched or recorded (by `crawl`, the portals file and the spider), so
a mistyped URL is one line of explanation, never a traceback or a run left marked "running", and
credentials never reach the archive or a log.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def start_url_problem(url: str) -> str | None:
    """Why this cannot be a start URL (None when it can)."""
    try:
        parts = urlsplit(url)
        port = parts.port  # raises for a port out of range or not a number
        host = parts.hostname
    except ValueError as exc:
        return f"not a valid URL ({exc})"
    if parts.scheme not in ("http", "https"):
        return "not an http(s) URL"
    if not host:
        return "no host"
    if parts.username is not None or parts.password is not None:
        return ("a user name or password in the URL (they would be stored and logged in clear text; "
                "portalcrawl crawls public pages)")
    if port == 0:
        return "port 0"
    if any(c.isspace() for c in url):
        return "a space in the URL (write it as %20)"
    return None
