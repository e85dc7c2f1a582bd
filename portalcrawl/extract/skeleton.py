"""Where an element stands in its page's template, and the page's template signature.

A path names an element by the chain of block-level elements above it, each step written as
tag, id and class (digits folded, so ``item-12`` and ``item-7`` are one step), with no sibling
positions: the content slot of an article template has the same path on every page built from
it, whatever the article holds. The skeleton, the set of paths of the page's named containers,
is the template signature: pages of one template share most of it, a list page and an article
page of the same site share only the header and footer.
"""

from __future__ import annotations

import re

import lxml.html

from .blocks import Segmented

_DIGITS = re.compile(r"\d+")
# Containers that make up a template's layout. Paragraphs, list items and cells are content.
_LAYOUT_TAGS = frozenset({
    "div", "section", "article", "aside", "header", "footer", "nav", "main", "ul", "ol", "dl", "table",
    "form", "h1", "h2", "h3", "center",
})
MAX_SKELETON = 400  # paths kept per page: a signature must stay a bounded summary
MAX_DEPTH = 24


def _step(el: lxml.html.HtmlElement) -> str:
    step = el.tag if isinstance(el.tag, str) else "?"
    ident = (el.get("id") or "").strip()
    classes = sorted((el.get("class") or "").split())[:2]
    if ident:
        step += "#" + _DIGITS.sub("0", ident)
    if classes:
        step += "." + ".".join(_DIGITS.sub("0", c) for c in classes)
    return step


def element_paths(seg: Segmented) -> dict[lxml.html.HtmlElement, str]:
    """The path of every block-level element (parents come before children in ``seg.order``)."""
    paths: dict[lxml.html.HtmlElement, str] = {}
    for el in seg.order:
        parent = seg.parent.get(el)
        paths[el] = f"{paths[parent]}/{_step(el)}" if parent is not None else _step(el)
    return paths


def skeleton(seg: Segmented, paths: dict[lxml.html.HtmlElement, str]) -> frozenset[str]:
    """The paths of the page's named layout containers, in document order, at most MAX_SKELETON."""
    out: dict[str, None] = {}
    for el in seg.order:
        if el.tag in _LAYOUT_TAGS and (el.get("id") or el.get("class")):
            path = paths[el]
            if path.count("/") <= MAX_DEPTH:
                out[path] = None
                if len(out) >= MAX_SKELETON:
                    break
    return frozenset(out)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two skeletons (two empty ones, as on bare pages, are alike)."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)
