"""Labelled pages in the manifest format of the shared corpus.

A corpus is a folder with `manifest.jsonl`, one JSON object per line:

    {"id": "...", "path": "<folder of the page, relative to the manifest>",
     "url": "http://... or null", "title": "... or null", "date": "YYYY-MM-DD or null",
     "author": "... or null", "body": "main text, one paragraph per line"}

and each page's bytes, exactly as fetched, in `<path>/page.html`. Optional keys are
ignored. Fields that are null are not scored for that page.

A page may carry snippet truth instead of a whole body (as trafilatura's evaluation does, and as
users label their own pages because it is cheap): `"body": null` with `"body_must_include"`, the
passages the extracted text must contain, and `"body_must_exclude"`, the ones it must not.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


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
    body: str | None  # the whole expected text, or None for a page with snippet truth
    must_include: tuple[str, ...] = ()
    must_exclude: tuple[str, ...] = ()
    lang: str | None = None

    @property
    def encoding_family(self) -> str:
        """"utf-8" when the bytes are valid UTF-8, else "gbk" (the corpus' other family)."""
        try:
            self.html.decode("utf-8")
        except UnicodeDecodeError:
            return "gbk"
        return "utf-8"


def load_corpus(folder: str | Path) -> list[LabelledPage]:
    folder = Path(folder)
    manifest = folder / "manifest.jsonl"
    if not manifest.is_file():
        raise CorpusError(f"{manifest}: no such file (a corpus folder holds manifest.jsonl)")
    pages = []
    for number, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusError(f"{manifest}:{number}: not JSON ({exc.msg})") from exc
        missing = [key for key in ("id", "path") if not record.get(key)]
        if not record.get("body") and not record.get("body_must_include"):
            missing.append("body (or body_must_include)")
        if missing:
            raise CorpusError(f"{manifest}:{number}: missing {', '.join(missing)}")
        page_file = folder / record["path"] / "page.html"
        if not page_file.is_file():
            raise CorpusError(f"{manifest}:{number}: {page_file} not found")
        pages.append(LabelledPage(
            id=record["id"], html=page_file.read_bytes(), url=record.get("url"), title=record.get("title"),
            date=record.get("date"), author=record.get("author"), body=record.get("body") or None,
            must_include=tuple(record.get("body_must_include") or ()),
            must_exclude=tuple(record.get("body_must_exclude") or ()), lang=record.get("lang"),
        ))
    if not pages:
        raise CorpusError(f"{manifest}: no pages")
    return pages
