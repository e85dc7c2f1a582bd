"""What the blog sites (``emlog``, ``wordpress``) share: an article body written from its shape.

Prose comes from the text bank; a table, line list, gallery, Q&A or poem from the site's hand-written content under
the article's key. Paragraphs, table rows and Q&A print the same on both; the rest each theme prints its own way,
through a ``Markup``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from portalcrawl.demo import text_bank

from ._html import esc


@dataclass
class Shapes:
    """A site's hand-written bodies, by article key."""

    tables: dict[str, tuple[str, list[str], list[list[str]]]]  # intro, head, rows
    lines: dict[str, tuple[str, list[str]]]  # intro, items
    galleries: dict[str, tuple[str, list[str]]]  # intro (may be empty), captions
    qa: dict[str, list[tuple[str, str]]]  # (question, answer)
    poems: dict[str, list[tuple[str, list[str]]]]  # (title, verse lines)


class Markup:
    """How a theme prints the parts of a body that differ from site to site; a site subclasses it."""

    table_end = "</tbody></table>"
    gallery_start = ""  # the wrapper around a gallery's pictures, where the theme has one
    gallery_end = ""

    def table_head(self, head: list[str]) -> str:
        """The table's opening tags and its head row."""
        raise NotImplementedError

    def line_list(self, items: list[str]) -> str:
        raise NotImplementedError

    def picture(self, i: int, caption: str) -> str:
        """The ``i``-th picture of a gallery (from 1) with its caption."""
        raise NotImplementedError

    def stanza(self, title: str, verse: list[str]) -> str:
        raise NotImplementedError


class Body:
    """An article body being written: its HTML blocks and, beside them, the lines a reader sees."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.lines: list[str] = []

    def add(self, html: str, *lines: str) -> None:
        """One HTML block and the lines it shows (none for markup such as a table's closing tags)."""
        self.blocks.append(html)
        self.lines.extend(lines)

    def paragraph(self, text: str) -> None:
        self.add(f"<p>{esc(text)}</p>", text)

    def html(self) -> str:
        return "\n".join(self.blocks)


def shaped_body(
    shape: str, key: str, topic: str, rng: random.Random, shapes: Shapes, markup: Markup
) -> tuple[str, list[str]]:
    """The body of an article of ``shape``: its HTML, and its lines as a reader sees them."""
    body = Body()
    if shape == "prose":
        for para in text_bank.paragraphs(topic, rng, rng.randint(4, 7)):
            body.paragraph(para)
    elif shape == "table":
        intro, head, rows = shapes.tables[key]
        body.paragraph(intro)
        body.add(markup.table_head(head), " ".join(head))
        for row in rows:
            body.add("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>", " ".join(row))
        body.add(markup.table_end)
    elif shape == "lines":
        intro, items = shapes.lines[key]
        body.paragraph(intro)
        body.add(markup.line_list(items), *items)
    elif shape == "gallery":
        intro, captions = shapes.galleries[key]
        if intro:
            body.paragraph(intro)
        if markup.gallery_start:
            body.add(markup.gallery_start)
        for i, cap in enumerate(captions, 1):
            body.add(markup.picture(i, cap), cap)
        if markup.gallery_end:
            body.add(markup.gallery_end)
    elif shape == "qa":
        body.paragraph(text_bank.sentence(topic, rng))
        for q, a in shapes.qa[key]:
            body.add(f"<p><strong>{esc(q)}</strong></p>", q)
            body.add(f"<p>{esc(a)}</p>", a)
    elif shape == "poem":
        for title, verse in shapes.poems[key]:
            body.add(markup.stanza(title, verse), title, *verse)
    return body.html(), body.lines
