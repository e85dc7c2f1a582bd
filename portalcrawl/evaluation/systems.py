"""The extractors an evaluation can run: portalcrawl and its peers, behind one signature.

Each adapter takes the page bytes and URL and returns what the system says about the body,
title, date and author. Peers are imported lazily (they are an optional extra). Peers that
read bytes get the bytes and decode them their own way (that is part of what they are);
peers that need text get it decoded by portalcrawl's own charset-checked decoder, so that
the comparison measures their extraction and not a decoding handicap.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Prediction:
    body: str = ""
    title: str | None = None
    date: str | None = None
    author: str | None = None
    kind: str | None = None  # "article" or "list", from systems that say which


_ISO_DAY = re.compile(r"((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})")


def _day(value: object) -> str | None:
    """Any date-ish value to YYYY-MM-DD (or None)."""
    if value is None:
        return None
    m = _ISO_DAY.search(str(value).replace("/", "-").replace(".", "-"))
    return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None


def _text(raw: bytes) -> str:
    from portalcrawl.extract.decode import decode_html

    return decode_html(raw)[0]


def portalcrawl(raw: bytes, url: str | None) -> Prediction:
    from portalcrawl.extract import extract_article

    a = extract_article(raw, url)
    # The "author" of a page, as the corpus labels it: whoever the byline credits, by strength.
    return Prediction(a.body, a.title, _day(a.published), a.contributor or a.editor or a.source,
                      "article" if a.is_article else "list")


def trafilatura(raw: bytes, url: str | None) -> Prediction:
    import trafilatura as t

    doc = t.bare_extraction(raw, url=url, with_metadata=True)
    if doc is None:
        return Prediction()
    return Prediction(doc.text or "", doc.title, _day(doc.date), doc.author)


def readability(raw: bytes, url: str | None) -> Prediction:
    import lxml.html
    from readability import Document

    doc = Document(raw, url=url)
    summary = doc.summary(html_partial=True)
    tree = lxml.html.fromstring(summary) if summary.strip() else None
    lines: list[str] = []
    if tree is not None:
        for el in tree.iter("p", "div", "td", "li", "h1", "h2", "h3", "h4", "br", "pre", "blockquote"):
            el.tail = "\n" + (el.tail or "")
        lines = [ln.strip() for ln in tree.text_content().splitlines() if ln.strip()]
    return Prediction("\n".join(lines), doc.short_title())


def gne(raw: bytes, url: str | None) -> Prediction:
    from gne import GeneralNewsExtractor

    result = GeneralNewsExtractor().extract(_text(raw))
    return Prediction(result.get("content") or "", result.get("title"), _day(result.get("publish_time")),
                      result.get("author") or None)


_HAN = re.compile(r"[\u4e00-\u9fff]")
_LETTER = re.compile(r"[^\W\d_]")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)


def _mostly_han(html: str) -> bool:
    """A Chinese page: newspaper4k needs to be told (it reads stop words per language)."""
    sample = re.sub(r"<[^>]*>", " ", _SCRIPT.sub(" ", html[:200_000]))
    letters = len(_LETTER.findall(sample))
    return bool(letters) and len(_HAN.findall(sample)) > 0.3 * letters


def newspaper4k(raw: bytes, url: str | None) -> Prediction:
    import newspaper

    config = newspaper.Config()
    config.fetch_images = False  # no network here, and image fetching is not extraction
    text = _text(raw)
    if _mostly_han(text):
        config.language = "zh"  # its Chinese tokenizer; other pages keep its own <meta> language detection
    article = newspaper.Article(url or "http://example.com/", config=config)
    article.download(input_html=text)
    article.parse()
    return Prediction(article.text or "", article.title, _day(article.publish_date),
                      " ".join(article.authors) or None)


def htmldate(raw: bytes, url: str | None) -> Prediction:
    from htmldate import find_date

    return Prediction(date=_day(find_date(_text(raw), url=url, original_date=True)))


SYSTEMS: dict[str, Callable[[bytes, str | None], Prediction]] = {
    "portalcrawl": portalcrawl,
    "trafilatura": trafilatura,
    "readability": readability,
    "gne": gne,
    "newspaper4k": newspaper4k,
    "htmldate": htmldate,
}
# What each system extracts: a field it does not extract is shown as "–", not scored as wrong.
FIELDS = ("body", "title", "date", "author")
EXTRACTS: dict[str, tuple[str, ...]] = {"readability": ("body", "title"), "htmldate": ("date",)}


def extracts(system: str, field: str) -> bool:
    return field in EXTRACTS.get(system, FIELDS)
