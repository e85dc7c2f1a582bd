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

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul", "br", "caption",
})


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
    owned: dict[lxml.html.HtmlElement, list[int]]  # indices of the lines an element holds directly

    def items(self, el: lxml.html.HtmlElement) -> list[tuple[int, int]]:
        """The [first, end) block spans of an element's parts: its block-level children and its
        own lines, in document order."""
        parts = [self.span[kid] for kid in self.children.get(el, ()) if self.span[kid][0] < self.span[kid][1]]
        parts.extend((i, i + 1) for i in self.owned.get(el, ()))
        parts.sort()
        return parts


def segment(root: lxml.html.HtmlElement) -> Segmented:
    """Walk the tree once, iteratively (pages can be nested thousands deep)."""
    blocks: list[Block] = []
    span: dict[lxml.html.HtmlElement, tuple[int, int]] = {}
    starts: dict[lxml.html.HtmlElement, int] = {}
    order: list[lxml.html.HtmlElement] = []
    parent: dict[lxml.html.HtmlElement, lxml.html.HtmlElement] = {}
    children: dict[lxml.html.HtmlElement, list[lxml.html.HtmlElement]] = {}
    owned: dict[lxml.html.HtmlElement, list[int]] = {}
    stack: list[lxml.html.HtmlElement] = []
    # The pending line: all its text, the part inside links, the part outside, its links.
    parts: list[str] = []
    link_parts: list[str] = []
    plain_parts: list[str] = []
    links: list[tuple[str, str]] = []
    first_is_link: list[bool] = []  # empty until the line's first visible text
    link_depth = 0
    link_text: list[str] = []
    link_href = ""

    def add(text: str | None) -> None:
        if not text:
            return
        parts.append(text)
        if link_depth:
            link_parts.append(text)
            link_text.append(text)
        else:
            plain_parts.append(text)
        if not first_is_link and not text.isspace():
            first_is_link.append(bool(link_depth))

    def flush() -> None:
        nonlocal parts, link_parts, plain_parts, links, first_is_link
        if not parts and not links:  # nothing pending (most boundaries): keep the empty lists
            return
        if first_is_link and stack:  # some visible text (whitespace alone makes no line)
            text = normalize_space("".join(parts))
            if text:
                owned.setdefault(stack[-1], []).append(len(blocks))
                tokens = count_tokens(text)
                link_tokens = min(tokens, count_tokens("".join(link_parts))) if link_parts else 0
                blocks.append(Block(
                    index=len(blocks), text=text, owner=stack[-1], tokens=tokens, link_tokens=link_tokens,
                    punct=count_punct("".join(plain_parts)) if plain_parts else 0, links=links,
                    starts_with_link=bool(first_is_link and first_is_link[0]),
                ))
        parts, link_parts, plain_parts, links, first_is_link = [], [], [], [], []

    for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = el.tag
        is_block = tag in BLOCK_TAGS
        if event == "start":
            if is_block:
                flush()
                if stack:
                    parent[el] = stack[-1]
                    children.setdefault(stack[-1], []).append(el)
                stack.append(el)
                starts[el] = len(blocks)
                order.append(el)
            elif tag == "a":
                link_depth += 1
                link_text = []
                link_href = el.get("href") or ""
            add(el.text)
        else:
            if tag == "a" and not is_block:
                link_depth -= 1
                text = normalize_space("".join(link_text))
                if text or link_href:
                    links.append((text, link_href))
                link_text = []
            if is_block:
                flush()
                stack.pop()
                span[el] = (starts.pop(el), len(blocks))
            if el is not root:
                add(el.tail)
    flush()
    return Segmented(blocks=blocks, span=span, order=order, parent=parent, children=children, owned=owned)
