"""The main column of the `metinfo` test site's pages, shaped after MetInfo 7's default theme: list items as
ajax/news.php prints them and the pager (news.php), an article (shownews.php), visitor comments in the message
module's markup, JSON-LD, and the home page's banner and column blocks.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._html import esc, ld_json, organization, pager_links, person, schema
from .templates_shell import SITE

DISCLAIMER = (
    "声明：本站部分文章来源于网络及合作媒体，版权归原作者所有，仅供学习交流；"
    "如有侵权，请联系本站删除。转载本站原创文章请注明出处。"
)


def news_item(url: str, title: str, desc: str, date: str, issue: str, hits: int) -> str:
    """One teaser of a list, as ajax/news.php prints it."""
    return (
        '<li class="media media-lg border-bottom1">\n<div class="media-body">\n'
        f'<h4>\n<a href="{url}" title="{esc(title)}" target=\'_self\'>{esc(title)}</a>\n</h4>\n'
        f'<p class="des font-weight-300">\n{esc(desc)}\n</p>\n'
        f'<p class="info font-weight-300">\n<span>{date}</span>\n<span>{esc(issue)}</span>\n'
        f'<span>\n<i class="icon wb-eye m-r-5 font-weight-300" aria-hidden="true"></i>\n{hits}\n</span>\n'
        "</p>\n</div>\n</li>\n"
    )


def pager(urls: Sequence[str], current: int) -> str:
    parts = pager_links(
        urls, current, "<a href='{url}'>{n}</a>", "<a href='{url}' class='Ahover'>{n}</a>",
        "<a href='{url}' class='PreA'>上一页</a>", "<a href='{url}' class='NextA'>下一页</a>",
        "<span class='PreSpan'>上一页</span>", "<span class='NextSpan'>下一页</span>",
    )
    return (
        "<div class='m-t-20 text-xs-center hidden-sm-down' m-type=\"nosysdata\">\n<div class='met_pager'>"
        + "".join(parts)
        + "</div>\n</div>\n"
    )


def list_main(items: str, pager_html: str, heading: str | None = None, intro: str | None = None) -> str:
    top = f'<div class="met-tag-title"><h2 class="font-size-20">{esc(heading)}</h2></div>\n' if heading else ""
    if intro:
        top += f'<div class="met-column-intro met-editor">\n<p>{esc(intro)}</p>\n</div>\n'
    return (
        '<div class="col-md-9 met-news-body">\n<div class="row">\n<div class="met-news-list" m-id="noset">\n'
        + top
        + "<ul class=\"ulstyle met-pager-ajax imagesize\" data-scale='400x300'>\n"
        + items
        + "</ul>\n"
        + pager_html
        + "</div>\n</div>\n</div>\n"
    )


def article_main(a: dict) -> str:
    """main.met-shownews as shownews.php prints it; `a` carries the rendered pieces."""
    h1 = "" if a["no_h1"] else f"<h1 class='m-t-10 m-b-5'>{esc(a['title'])}</h1>\n"
    date = "" if a["ld_only"] else f"<span>{a['datetime']}</span>\n"
    tags = "".join(f'<a href="{u}" title="{esc(n)}">{esc(n)}</a>\n' for u, n in a["tags"])
    rel = "".join(
        f"<li class=''>\n<h4 class='m-t-0 m-b-0 text-left-center'>\n"
        f"<a href='{u}' title='{esc(t)}'>{esc(t)}[{d}]</a>\n</h4>\n"
        f'<p class="des font-weight-300">{esc(s)}</p>\n</li>\n'
        for u, t, d, s in a["related"]
    )
    prev_u, prev_t = a["prev"]
    next_u, next_t = a["next"]
    return (
        '<main class="met-shownews animsition">\n<div class="container">\n<div class="row">\n<div class="clearfix">\n'
        '<div class="col-md-9 met-shownews-body" m-id="noset">\n<div class="row">\n'
        '<section class="details-title">\n'
        + h1
        + '<div class="info font-weight-300">\n'
        + date
        + f'<span>{esc(a["issue"])}</span>\n<span>\n<i class="icon wb-eye m-r-5" aria-hidden="true"></i>\n'
        f"{a['hits']}\n</span>\n</div>\n</section>\n"
        '<section class="met-editor clearfix">\n' + a["content"] + "</section>\n"
        f'<div class="met-editor-copyright font-size-12 m-t-20"><p>{esc(DISCLAIMER)}</p></div>\n'
        '<div class="tag-border">\n<div class="detail_tag font-size-14">\n<span>标签：</span>\n' + tags + "</div>\n"
        '<div class="met-relevant">\n<h3 class="font-size-16">相关资讯</h3>\n'
        "<ul class='blocks-100 blocks-md-2'>\n"
        + rel
        + "</ul>\n</div>\n</div>\n"
        + a["comments"]
        + "<div class='met-page met-shownews-footer border-top1' >\n<ul class=\"pagination block blocks-2 p-t-20\">\n"
        f"<li class='page-item m-b-0 {'' if prev_u else 'disable'}'>\n"
        f"<a href='{prev_u or 'javascript:;'}' title=\"{esc(prev_t)}\" class='page-link text-truncate'>\n上一篇\n"
        f"<span aria-hidden=\"true\" class='hidden-xs-down'>: {esc(prev_t or '没有了')}</span>\n</a>\n</li>\n"
        f"<li class='page-item m-b-0 {'' if next_u else 'disable'}'>\n"
        f"<a href='{next_u or 'javascript:;'}' title=\"{esc(next_t)}\" class='page-link pull-xs-right text-truncate'>"
        f"\n下一篇\n<span aria-hidden=\"true\" class='hidden-xs-down'>: {esc(next_t or '没有了')}</span>\n</a>\n</li>\n"
        "</ul>\n</div>\n</div>\n</div>\n" + a["sidebar"] + "</div>\n</div>\n</div>\n</main>\n"
    )


def comments_block(rows: Sequence[tuple[str, str, str]]) -> str:
    """Visitor comments, in the media-list markup of MetInfo's message (留言) module."""
    lis = "".join(
        '<li class="list-group-item">\n<div class="media">\n<div class="media-left">'
        '<i class="icon wb-user-circle font-size-30" aria-hidden="true"></i></div>\n<div class="media-body">\n'
        f'<h4 class="media-heading font-size-16">{esc(name)}<small class="m-l-10">{when}</small></h4>\n'
        f'<p class="m-b-0">{esc(text)}</p>\n</div>\n</div>\n</li>\n'
        for name, when, text in rows
    )
    return (
        '<div class="met-comment m-t-20" m-id="comment">\n'
        f'<h3 class="font-size-16">网友评论 <span class="badge">{len(rows)}</span></h3>\n'
        '<ul class="list-group list-group-dividered list-group-full met-message-list">\n' + lis + "</ul>\n"
        '<form class="met-comment-form" method="post" action="/message/index.php?action=add">\n'
        '<textarea name="text" class="form-control" placeholder="说点什么吧"></textarea>\n'
        '<input type="text" name="pname" class="form-control" placeholder="昵称" />\n'
        '<button type="submit" class="btn btn-primary">发表评论</button>\n</form>\n</div>\n'
    )


def json_ld(headline: str, published: str, author: str, url: str) -> str:
    return ld_json(schema(
        "NewsArticle", headline=headline, datePublished=published, author=person(author), mainEntityOfPage=url,
        publisher=organization(SITE),
    ))


def home_main(banner: Sequence[tuple[str, str]], blocks: Sequence[tuple[str, str, str]]) -> str:
    slides = "".join(
        f'<div class="carousel-item{" active" if i == 0 else ""}">\n<img class="w-full pc_img" '
        f'src="/upload/202401/banner{i + 1}.png" alt="{esc(t)}">\n<div class="met-banner-text pc-content">'
        f"<div class='container'><div class='met-banner-text-con p-4'><div><div>"
        f'<a href="{u}" title="{esc(t)}" class="all-imgmask"></a>'
        f'<h3 class="animation-slide-top animation-delay-300 font-weight-500">{esc(t)}</h3>'
        "</div></div></div></div></div>\n</div>\n"
        for i, (u, t) in enumerate(banner)
    )
    out = (
        '<div class="met-banner carousel slide" id="exampleCarouselDefault" data-ride="carousel" '
        "m-id='banner' m-type='banner'>\n<div class=\"carousel-inner\" role=\"listbox\">\n"
        + slides
        + "</div>\n</div>\n"
    )
    for column_url, name, items in blocks:
        out += (
            "<section class=\"news_list_index_met_16_1 met-index-body text-xs-center\" m-id='noset'>\n"
            f'<div class="container">\n<h2 class="m-t-0 invisible-xs font-weight-300">{esc(name)}</h2>\n'
            '<div class="row text-xs-left">\n<ul class="ulstyle news-list-md">\n' + items + "</ul>\n</div>\n"
            f'<a href="{column_url}" title="{esc(name)}" class="btn btn-outline btn-default btn-squared '
            'btn-more">查看更多</a>\n</div>\n</section>\n'
        )
    return out


def news_section(inner: str) -> str:
    """``section.met-news``, the container news.php puts a list page's list and sidebar in."""
    return (
        '<section class="met-news animsition">\n<div class="container">\n<div class="row">\n'
        + inner
        + "</div>\n</div>\n</section>\n"
    )
