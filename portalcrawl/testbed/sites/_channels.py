"""What the channel portals among the test sites (``jeecms``, ``siteserver``) share.

Both keep each article as a dict: its body as typed blocks (``("p", text)``, ``("pc", line)``, ``("table", rows)``,
``("img", ...)``...) next to the lines a reader sees, in channels of list pages, with comments, a near-copy reposted
in another channel, and one article also served under an alias. Here: the bodies of the hand-written articles, the
near-copy, the publication order, the comments, the pages every such portal serves, and the truth.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from typing import Any

from portalcrawl.demo import text_bank

from ..model import Resource, TruthArticle, TruthPage
from ._assets import add_asset_stubs

Article = dict[str, Any]
Template = Callable[..., str]


def special_blocks(
    s: dict[str, Any], lines_blocks: Callable[[list[str]], Iterable[tuple]], picture: Callable[[str], tuple],
    stanza_gap: str | None = None,
) -> tuple[list[tuple], list[str]]:
    """The blocks and body lines of a hand-written article that is not prose (table, lines, gallery, Q&A, poem):
    ``lines_blocks`` prints a line list, ``picture`` the image above a caption, ``stanza_gap`` the line between
    stanzas (none when not given)."""
    blocks: list[tuple] = []
    body: list[str] = []
    shape = s["shape"]
    if shape in ("table", "lines", "gallery"):
        if s["intro"]:
            blocks.append(("p", s["intro"]))
            body.append(s["intro"])
        if shape == "table":
            blocks.append(("table", s["rows"]))
            body.extend(" ".join(r) for r in s["rows"])
        elif shape == "lines":
            blocks.extend(lines_blocks(s["lines"]))
            body.extend(s["lines"])
        else:
            for cap in s["captions"]:
                blocks.extend([picture(cap), ("pc", cap)])
                body.append(cap)
    elif shape == "qa":
        for q, ans in s["qa"]:
            blocks.extend([("strong", q), ("p", ans)])
            body.extend([q, ans])
    elif shape == "poem":
        for st in s["stanzas"]:
            blocks.extend(("pc", x) for x in st)
            body.extend(st)
            if stanza_gap:
                blocks.append(("pc", stanza_gap))
        if stanza_gap:
            blocks.pop()
    return blocks, body


def near_copy(
    arts: list[Article], channel: dict[str, Any], skip: set[int], rng: random.Random
) -> tuple[Article, list[str]]:
    """The article a near-copy reposts (the first prose one of ``channel`` with four paragraphs or more, its index
    not in ``skip``) and the copy's body: the same, but for the first sentence of its second and fourth
    paragraphs."""
    src = next(a for a in arts if a["channel"] is channel and a["shape"] == "prose"
               and len(a["body"]) >= 4 and a["idx"] not in skip)
    body = list(src["body"])
    for k in (1, 3):
        body[k] = text_bank.sentence("技术", rng) + body[k][body[k].find("。") + 1 :]
    return src, body


def publication_order(arts: list[Article], rng: random.Random, near_end: int) -> list[Article]:
    """The articles shuffled into the order they were published, the near-copy after its original and no earlier
    than ``near_end`` places before the end."""
    order = list(arts)
    rng.shuffle(order)
    copy = next(a for a in arts if a["copy_of"])
    order.remove(copy)  # the repost comes after its original
    order.insert(max(order.index(copy["copy_of"]) + 1, len(order) - near_end), copy)
    return order


def add_comments(
    arts: list[Article], commented: set[int], rng: random.Random, counts: tuple[int, int],
    comment: Callable[[random.Random, tuple[int, int, int], int, str], dict[str, Any]],
) -> None:
    """Give every article its ``comments``: ``counts`` of them (at random) for those whose index is in
    ``commented``, each a sentence or two of its channel's topic, made into a dict by ``comment`` (from the rng, the
    article's date as (y, m, d), the comment's rank and its text)."""
    for a in arts:
        a["comments"] = []
        if a["idx"] in commented:
            day = tuple(int(x) for x in a["date"].split("-"))
            for k in range(rng.randint(*counts)):
                text = "".join(text_bank.sentence(a["channel"]["topic"], rng) for _ in range(rng.randint(1, 2)))
                a["comments"].append(comment(rng, day, k, text))


def blocks_html(blocks: list[tuple], printers: dict[str, Callable[..., str]]) -> str:
    """An article's body: each block printed by the printer of its kind, one a line."""
    return "\n".join(printers[b[0]](*b[1:]) for b in blocks)


def search_hits(arts: list[Article], word: str) -> list[Article]:
    """The articles a site search for ``word`` finds: in the title or the body."""
    return [a for a in arts if word in a["title"] or any(word in line for line in a["body"])]


class PortalPages:
    """One rendering of a channel portal: its resources by path, pages put as HTML in the site's encoding."""

    def __init__(self, encoding: str, content_type: str, stubs: dict[str, tuple[bytes, str]]) -> None:
        self.encoding, self.content_type, self.stubs = encoding, content_type, stubs
        self.out: dict[str, Resource] = {}

    def put(self, path: str, html: str) -> None:
        self.out[path] = Resource(html.encode(self.encoding), self.content_type)

    def articles_and_lists(
        self, site: dict[str, Any], home_paths: tuple[str, str], channels: list[dict[str, Any]], arts: list[Article],
        home_page: Template, list_page: Template, article_page: Template,
    ) -> None:
        """The pages every channel portal serves: home (under each of its paths), each channel's list pages, and
        each article under its URL and its aliases."""
        home = home_page(site)
        for path in home_paths:
            self.put(path, home)
        for ch in channels:
            for n, items in enumerate(ch["pages"]):
                self.put(ch["page_urls"][n], list_page(site, ch, items, n))
        for a in arts:
            html = article_page(site, a)
            self.put(a["url"], html)
            for al in a["aliases"]:
                self.put(al, html)

    def done(self) -> dict[str, Resource]:
        """The resources, with a stub for every theme file and upload the pages link, so no asset link is dead."""
        add_asset_stubs(self.out, self.encoding, self.stubs)
        return self.out


def truth_of(
    arts: list[Article], home_alias: str, channels: list[dict[str, Any]], tags: list[dict[str, Any]],
    search_words: list[dict[str, Any]], special_url: str,
) -> tuple[list[TruthArticle], list[TruthPage]]:
    """The articles and the other pages as a correct archive of the portal holds them."""
    articles = [
        TruthArticle(
            path=a["url"], title=a["title"], published=a["date"], contributor=a["author"], body=list(a["body"]),
            shape=a["shape"], aliases=list(a["aliases"]),
        )
        for a in arts
    ]
    pages = [TruthPage("/", "home", [home_alias])]
    for ch in channels:
        pages.extend(TruthPage(u, "list") for u in ch["page_urls"])
    pages.extend(TruthPage(t["url"], "tag") for t in tags)
    pages.extend(TruthPage(w["url"], "search") for w in search_words)
    pages.append(TruthPage(special_url, "special"))
    return articles, pages
