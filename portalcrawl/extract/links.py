"""Sort the page's links into the regions they belong to (nav, teaser, friend, pagination...).

The crawler needs these to decide what to follow, and the archive records them as the
link graph between portals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from w3lib.url import safe_url_string

from .blocks import Block, Segmented
from .dates import FULL_DATE, MONTH_DAY, normalize_date_text
from .lexicon import FRIEND_LABEL, PAGINATION_TEXT
from .model import Link, Teaser
from .regions import PageRegions

_SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "#", "data:")


def absolute(base: str, href: str) -> str | None:
    href = (href or "").strip()
    if not href or href.lower().startswith(_SKIP_SCHEMES):
        return None
    try:
        url = safe_url_string(urljoin(base, href) if base else href)
    except ValueError:
        return None
    url = url.split("#", 1)[0]
    return url if url.startswith(("http://", "https://")) or not base else None


def _stem(url: str) -> str:
    """/a/2015/0804/123_2.html -> /a/2015/0804/123 : the part shared by the pages of one article."""
    path = urlsplit(url).path
    path = re.sub(r"\.[a-z0-9]+$", "", path, flags=re.I)
    return re.sub(r"(_|-)\d{1,3}$", "", path)


@dataclass
class PageLinks:
    nav: list[Link] = field(default_factory=list)
    teasers: list[Teaser] = field(default_factory=list)
    friend_links: list[Link] = field(default_factory=list)
    pagination: list[Link] = field(default_factory=list)
    list_pagination: list[Link] = field(default_factory=list)
    body_links: list[Link] = field(default_factory=list)
    other_links: list[Link] = field(default_factory=list)


def _teaser_from_item(item: list[Block], base: str) -> Teaser | None:
    first = next((b for b in item if b.links), None)
    if first is None:
        return None
    title, href = next(((t, h) for t, h in first.links if t), first.links[0])
    url = absolute(base, href)
    if not url or not title:
        return None
    text = " ".join(b.text for b in item)
    summary = text.replace(title, "", 1).strip(" ·•-|")
    date_text = normalize_date_text(summary)
    m = FULL_DATE.search(date_text) or MONTH_DAY.search(date_text)
    date = m.group(0).strip() if m else None
    if date and summary.strip("()（）[]【】 ").startswith(date):
        summary = ""
    return Teaser(title=title, url=url, summary=summary if len(summary) > 6 else "", date=date)


def _flat_teasers(block: Block, base: str) -> list[Teaser]:
    """"Title1 summary1…… Title2 summary2……" in one line: split the line at each title."""
    out = []
    rest = block.text
    titles = [(t, h) for t, h in block.links if t]
    for n, (title, href) in enumerate(titles):
        pos = rest.find(title)
        if pos < 0:
            continue
        rest = rest[pos + len(title) :]
        nxt = rest.find(titles[n + 1][0]) if n + 1 < len(titles) else -1
        summary = rest[:nxt] if nxt >= 0 else rest
        url = absolute(base, href)
        if url:
            out.append(Teaser(title=title, url=url, summary=summary.strip()))
    return out


def collect_links(seg: Segmented, regions: PageRegions, body: list[Block], base: str,
                  is_article: bool) -> PageLinks:
    out = PageLinks()
    seen: set[int] = set()
    page_stem = _stem(base) if base else ""
    for lst in regions.lists:
        s, e = seg.span[lst.element]
        if any(i in seen for i in range(s, e)):
            continue  # an outer list already took these blocks
        seen.update(range(s, e))
        if lst.kind == "teaser":
            out.teasers.extend(t for item in lst.items if (t := _teaser_from_item(item, base)))
            continue
        target = {"nav": out.nav, "friend": out.friend_links}.get(lst.kind)
        for item in lst.items:
            for b in item:
                for text, href in b.links:
                    url = absolute(base, href)
                    if url and target is not None:
                        target.append(Link(text, url))
                    elif url:
                        seen.discard(b.index)
    body_ids = {b.index for b in body}
    friend_zone = False
    for block in seg.blocks:
        if FRIEND_LABEL.match(block.text):
            friend_zone = True
        elif block.tokens and not block.links:
            friend_zone = False
        if block.index in seen:
            continue
        if block.index in regions.teaser_blocks and len(block.links) >= 2:
            out.teasers.extend(_flat_teasers(block, base))
            continue
        for text, href in block.links:
            url = absolute(base, href)
            if not url:
                continue
            link = Link(text, url)
            if PAGINATION_TEXT.match(text or ""):
                same_article = is_article and page_stem and _stem(url) == page_stem
                (out.pagination if same_article else out.list_pagination).append(link)
            elif friend_zone:
                out.friend_links.append(link)
            elif block.index in body_ids:
                out.body_links.append(link)
            elif block.index in regions.teaser_blocks:
                out.teasers.append(Teaser(title=text, url=url))
            else:
                out.other_links.append(link)
    return out
