"""The ``wordpress`` site's posts as data: each post with its body, tags, summary and comments (with their OS,
browser and IP-region chips), written from the specs in ``content.py`` in the order the seed dictates."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from portalcrawl.demo import text_bank

from .._bodies import Markup, shaped_body
from .._html import esc
from .content import AUTHORS, COMMENTERS, COPY_OF, OPENERS, REGIONS, SHAPES, SPECS


@dataclass
class Comment:
    cid: int
    name: str
    url: str | None
    when: str  # "YYYY-MM-DD HH:MM:SS"
    text: str
    os: str
    browser: str
    region: str
    replies: list[Comment] = field(default_factory=list)


@dataclass
class Post:
    pid: int
    path: str
    title: str
    slug: str
    cat: str  # category slug
    author: str
    author_slug: str
    date: str  # "YYYY-MM-DD"
    time: str  # "HH:MM:SS"
    modified: str  # ISO datetime
    body_html: str
    lines: list[str]
    shape: str
    excerpt: str
    tags: list[str] = field(default_factory=list)  # tag slugs
    views: int = 0
    comments: list[Comment] = field(default_factory=list)
    show_h1: bool = True
    show_date: bool = True
    summary: str | None = None
    thumb: str = ""


class _Markup(Markup):
    """The block-editor HTML of a Puock post: figure-wrapped tables, list blocks, a gallery of figures, headed
    stanzas."""

    table_end = "</tbody></table></figure>"
    gallery_start = '<div id="gallery-1" class="gallery galleryid-0 gallery-columns-2 gallery-size-medium">'
    gallery_end = "</div>"

    def __init__(self, img_dir: str, slug: str) -> None:
        self.img_dir, self.slug = img_dir, slug

    def table_head(self, head: list[str]) -> str:
        return ('<figure class="wp-block-table"><table class="table table-bordered puock-text"><thead><tr>'
                + "".join(f"<th>{esc(c)}</th>" for c in head) + "</tr></thead><tbody>")

    def line_list(self, items: list[str]) -> str:
        return '<ul class="wp-block-list">' + "".join(f"<li>{esc(x)}</li>" for x in items) + "</ul>"

    def picture(self, i: int, caption: str) -> str:
        src = f"{self.img_dir}/{self.slug}-{i}.png"
        return (
            f'<figure class="gallery-item"><div class="gallery-icon landscape"><a href="{src}" class="fancybox" '
            f'data-no-instant target="_blank"><img width="300" height="200" src="{src}" '
            f'class="attachment-medium size-medium" alt="" /></a></div>'
            f'<figcaption class="wp-caption-text gallery-caption" id="gallery-1-{i}">{esc(caption)}</figcaption>'
            '</figure>'
        )

    def stanza(self, title: str, verse: list[str]) -> str:
        return (f'<h3 class="wp-block-heading">{esc(title)}</h3>\n'
                + '<p class="has-text-align-center">' + "<br>".join(esc(v) for v in verse) + "</p>")


def _copy_body(src_lines: list[str], topic: str, rng: random.Random) -> tuple[str, list[str]]:
    lines = list(src_lines)
    for idx in rng.sample(range(len(lines)), k=min(2, len(lines))):
        lines[idx] = lines[idx] + text_bank.sentence(topic, rng)
    lines.append("本文转自作者的个人公众号，收录时略有删改。")
    return "\n".join(f"<p>{esc(x)}</p>" for x in lines), lines


def _comments(topic: str, rng: random.Random, start: date, next_id: list[int], author: str) -> list[Comment]:
    out = []
    for k in range(rng.randint(3, 5)):
        when = start + timedelta(days=rng.randint(0, 20), hours=0)
        stamp = f"{when.isoformat()} {rng.randint(7, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
        next_id[0] += 1
        c = Comment(next_id[0], COMMENTERS[(k * 5 + next_id[0]) % len(COMMENTERS)],
                      "https://www.example-" + str(next_id[0]) + ".cn/" if rng.random() < 0.3 else None,
                      stamp, rng.choice(OPENERS) + text_bank.sentence(topic, rng),
                      rng.choice(["Windows 10", "Mac OS", "Android", "iPhone"]),
                      rng.choice(["Chrome", "Firefox", "Edge", "Safari"]), rng.choice(REGIONS))
        if rng.random() < 0.35:
            next_id[0] += 1
            reply = "谢谢留言，" + text_bank.sentence(topic, rng)
            c.replies.append(Comment(next_id[0], author, None, stamp[:11] + "23:58:10", reply, "Mac OS", "Chrome",
                                       "浙江省杭州市"))
        out.append(c)
    return out


def _excerpt(lines: list[str], n: int = 70) -> str:
    text = "".join(lines)
    return text[:n] + "…" if len(text) > n else text


def make_posts(rng: random.Random) -> tuple[list[Post], dict[str, Post]]:
    """Every post in publication order, and the posts by slug."""
    posts: list[Post] = []
    day = date(2023, 2, 6)
    cid = [100]
    by_slug: dict[str, Post] = {}
    for i, (title, slug, cat, topic, shape, flags) in enumerate(SPECS):
        pid = 112 + i * 3 + rng.randint(0, 2)
        day = day + timedelta(days=rng.randint(3, 9))
        path = f"/{day.year}/{day.month:02d}/{slug}/"
        img_dir = f"/wp-content/uploads/{day.year}/{day.month:02d}"
        if shape == "copy":
            src = by_slug[COPY_OF[slug]]
            body_html, lines = _copy_body(src.lines, topic, rng)
            real_shape = "prose"
        else:
            body_html, lines = shaped_body(shape, slug, topic, rng, SHAPES, _Markup(img_dir, slug))
            real_shape = shape
        a_slug, a_name = AUTHORS[(i * 7 + rng.randint(0, 1)) % len(AUTHORS)]
        tags: list[str] = []
        if cat == "jishu" and i % 2 == 0:
            tags.append("huancun")
        if cat == "chuangye" and i % 3 != 1:
            tags.append("chuangye-jingyan")
        if shape == "gallery":
            tags.append("suipai")
        if topic == "职场":
            tags.append("zhichang")
        p = Post(
            pid=pid, path=path, title=title, slug=slug, cat=cat, author=a_name, author_slug=a_slug,
            date=day.isoformat(), time=f"{rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}:00",
            modified=f"{(day + timedelta(days=rng.randint(20, 200))).isoformat()}T10:12:33+08:00",
            body_html=body_html, lines=lines, shape=real_shape, excerpt=_excerpt(lines), tags=tags,
            views=rng.randint(180, 5200), show_h1="h" not in flags, show_date="d" not in flags,
            thumb=f"/wp-content/themes/puock/assets/img/random/{rng.randint(1, 8)}.png",
        )
        if "s" in flags:
            lead = lines[0]
            p.summary = lead[: max(24, len(lead) * 2 // 3)].rstrip("，。；、") + "……"
        if "c" in flags:
            p.comments = _comments(topic, rng, day, cid, a_name)
        posts.append(p)
        by_slug[slug] = p
    return posts, by_slug
