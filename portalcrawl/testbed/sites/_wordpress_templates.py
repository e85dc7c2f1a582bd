"""HTML of the ``wordpress`` test site, shaped after the Puock theme (Licoy/wordpress-theme-puock).

Regions follow the theme's header.php / single.php / comments.php / footer.php and its widgets:
Bootstrap-ish utility classes (``p-block``, ``puock-text``, ``t-sm c-sub``), a breadcrumb ending in
"正文", the view/comment "options" pills under the h1, "正文完" separator, tag badges, "发表至" + date line,
the 版权声明 / 转载说明 block, the comment list as ``div.post-comment`` blocks, and ``pk-widget`` sidebar boxes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html import escape

THEME = "/wp-content/themes/puock"
VER = "2.8.5"


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


def e(text: str) -> str:
    return escape(text, quote=True)


def head(title: str, description: str, extra: str = "") -> str:
    return f"""<!doctype html>
<html>
<head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, user-scalable=no, initial-scale=1.0, maximum-scale=1.0">
    <meta http-equiv="X-UA-Compatible" content="ie=edge">
    <meta http-equiv='content-language' content='zh_CN'>
    <link rel="shortcut icon" href="{THEME}/assets/img/favicon.ico">
    <title>{e(title)}</title>
    <meta name="description" content="{e(description)}">
{extra}    <link rel='stylesheet' id='wp-block-library-css'
          href='/wp-includes/css/dist/block-library/style.min.css?ver=6.3.1' type='text/css' media='all'/>
    <link rel="stylesheet" data-no-instant href="{THEME}/assets/dist/libs.min.css?ver={VER}">
    <link rel="stylesheet" data-no-instant href="{THEME}/assets/dist/style.min.css?ver={VER}">
    <script data-no-instant src="{THEME}/assets/dist/jquery.min.js?ver={VER}"></script>
</head>
"""


def header(site: str, menu: list[tuple[str, str]], current: str, single: bool) -> str:
    items = "".join(
        f'<li id="menu-item-{i + 10}" class="menu-item{" current-menu-item" if href == current else ""}">'
        f'<a href="{href}">{e(text)}</a></li>'
        for i, (text, href) in enumerate(menu)
    )
    progress = (
        '<div class="progress" id="page-read-progress"><div class="progress-bar progress-bar-striped '
        'progress-bar-animated" aria-valuenow="0" aria-valuemin="0" aria-valuemax="100" role="progressbar"></div>'
        "</div>\n"
        if single
        else ""
    )
    return f"""<body class="puock-light">
<div>
    {progress}<div id="header-box" class="animated fadeInDown"></div>
    <header id="header" class="animated fadeInDown blur">
        <div class="navbar navbar-dark shadow-sm">
            <div class="container">
                <a href="{{BASE}}" id="logo" class="navbar-brand">
                    <span class="puock-text txt-logo">{e(site)}</span>
                </a>
                <div class="d-none d-lg-block puock-links">
                    <div id="menus" class="t-md "><ul>{items}</ul></div>
                </div>
                <div class="mobile-menus d-block d-lg-none p-1 puock-text">
                    <i class="fa fa-bars t-xl mr-2 mobile-menu-s"></i>
                    <i class="search-modal-btn fa fa-search t-md"></i>
                </div>
            </div>
        </div>
    </header>
    <div id="search" class="d-none">
        <div class="w-100 d-flex justify-content-center">
            <div id="search-main" class="container p-block">
                <form class="global-search-form" action="{{BASE}}">
                    <div class="search-layout">
                        <div class="search-input">
                            <input required type="text" name="s" class="form-control" placeholder="请输入搜索关键字">
                        </div>
                        <div class="search-start">
                            <button type="submit" class="btn-dark btn"><i class="fa fa-search mr-1"></i>搜索</button>
                        </div>
                    </div>
                </form>
            </div>
        </div>
    </div>
    <div id="mobile-menu-backdrop" class="modal-backdrop d-none"></div>
"""


def breadcrumb(crumbs: list[tuple[str, str | None]]) -> str:
    out = ['<div id="breadcrumb" class="animated fadeInUp"><nav aria-label="breadcrumb"><ol class="breadcrumb">',
           '<li class="breadcrumb-item"><a class="a-link" href="{BASE}">首页</a></li>']
    for text, href in crumbs:
        if href:
            out.append(f'<li class="breadcrumb-item"><a class="a-link" href="{href}">{e(text)}</a></li>')
        else:
            out.append(f'<li class="breadcrumb-item active " aria-current="page">{e(text)}</li>')
    out.append("</ol></nav></div>")
    return "".join(out)


def widget(title: str, icon: str, inner: str) -> str:
    return f"""<div class="pk-widget p-block ">
    <div><span class="t-lg border-bottom border-primary puock-text pb-2"><i class="{icon} mr-1"></i>{e(title)}</span></div>
    <div class="mt20">{inner}</div>
</div>
"""


def sidebar(hot: list[Post], latest: list[Post], tags: list[tuple[str, str, int]],
            searches: list[tuple[str, str]], links: list[tuple[str, str]]) -> str:
    hot_html = "".join(
        f"""<div class="mt10"><div class="widget-common-media-post">
    <a class="img ww" title="{e(p.title)}" href="{p.path}"><img src="{p.thumb}" alt="{e(p.title)}"/></a>
    <div class="info"><h2 class="t-lg t-line-1"><a class="a-link t-w-400 t-md" title="{e(p.title)}"
        href="{p.path}">{e(p.title)}</a></h2>
    <div class="description t-sm c-sub text-3line">{e(p.excerpt)}</div></div>
</div></div>"""
        for p in hot
    )
    latest_html = "".join(
        f"""<div class="media-link mt20"><h2 class="t-lg t-line-1" title="{e(p.title)}">
    <i class="fa fa-angle-right t-sm c-sub mr-1"></i><a class="a-link t-w-400 t-md" title="{e(p.title)}"
    href="{p.path}">{e(p.title)}</a></h2></div>"""
        for p in latest
    )
    cloud = "".join(
        f'<a href="/tag/{slug}/" class="tag-cloud-link tag-link-{i + 3}" style="font-size: {12 + n}pt;" '
        f'aria-label="{e(name)} ({n}个项目)">{e(name)}</a>\n'
        for i, (slug, name, n) in enumerate(tags)
    )
    hot_search = "".join(f'<a class="pk-badge pk-badge-sm mr5" href="{href}">{e(text)}</a>' for text, href in searches)
    blogroll = "".join(
        f'<li><a href="{url}" rel="friend" target="_blank">{e(text)}</a></li>\n' for text, url in links
    )
    return (
        '<div id="sidebar" class="col-lg-4 d-none d-lg-block animated fadeInRight">\n<div class="sidebar-main">\n'
        + widget("热门文章", "fa fa-fire", hot_html)
        + widget("最新文章", "fa fa-clock", latest_html)
        + widget("标签云", "fa fa-tags", f'<div class="tagcloud">{cloud}</div>')
        + widget("热门搜索", "fa fa-search", f'<div class="textwidget custom-html-widget">{hot_search}</div>')
        + widget("友情链接", "fa fa-link", f"<ul class='xoxo blogroll'>\n{blogroll}</ul>")
        + "</div>\n</div>\n"
    )


def footer(site: str, about: str, year: str) -> str:
    return f"""<div id="rb-float-actions">
    <div data-to="top" class="p-block"><i class="fa fa-arrow-up puock-text"></i></div>
    <div data-to="bottom" class="p-block"><i class="fa fa-arrow-down puock-text"></i></div>
</div>
<footer id="footer">
    <div class="container">
        <div class="row row-cols-md-1">
            <div class="col-md-6">
                <div><span class="t-md pb-2 d-inline-block border-bottom border-primary"><i
                        class="fa-regular fa-bell"></i> 关于我们</span></div>
                <p class="mt20 t-md">{e(about)}</p>
            </div>
            <div class="col-md-6">
                <div><span class="t-md pb-2 d-inline-block border-bottom border-primary"><i
                        class="fa-regular fa-copyright"></i> 版权说明</span></div>
                <p class="mt20 t-md">本站文章除注明转载外均为原创，转载请保留原文链接及作者信息；
                部分图片来自网络，如有侵权请联系删除。</p>
            </div>
        </div>
    </div>
    <div class="mt20 text-center t-md">
        <div class="info">
            <div>Copyright &copy; 2021-{year} {e(site)} All rights reserved.
            <a href="https://beian.miit.gov.cn/" target="_blank" rel="nofollow">浙ICP备2021034417号-1</a></div>
            <div class="mt10">Theme by
            <a href="https://github.com/Licoy/wordpress-theme-puock" target="_blank">Puock</a>
            &amp; Powered by <a href="https://cn.wordpress.org/" target="_blank">WordPress</a></div>
        </div>
    </div>
</footer>
</div>
<script type='text/javascript' src='{THEME}/assets/dist/app.min.js?ver={VER}' id='puock-js'></script>
</body>
</html>
"""


def comments_block(post: Post) -> str:
    n = count_comments(post.comments)
    label = f"{n} 条评论" if n else "暂无评论"

    def one(c: Comment, depth: int) -> str:
        who = (f"<a href='{c.url}' rel='external nofollow ugc' class='url'>{e(c.name)}</a>" if c.url else e(c.name))
        kids = "".join(one(r, depth + 1) for r in c.replies)
        return f"""<div id="comment-{c.cid}" class="post-comment{' post-comment-reply' if depth else ''}">
    <div class="info">
        <div><img src="{THEME}/assets/img/avatar.png" class="avatar avatar-64 photo md-avatar" width="60" height="60"></div>
        <div class="ml-3 two-info">
            <div class="puock-text ta3b"><span class="t-md puock-links">{who}</span></div>
            <div class="t-sm c-sub">
                <span>{c.when}</span>
                <a id="comment-reply-{c.cid}" data-id="{c.cid}" class="hide-info animated bounceIn c-sub-a t-sm ml-1 comment-reply"
                   href="javascript:void(0)" title="回复此评论"><i class="fa fa-share-from-square"></i>
                    <span class="comment-reply-text">回复</span></a>
            </div>
        </div>
    </div>
    <div class="content">
        <div class="content-text t-sm mt10 puock-text">
            <p>{e(c.text)}</p>
            <div class="comment-os c-sub"><span class='mt10' title='{c.os}'><i class='fa-brands fa-windows'></i>&nbsp;<span>{c.os}&nbsp;</span></span><span class='mt10' title='{c.browser}'><i class='fa-brands fa-chrome'></i>&nbsp;<span>{c.browser}</span></span><span class='mt10' title='IP'><i class='fa-solid fa-location-dot'></i>&nbsp;{e(c.region)}</span></div>
        </div>
        <div class="comment-box-reply d-none" id="comment-box-{c.cid}"></div>
    </div>
{kids}</div>
"""

    listing = "".join(one(c, 0) for c in post.comments)
    return f"""<div class="p-block" id="comments">
    <div><span class="t-lg border-bottom border-primary puock-text pb-2"><i class="fa-regular fa-comments mr-1"></i>评论（{label}）</span></div>
    <div class="mt20 clearfix" id="comment-form-box">
        <form class="mt10" id="comment-form" method="post" action="/wp-admin/admin-ajax.php?action=comment_ajax">
            <div class="form-group">
                <textarea placeholder="世界这么大发表一下你的看法~" id="comment" name="comment"
                          class="form-control form-control-sm t-sm" rows="4"></textarea>
            </div>
            <div class="row row-cols-1 comment-info">
                <div class="col-12 col-sm-4"><input type="text" id="author" name="author" class="form-control form-control-sm t-sm" placeholder="昵称（必填）"></div>
                <div class="col-12 col-sm-4"><input type="email" id="email" name="email" class="form-control form-control-sm t-sm" placeholder="邮箱（必填）"></div>
                <div class="col-12 col-sm-4"><input type="text" id="url" name="url" class="form-control form-control-sm t-sm" placeholder="网站"></div>
            </div>
            <input type="text" hidden name="comment_post_ID" value="{post.pid}">
            <div class="clearfix mt10"><div class="float-right">
                <button id="comment-submit" type="submit" class="btn btn-primary btn-ssm"><i class="fa fa-paper-plane"></i>&nbsp;发布评论</button>
            </div></div>
        </form>
    </div>
    <div id="post-comments">
{listing}    </div>
</div>
"""


def count_comments(comments: list[Comment]) -> int:
    return sum(1 + count_comments(c.replies) for c in comments)


def json_ld(base: str, post: Post, site: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Article",
                "@id": f"{base}{post.path}#article",
                "isPartOf": {"@id": f"{base}{post.path}"},
                "author": {"name": post.author, "@id": f"{base}/#/schema/person/{post.author_slug}"},
                "headline": post.title,
                "datePublished": f"{post.date}T{post.time}+08:00",
                "dateModified": post.modified,
                "mainEntityOfPage": {"@id": f"{base}{post.path}"},
                "publisher": {"@id": f"{base}/#organization"},
                "inLanguage": "zh-Hans",
            },
            {"@type": "WebSite", "@id": f"{base}/#website", "url": f"{base}/", "name": site, "inLanguage": "zh-Hans"},
        ],
    }
    text = json.dumps(data, ensure_ascii=False).replace("/", "\\/")
    return f'    <script type="application/ld+json" class="yoast-schema-graph">{text}</script>\n'


def article_main(post: Post, cat_name: str, cat_href: str, tag_names: dict[str, str], words: int,
                 neighbours: tuple[Post | None, Post | None], related: list[Post], reprint_note: str) -> str:
    n = count_comments(post.comments)
    h1 = (f'<div><h1 id="post-title" class="mb-0 puock-text t-xxl">{e(post.title)}</h1></div>\n'
          if post.show_h1 else "")
    summary = ""
    if post.summary:
        summary = f"""<div class="post-summary mt20 puock-bg p-3 t-sm">
    <div class="c-sub mb-1"><i class="fa fa-quote-left mr-1"></i>文章摘要</div>
    <p class="mb-0">{e(post.summary)}</p>
</div>
"""
    tags = "".join(
        f'<a href="/tag/{t}/" class="pk-badge pk-badge-sm mr5 mb10"><i class="fa-solid fa-tag"></i> '
        f'{e(tag_names[t])}</a>'
        for t in post.tags
    )
    tags_html = f'<div class="mt20 tags">{tags}</div>' if tags else ""
    date_html = (f'<div><span class="c-sub"><i class="fa-regular fa-clock"></i> {post.date}</span></div>'
                 if post.show_date else "")
    when = post.date if post.show_date else ""
    prev, nxt = neighbours
    nav = ['<div class="p-block post-neighbor p-flex-sbc t-md">']
    nav.append(f'<div class="prev"><span class="c-sub">上一篇：</span>'
               f'<a class="a-link" href="{prev.path}">{e(prev.title)}</a></div>'
               if prev else '<div class="prev"><span class="c-sub">上一篇：没有了</span></div>')
    nav.append(f'<div class="next text-right"><span class="c-sub">下一篇：</span>'
               f'<a class="a-link" href="{nxt.path}">{e(nxt.title)}</a></div>'
               if nxt else '<div class="next text-right"><span class="c-sub">下一篇：没有了</span></div>')
    nav.append("</div>\n")
    rel = "".join(
        f"""<div class="col-12 col-md-6 post-relevant-item mb-3"><div class="widget-common-media-post">
    <a class="img ww" href="{p.path}" title="{e(p.title)}"><img src="{p.thumb}" alt="{e(p.title)}"/></a>
    <div class="info"><div class="title t-md"><a class="a-link" href="{p.path}">{e(p.title)}</a></div>
    <div class="description t-sm c-sub text-2line">{e(p.excerpt)}</div></div></div></div>
"""
        for p in related
    )
    return f"""<div class="p-block">
    {h1}<div class="options p-flex-sbc mt20">
        <div>
            <div class="option puock-bg ta3 t-sm mr-1"><i class="fa-regular fa-eye mr-1"></i><span id="post-views">{post.views}</span><span>次阅读</span></div>
            <a href="#comments"><div class="option puock-bg ta3 t-sm mr-1"><i class="fa-regular fa-comment mr-1"></i>{f"{n} 条评论" if n else "暂无评论"}</div></a>
        </div>
        <div><div class="option puock-bg ta3 t-sm mr-1 d-none d-lg-inline-block post-main-size"><i class="fa fa-up-right-and-down-left-from-center"></i></div></div>
    </div>
    {summary}<div class="mt20 entry-content-box">
        <div class="entry-content show-link-icon content-main puock-text p-indent">
{post.body_html}
        </div>
        <div class="t-separator c-sub t-sm mt30">正文完</div>
        <div class="footer-info puock-text mt20">
            {tags_html}
            <div class="p-flex-sbc mt20 t-sm">
                <div><span>发表至：</span><a class="a-link" href="{cat_href}">{e(cat_name)}</a></div>
                {date_html}
            </div>
        </div>
    </div>
    <div class="mt15 post-action-panel"><div class="post-action-content"><div class="d-flex justify-content-center w-100 c-sub">
        <div class="circle-button puock-bg text-center" id="post-like" data-id="{post.pid}"><i class="fa-regular fa-thumbs-up t-md"></i>&nbsp;<span class="t-sm">{post.views // 37}</span></div>
        <div class="circle-button puock-bg text-center pk-modal-toggle" title="分享"><i class="fa fa-share-from-square t-md"></i></div>
    </div></div></div>
</div>
<div class="p-block p-flex-sc">
    <div class="mr-3 p-flex-sk-0"><img class="md-avatar mt-1" src="{THEME}/assets/img/avatar.png" alt="{e(post.author)}" title="{e(post.author)}"></div>
    <div class="puock-text t-md">
        <div><span class="font-weight-bold">版权声明：</span><span>本站原创文章，由</span><a class="a-link" href="/author/{post.author_slug}/">{e(post.author)} </a>{when}发表，共计{words}字。</div>
        <div class="mt-2"><span class="font-weight-bold c-sub">转载说明：</span><span class="c-sub">{e(reprint_note)}</span></div>
    </div>
</div>
{"".join(nav)}<div class="p-block pb-0">
    <div><span class="t-lg border-bottom border-primary puock-text pb-2"><i class="fa fa-bookmark mr-1"></i>相关推荐</span></div>
    <div class="row puock-text post-relevant mt20">
{rel}    </div>
</div>
{comments_block(post)}"""


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
