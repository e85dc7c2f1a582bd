"""The list and home pages of the SiteServer CMS test site, after the classic SiteServer default templates:
``stl:pageContents`` + ``stl:pageItems`` (首页 | 上一页 | 下一页 | 末页, pages ``/channels/{id}_{n}.html``), the
``/utils/tags.html?tagName=`` and ``/utils/search.html?word=`` pages, the 专题 channel and the home page.
"""

from __future__ import annotations

from html import escape
from typing import Any

from .templates_shell import foot, head, location, side, top


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
