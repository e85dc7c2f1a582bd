"""Stand-in files the test sites serve so that no stylesheet, script or picture link is dead."""

from __future__ import annotations

import re
import struct
import zlib

from ..model import Resource

# A 1x1 PNG, as bytes written out once.
PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108020000009077"
    "53de0000000c4944415408d763f8cfc0000003010100c9fe92ef0000000049454e44ae426082"
)
# A 1x1 GIF.
GIF_1PX = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,"
    b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
# Local theme files and uploads a page links (src/href to a path ending .css, .js, .png, .jpg or .gif).
ASSET = re.compile(r'(?:src|href)="(/[^"?#]+\.(?:css|js|png|jpg|gif))"')


def png(scanline: bytes) -> bytes:
    """A 1x1 PNG built from one filtered scanline (filter byte + RGB), so sites can vary its bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(scanline))
        + chunk(b"IEND", b"")
    )


def add_asset_stubs(pages: dict[str, Resource], encoding: str, stubs: dict[str, tuple[bytes, str]]) -> None:
    """Serve a stub for every local asset the pages link and nothing serves yet: ``stubs`` by file
    extension (body, content type), a 1x1 GIF for pictures."""
    for res in list(pages.values()):
        for path in ASSET.findall(res.body.decode(encoding, "ignore")):
            if path not in pages:
                pages[path] = Resource(*stubs.get(path.rsplit(".", 1)[1], (GIF_1PX, "image/gif")))
