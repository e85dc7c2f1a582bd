"""The page shell of the `metinfo` test site, shaped after MetInfo 7's default theme (templates/metv7): head,
the met-head navigation with the inner-page banner, breadcrumbs, the column navigation, the sidebar, footer.

Only markup; the site's data and truth are in the other modules. Every function returns an HTML string; text is
escaped through `esc`.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._html import esc

SITE = "知行企服资讯网"
KEYWORDS = "企业服务,数字化,技术分享,职场"
VERSION = "7.3.0"
FOOT_TEXT = "© 2016-2024 知行企服资讯网 版权所有"
FOOT_ADDRESS = "地址：浙江省杭州市西湖区文三路 268 号 7 楼"
FOOT_TEL = "服务热线：0571-8690 3321"


def _assets() -> str:
    return (
        '<link href="/favicon.ico" rel="shortcut icon" type="image/x-icon">\n'
        '<link rel="stylesheet" type="text/css" href="/public/web/css/basic.css">\n'
        '<link rel="stylesheet" type="text/css" href="/templates/metv7/cache/metinfo.css">\n'
    )


def head(title: str, description: str, keywords: str, page_id: str, extra: str = "") -> str:
    return (
        "<!DOCTYPE HTML>\n<html>\n<head>\n"
        f"<title>{esc(title)}</title>\n"
        '<meta name="renderer" content="webkit">\n<meta charset="utf-8" />\n'
        '<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0,user-scalable=0,minimal-ui">\n'
        f'<meta name="description" content="{esc(description)}" />\n'
        f'<meta name="keywords" content="{esc(keywords)}" />\n'
        f'<meta name="generator" content="MetInfo {VERSION}" data-variable="/|cn|cn|metv7|{page_id}" />\n'
        + _assets()
        + extra
        + "<style>body{background-color:#ffffff !important;}</style>\n</head>\n"
    )


def header(nav: Sequence[tuple[str, str]], active: str, hidden_h1: str | None, banner_name: str | None) -> str:
    """The met-head navigation bar, then the inner-page banner with the column name."""
    items = [
        '<li class=\'nav-item\'>\n<a href="/" title="网站首页" class="nav-link'
        + (" active" if active == "/" else "")
        + '">网站首页</a>\n</li>'
    ]
    for url, name in nav:
        cls = "nav-link active" if url == active else "nav-link"
        items.append(
            f'<li class=\'nav-item m-l-0\'>\n<a href="{url}" title="{esc(name)}" class="{cls}">{esc(name)}</a>\n</li>'
        )
    h = f"<h1 hidden>{esc(hidden_h1)}</h1>\n" if hidden_h1 else ""
    if active != "/":
        h += f"<h3 hidden>{esc(SITE)}</h3>\n"
    out = (
        '<body>\n<!--[if lte IE 9]><div class="text-xs-center m-b-0 bg-blue-grey-100 alert">'
        "你正在使用一个过时的浏览器。</div><![endif]-->\n"
        "<header class='met-head' m-id='met_head' m-type=\"head_nav\">\n"
        '<nav class="navbar navbar-default box-shadow-none met-nav">\n<div class="container">\n<div class="row">\n'
        f"<div class='met-nav-btn'>\n{h}"
        '<div class="navbar-header pull-xs-left">\n'
        f'<a href="/" class="met-logo vertical-align block pull-xs-left" title="{esc(SITE)}">\n'
        '<div class="vertical-align-middle">'
        f'<img src="/upload/201912/logo.png" alt="{esc(SITE)}" class="mblogo" />'
        f'<img src="/upload/201912/logo.png" alt="{esc(SITE)}" class="pclogo" /></div>\n</a>\n</div>\n'
        '<button type="button" class="navbar-toggler hamburger hamburger-close collapsed p-x-5 p-y-0 '
        'met-nav-toggler" data-target="#met-nav-collapse" data-toggle="collapse">'
        '<span class="sr-only"></span><span class="hamburger-bar"></span></button>\n</div>\n'
        '<div class="collapse navbar-collapse navbar-collapse-toolbar pull-md-right p-0" id="met-nav-collapse">\n'
        '<ul class="nav navbar-nav navlist">\n' + "\n".join(items) + "\n</ul>\n"
        '<div class="metlang m-l-15 pull-md-right"><span id=\'btn-convert\' class="met_navbtn" m-id="lang" '
        'm-type="lang">繁体</span></div>\n'
        "</div>\n</div>\n</div>\n</nav>\n</header>\n"
    )
    if banner_name:
        out += (
            '<div class="met-banner-ny vertical-align text-center" m-id="banner">\n'
            f'<h3 class="vertical-align-middle">{esc(banner_name)}</h3>\n</div>\n'
        )
    return out


def crumbs(trail: Sequence[tuple[str, str]]) -> str:
    lis = "".join(f'<li class="breadcrumb-item"><a href="{u}" title="{esc(n)}">{esc(n)}</a></li>\n' for u, n in trail)
    return (
        "<section class=\"met-crumbs hidden-sm-down\" m-id='met_position' m-type='nocontent'>\n"
        '<div class="container">\n<div class="row">\n<div class="border-bottom clearfix">\n'
        '<ol class="breadcrumb m-b-0 subcolumn-crumbs breadcrumb-arrow">\n'
        "<li class='breadcrumb-item'>您的位置：</li>\n" + lis + "</ol>\n</div>\n</div>\n</div>\n</section>\n"
    )


def subcolumn_nav(column_url: str, column_name: str) -> str:
    return (
        '<section class="met-column-nav" m-id="subcolumn_nav" m-type="nocontent">\n<div class="container">\n'
        '<div class="row">\n<ul class="clearfix met-column-nav-ul text-xs-center">\n'
        f'<li><a href="{column_url}" title="全部" class="active">全部</a></li>\n'
        f'</ul>\n<div class="met-col-search"><form method="get" action="/search/search.php">'
        f'<input type="hidden" name="lang" value="cn" /><input type="text" class="form-control" '
        f'name="searchword" placeholder="搜索{esc(column_name)}"></form></div>\n</div>\n</div>\n</section>\n'
    )


def sidebar(
    column: tuple[str, str],
    hot: Sequence[tuple[str, str]],
    latest: Sequence[tuple[str, str]],
    hot_searches: Sequence[tuple[str, str]],
) -> str:
    def group(title: str, rows: Sequence[tuple[str, str]]) -> str:
        lis = "".join(
            f'<li class="list-group-item">\n<a href="{u}" title="{esc(t)}">{esc(t)}</a>\n</li>\n' for u, t in rows
        )
        return (
            f"<div class=\"sidebar-news-list recommend\">\n<h3 class=' font-weight-300 m-t-10'>{esc(title)}</h3>\n"
            f'<ul class="list-group list-group-bordered m-t-10 m-b-0">\n{lis}</ul>\n</div>\n'
        )

    searches = " ".join(f'<a href="{u}">{esc(w)}</a>' for u, w in hot_searches)
    return (
        '<div class="col-md-3">\n<div class="row">\n<div class="met-bar" m-id="news_bar" m-type="nocontent">\n'
        "<form class='sidebar-search' method='get' action=\"/search/search.php\">\n"
        "<input type='hidden' name='lang' value='cn' />\n<div class=\"form-group\"><div class=\"input-search\">"
        '<button type="submit" class="input-search-btn"><i class="icon wb-search" aria-hidden="true"></i>'
        '</button><input type="text" class="form-control" name="searchword" placeholder="请输入搜索关键词">'
        "</div></div>\n</form>\n"
        f'<div class="sidebar-hot-search font-size-12">热门搜索：{searches}</div>\n'
        '<ul class="column list-icons">\n'
        f'<li>\n<a href="{column[0]}" title="{esc(column[1])}" class="active">'
        f'<h3 class="font-weight-300">{esc(column[1])}</h3></a>\n</li>\n</ul>\n'
        + group("热门资讯", hot)
        + group("最新发布", latest)
        + "</div>\n</div>\n</div>\n"
    )


def footer(nav: Sequence[tuple[str, str]], links: Sequence[tuple[str, str]]) -> str:
    cols = "".join(
        '<div class="col-lg-2 col-md-3 col-xs-6 list masonry-item foot-nav">\n'
        f'<h4 class=\'font-size-16 m-t-0\'>\n<a href="{u}" title="{esc(n)}">{esc(n)}</a>\n</h4>\n</div>\n'
        for u, n in nav
    )
    link_items = "".join(
        f'<li class=\'breadcrumb-item\'>\n<a href="{u}" title="{esc(n)}" target="_blank">\n'
        f"<span>{esc(n)}</span>\n</a>\n</li>\n"
        for n, u in links
    )
    return (
        "<footer class='met-foot-info border-top1' m-id='met_foot' m-type=\"foot\">\n"
        "<div class=\"met-footnav text-xs-center p-b-20\" m-id='noset' m-type='foot_nav'>\n<div class=\"container\">\n"
        '<div class="row mob-masonry">\n'
        + cols
        + "<div class=\"col-lg-3 col-md-12 col-xs-12 info masonry-item font-size-20\" m-id='met_contact' "
        "m-type=\"nocontent\">\n<p class='font-size-26'>0571-8690 3321</p>\n"
        '<p><a href="tel:0571-86903321" title="0571-86903321">工作日 9:00-18:00</a></p>\n</div>\n'
        "</div>\n</div>\n</div>\n"
        "<div class=\"met-link border-top1 text-xs-center p-y-10\" m-id='noset' m-type='link'>\n"
        '<div class="container">\n<ul class="breadcrumb p-0 link-img m-0">\n'
        "<li class='breadcrumb-item'>友情链接 :</li>\n" + link_items + "</ul>\n</div>\n</div>\n"
        '<div class="copy p-y-10 border-top1">\n<div class="container text-xs-center">\n'
        f"<div>{esc(FOOT_TEXT)}</div>\n<div>{esc(FOOT_ADDRESS)}</div>\n<div>{esc(FOOT_TEL)}</div>\n"
        '<div class="powered_by_metinfo">本站由 <b><a href="https://www.metinfo.cn" target="_blank" '
        f'title="企业网站管理系统">米拓建站 {VERSION}</a></b> 提供技术支持</div>\n'
        '<button type="button" class="btn btn-outline btn-default btn-squared btn-lang" id=\'btn-convert\' '
        'm-id="lang" m-type="lang">繁体</button>\n</div>\n</div>\n</footer>\n'
        '<button type="button" class="btn btn-icon btn-primary btn-squared met-scroll-top" hidden>'
        '<i class="icon wb-chevron-up" aria-hidden="true"></i></button>\n'
        '<script src="/public/web/js/basic.js" data-js_url="/templates/metv7/cache/metinfo.js" '
        'id="met-page-js"></script>\n</body>\n</html>\n'
    )
