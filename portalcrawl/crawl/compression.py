"""Decompression that is bounded and strict: a body cut short is an error, never a shorter page.

Scrapy's own gunzip returns whatever a truncated stream yields, so a gzip body cut mid-transfer (its
Content-Length matching the cut bytes) became an archived article ending mid-sentence, which a
harvest then never fetched again. Here the stream must reach its end; the output is capped at the
crawl's DOWNLOAD_MAXSIZE and produced a chunk at a time, so a small "bomb" (1 MB on the wire, 1 GiB
inside) costs at most the cap. Used for Content-Encoding (the middleware below) and for sitemaps
served as .xml.gz files.
"""

from __future__ import annotations

import zlib
from typing import Any

from scrapy import Request, Spider
from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

CHUNK = 64 * 1024


class BadBody(ValueError):
    """A compressed body that cannot be used: cut short, not what it claims to be, or too large."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason  # the skip reason: incomplete_body, undecodable_body, too_large


def _drain(decompressor: Any, data: bytes, max_size: int, out: list[bytes], size: int) -> int:
    """Feed data through, a chunk of output at a time; the total size so far."""
    while data:
        chunk = decompressor.decompress(data, CHUNK)
        size += len(chunk)
        if max_size and size > max_size:
            raise BadBody("too_large", f"more than {max_size} bytes once decompressed")
        out.append(chunk)
        data = decompressor.unconsumed_tail
        if decompressor.eof:
            break
    return size


def decompress(data: bytes, encoding: str, max_size: int) -> bytes:
    """gzip (every member) or deflate (zlib-wrapped or raw), whole and within ``max_size``."""
    out: list[bytes] = []
    size = 0
    try:
        if encoding in ("gzip", "x-gzip"):
            while data:
                decompressor = zlib.decompressobj(zlib.MAX_WBITS | 16)
                size = _drain(decompressor, data, max_size, out, size)
                if not decompressor.eof:
                    raise BadBody("incomplete_body", "the gzip stream ends before its end")
                data = decompressor.unused_data.lstrip(b"\0")  # concatenated members; padding
        else:
            decompressor = zlib.decompressobj()
            try:
                size = _drain(decompressor, data, max_size, out, size)
            except zlib.error:  # raw deflate, as some servers send it
                out, decompressor = [], zlib.decompressobj(-zlib.MAX_WBITS)
                size = _drain(decompressor, data, max_size, out, 0)
            if not decompressor.eof:
                raise BadBody("incomplete_body", "the deflate stream ends before its end")
    except zlib.error as exc:
        raise BadBody("undecodable_body", f"not {encoding} data ({exc})") from None
    return b"".join(out)


class StrictHttpCompressionMiddleware(HttpCompressionMiddleware):
    """Scrapy's HttpCompressionMiddleware, with gzip and deflate decoded by ``decompress``; a bad body
    is an ignored response (a counted skip and a fetch-error page), not a page."""

    @staticmethod
    def _decode(body: bytes, encoding: bytes, max_size: int) -> bytes:
        name = encoding.decode("latin-1").strip().lower()
        if name in ("gzip", "x-gzip", "deflate"):
            return decompress(body, name, max_size)
        return HttpCompressionMiddleware._decode(body, encoding, max_size)

    def process_response(self, request: Request, response: Response, spider: Spider | None = None) -> Any:
        try:
            return super().process_response(request, response)
        except BadBody as exc:
            raise IgnoreRequest(f"{exc.reason}: {response.url}: {exc}") from None
