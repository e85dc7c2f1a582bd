"""The lists of the ``wordpress`` test site as the Puock theme prints them: post cards, the pager, and the
home page's 友情链接 block."""

from __future__ import annotations

from .._html import esc as e
from .posts import Post
from .templates_post import count_comments


def list_item(p: Post, cat_name: str, cat_href: str) -> str:
    n = count_comments(p.comments)
    return f"""<!--文章ID：{p.pid} -->
<article class="block card-plain post-item p-block post-item-list">
    <div class="thumbnail"><a class="t-sm  ww" href="{p.path}"><img title="{e(p.title)}" alt="{e(p.title)}" src="{p.thumb}" width="280" height="160"/></a></div>
    <div class="post-info">
        <div class="info-top">
            <h2 class="info-title">
                <a class="badge d-none d-md-inline-block bg-danger ahfff" href="{cat_href}">{e(cat_name)}</a>
                <a class="a-link" title="{e(p.title)}" href="{p.path}">{e(p.title)}</a>
            </h2>
            <div class="info-meta c-sub text-2line d-none d-md-block"><p>{e(p.excerpt)}</p></div>
        </div>
        <div class="info-footer w-100">
            <div><span class="t-sm c-sub">
                <span class="mr-2"><i class="fa-regular fa-eye mr-1"></i>{p.views}<span class="t-sm d-none d-sm-inline-block">次阅读</span></span>
                <a class="c-sub-a" href="{p.path}#comments"><i class="fa-regular fa-comment mr-1"></i>{n}<span class="t-sm d-none d-sm-inline-block">个评论</span></a>
            </span></div>
            <div><a class="c-sub-a t-sm ml-md-2 line-h-20 d-inline-block d-md-none" href="{cat_href}">{e(cat_name)}</a>
                <span class="t-sm ml-md-2 c-sub line-h-20 d-none d-md-inline-block"><i class="fa-regular fa-clock"></i> {p.date}</span></div>
        </div>
    </div>
    <span class="title-l-c bg-primary"></span>
</article>
"""


def paging(page: int, pages: int, href) -> str:  # href: Callable[[int], str]
    if pages <= 1:
        return ""
    out = ['<div class="mt20 p-flex-s-right"><ul class="pagination">', '<li class="prev-page puock-bg">']
    if page > 1:
        out.append(f'<a href="{href(page - 1)}" >&laquo;</a>')
    out.append("</li>")
    for i in range(1, pages + 1):
        out.append(f"<li ><a class='cur'>{i}</a></li>" if i == page else f"<li><a href='{href(i)}'>{i}</a></li>")
    out.append('<li class="next-page">')
    if page < pages:
        out.append(f'<a href="{href(page + 1)}" >&raquo;</a>')
    out.append("</li></ul></div>")
    return "".join(out)


def friend_block(links: list[tuple[str, str]]) -> str:
    items = "".join(
        f"<a href='{url}' title='{e(text)}'\n                    class='badge links-item'\n                    "
        f"rel='friend' target='_blank'>{e(text)}</a>"
        for text, url in links
    )
    return f"""<div class="p-block index-links">
    <div><span class="t-lg puock-text pb-2 d-inline-block border-bottom border-primary"><i class="fa fa-link"></i>友情链接</span></div>
    <div class="mt20 t-md index-links-box">{items}</div>
</div>
"""
