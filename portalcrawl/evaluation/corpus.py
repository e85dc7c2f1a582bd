"""Labelled pages in the manifest format of the shared corpus.

A corpus is a manifest in JSON lines: `manifest.jsonl` in a folder, or any `.jsonl` file (a
truth file kept in a project, pointing at pages elsewhere), one JSON object per line:

    {"id": "...", "path": "<folder of the page, relative to the manifest>",
     "url": "http://... or null", "title": "... or null", "date": "YYYY-MM-DD or null",
     "author": "... or null", "body": "main text, one paragraph per line"}

and each page's bytes, exactly as fetched, in `<path>/page.html` (`path` is relative to the
manifest's folder). Optional keys: `site` (the unit of leave-one-site-out figures; by default the
registrable domain of the page's URL or of its canonical link), `kind` ("article" or "list": a
list page must not come out as an article), `lang`. Fields that are null are not scored.

A page may carry snippet truth instead of a whole body (as trafilatura's evaluation does, and as
users label their own pages because it is cheap): `"body": null` with `"body_must_include"`, the
passages the extracted text must contain, and `"body_must_exclude"`, the ones it must not.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

# Second-level labels under which registries sell names (example.com.cn, example.co.uk).
_GENERIC_SECOND_LEVEL = frozenset({"com", "net", "org", "edu", "gov", "co", "ac", "or", "ne", "go", "gob"})
_PAGE_URL = re.compile(rb"""<link[^>]+rel=["']canonical["'][^>]*href=["'](https?://[^"']+)|"""
                       rb"""<meta[^>]+property=["']og:url["'][^>]*content=["'](https?://[^"']+)|"""
                       rb"""^\s*<text id=["'](https?://[^"']+)""", re.I)


class CorpusError(ValueError):
    """A corpus that cannot be read, with the file and line at fault."""


@dataclass(frozen=True)
class LabelledPage:
    id: str
    html: bytes
    url: str | None
    title: str | None
    date: str | None
    author: str | None
    body: str | None  # the whole expected text, or None for a page with snippet truth or a list page
    must_include: tuple[str, ...] = ()
    must_exclude: tuple[str, ...] = ()
    lang: str | None = None
    site: str = ""
    kind: str | None = None  # "article" or "list" when the truth says which

    @property
    def encoding_family(self) -> str:
        """"utf-8" when the bytes are valid UTF-8, else "gbk" (the corpus' other family)."""
        try:
            self.html.decode("utf-8")
        except UnicodeDecodeError:
            return "gbk"
        return "utf-8"


def registrable_domain(host: str) -> str:
    """news.example.com.cn and www.example.com.cn -> example.com.cn: one site, one fold."""
    labels = host.lower().rstrip(".").split(".")
    if len(labels) > 2 and len(labels[-1]) == 2 and labels[-2] in _GENERIC_SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _site_of(record: dict, html: bytes) -> str:
    if record.get("site"):
        return str(record["site"])
    url = record.get("url")
    if not url:
        found = _PAGE_URL.search(html[:20000])
        url = next((g.decode("ascii", "replace") for g in found.groups() if g), None) if found else None
    host = urlsplit(url).hostname if url else None
    return registrable_domain(host) if host else f"page:{record['id']}"


def manifest_of(corpus: str | Path) -> Path:
    path = Path(corpus)
    return path / "manifest.jsonl" if path.is_dir() else path


def load_corpus(corpus: str | Path) -> list[LabelledPage]:
    manifest = manifest_of(corpus)
    folder = manifest.parent
    if not manifest.is_file():
        raise CorpusError(f"{manifest}: no such file (a corpus is a folder holding manifest.jsonl, or a .jsonl file)")
    pages = []
    for number, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusError(f"{manifest}:{number}: not JSON ({exc.msg})") from exc
        missing = [key for key in ("id", "path") if not record.get(key)]
        if not record.get("body") and not record.get("body_must_include") and record.get("kind") != "list":
            missing.append("body (or body_must_include)")
        if missing:
            raise CorpusError(f"{manifest}:{number}: missing {', '.join(missing)}")
        page_file = folder / record["path"] / "page.html"
        if not page_file.is_file():
            raise CorpusError(f"{manifest}:{number}: {page_file} not found")
        html = page_file.read_bytes()
        pages.append(LabelledPage(
            id=record["id"], html=html, url=record.get("url"), title=record.get("title"),
            date=record.get("date"), author=record.get("author"), body=record.get("body") or None,
            must_include=tuple(record.get("body_must_include") or ()),
            must_exclude=tuple(record.get("body_must_exclude") or ()), lang=record.get("lang"),
            site=_site_of(record, html), kind=record.get("kind"),
        ))
    if not pages:
        raise CorpusError(f"{manifest}: no pages")
    return pages
