"""The page shell of the ``emlog`` test site, shaped after emlog 5's default template (emlog/emlog,
content/templates/default).

XHTML 1.0 Transitional shell with ``#wrap`` > ``#header`` (h1 blog name, h3 sub-title) > ``#banner`` > ``#nav``
(``ul.bar li.item``), then ``#content`` holding ``#contentleft`` and the ``ul#sidebar`` widgets
(``<li><h3><span>标题</span></h3><ul id="...">``), then ``#footerbar`` ("Powered by emlog" + ICP).
Every absolute link carries the blog URL, as emlog's BLOG_URL does.
"""

from __future__ import annotations

from .._html import esc as e
from .posts import Log

TPL = "/content/templates/default"


def head(title: str, keywords: str, description: str, extra: str = "") -> str:
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk" />
<title>{e(title)}</title>
<meta name="keywords" content="{e(keywords)}" />
<meta name="description" content="{e(description)}" />
<meta name="generator" content="emlog" />
<link href="{{BASE}}{TPL}/main.css" rel="stylesheet" type="text/css" />
<script src="{{BASE}}/include/lib/js/common_tpl.js" type="text/javascript"></script>
{extra}</head>
<body>
<div id="wrap">
"""


def header(blogname: str, bloginfo: str, navi: list[tuple[str, str]], current: str) -> str:
    items = "\n".join(
        f'\t<li class="item {"current" if href == current else "common"}"><a href="{{BASE}}{href}">{e(text)}</a></li>'
        for text, href in navi
    )
    return f"""  <div id="header">
    <h1><a href="{{BASE}}/">{e(blogname)}</a></h1>
    <h3>{e(bloginfo)}</h3>
  </div>
  <div id="banner"><a href="{{BASE}}/"><img src="{{BASE}}{TPL}/images/top/default.jpg"
    height="134" width="960" /></a></div>
  <div id="nav">
	<ul class="bar">
{items}
	</ul>
  </div>
<div id="content">
"""


def widget(title: str, uid: str, inner: str) -> str:
    return f"""	<li>
	<h3><span>{e(title)}</span></h3>
	<ul id="{uid}">
{inner}
	</ul>
	</li>
"""


def sidebar(blogger: tuple[str, str], sorts: list[tuple[int, str, int]], tags: list[tuple[str, str, int]],
            newlogs: list[Log], hotlogs: list[Log], newcomms: list[tuple[str, str, str]],
            searches: list[tuple[str, str]], links: list[tuple[str, str]]) -> str:
    name, des = blogger
    blog = (f'\t<div id="bloggerinfoimg"><img src="{{BASE}}/content/uploadfile/201401/author.png" width="120" '
            f'alt="blogger" /></div>\n\t<p><b>{e(name)}</b>\n\t{e(des)}</p>')
    search = ('\t<form name="keyform" method="get" action="{BASE}/index.php"><p>\n\t<input name="keyword" '
              'class="search" type="text" />\n\t</p></form>')
    hot_search = "\n".join(f'\t<li><a href="{{BASE}}{href}">{e(text)}</a></li>' for text, href in searches)
    sort = "\n".join(f'\t<li>\n\t<a href="{{BASE}}/sort/{sid}">{e(n)}({c})</a>\n\t</li>' for sid, n, c in sorts)
    tag = ("\t<li>" + "\n".join(
        f'\t<span style="font-size:{10 + c}pt; line-height:30px;">\n\t<a href="{{BASE}}/tag/{url}" '
        f'title="{c} 篇文章">{e(n)}</a></span>' for n, url, c in tags) + "</li>")
    new = "\n".join(f'\t<li><a href="{{BASE}}{x.path}">{e(x.title)}</a></li>' for x in newlogs)
    hot = "\n".join(f'\t<li><a href="{{BASE}}{x.path}">{e(x.title)}</a></li>' for x in hotlogs)
    comm = "\n".join(f'\t<li id="comment">{e(n)}\n\t<br /><a href="{{BASE}}{href}">{e(t)}</a></li>'
                     for n, t, href in newcomms)
    link = "\n".join(f'\t<li><a href="{url}" title="{e(t)}" target="_blank">{e(t)}</a></li>' for t, url in links)
    return ('<ul id="sidebar">\n'
            + widget("个人资料", "bloggerinfo", blog)
            + widget("搜索", "logserch", search)
            + widget("热门搜索", "custom_wg_1", hot_search)
            + widget("分类", "blogsort", sort)
            + widget("标签", "blogtags", tag)
            + widget("最新文章", "newlog", new)
            + widget("热门文章", "hotlog", hot)
            + widget("最新评论", "newcomment", comm)
            + widget("链接", "link", link)
            + "</ul><!--end #siderbar-->\n")


def footer(icp: str, info: str) -> str:
    return f"""</div><!--end #content-->
<div style="clear:both;"></div>
<div id="footerbar">
	Powered by <a href="http://www.emlog.net" title="采用emlog系统">emlog</a>
	<a href="http://www.miibeian.gov.cn" target="_blank">{e(icp)}</a> {info}
</div><!--end #footerbar-->
</div><!--end #wrap-->
<script>prettyPrint();</script>
</body>
</html>
"""
