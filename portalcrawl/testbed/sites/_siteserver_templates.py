"""HTML of the SiteServer CMS test site, after the classic SiteServer default site templates (STL, GB2312).

Shapes modelled (markup written here, not copied): the XHTML 1.0 Transitional doctype with the charset only in
``<meta http-equiv>``, ``<title>{Content.Title}_{Stl.SiteName}</title>``, ``stl:location`` breadcrumbs
("您现在的位置：首页 &gt; 栏目"), ``stl:content`` fields (AddDate with ``formatString="yyyy年MM月dd日"``, Source,
Author, Hits via script, Summary, Content, Tags), ``stl:navigation`` 上一篇/下一篇 with "没有了",
``stl:contents isRelatedContents`` lists, ``stl:pageContents`` + ``stl:pageItems`` (首页 | 上一页 | 下一页 | 末页,
pages ``/channels/{id}_{n}.html``), the comments plugin's rendered block (``post_box_count`` "已有N条评论",
``b_cont2`` "最新评论", ``comment_item`` / ``t_username`` / ``t_txt`` / ``datetime``), ``/utils/tags.html?tagName=``
and ``/utils/search.html?word=`` pages, and a 友情链接 block fed from a channel.
"""

from __future__ import annotations

import json
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


def body_html(blocks: list[tuple]) -> str:
    out = []
    for b in blocks:
        kind = b[0]
        if kind == "p":
            out.append(f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{escape(b[1])}</p>")
        elif kind == "pc":
            out.append(f'<p align="center">{escape(b[1])}</p>')
        elif kind == "line":
            out.append(f"<p>{escape(b[1])}</p>")
        elif kind == "strong":
            out.append(f"<p><strong>{escape(b[1])}</strong></p>")
        elif kind == "img":
            out.append(f'<p align="center"><img src="{b[1]}" border="0" alt="" /></p>')
        elif kind == "table":
            rows = []
            for i, row in enumerate(b[1]):
                cell = "th" if i == 0 else "td"
                rows.append("<tr>" + "".join(f"<{cell}>{escape(c)}</{cell}>" for c in row) + "</tr>")
            out.append(
                '<table cellspacing="0" cellpadding="0" border="1" style="width:100%;border-collapse:collapse;">'
                "<tbody>" + "".join(rows) + "</tbody></table>"
            )
    return "\n".join(out)


def article_page(site: dict[str, Any], a: dict[str, Any]) -> str:
    ch = a["channel"]
    extra = ""
    if a["jsonld"]:
        ld = {
            "@context": "http://schema.org",
            "@type": "Article",
            "headline": a["title"],
            "datePublished": a["iso"],
            "publisher": {"@type": "Organization", "name": site["name"]},
        }
        extra = '<script type="application/ld+json">' + json.dumps(ld, ensure_ascii=False) + "</script>\n"
    tag_names = ",".join(t["name"] for t in a["tags"])
    html = [head(f"{a['title']}_{site['name']}", tag_names, a["desc"], extra), top(site, ch["id"])]
    html.append('<div class="main wrap">\n')
    html.append(side(site))
    html.append('<div class="left fl">\n' + location(ch))
    html.append('<div class="article">\n')
    if not a["title_only"]:
        html.append(f'  <div class="article_title"><h1>{escape(a["title"])}</h1></div>\n')
    info = []
    if not a["jsonld"]:
        info.append(f"发布时间：{a['date_cn']}")
    if a["source"]:
        info.append(f"来源：{escape(a['source'])}")
    if a["byline"]:
        info.append(escape(a["byline"]))
    info.append(f'浏览：<span id="hits_{a["id"]}"></span><script type="text/javascript" '
                f'src="/api/sys/stl/actions/hits?siteId=1&amp;channelId={ch["id"]}&amp;contentId={a["id"]}"></script>次')
    html.append(
        '  <div class="article_info">' + "&nbsp;&nbsp;&nbsp;".join(info)
        + '&nbsp;&nbsp;&nbsp;【字体：<a href="javascript:;" onclick="fontZoom(16)">大</a> '
        '<a href="javascript:;" onclick="fontZoom(14)">中</a> <a href="javascript:;" onclick="fontZoom(12)">小</a>】'
        "</div>\n"
    )
    if a["summary_box"]:
        html.append(
            '  <div class="article_summary"><div class="summary_label">【内容提要】</div>'
            f'<div class="summary_text">{escape(a["summary_text"])}</div></div>\n'
        )
    html.append('  <div class="article_content" id="content">\n' + body_html(a["blocks"]) + "\n  </div>\n")
    tags = " ".join(f'<a href="{t["url"]}" target="_blank">{escape(t["name"])}</a>' for t in a["tags"])
    html.append(f'  <div class="article_tags">标签：{tags}</div>\n')
    html.append(f'  <div class="article_copyright">{escape(site["disclaimer"])}</div>\n')
    html.append(
        '  <div class="article_tool"><a href="javascript:window.print();">【打印本页】</a>'
        '<a href="javascript:window.close();">【关闭窗口】</a></div>\n'
    )
    prev, nxt = a["prev"], a["next"]
    ptxt = f'<a href="{prev["url"]}">{escape(prev["title"])}</a>' if prev else "没有了"
    ntxt = f'<a href="{nxt["url"]}">{escape(nxt["title"])}</a>' if nxt else "没有了"
    html.append(f'  <div class="prenext"><p>上一篇：{ptxt}</p><p>下一篇：{ntxt}</p></div>\n')
    rel = "".join(
        f'<li><a href="{r["url"]}" target="_blank">{escape(r["title"])}</a><span class="date">[{r["date"]}]</span>'
        f'<p class="intro">{escape(r["cut50"])}</p></li>'
        for r in a["related"]
    )
    html.append(f'  <div class="related"><div class="related_title">相关信息</div><ul>{rel}</ul></div>\n')
    html.append("</div>\n")
    if a["comments"]:
        html.append(
            '<div class="comments">\n'
            '<div class="post_box post_box_top post_box_showall">\n'
            f'  <p class="post_box_count">已有<span class="f_red">{len(a["comments"])}</span>条评论</p>\n'
            '  <div class="post_box_cont clearfix"><textarea placeholder="请输入评论内容"></textarea></div>\n'
            '  <div class="cmnt_user_cont clearfix"><a href="javascript:;" class="post_btn post_btn_disbled">发布</a>'
            "</div>\n</div>\n"
            '<div class="b_cont2"><div>\n  <div class="c_title"><span class="cmenu">最新评论</span></div>\n'
            '  <div class="b_txt">\n'
        )
        for c in a["comments"]:
            html.append(
                '    <div class="comment_item"><div class="comment_item_cont clearfix">\n'
                '      <div class="t_face"><img src="/sitefiles/assets/comments/images/'
                f'avatar{c["avatar"]}.png" /></div>\n'
                '      <div class="t_content">\n'
                f'        <div><div class="t_info"><span class="t_username"> {escape(c["name"])}</span></div></div>\n'
                '        <div class="comment_content clearfix">\n'
                f'          <div class="t_txt">{escape(c["text"])}</div>\n'
                f'          <div class="reply"><span class="datetime">{c["time"]}</span>'
                f'<span><a href="javascript:;" class="comment_link">支持 <em>({c["good"]})</em></a></span>'
                '<span><a href="javascript:;" class="comment_link">回复</a></span></div>\n'
                "        </div>\n      </div>\n    </div></div>\n"
            )
        html.append("  </div>\n</div></div>\n</div>\n")
    html.append("</div>\n</div>\n")
    html.append(foot(site))
    return "".join(html)


def page_items(urls: list[str], current: int) -> str:
    def item(text: str, n: int | None) -> str:
        if n is None or n == current:
            return f'<span class="disabled">{text}</span>'
        return f'<a href="{urls[n]}">{text}</a>'

    last = len(urls) - 1
    return (
        '<div class="pager">'
        + " | ".join([
            item("首页", 0 if current else None),
            item("上一页", current - 1 if current > 0 else None),
            item("下一页", current + 1 if current < last else None),
            item("末页", last if current < last else None),
        ])
        + f"&nbsp;&nbsp;第{current + 1}页/共{last + 1}页</div>\n"
    )


def list_block(items: list[dict[str, Any]], with_summary: bool = True) -> str:
    out = ['<ul class="news_list">']
    for a in items:
        summary = f'<p class="summary">{escape(a["cut60"])}</p>' if with_summary else ""
        out.append(
            f'<li><span class="date">{a["date"]}</span><a href="{a["list_url"]}" title="{escape(a["title"])}" '
            f'target="_blank">{escape(a["cut30"])}</a>{summary}</li>'
        )
    out.append("</ul>\n")
    return "".join(out)


def list_page(site: dict[str, Any], ch: dict[str, Any], items: list[dict[str, Any]], page: int) -> str:
    html = [head(f"{ch['name']}_{site['name']}", ch["name"], ch["desc"]), top(site, ch["id"])]
    html.append('<div class="main wrap">\n' + side(site) + '<div class="left fl">\n' + location(ch))
    html.append(f'<div class="list_box"><div class="list_title"><span>{escape(ch["name"])}</span></div>\n')
    html.append(list_block(items))
    html.append(page_items(ch["page_urls"], page))
    html.append("</div>\n</div>\n</div>\n")
    html.append(foot(site))
    return "".join(html)


def util_page(site: dict[str, Any], title: str, heading_html: str, items: list[dict[str, Any]]) -> str:
    html = [head(f"{title}_{site['name']}"), top(site, None)]
    html.append('<div class="main wrap">\n' + side(site) + '<div class="left fl">\n' + location(None))
    html.append(f'<div class="list_box"><div class="list_title">{heading_html}</div>\n')
    html.append(list_block(items))
    html.append('<div class="pager"><span class="disabled">首页</span> | <span class="disabled">上一页</span> | '
                '<span class="disabled">下一页</span> | <span class="disabled">末页</span></div>\n')
    html.append("</div>\n</div>\n</div>\n")
    html.append(foot(site))
    return "".join(html)


def special_page(site: dict[str, Any]) -> str:
    sp = site["special"]
    html = [head(f"{sp['name']}_{site['name']}", sp["name"], sp["intro"][:50]), top(site, sp["id"])]
    html.append(f'<div class="zt_banner"><img src="{sp["banner"]}" alt="{escape(sp["name"])}" /></div>\n')
    html.append('<div class="main wrap">\n' + location(sp))
    html.append(
        f'<div class="zt_intro"><div class="zt_intro_title">专题导读</div><p>{escape(sp["intro"])}</p></div>\n'
        '<div class="list_box"><div class="list_title"><span>专题文章</span></div>\n'
    )
    html.append(list_block(sp["items"]))
    html.append("</div>\n</div>\n")
    html.append(foot(site))
    return "".join(html)


def home_page(site: dict[str, Any]) -> str:
    html = [head(site["name"], site["keywords"], site["description"]), top(site, None)]
    html.append('<div class="main wrap">\n')
    focus = site["focus"]
    html.append(
        '<div class="focus fl">'
        + "".join(
            f'<a href="{a["url"]}" target="_blank"><img src="{a["pic"]}" alt="{escape(a["title"])}" /></a>'
            for a in focus
        )
        + "</div>\n"
    )
    head_art = site["headline"]
    html.append(
        f'<div class="toutiao fr"><h2><a href="{head_art["url"]}" target="_blank">{escape(head_art["title"])}</a></h2>'
        f'<p>{escape(head_art["cut60"])}<a href="{head_art["url"]}" target="_blank">[详细]</a></p></div>\n'
    )
    for ch in site["channels"]:
        html.append(
            f'<div class="index_box"><div class="box_title"><span>{escape(ch["name"])}</span>'
            f'<a class="more" href="{ch["url"]}">更多&gt;&gt;</a></div>\n'
        )
        html.append(list_block(ch["articles"][:7], with_summary=False))
        html.append("</div>\n")
    sp = site["special"]
    html.append(
        f'<div class="index_zt"><a href="{sp["url"]}" target="_blank"><img src="{sp["banner"]}" '
        f'alt="{escape(sp["name"])}" /></a></div>\n'
    )
    html.append("</div>\n")
    html.append(foot(site))
    return "".join(html)
