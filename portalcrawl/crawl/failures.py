"""Why a request got no page: the reason a failed fetch is counted and recorded under.

Our middlewares refuse a request with an IgnoreRequest whose message begins with its reason. Those
of REFUSED were never sent: the middleware counted them, and no page is recorded for them.
"""

from __future__ import annotations

REFUSED = ("page_cap", "offsite_request", "non_public_address")


def failure_reason(error: BaseException) -> tuple[str, str]:
    """(the skip reason: "robots", one of REFUSED, "incomplete_body", "undecodable_body", "too_large",
    "header_flood" or "network_<ExceptionType>"; the error's message)."""
    message = str(error) or type(error).__name__
    if "robots.txt" in message or "Forbidden by robots" in message:
        return "robots", message
    for reason in ("incomplete_body", "undecodable_body", "too_large", *REFUSED):
        if message.startswith(reason):
            return reason, message
    if "header_flood" in message:  # wrapped by Twisted in a ResponseFailed
        return "header_flood", "more header bytes than PORTALCRAWL_MAX_HEADER_BYTES"
    lowered = message.lower()
    if "maxsize" in lowered or "max size" in lowered or "larger than download" in lowered:
        return "too_large", message
    return f"network_{type(error).__name__}", message
