"""Sort the page's links into the regions they belong to (nav, teaser, friend, pagination...).

The crawler needs these to decide what to follow, and the archive records them as the
link graph between portals.
"""

from __future__ import annotations

import functools
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


_NEEDS_QUOTING = re.compile(r"[^\x21-\x7e]|%(?![0-9A-Fa-f]{2})")


@functools.lru_cache(maxsize=256)
def _origin(base: str) -> str:
    parts = urlsplit(base)
    return f"{parts.scheme}://{parts.netloc}"


def absolute(base: str, href: str) -> str | None:
    href = (href or "").strip()
    if not href or href.lower().startswith(_SKIP_SCHEMES):
        return None
    try:
        if href.startswith(("http://", "https://")) or not base:
            url = href
        elif href.startswith("/") and not href.startswith("//") and "/." not in href:
            url = _origin(base) + href  # root-relative, nothing to resolve: urljoin is slow
        else:
            url = urljoin(base, href)
        if _NEEDS_QUOTING.search(url):  # w3lib's quoting is exact but slow: only when needed
            url = safe_url_string(url)
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
                  is_article: bool, header_end: int) -> PageLinks:
    """header_end: index of the first block of the article (its headline), or -1 if unknown."""
    out = PageLinks()
    seen: set[int] = set()
    page_stem = _stem(base) if base else ""
    # Innermost lists first: a page-wide "list" of sections must not swallow the lists inside it.
    for lst in sorted(regions.lists, key=lambda lst: seg.span[lst.element][1] - seg.span[lst.element][0]):
        s, e = seg.span[lst.element]
        if any(i in seen for i in range(s, e)):
            continue  # an inner list already took some of these blocks
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
    pager_blocks = _pager_blocks(seg)
    friend_zone = False  # from a 友情链接 label to the end of the first run of links after it
    for block in seg.blocks:
        if FRIEND_LABEL.match(block.text):
            friend_zone = True
        elif block.tokens and not block.links:
            friend_zone = False
        in_friends = friend_zone
        if friend_zone and block.links:
            friend_zone = False
        if block.index in seen:
            continue
        pager_row = block.index in pager_blocks or \
            sum(1 for text, _ in block.links if PAGINATION_TEXT.match(text or "")) >= 2
        # A row of short links above the article (or in the top third of a page without one) is the nav bar.
        top = block.index < header_end if header_end >= 0 else block.index < len(seg.blocks) // 3
        nav_row = top and len(block.links) >= 3 and block.link_density >= 0.8 and \
            block.link_tokens <= 6 * len(block.links)
        if block.index in regions.teaser_blocks and len(block.links) >= 2:
            out.teasers.extend(_flat_teasers(block, base))
            continue
        for text, href in block.links:
            url = absolute(base, href)
            if not url:
                continue
            link = Link(text, url)
            if pager_row and PAGINATION_TEXT.match(text or ""):
                same_article = is_article and page_stem and _stem(url) == page_stem
                (out.pagination if same_article else out.list_pagination).append(link)
            elif in_friends:
                out.friend_links.append(link)
            elif nav_row:
                out.nav.append(link)
            elif block.index in body_ids:
                out.body_links.append(link)
            elif block.index in regions.teaser_blocks:
                out.teasers.append(Teaser(title=text, url=url))
            else:
                out.other_links.append(link)
    return out


def _pager_blocks(seg: Segmented) -> set[int]:
    """The lines of pagers drawn as one item per page number (<ul><li>1</li><li><a>2</a></li>...)."""
    out: set[int] = set()
    for block in seg.blocks:
        if block.index in out or not any(PAGINATION_TEXT.match(text or "") for text, _ in block.links):
            continue
        el = seg.parent.get(block.owner)
        if el is None:
            continue
        start, end = seg.span[el]
        texts = [text for b in seg.blocks[start:end] for text, _ in b.links]
        if 2 <= len(texts) <= 40 and all(PAGINATION_TEXT.match(text or "") for text in texts):
            out.update(range(start, end))
    return out


_CRUMB_LABEL = re.compile(
    r"^\s*(当前位置|您的位置|您现在的位置|所在位置|位置|当前栏目|current location|you are here)\s*[:：]?", re.I)
_CRUMB_SEPARATOR = re.compile(r"\s(>|&gt;|»|›|/|→|-)\s|>|»|›|→")
_HOME_WORDS = re.compile(r"^(首页|主页|网站首页|本站首页|home|index)$", re.I)


def breadcrumb_category(seg: Segmented, before: int) -> str | None:
    """The column an article is filed under, from "当前位置：首页 > 科技 > 正文"."""
    limit = before if before >= 0 else len(seg.blocks)
    for block in seg.blocks[:limit]:
        if len(block.links) < 2 or block.tokens > 40:
            continue
        if not (_CRUMB_LABEL.match(block.text) or len(_CRUMB_SEPARATOR.findall(block.text)) >= len(block.links) - 1):
            continue
        names = [text for text, _ in block.links if text and not _HOME_WORDS.match(text)]
        if names and (_CRUMB_LABEL.match(block.text) or _HOME_WORDS.match(block.links[0][0] or "")):
            return names[-1]
    return None
