"""An article page of the JEECMS test site, after ``content/news.html`` of JEECMS v8/v9's default theme.

Markup written here, not copied: ``h1`` holding the headline *and* an ``a.position`` channel link,
``div.content-inf`` "发布时间：… 作者：… 来源：… 浏览次数：" with the view count filled by script,
``div.content-txt``, ``div.content-link`` prev/next, ``section.comments`` and ``section.comments-list`` with
``div.comments-item``.
"""

from __future__ import annotations

from html import escape
from typing import Any

from .._channels import blocks_html
from .._html import ld_json, organization, person, schema
from .templates_shell import RES, head, header, with_sidebar


def _table(rows: list[list[str]]) -> str:
    trs = []
    for i, row in enumerate(rows):
        style = ' style="background-color: rgb(242, 242, 242);"' if i == 0 else ""
        cells = "".join(f'<td width="{100 // len(row)}%" valign="top">{escape(c)}</td>' for c in row)
        trs.append(f"<tr{style}>{cells}</tr>")
    return (
        '<table width="100%" border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;">'
        "<tbody>" + "".join(trs) + "</tbody></table>"
    )


BLOCKS = {  # how the editor's HTML prints each kind of block
    "p": lambda text: f'<p style="text-indent: 2em;">{escape(text)}</p>',
    "pc": lambda text: f'<p style="text-align: center;">{escape(text)}</p>',  # centred line (poem, caption)
    "strong": lambda text: f"<p><strong>{escape(text)}</strong></p>",
    "br": lambda lines: "<p>" + "<br/>".join(escape(x) for x in lines) + "</p>",  # lines in one paragraph
    "img": lambda src, caption: (
        f'<p style="text-align: center;"><img src="{src}" title="{escape(caption)}" alt="{escape(caption)}"'
        ' width="600" border="0" vspace="0" style="width: 600px;"/></p>'
    ),
    "table": _table,
}


def article_page(site: dict[str, Any], a: dict[str, Any]) -> str:
    ch = a["channel"]
    extra = ""
    if a["jsonld"]:
        extra = ld_json(schema(
            "NewsArticle", headline=a["title"], datePublished=a["iso"], author=person(a["author_printed"]),
            publisher=organization(site["name"]),
        ))
    extra += (
        '<script type="text/javascript">\n$(function() {\n'
        f'Cms.viewCount("","{a["id"]}");\nCms.siteFlow("", location.href, document.referrer,"true");\n'
        "});\n</script>\n"
    )
    html = [head(a["head_title"], " ".join(t["name"] for t in a["tags"]), a["desc"], extra)]
    html.append(header(site, ch["path"]))
    html.append('<div class="main container clearfix">\n  <section class="content_w850">\n')
    html.append(
        f'    <div class="website">当前位置: <a href="/">首页</a> &gt; '
        f'<a href="{ch["url"]}" target="_blank">{escape(ch["name"])}</a> &gt; 正文</div>\n'
    )
    if not a["title_only"]:
        html.append(
            f'    <h1>{escape(a["title"])}<a class="position" href="{ch["url"]}">{escape(ch["name"])}</a></h1>\n'
        )
    meta = []
    if not a["jsonld"]:
        meta.append(f"发布时间：{a['date']} {a['time']}")
    meta.append(f"作者：{escape(a['author_printed'])}")
    meta.append(f"来源：{escape(a['source'])}")
    meta.append('浏览次数：<span id="views"></span>')
    html.append(
        '    <div class="content-inf">' + "&nbsp;&nbsp;".join(meta) + "\n"
        '    <div class="content-action">'
        + ('<a class="content-comment">我有话说</a> | ' if a["comments"] else "")
        + '<span class="content-share">分享\n'
        '    <ul class="content-share-list"><li><a class="content_qq">QQ好友</a></li>'
        '<li><a class="content_qqzone">QQ空间</a></li><li><a class="content_weixin">微信好友</a></li>'
        '<li><a class="content_sina">新浪微博</a></li></ul>\n'
        '    </span> | <a class="content-collect" id="collectCsiDiv">收藏</a></div>\n    </div>\n'
    )
    if a["summary_box"]:
        html.append(
            '    <div class="content-des"><span class="des-label">导读</span>'
            f'<p>{escape(a["summary_text"])}</p></div>\n'
        )
    html.append('    <div class="content-txt">\n' + blocks_html(a["blocks"], BLOCKS) + "\n    </div>\n")
    tags = "".join(f'<a href="{t["url"]}" target="_blank">{escape(t["name"])}</a>' for t in a["tags"])
    html.append(f'    <div class="content-tag">Tags：{tags}</div>\n')
    html.append(f'    <div class="content-statement">{escape(site["statement"])}</div>\n')
    html.append('    <div class="reward"><a class="reward-btn">打赏</a></div>\n')
    prev, nxt = a["prev"], a["next"]
    prev_html = f'<a href="{prev["url"]}">{escape(prev["cut"])}</a>' if prev else "没有了"
    next_html = f'<a href="{nxt["url"]}">{escape(nxt["cut"])}</a>' if nxt else "没有了"
    html.append(
        '    <div class="content-link clearfix">\n'
        f'      <span class="prev-content"><i></i>上一篇：{prev_html}</span>\n'
        f'      <span class="next-content">下一篇：{next_html}<i></i></span>\n    </div>\n'
    )
    rel = []
    for r in a["related"]:
        rel.append(
            '      <div class="item clearfix">\n'
            f'        <h2><a href="{r["url"]}" target="_blank">{escape(r["title"])}</a></h2>\n'
            f'        <div class="des">{escape(r["cut72"])}</div>\n'
            f'        <span class="ch">{escape(r["channel"]["name"])}<em>{r["date"]}</em></span>\n      </div>'
        )
    html.append(
        '    <section class="hot related">\n      <div class="hot-nav"><h1><span>相关阅读</span></h1></div>\n'
        + "\n".join(rel)
        + "\n    </section>\n"
    )
    if a["comments"]:
        html.append(
            '    <section class="comments">\n'
            f'      <h1>评论<span>已有<a class="count">{len(a["comments"])}</a>条</span></h1>\n'
            '      <textarea placeholder="发表你此时的观点和想法 ……" class="comments-text"'
            ' id="comments-text"></textarea>\n'
            f'      <div class="down clearfix"><img src="{RES}/images/userImg.png" class="userImg">'
            '<span><a>登录</a>之后才能发表评论</span><input type="submit" value="提交评论" class="submit-on"></div>\n'
            "    </section>\n"
            '    <section class="comments-list">\n      <h1><span>热门评论</span></h1>\n'
        )
        for c in a["comments"]:
            html.append(
                '      <div class="comments-item">\n'
                f'        <div class="tx"><img src="{RES}/images/user0{c["avatar"]}.png"></div>\n'
                '        <div class="rig">\n'
                f'          <div class="rig-top"><a class="username">{escape(c["name"])}</a>'
                f'<em>{c["time"]}</em></div>\n'
                f'          <div class="rig-txt">{escape(c["text"])}</div>\n'
                f'          <div class="rig-bottom"><a class="comments-zan">赞({c["ups"]})</a>'
                '<a class="comments-hf">回复(0)</a></div>\n'
                "        </div>\n      </div>\n"
            )
        html.append('      <div class="open-more"><a>加载更多评论</a></div>\n    </section>\n')
    html.append("  </section>\n")
    return with_sidebar(site, html)
