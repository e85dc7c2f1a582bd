"""The page shell of the ``wordpress`` test site, shaped after the Puock theme (Licoy/wordpress-theme-puock).

Regions follow the theme's header.php / footer.php and its widgets: Bootstrap-ish utility classes (``p-block``,
``puock-text``, ``t-sm c-sub``), a breadcrumb ending in "正文" on posts, and ``pk-widget`` sidebar boxes.
"""

from __future__ import annotations

from .._html import esc as e
from .posts import Post

THEME = "/wp-content/themes/puock"
VER = "2.8.5"


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
