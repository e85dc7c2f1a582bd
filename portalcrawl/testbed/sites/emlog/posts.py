"""The ``emlog`` site's posts as data: each post (``Log``, as emlog calls it) with its body, tags, summary and
comments, written from the specs in ``content.py`` in the order the seed dictates."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import quote

from portalcrawl.demo import text_bank

from .._bodies import Markup, shaped_body
from .._html import esc
from .content import AUTHORS, COMMENTERS, COPY_SRC, ENC, OPENERS, SHAPES, SPECS


@dataclass
class Comment:
    cid: int
    name: str
    url: str | None
    when: str  # "YYYY-MM-DD HH:MM"
    text: str
    children: list[Comment] = field(default_factory=list)


@dataclass
class Log:
    gid: int
    path: str
    title: str
    sort: int
    author: int
    dt: str  # "YYYY-MM-DD HH:MM"
    body_html: str
    lines: list[str]
    shape: str
    excerpt: str
    tags: list[str] = field(default_factory=list)
    views: int = 0
    comments: list[Comment] = field(default_factory=list)
    show_title: bool = True
    show_date: bool = True
    summary: str | None = None


class _Markup(Markup):
    """The editor HTML of an emlog post: bold head cells, ``<br />`` lines, thumbnails linking the full pictures."""

    def __init__(self, upload: str, gid: int) -> None:
        self.upload, self.gid = upload, gid

    def table_head(self, head: list[str]) -> str:
        return ('<table style="width:100%;" cellpadding="2" cellspacing="0" border="1" bordercolor="#000000"><tbody>\n'
                "<tr>" + "".join(f"<td><strong>{esc(c)}</strong></td>" for c in head) + "</tr>")

    def line_list(self, items: list[str]) -> str:
        return "<p>" + "<br />\n".join(esc(x) for x in items) + "</p>"

    def picture(self, i: int, caption: str) -> str:
        name = f"{self.upload}/{self.gid:03d}{i:02d}.png"
        thumb = f"{self.upload}/thum-{self.gid:03d}{i:02d}.png"
        return (f'<p style="text-align:center;"><a href="{{BASE}}{name}" target="_blank">'
                f'<img src="{{BASE}}{thumb}" title="点击查看原图" alt="{self.gid:03d}{i:02d}.png" border="0" '
                f'width="420" height="280" /></a></p>\n<p style="text-align:center;">{esc(caption)}</p>')

    def stanza(self, title: str, verse: list[str]) -> str:
        return f"<p><strong>{esc(title)}</strong></p>\n" + "<p>" + "<br />\n".join(esc(v) for v in verse) + "</p>"


def _comments(topic: str, rng: random.Random, start: datetime, next_id: list[int], author: str) -> list[Comment]:
    out = []
    for k in range(rng.randint(3, 5)):
        when = start + timedelta(days=rng.randint(0, 30), hours=rng.randint(1, 12), minutes=rng.randint(0, 59))
        next_id[0] += 1
        c = Comment(next_id[0], COMMENTERS[(k * 3 + next_id[0]) % len(COMMENTERS)],
                    f"http://www.blog{next_id[0]}.com/" if rng.random() < 0.3 else None,
                    when.strftime("%Y-%m-%d %H:%M"), rng.choice(OPENERS) + text_bank.sentence(topic, rng))
        if rng.random() < 0.3:
            next_id[0] += 1
            later = when + timedelta(hours=3)
            c.children.append(Comment(next_id[0], author, None, later.strftime("%Y-%m-%d %H:%M"),
                                      "谢谢来访，" + text_bank.sentence(topic, rng)))
        out.append(c)
    return out


def _excerpt(lines: list[str], n: int = 80) -> str:
    text = "".join(lines)
    return text[:n] + "..." if len(text) > n else text


def tag_url(name: str) -> str:
    """A tag name as it stands in ``/tag/<name>``: percent-encoded in GBK, as emlog does."""
    return quote(name.encode(ENC))


def make_logs(rng: random.Random) -> tuple[list[Log], int]:
    """Every post in publication order, and the id of the post also linked as ``/?post=N``."""
    logs: list[Log] = []
    when = datetime(2014, 9, 3, 21, 5)
    cid = [40]
    alias_gid = 0
    for i, (title, sort, topic, shape, flags) in enumerate(SPECS):
        gid = 5 + i * 2 + rng.randint(0, 1)
        when = when + timedelta(days=rng.randint(8, 30), hours=rng.randint(-5, 5), minutes=rng.randint(0, 50))
        upload = f"/content/uploadfile/{when.year}{when.month:02d}"
        if shape == "copy":
            src = logs[COPY_SRC]
            lines = list(src.lines)
            for idx in rng.sample(range(len(lines)), k=2):
                lines[idx] = text_bank.sentence(topic, rng) + lines[idx]
            body = "\n".join(f"<p>{esc(x)}</p>" for x in lines)
            real_shape = "prose"
        else:
            body, lines = shaped_body(shape, title, topic, rng, SHAPES, _Markup(upload, gid))
            real_shape = shape
        author = 1 if i % 3 != 2 else (2 if i % 2 else 3)
        if sort == 2 and i % 4 == 0:
            author = 3
        tags = []
        if "Linux" in title or i in (3, 4, 5):
            tags.append("Linux")
        if "MySQL" in title or "缓存" in title:
            tags.append("MySQL")
        if sort == 2 and i % 2 == 1:
            tags.append("随笔")
        if sort == 3 and i % 3 == 0:
            tags.append("职场")
        log = Log(
            gid=gid, path=f"/post-{gid}.html", title=title, sort=sort, author=author,
            dt=when.strftime("%Y-%m-%d %H:%M"), body_html=body, lines=lines, shape=real_shape,
            excerpt=_excerpt(lines), tags=tags, views=rng.randint(40, 1800),
            show_title="h" not in flags, show_date="d" not in flags,
        )
        if "s" in flags:
            log.summary = lines[0][: max(20, len(lines[0]) * 3 // 5)].rstrip("，。；、") + "……"
        if "c" in flags:
            log.comments = _comments(topic, rng, when, cid, AUTHORS[author])
        if "a" in flags:
            alias_gid = gid
        logs.append(log)
    return logs, alias_gid
