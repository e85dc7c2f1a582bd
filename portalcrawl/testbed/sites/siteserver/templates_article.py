"""An article page of the SiteServer CMS test site, after the classic SiteServer default content template.

Markup written here, not copied: ``<title>{Content.Title}_{Stl.SiteName}</title>``, ``stl:content`` fields
(AddDate with ``formatString="yyyy年MM月dd日"``, Source, Author, Hits via script, Summary, Content, Tags),
``stl:navigation`` 上一篇/下一篇 with "没有了", ``stl:contents isRelatedContents`` lists, and the comments
plugin's rendered block (``post_box_count`` "已有N条评论", ``b_cont2`` "最新评论", ``comment_item`` /
``t_username`` / ``t_txt`` / ``datetime``).
"""

from __future__ import annotations

from html import escape
from typing import Any

from .._channels import blocks_html
from .._html import ld_json, organization, schema
from .templates_shell import foot, head, location, side, top


def _table(rows: list[list[str]]) -> str:
    trs = []
    for i, row in enumerate(rows):
        cell = "th" if i == 0 else "td"
        trs.append("<tr>" + "".join(f"<{cell}>{escape(c)}</{cell}>" for c in row) + "</tr>")
    return (
        '<table cellspacing="0" cellpadding="0" border="1" style="width:100%;border-collapse:collapse;">'
        "<tbody>" + "".join(trs) + "</tbody></table>"
    )


BLOCKS = {  # how the content editor's HTML prints each kind of block
    "p": lambda text: f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{escape(text)}</p>",
    "pc": lambda text: f'<p align="center">{escape(text)}</p>',
    "line": lambda text: f"<p>{escape(text)}</p>",
    "strong": lambda text: f"<p><strong>{escape(text)}</strong></p>",
    "img": lambda src: f'<p align="center"><img src="{src}" border="0" alt="" /></p>',
    "table": _table,
}


def article_page(site: dict[str, Any], a: dict[str, Any]) -> str:
    ch = a["channel"]
    extra = ""
    if a["jsonld"]:
        extra = ld_json(schema(
            "Article", "http://schema.org", headline=a["title"], datePublished=a["iso"],
            publisher=organization(site["name"]),
        ))
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
    html.append('  <div class="article_content" id="content">\n' + blocks_html(a["blocks"], BLOCKS) + "\n  </div>\n")
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
