"""Parse and clean a page's HTML into an lxml tree the other modules can trust.

Real portal pages are truncated, nested thousands of elements deep, prefixed with
junk (the corpus pages start with a ``<text ...>`` line), or hold NUL bytes. The
parser must take all of that without raising; the cleaner removes what never carries
article text (scripts, styles, forms' controls, hidden elements).
"""

from __future__ import annotations

import json
import re

import lxml.etree
import lxml.html


def _parser() -> lxml.html.HTMLParser:
    # A parser per call: its error_log tells whether libxml2 gave up on nesting depth.
    return lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True, no_network=True,
                                recover=True)


# libxml2 stops nesting at depth 2048 and drops what lies deeper. A run of opening tags with
# nothing between them (unclosed <font>s, generated wrappers) is what builds such depth.
_TAG_RUN = re.compile(r"(?:<(?![/!?])[a-zA-Z][^<>]*>\s*){32,}")
_ANY_TAG = re.compile(r"<(?!/?(?:p|br|title|h[1-6])\b)[^<>]*>", re.I)
_RESOURCE_LIMIT = [lxml.etree.ErrorTypes.ERR_RESOURCE_LIMIT]
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

# Elements that never hold article text.
DROP_TAGS = (
    "script", "style", "noscript", "iframe", "object", "embed", "svg", "canvas", "template",
    "select", "option", "button", "textarea", "input", "link", "meta", "map", "audio", "video",
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def parse_html(text: str) -> lxml.html.HtmlElement | None:
    """Parse text to an <html> element, or None when there is nothing to parse."""
    text = _XML_DECL.sub("", text, count=1)
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    if not text.strip():
        return None
    # Built only when needed: each fallback rewrites the whole document.
    attempts = (lambda: text, lambda: _TAG_RUN.sub("<div>", text), lambda: _ANY_TAG.sub("", text))
    for attempt in attempts:
        parser = _parser()
        try:
            root = lxml.html.document_fromstring(attempt(), parser=parser)
        except (lxml.etree.ParserError, ValueError):
            return None
        if not parser.error_log.filter_types(_RESOURCE_LIMIT):  # filtered in C: a messy page logs thousands
            return root
    return root


def head_metadata(root: lxml.html.HtmlElement) -> dict[str, str]:
    """<title> and <meta name/property=...> values, lower-cased keys; read before cleaning."""
    meta: dict[str, str] = {}
    title = root.find(".//title")
    if title is not None and title.text_content().strip():
        meta["title"] = " ".join(title.text_content().split())
    for el in root.iter("meta"):
        key = (el.get("name") or el.get("property") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value and key not in meta:
            meta[key] = value
    for el in root.iter("time"):
        value = (el.get("datetime") or "").strip()
        if value:
            meta.setdefault("time[datetime]", value)
    for el in root.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split() and (el.get("href") or "").strip():
            meta.setdefault("canonical", el.get("href").strip())
            break
    for el in root.iter("script"):
        if (el.get("type") or "").strip().lower() == "application/ld+json" and el.text:
            _json_ld(el.text, meta)
    return meta


# schema.org properties of an Article/NewsArticle/BlogPosting, as the <meta> keys the date and
# byline steps already read (a <meta> tag of the same name wins: it was seen first).
_LD_KEYS = {"datePublished": "datepublished", "dateCreated": "datecreated", "dateModified": "datemodified",
            "headline": "ld:headline"}


def _json_ld(text: str, meta: dict[str, str]) -> None:
    """Publication fields of the page's JSON-LD (many CMS themes print the date nowhere else)."""
    try:
        data = json.loads(text)
    except ValueError:
        return
    stack = [data]
    seen = 0
    while stack and seen < 200:  # bounded: JSON-LD can be a large graph
        item = stack.pop()
        seen += 1
        if isinstance(item, list):
            stack.extend(item)
            continue
        if not isinstance(item, dict):
            continue
        stack.extend(v for v in item.get("@graph", ()) if isinstance(v, dict))
        for key, name in _LD_KEYS.items():
            if isinstance(item.get(key), str) and item[key].strip():
                meta.setdefault(name, item[key].strip())
        author = item.get("author")
        if isinstance(author, list) and author:
            author = author[0]
        if isinstance(author, dict):
            author = author.get("name")
        if isinstance(author, str) and author.strip() and item.get("@type") != "WebSite":
            meta.setdefault("author", author.strip())


_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


def feed_links(root: lxml.html.HtmlElement) -> list[str]:
    """The RSS/Atom feeds a page announces (<link rel="alternate" type="application/rss+xml">)."""
    feeds = []
    for el in root.iter("link"):
        rel = (el.get("rel") or "").lower().split()
        if "alternate" in rel and (el.get("type") or "").lower().strip() in _FEED_TYPES and el.get("href"):
            feeds.append(el.get("href").strip())
    return feeds


def clean_tree(root: lxml.html.HtmlElement) -> None:
    """Remove non-content elements in place, keeping the text that follows them."""
    lxml.etree.strip_elements(root, *DROP_TAGS, with_tail=False)
    head = root.find("head")
    if head is not None:
        head.drop_tree()
    # A <title> outside <head> (junk before <html> pushes it into the body) is not page text.
    lxml.etree.strip_elements(root, "title", with_tail=False)
    candidates = root.xpath("//*[@hidden or contains(@style, 'none') or contains(@style, 'hidden')]")
    hidden = [el for el in candidates if el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or "")]
    for el in hidden:
        if el.getparent() is not None:
            el.drop_tree()
