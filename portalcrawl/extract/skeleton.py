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


class ElementPaths:
    """The path of each block-level element, computed when first asked for (most are never asked)."""

    def __init__(self, seg: Segmented) -> None:
        self.seg = seg
        self._paths: dict[lxml.html.HtmlElement, str] = {}

    def __getitem__(self, el: lxml.html.HtmlElement) -> str:
        path = self._paths.get(el)
        if path is None:
            chain = [el]
            while (up := self.seg.parent.get(chain[-1])) is not None and up not in self._paths:
                chain.append(up)
            for node in reversed(chain):
                parent = self.seg.parent.get(node)
                self._paths[node] = f"{self._paths[parent]}/{_step(node)}" if parent is not None else _step(node)
            path = self._paths[el]
        return path

    def find(self, path: str) -> list[lxml.html.HtmlElement]:
        """The elements at this path, in document order."""
        tag = path.rsplit("/", 1)[-1].split("#", 1)[0].split(".", 1)[0]
        return [el for el in self.seg.order if el.tag == tag and self[el] == path]


def skeleton(seg: Segmented, paths: ElementPaths) -> frozenset[str]:
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
