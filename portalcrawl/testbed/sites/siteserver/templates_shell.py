"""The page shell of the SiteServer CMS test site, after the classic SiteServer default site templates (STL,
GB2312).

Shapes modelled (markup written here, not copied): the XHTML 1.0 Transitional doctype with the charset only in
``<meta http-equiv>``, the top bar, search box and navigation, the side column, ``stl:location`` breadcrumbs
("您现在的位置：首页 &gt; 栏目"), and a 友情链接 block fed from a channel above the footer.
"""

from __future__ import annotations

from html import escape
from typing import Any

SKIN = "/images"


def head(title: str, keywords: str = "", description: str = "", extra: str = "") -> str:
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml">\n<head>\n'
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />\n'
        f"<title>{escape(title)}</title>\n"
        f'<meta name="keywords" content="{escape(keywords)}" />\n'
        f'<meta name="description" content="{escape(description)}" />\n'
        '<link href="/css/style.css" rel="stylesheet" type="text/css" />\n'
        '<script type="text/javascript" src="/sitefiles/bairong/jquery/jquery-1.9.1.min.js"></script>\n'
        f"{extra}</head>\n<body>\n"
    )


def top(site: dict[str, Any], current: int | None) -> str:
    on = ' class="current"'
    nav = [f'<li{on if current is None else ""}><a href="/">首页</a></li>']
    for c in site["channels"]:
        nav.append(f'<li{on if current == c["id"] else ""}><a href="{c["url"]}">{escape(c["name"])}</a></li>')
    sp = site["special"]
    nav.append(f'<li{on if current == sp["id"] else ""}><a href="{sp["url"]}">专题</a></li>')
    return (
        '<div class="topbar"><div class="wrap">\n'
        f'  <span class="fl">欢迎访问{escape(site["name"])}！</span>\n'
        '  <span class="fr"><a href="javascript:;" onclick="this.style.behavior=\'url(#default#homepage)\';'
        "this.setHomePage(location.href);\">设为首页</a> | "
        '<a href="javascript:;" onclick="window.external.addFavorite(location.href,document.title);">'
        "加入收藏</a></span>\n"
        "</div></div>\n"
        '<div class="header"><div class="wrap">\n'
        f'  <div class="logo"><a href="/index.html"><img src="{SKIN}/logo.gif" alt="{escape(site["name"])}"'
        ' border="0" /></a></div>\n'
        '  <div class="search">\n'
        '    <form id="frmSearch" name="frmSearch" action="/utils/search.html" method="get" target="_blank">\n'
        '      <input type="text" name="word" id="word" class="s_input" value="请输入关键字" '
        "onfocus=\"if(this.value=='请输入关键字')this.value='';\" />\n"
        '      <input type="submit" value="搜 索" class="s_btn" />\n'
        "    </form>\n"
        '    <div class="hotword">热门搜索：'
        + " ".join(f'<a href="{w["url"]}" target="_blank">{escape(w["word"])}</a>' for w in site["search_words"])
        + "</div>\n  </div>\n</div></div>\n"
        '<div class="nav"><div class="wrap"><ul>' + "".join(nav) + "</ul></div></div>\n"
    )


def side(site: dict[str, Any]) -> str:
    hot = "".join(
        f'<li><span class="num">{i + 1}</span><a href="{a["url"]}" title="{escape(a["title"])}" target="_blank">'
        f"{escape(a['cut16'])}</a></li>"
        for i, a in enumerate(site["hot"])
    )
    latest = "".join(
        f'<li><a href="{a["url"]}" title="{escape(a["title"])}" target="_blank">{escape(a["cut16"])}</a></li>'
        for a in site["latest"]
    )
    chans = "".join(f'<li><a href="{c["url"]}">{escape(c["name"])}</a></li>' for c in site["channels"])
    return (
        '<div class="side fr">\n'
        f'  <div class="box"><div class="box_title"><span>栏目导航</span></div><ul class="sub_nav">{chans}</ul></div>\n'
        f'  <div class="box"><div class="box_title"><span>热点排行</span></div><ul class="rank">{hot}</ul></div>\n'
        f'  <div class="box"><div class="box_title"><span>最新信息</span></div><ul class="list">{latest}</ul></div>\n'
        "</div>\n"
    )


def foot(site: dict[str, Any]) -> str:
    links = "".join(f'<li><a href="{u}" target="_blank">{escape(t)}</a></li>' for t, u in site["friend_links"])
    return (
        '<div class="links wrap">\n  <div class="links_title">友情链接</div>\n'
        f'  <ul class="links_list">{links}</ul>\n</div>\n'
        '<div class="footer"><div class="wrap">\n'
        f'  <p>版权所有：{escape(site["name"])} &copy; 2012-2024&nbsp;&nbsp;{escape(site["icp"])}</p>\n'
        f'  <p>地址：{escape(site["address"])}&nbsp;&nbsp;投稿邮箱：{site["mail"]}</p>\n'
        "  <p>技术支持：SiteServer CMS</p>\n"
        "</div></div>\n</body>\n</html>\n"
    )


def location(channel: dict[str, Any] | None) -> str:
    trail = '<a href="/">首页</a>'
    if channel:
        trail += f' &gt; <a href="{channel["url"]}">{escape(channel["name"])}</a>'
    return f'<div class="location">您现在的位置：{trail}</div>\n'
