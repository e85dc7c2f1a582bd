"""Why a request got no page: the reason a failed fetch is counted and recorded under."""

from __future__ import annotations


def failure_reason(error: BaseException) -> tuple[str, str]:
    """(the skip reason: "robots", "page_cap", "incomplete_body", "undecodable_body", "too_large" or
    "network_<ExceptionType>"; the error's message)."""
    message = str(error) or type(error).__name__
    if "robots.txt" in message or "Forbidden by robots" in message:
        return "robots", message
    for reason in ("incomplete_body", "undecodable_body", "too_large", "page_cap"):
        if message.startswith(reason):
            return reason, message
    if "header_flood" in message:  # wrapped by Twisted in a ResponseFailed
        return "header_flood", "more header bytes than PORTALCRAWL_MAX_HEADER_BYTES"
    lowered = message.lower()
    if "maxsize" in lowered or "max size" in lowered or "larger than download" in lowered:
        return "too_large", message
    return f"network_{type(error).__name__}", message
