"""Cut a cleaned page into text blocks, and measure them and their containers.

A block is a run of text between two block-level boundaries (a <p>, <div>, <td>,
<br>, ...), as a reader sees one line or paragraph. Every later decision (where the
body is, which line is the meta line, what is a teaser) is taken on blocks and on
sums of their measures over DOM subtrees, so this walk happens once per page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import lxml.etree
import lxml.html

from .text import count_punct, count_tokens, normalize_space

BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary table "
    "tbody td tfoot th thead tr ul br caption".split()
)
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())


@dataclass
class Block:
    """One line or paragraph of the page, with what it is made of."""

    index: int
    text: str
    owner: lxml.html.HtmlElement  # innermost block-level element holding the text
    tokens: int
    link_tokens: int
    punct: int  # sentence punctuation outside links
    links: list[tuple[str, str]] = field(default_factory=list)  # (text, href) started in this block
    starts_with_link: bool = False

    @property
    def link_density(self) -> float:
        return self.link_tokens / self.tokens if self.tokens else 0.0

    @property
    def is_link_only(self) -> bool:
        return self.tokens > 0 and self.link_tokens >= self.tokens * 0.9


@dataclass
class Segmented:
    """The blocks of a page plus the block-index span of every block-level element."""

    blocks: list[Block]
    span: dict[lxml.html.HtmlElement, tuple[int, int]]  # element -> [first, end) block indices
    order: list[lxml.html.HtmlElement]  # block-level elements in document order
    parent: dict[lxml.html.HtmlElement, lxml.html.HtmlElement]  # nearest block-level ancestor
    children: dict[lxml.html.HtmlElement, list[lxml.html.HtmlElement]]  # block-level children

    def items(self, el: lxml.html.HtmlElement) -> list[tuple[int, int]]:
        """The [first, end) block spans of an element's parts: its block-level children and its
        own lines, in document order."""
        start, end = self.span[el]
        parts = [self.span[kid] for kid in self.children.get(el, ()) if self.span[kid][0] < self.span[kid][1]]
        parts.extend((b.index, b.index + 1) for b in self.blocks[start:end] if b.owner is el)
        parts.sort()
        return parts


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.stack: list[lxml.html.HtmlElement] = []
        self.parts: list[str] = []
        self.link_parts: list[str] = []
        self.plain_parts: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.first_is_link: bool | None = None
        self.link_depth = 0
        self.link_text: list[str] = []
        self.link_href = ""

    def add(self, text: str | None) -> None:
        if not text:
            return
        self.parts.append(text)
        if self.link_depth:
            self.link_parts.append(text)
            self.link_text.append(text)
        else:
            self.plain_parts.append(text)
        if self.first_is_link is None and text.strip():
            self.first_is_link = bool(self.link_depth)

    def flush(self) -> None:
        raw = "".join(self.parts)
        text = normalize_space(raw)
        if text and self.stack:
            link_raw = normalize_space(" ".join(self.link_parts))
            tokens = count_tokens(text)
            link_tokens = min(tokens, count_tokens(link_raw))
            plain = "".join(self.plain_parts)
            self.blocks.append(
                Block(
                    index=len(self.blocks),
                    text=text,
                    owner=self.stack[-1],
                    tokens=tokens,
                    link_tokens=link_tokens,
                    punct=count_punct(plain),
                    links=self.links,
                    starts_with_link=bool(self.first_is_link),
                )
            )
        self.parts, self.link_parts, self.plain_parts = [], [], []
        self.links, self.first_is_link = [], None


def segment(root: lxml.html.HtmlElement) -> Segmented:
    """Walk the tree once, iteratively (pages can be nested thousands deep)."""
    w = _Walker()
    span: dict[lxml.html.HtmlElement, tuple[int, int]] = {}
    starts: dict[lxml.html.HtmlElement, int] = {}
    order: list[lxml.html.HtmlElement] = []
    parent: dict[lxml.html.HtmlElement, lxml.html.HtmlElement] = {}
    children: dict[lxml.html.HtmlElement, list[lxml.html.HtmlElement]] = {}
    for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        is_block = tag in BLOCK_TAGS
        if event == "start":
            if is_block:
                w.flush()
                if w.stack:
                    parent[el] = w.stack[-1]
                    children.setdefault(w.stack[-1], []).append(el)
                w.stack.append(el)
                starts[el] = len(w.blocks)
                order.append(el)
            if tag == "a":
                w.link_depth += 1
                w.link_text = []
                w.link_href = el.get("href") or ""
            w.add(el.text)
        else:
            if tag == "a":
                w.link_depth -= 1
                text = normalize_space("".join(w.link_text))
                if text or w.link_href:
                    w.links.append((text, w.link_href))
                w.link_text = []
            if is_block:
                w.flush()
                w.stack.pop()
                span[el] = (starts.pop(el), len(w.blocks))
            if el is not root:
                w.add(el.tail)
    w.flush()
    return Segmented(blocks=w.blocks, span=span, order=order, parent=parent, children=children)
