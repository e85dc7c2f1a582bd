"""The blocks inside the ``mipcms`` test site's pages (MIPCMS default theme, Baidu MIP markup): list items
(``block/article-list.html``), boxes and tag boxes (``block/tags-hot.html``), the pager, the comment block of
``pc/article/articleDetail.html``, and the JSON-LD of detail pages. Written here, not copied.
"""

from __future__ import annotations

from html import escape

from .._html import ld_json, organization, pager, schema


def esc(text: str) -> str:
    """MIPCMS escapes only ``&``, ``<`` and ``>`` (quotes stay as they are)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def description_of(a: dict, size: int = 88) -> str:
    return "".join(a["lines"]).replace(" ", "")[:size]


def rng_even(n: int) -> bool:
    """Articles with no comments still show the empty comment box on about half the pages (every even id)."""
    return n % 2 == 0


def list_item(a: dict, description: str) -> str:
    img = a.get("first_img") or "/assets/default/images/no-images.jpg"
    t = escape(a["title"])
    return f"""<div class="mipui-category-list-item">
    <div class="item-media">
        <a href="{a["url"]}" class="item-link" data-type="mip" data-title="{t}" title='{t}'>
            <mip-img layout="container" alt='{t}' src="{img}"></mip-img>
        </a>
    </div>
    <div class="item-content">
        <h4><a href="{a["url"]}" data-type="mip" data-title="{t}" title='{t}'>{t}</a></h4>
        <p class="description">{escape(description)}</p>
        <p>
            <span>{a["date"]}</span>
        </p>
    </div>
</div>
"""


def box(heading: str, body: str, cls: str = "mip-box-default", tag: str = "h3") -> str:
    return f"""<section class="mip-box {cls}">
    <section class="mip-box-heading">
        <{tag}>{heading}</{tag}>
    </section>
    <section class="mip-box-body">
{body}
    </section>
</section>
"""


def li_box_list(items: list[dict]) -> str:
    lis = "".join(
        f'<li class="li-box-list"><a href="{a["url"]}" data-type="mip" data-title="{escape(a["title"])}"'
        f' title="{escape(a["title"])}">{escape(a["title"])}</a><p>{a["date"]}</p></li>\n'
        for a in items
    )
    return f'<ul class="list-unstyled">\n{lis}</ul>'


def tags_box(heading: str, tags: list[tuple[str, str]]) -> str:
    lis = "".join(
        f'<li class="m-b-sm"><a href="{url}" data-type="mip" data-title="{name}" title="{name}">{name}</a></li>'
        for name, url in tags
    )
    return f"""<div class="mip-box">
    <div class="mip-box-heading">
        <h3 class="title">{heading}</h3>
    </div>
    <div class="mip-box-body">
        <ul class="list-unstyled tags">{lis}</ul>
    </div>
</div>
"""


def pagination(urls: list[str], current: int) -> str:
    return pager(
        '<ul class="pagination">', "</ul>", urls, current, '<li><a href="{url}">{n}</a></li>',
        '<li class="active"><span>{n}</span></li>', '<li><a href="{url}">上一页</a></li>',
        '<li><a href="{url}">下一页</a></li>',
    )


def comments(items: list[dict]) -> str:
    if items:
        lis = "".join(
            f"""<li class="comment">
    <div class="comment-img"><img alt="用户名" src="/assets/images/avatar.jpg"/></div>
    <div class="comment-body">
        <div class="comment-info">
            <span class="comment-author">{escape(c["name"])}</span>
            <span class="comment-date">{c["time"]}</span>
        </div>
        <div class="comment-text">{escape(c["text"])} </div>
        <div class="comment-details"><span class="comment-status comment-status-pending"></span></div>
    </div>
</li>
"""
            for c in items
        )
        inner = f'<ul class="comments">\n{lis}</ul>'
    else:
        inner = (
            '<ul class="comments list-unstyled"><li class="comment comment-none">'
            '<div class="text-center">额~,木有评论！</div></li></ul>'
        )
    return f"""<section class="mip-box">
    <div class="mip-box-heading"><h3>评论 <span class="badge">{len(items)}</span></h3></div>
    <div class="mip-box-body mip-article-comments">
{inner}
    </div>
    <div class="mip-box-footer text-center"><p class="m-b-none">您尚未登录，暂无法评论！请先登录或注册</p></div>
</section>
"""


def cambrian(url: str, title: str, description: str, date_time: str) -> str:
    """The 熊掌号 JSON-LD MIPCMS prints on detail pages (pubDate, not datePublished)."""
    return (
        '<script type="application/ld+json">\n{\n'
        '    "@context": "https://zhanzhang.baidu.com/contexts/cambrian.jsonld",\n'
        f'    "@id": "{url}",\n    "title":"{escape(title)}",\n'
        f'    "description": "{escape(description)}",\n    "pubDate": "{date_time}",\n'
        '    "isOriginal": "1"\n}\n</script>\n'
    )


def schema_org(url: str, date: str, site: str) -> str:
    return ld_json(schema("Article", mainEntityOfPage=url, datePublished=date, publisher=organization(site)))
