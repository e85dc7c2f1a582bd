"""Bytes to text for pages whose charset declaration cannot be trusted.

Chinese portals are mostly GBK/GB2312; many declare no charset, some declare the wrong
one, and old pages carry a few invalid byte sequences. We follow what browsers do
(BOM, then HTTP header, then <meta>; GB2312 and GBK decoded as their superset GB18030),
but check the declared charset against the bytes, and fall back to detection by a
library (charset-normalizer) when the declaration is missing or clearly wrong.
"""

from __future__ import annotations

import codecs

import charset_normalizer
from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
)

# A declared charset is believed while at most this share of the decoded characters are
# U+FFFD: a handful of stray bytes in an old GBK page must not send us to a detector.
_MAX_BAD_SHARE = 0.002
_CHINESE_CANONICAL = {"gb18030", "big5", "big5hkscs", "cp950"}


def _canonical(name: str | None) -> str | None:
    """Normalise an encoding name, widening the GB family to GB18030 as browsers do."""
    if not name:
        return None
    resolved = resolve_encoding(name)
    if not resolved:
        return None
    try:
        resolved = codecs.lookup(resolved).name
    except LookupError:
        return None
    if resolved in {"gb2312", "gbk", "cp936", "euc_cn", "hz"}:
        return "gb18030"
    return resolved


def _decoded(data: bytes, encoding: str) -> tuple[str, float]:
    """The text, and the share of it that is U+FFFD (bytes the encoding could not read)."""
    text = data.decode(encoding, errors="replace")
    return text, (text.count("\ufffd") / len(text) if text else 0.0)


def _bad_share(data: bytes, encoding: str) -> float:
    return _decoded(data, encoding)[1]


_CANDIDATES = ["gb18030", "big5", "cp950", "utf_8", "cp1252"]
_SINGLE_BYTE = {"cp1252", "latin_1", "iso8859-1", "ascii"} | {f"iso8859-{n}" for n in range(2, 17)}


_LOW_BYTES = bytes(range(0x80))
_BELOW_LEAD = bytes(range(0xC0))  # ASCII and UTF-8 continuation bytes: what a multi-byte lead is not


def _count_high(sample: bytes, below: bytes = _LOW_BYTES) -> int:
    """Bytes of the sample not in `below` (counted in C: bytes.translate deletes the rest)."""
    return len(sample.translate(None, below))


def _mostly_high_bytes(data: bytes) -> bool:
    sample = data[:65536]
    return _count_high(sample) > 0.05 * max(len(sample), 1)


def _is_utf8(data: bytes) -> bool:
    """Valid UTF-8 with enough multi-byte characters for that to be no accident."""
    if not _mostly_high_bytes(data) and _count_high(data[:65536], _BELOW_LEAD) < 20:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _strict(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _cjk_guess(data: bytes) -> str | None:
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if _strict(data, "gb18030") and not _strict(data, "big5") and _mostly_high_bytes(data):
        # GBK pairs with a trail byte of 0x80-0xA0 are no Big5: bytes valid in GB18030 only are GB.
        return "gb18030"
    # Only the Chinese answers are used (and cp1252, so that a Western page is not forced into one):
    # asking about these alone is some 15 times faster than about every codec.
    best = charset_normalizer.from_bytes(data[:200_000], cp_isolation=_CANDIDATES).best()
    guessed = _canonical(best.encoding) if best else None
    return guessed if guessed in _CHINESE_CANONICAL else None


def _detect(data: bytes) -> str:
    """Pick an encoding for bytes with no usable declaration.

    GB18030 accepts almost any byte pair, so a clean GB18030 decode proves little (Big5 text
    decodes "cleanly" too); charset-normalizer's coherence check is asked first.
    """
    guessed = _cjk_guess(data)
    sample = data[:200_000]  # what the codecs are compared on: decoding a big page thrice costs more than it tells
    if guessed and _bad_share(sample, guessed) <= _MAX_BAD_SHARE:
        return guessed
    candidates = [c for c in (guessed, "gb18030", "utf-8", "big5") if c]
    return min(candidates, key=lambda enc: _bad_share(sample, enc))


def decode_html(data: bytes | str, content_type: str | None = None) -> tuple[str, str]:
    """Return (text, encoding used). Never raises on bad bytes: they become U+FFFD."""
    if isinstance(data, str):
        return data, "unicode"
    bom_encoding, bom = read_bom(data)
    if bom_encoding:
        return data[len(bom) :].decode(bom_encoding, errors="replace"), _canonical(bom_encoding) or "utf-8"
    for declared in (http_content_type_encoding(content_type) if content_type else None,
                     html_body_declared_encoding(data)):
        encoding = _canonical(declared)
        if encoding in _SINGLE_BYTE and _mostly_high_bytes(data):
            # Old servers label everything ISO-8859-1; a single-byte codec decodes any bytes,
            # so only a detector can tell that these are really GBK or UTF-8.
            encoding = _cjk_guess(data) or encoding
        if encoding in _CHINESE_CANONICAL and _is_utf8(data):
            # A page saved as UTF-8 keeps its old GB/Big5 <meta>; GB18030 would decode it "cleanly" into
            # nonsense. GB and Big5 text of any length is practically never valid UTF-8.
            encoding = "utf-8"
        if encoding:
            text, bad = _decoded(data, encoding)
            if bad <= _MAX_BAD_SHARE:
                return text, encoding
    encoding = _detect(data)
    return data.decode(encoding, errors="replace"), encoding


_CONTROL_BYTES = bytes(range(0, 9)) + bytes(range(14, 32))


def looks_binary(data: bytes | str) -> bool:
    """Bytes that are no text in any encoding (images, archives served as text/html).

    Text never carries many control bytes; GB18030 would otherwise turn noise into Han characters.
    """
    if isinstance(data, str):
        return False
    sample = data[:8192]
    if not sample:
        return False
    controls = sum(sample.count(b) for b in _CONTROL_BYTES)
    return controls > 0.02 * len(sample)
