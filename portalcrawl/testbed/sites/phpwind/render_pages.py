"""The other pages of the ``phpwind`` test site: the portal's articles (CMS mode ``view.htm``), the home page, the
tag (话题) pages (``tag/index_view.htm``), search results and the 专题 page (``special/index_run.htm``)."""

from __future__ import annotations

import random
from html import escape
from typing import TYPE_CHECKING

from portalcrawl.demo import text_bank

from .._html import ld_json, person, schema
from .templates_blocks import sidebar_box, summary, tag_cloud, tag_url, teaser_module, title_module
from .templates_shell import crumb, head, header

if TYPE_CHECKING:
    from .rendering import Rendering


def portal_pages(r: Rendering) -> None:
    """A page per r.portal article (CMS-mode view)."""
    for p in r.portal:
        others = [q for q in r.portal if q is not p]
        jsonld = ""
        if p["jsonld_only"]:
            data = schema("NewsArticle", datePublished=p["time"][:10])
            if not p["title_only"]:
                data["headline"] = p["title"]
            data["author"] = person(p["author"])
            jsonld = ld_json(data)
        h1 = "" if p["title_only"] else f'\t\t\t\t<h1 class="tac f24 b">{escape(p["title"])}</h1>\n'
        date = "" if p["jsonld_only"] else f'<span class="mr10 f10">{p["time"]}</span>'
        content = "\n".join(f"<p>{escape(line)}</p>" for line in p["lines"])
        relate = "".join(
            f'<li><a href="{r.portal_url(q)}" target="_blank">{escape(q["title"])}</a></li>' for q in others[:3]
        )
        hot_portal = sorted(r.portal, key=lambda q: q["hits"], reverse=True)
        body = (
            head(r.base, f"{p['title']} - 资讯 - {r.site_name}", extra=jsonld, description=summary(p["lines"], 80))
            + header(r.base, r.site_name, r.nav, "专题")
            + '\t<div class="main_wrap">\n'
            + f'<div class="cmsbreadCrumb mb10"><a href="{r.base}/index.php">{r.site_name}</a> &raquo; '
            + f'<a href="{r.special_url}">资讯</a> &raquo; 正文</div>\n'
            + '<div class="cmsBgbor">&nbsp;</div>\n<div class="cmsBg">\n'
            + '<div id="content" class="fl">\n<div class="cmsBoxA">\n'
            + '\t\t\t<table width="100%" style="table-layout:fixed;"><tr><td class="vt" height="600">\n'
            + h1
            + '\t\t\t\t<div class="cmsTips tac mb20">'
            + f'<span class="mr10">作者：{p["author"]}</span>'
            f'<span class="mr10">来源：{p["source"]}</span>{date}</div>\n'
            + '\t\t\t\t<div class="summary mb10"><span class="summary_tit">内容提要</span>'
            + f"<p>{escape(summary(p['lines'], 60))}</p></div>\n"
            + f'\t\t\t\t<div class="cmsContent" id="cmsContent">\n{content}\n\t\t\t\t</div>\n'
            + f'\t\t\t\t<div class="cmsCopyright">本文来源：{p["source"]}。文章版权归原作者所有，转载请注明出处；'
            + "如涉及版权问题，请与本站联系。</div>\n"
            + '\t\t\t\t<div class="cmsTips mb10">'
            f'<span class="mr10">已有<span class="s2">{p["hits"]}</span>人阅读</span></div>\n'
            + '\t\t\t\t<div class="reReading mb10"><h2 class="f14 b">相关阅读</h2>'
            f'<div class="cmsListA cmsIconA"><ul>{relate}</ul></div></div>\n'
            + "\t\t\t</td></tr></table>\n</div>\n</div>\n"
            + '<div id="sideBar" class="fr">\n'
            + sidebar_box(
                "24小时人气排行", [(q["title"], r.portal_url(q)) for q in hot_portal if q is not p], "cmsBoxB"
            )
            + sidebar_box("热门帖子", [(t["title"], r.read_url(t)) for t in r.hot[:5]], "cmsBoxB")
            + sidebar_box("最新帖子", [(t["title"], r.read_url(t)) for t in r.latest[:5]], "cmsBoxB")
            + '</div>\n<div class="c">&nbsp;</div>\n</div>\n<div class="cmsBgbor">&nbsp;</div>\n\t</div>\n'
            + r.foot
        )
        r.put(f"/index.php?m=cms&q=view&id={p['id']}", body)


def home_page(r: Rendering) -> None:
    """The home page (r.portal headlines and the forum list), also served as ``/index.php``."""
    portal_mod = teaser_module("门户头条", [(p["title"], r.portal_url(p), summary(p["lines"])) for p in r.portal])
    forum_rows = ""
    for fid, (fname, _topic, intro) in r.forum_of.items():
        items = r.forum_threads[fid]
        newest_t = items[0]
        forum_rows += f"""<tr>
	<th><div class="icon"></div><h3 class="fname"><a href="{r.list_url(fid)}">{fname}</a></h3>
	<p class="descrip">{escape(intro)}</p></th>
	<td class="num"><span>主题<em>{len(items)}</em></span>
	<span>帖子<em>{sum(1 + len(t["replies"]) for t in items)}</em></span></td>
	<td class="update"><p class="title"><a href="{r.read_url(newest_t)}">{escape(newest_t["title"])}</a></p>
	<p class="info">{r.users[newest_t["author"]]["name"]}<span>{newest_t["time"][5:]}</span></p></td>
</tr>
"""
    home = (
        head(r.base, r.site_name, css=("forum",), description="青梧社区：技术、创业和生活的交流社区。")
        + header(r.base, r.site_name, r.nav, "首页")
        + '\t<div class="main_wrap">\n\t\t<div class="main cc">\n'
        + '\t\t\t<div class="main_body">\n\t\t\t\t<div class="main_content">\n'
        + f'<div class="design_layout_ct" id="main_segment">{portal_mod}</div>\n'
        + '<div class="box_wrap forum_list"><div class="box_title"><h2>社区版块</h2></div>\n'
        + f'<table width="100%" class="forum_table">\n{forum_rows}</table></div>\n'
        + '\t\t\t\t</div>\n\t\t\t</div>\n\t\t\t<div class="main_sidebar">\n'
        + sidebar_box("最新帖子", [(t["title"], r.read_url(t)) for t in r.latest[:8]])
        + tag_cloud(r.cloud)
        + r.search_box
        + sidebar_box("专题推荐", [("2014社区年度精选", r.special_url)])
        + "\t\t\t</div>\n\t\t</div>\n\t</div>\n"
        + r.foot
    )
    r.put("/", home)
    r.put("/index.php", home)


def tag_pages(r: Rendering) -> None:
    """A page per tag (话题), under its GBK-encoded name."""
    for name in r.tag_names:
        tagged = [t for t in r.latest if name in t["tags"]]
        feeds = ""
        for t in tagged:
            u = r.users[t["author"]]
            feeds += f"""<dl class="cc">
	<dt class="feed_face"><a class="J_user_card_show" data-uid="{u["uid"]}">
	<img class="J_avatar" src="{u["avatar"]}" width="50" height="50" alt="{u["name"]}" /></a></dt>
	<dd class="feed_content">
		<div class="content"><a class="name J_user_card_show" data-uid="{u["uid"]}">{u["name"]}</a>：
		<em><a href="{r.read_url(t)}" class="title">{escape(t["title"])}</a></em><br>
		<div class="descrip">{escape(summary(t["lines"], 60))}</div></div>
		<div class="info">
		<span class="time">{t["date"]}</span>&nbsp;来自版块&nbsp;-&nbsp;
		<a href="{r.list_url(t["fid"])}">{r.forum_of[t["fid"]][0]}</a></div>
	</dd>
</dl>
"""
        body = (
            head(r.base, f"{name} - 话题 - {r.site_name}", css=("tag",))
            + header(r.base, r.site_name, r.nav, "")
            + '\t<div class="main_wrap">\n'
            + crumb(r.base, r.site_name, [("话题", None), (name, tag_url(r.base, name))])
            + '\t\t<div class="main cc">\n\t\t\t<div class="main_body">\n\t\t\t\t<div class="main_content">\n'
            + '<div class="box_wrap tag_info_box cc">'
            + f'<div class="name"><h3>{name}</h3>'
            '<a rel="nofollow" href="javascript:;" class="core_follow J_qlogin_trigger">关注该话题</a></div>'
            + f'<div class="num"><ul class="cc"><li>帖子：<em>{len(tagged)}</em></li>'
            f"<li>被关注：<em>{len(tagged) * 3}</em></li></ul></div>"
            + "</div>\n"
            + '<div class="box_wrap"><nav><div class="content_nav"><ul class="cc"><li class="current">'
            + f'<a href="{tag_url(r.base, name)}">最新帖子</a></li><li>会员</li></ul></div></nav>\n'
            + '<div class="tag_page"><div class="tag_view_list">'
            f'<div class="feed_lists" id="J_tag_feed_lists">\n{feeds}'
            + "</div></div></div></div>\n"
            + '\t\t\t\t</div>\n\t\t\t</div>\n\t\t\t<div class="main_sidebar">\n'
            + tag_cloud(r.cloud)
            + "\t\t\t</div>\n\t\t</div>\n\t</div>\n"
            + r.foot
        )
        r.put(tag_url("", name), body)


def search_pages(r: Rendering) -> None:
    """The result page of each hot search."""
    for word in r.searches:
        found = [t for t in r.latest if word in t["title"].lower()]
        results = ""
        for t in found:
            shown = t["title"].replace(word.capitalize(), f'<em class="s1">{word.capitalize()}</em>')
            shown = shown.replace("MySQL", '<em class="s1">MySQL</em>') if word == "mysql" else shown
            results += f"""<dl>
	<dt><a href="{r.read_url(t)}" target="_blank">{shown}</a></dt>
	<dd class="descrip">{escape(summary(t["lines"], 80))}</dd>
	<dd class="info">{r.users[t["author"]]["name"]}<span>{t["time"]}</span>版块：
	<a href="{r.list_url(t["fid"])}">{r.forum_of[t["fid"]][0]}</a></dd>
</dl>
"""
        body = (
            head(r.base, f"{word} - 搜索 - {r.site_name}")
            + header(r.base, r.site_name, r.nav, "")
            + '\t<div class="main_wrap">\n'
            + crumb(r.base, r.site_name, [("搜索", None)])
            + '\t\t<div class="main cc">\n\t\t\t<div class="search_page box_wrap">\n'
            + f'<form action="{r.base}/index.php?m=search&amp;c=s" method="post">'
            f'<input type="text" name="keyword" value="{word}" />'
            + '<button type="submit" class="btn btn_submit">搜索</button></form>\n'
            + f'<div class="search_num">找到与 <em class="s1">{word}</em> 相关的帖子 '
            + f"<span>{len(found)}</span> 篇</div>\n"
            + f'<div class="search_list">\n{results}</div>\n'
            + "\t\t\t</div>\n\t\t</div>\n\t</div>\n"
            + r.foot
        )
        r.put(f"/index.php?m=search&c=s&keyword={word}", body)


def special_page(r: Rendering) -> None:
    """The 专题 page: an introduction and the picked threads and articles."""
    rng = random.Random(r.seed + 1)
    intro = "".join(text_bank.paragraphs("职场", rng, 1))
    intro += "这里把过去一年里大家讨论最多的帖子和门户文章整理在一起，方便新朋友翻看。"
    picks = [(p["title"], r.portal_url(p)) for p in r.portal]
    alias_url = f"{r.base}/index.php?c=read&tid={r.alias_thread['tid']}&fid={r.alias_thread['fid']}"
    picks.append((r.alias_thread["title"], alias_url))
    picks += [(t["title"], r.read_url(t)) for t in r.hot[:4] if t is not r.alias_thread]
    special = (
        head(r.base, f"2014社区年度精选 - {r.site_name}")
        + header(r.base, r.site_name, r.nav, "专题")
        + '\t<div class="main_wrap">\n'
        + crumb(r.base, r.site_name, [("专题", None), ("2014社区年度精选", None)])
        + '\t\t<div class="main cc">\n'
        + '<div class="design_layout_ct" id="segment_drag">\n'
        + '<div class="mod_box J_mod_box"><div class="mod_title"><h2>2014社区年度精选</h2></div>'
        + f'<div class="mod_content mod_html"><p>{escape(intro)}</p></div></div>\n'
        + title_module("精选阅读", picks)
        + "</div>\n\t\t</div>\n\t</div>\n"
        + r.foot
    )
    r.put("/index.php?m=special&id=1", special)
