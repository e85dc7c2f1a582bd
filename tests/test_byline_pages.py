"""Table-driven, page level: a byline or a date printed where real pages print them.

Each case places one string in a small but whole article page (nav bar, breadcrumb, headline,
meta line, prose, a dated "相关阅读" list, footer) at one position: the meta line under the
headline, the body's first paragraph, its last paragraph, a table of labelled cells, or a
forum post's header. extract_article must give the byline's name (or none, for what only
looks like one) and the publication date, never a teaser's or a date in the prose.
"""

from __future__ import annotations

import datetime as dt

import pytest

from portalcrawl.extract.core import extract_article
from portalcrawl.extract.model import ExtractContext

PROSE = [
    "今年以来，本市持续推进老旧小区改造工作，累计完成改造项目四十余个，惠及居民一万余户，"
    "居民的居住条件得到明显改善，社区面貌焕然一新。",
    "在城南街道的一个小区里，新铺设的沥青路面平整宽阔，楼道里安装了感应灯，墙面也重新粉刷过。"
    "住在这里二十多年的王阿姨说，现在出门方便多了，晚上回家也不用摸黑上楼了。",
    "据了解，改造工程在开工前广泛征求了居民意见，通过入户走访、座谈会等方式收集建议三百余条，"
    "加装电梯、增设停车位和改善绿化成为居民最关心的三件事。",
    "负责该项目的工作人员介绍，施工期间采取分段作业的方式，尽量减少对居民日常生活的影响，"
    "同时安排专人每天巡查工地安全，及时回应居民提出的问题。",
    "除了硬件设施的更新，不少小区还引入了专业的物业服务，建立了居民议事会，让大家共同参与小区的日常管理，"
    "形成了共建共治共享的良好氛围。",
    "下一步，有关部门将继续扩大改造范围，重点解决管网老化、消防通道不畅等突出问题，"
    "力争在年底前再完成一批改造项目，让更多居民享受到城市发展的成果。",
]
TEASERS = [("2021-05-06", "本市启动新一轮老旧小区改造"), ("2020-11-23", "社区议事会让居民当家作主"),
           ("2019-08-14", "加装电梯惠及千户居民")]
FETCHED = dt.datetime(2024, 3, 10, 15, 30)
URL = "http://news.example.cn/shehui/content_1234.html"


def _page(meta_line: str = "", first: str = "", last: str = "", table: list[tuple[str, str]] | None = None,
          forum: str = "", head: str = "", prose: list[str] | None = None) -> str:
    """A whole article page with the string under test in one place."""
    paragraphs = list(prose or PROSE)
    if first:
        paragraphs[0] = first + paragraphs[0]
    if last:
        paragraphs.append(last)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    meta = f'<div class="info">{meta_line}</div>' if meta_line else ""
    if table:
        cells = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in table)
        meta += f'<table class="attr">{cells}</table>'
    article = f'<div class="article"><h1>老旧小区改造让居民住得更舒心</h1>{meta}<div class="content">{body}</div></div>'
    if forum:
        article = (f'<div class="thread"><h1>老旧小区改造让居民住得更舒心</h1><table class="post"><tr>'
                   f'<td class="author">楼主</td><td><div class="posthead">{forum}</div>'
                   f'<div class="postbody">{body}</div></td></tr></table></div>')
    teasers = "".join(f'<li><a href="/shehui/{n}.html">{t}</a> <span>{d}</span></li>'
                      for n, (d, t) in enumerate(TEASERS))
    return (
        f"<html><head><title>老旧小区改造让居民住得更舒心_社会新闻_某某新闻网</title>{head}</head><body>"
        '<div class="nav"><a href="/">首页</a> <a href="/guonei/">国内</a> <a href="/shehui/">社会</a> '
        '<a href="/caijing/">财经</a> <a href="/tiyu/">体育</a> <a href="/yule/">娱乐</a></div>'
        '<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/shehui/">新闻</a> &gt; 正文</div>'
        f"{article}"
        f'<div class="related"><h3>相关阅读</h3><ul>{teasers}</ul></div>'
        '<div class="footer">关于我们 | 联系我们 | 网站地图<br>Copyright © 2005-2024 某某新闻网 版权所有 '
        "京ICP备12345678号</div></body></html>"
    )


def _extract(html: str, url: str = URL):
    return extract_article(html, url, ExtractContext(fetched_at=FETCHED))


# (case id, page arguments, expected contributor, expected editor)
BYLINES: list[tuple[str, dict, str | None, str | None]] = [
    # the meta line under the headline
    ("meta 作者", {"meta_line": "作者：张伟　　发布时间：2023-03-17 10:20"}, "张伟", None),
    ("meta 本报记者", {"meta_line": "2023-03-17 来源：某某日报 本报记者 李娜"}, "李娜", None),
    ("meta 记者 通讯员", {"meta_line": "记者 王强 通讯员 赵敏 2023年03月17日"}, "王强 赵敏", None),
    ("meta 文/", {"meta_line": "文/陈静 2023-03-17"}, "陈静", None),
    ("meta /文", {"meta_line": "刘洋/文 2023-03-17 09:00"}, "刘洋", None),
    ("meta 文丨", {"meta_line": "文丨孙悦 发布于 2023-03-17"}, "孙悦", None),
    ("meta brackets", {"meta_line": "2023-03-17 10:20:31 作者：[ 周杰 ] 来源：[ 某某晚报 ]"}, "周杰", None),
    ("meta two authors 、", {"meta_line": "作者：黄磊、何静 2023-03-17"}, "黄磊 何静", None),
    ("meta three reporters", {"meta_line": "本报记者 吴刚 郑爽 冯楠 2023-03-17"}, "吴刚 郑爽 冯楠", None),
    ("meta 发布者", {"meta_line": "发布者：老街听雨 2023-03-17 21:05 浏览：326"}, "老街听雨", None),
    ("meta 发布人", {"meta_line": "发布人： 宋佳 发布日期：2023-03-17 点击数：88"}, "宋佳", None),
    ("meta bare name beside date", {"meta_line": "2023-03-17 10:20 林小溪 阅读 1024"}, "林小溪", None),
    ("meta 上海报道", {"meta_line": "（记者 唐宁 上海报道） 2023-03-17"}, "唐宁", None),
    ("meta with editor", {"meta_line": "作者：许晴 责任编辑：韩梅 2023-03-17"}, "许晴", "韩梅"),
    ("meta 撰文", {"meta_line": "撰文：曹阳 摄影：邓超 2023-03-17"}, "曹阳", None),
    ("meta 摄 only", {"meta_line": "2023-03-17 彭飞 摄"}, "彭飞", None),
    # the first paragraph
    ("lead 本报讯", {"first": "本报讯（记者 蒋丽）", "meta_line": "2023-03-17"}, "蒋丽", None),
    ("lead 新华社电", {"first": "新华社北京3月17日电（记者 范伟、沈洁）", "meta_line": "2023-03-17"},
     "范伟 沈洁", None),
    ("lead 通讯员", {"first": "本报讯（通讯员 韦东 记者 石磊）", "meta_line": "2023-03-17"}, "韦东 石磊", None),
    ("lead 记者 报道", {"first": "本报讯 记者 卢敏 报道：", "meta_line": "2023-03-17"}, "卢敏", None),
    # the end of the body
    ("end 作者", {"last": "作者：顾城南", "meta_line": "2023-03-17"}, "顾城南", None),
    ("end signature", {"last": "这是居民们最朴素的心愿，也是城市更新的意义所在。（毛一鸣）", "meta_line": "2023-03-17"},
     "毛一鸣", None),
    ("end reporter and editor", {"last": "（记者 江涛） 责任编辑：邱月", "meta_line": "2023-03-17"}, "江涛", "邱月"),
    ("end 文/ and 审核", {"last": "文/钟秀 编辑/审核：秦岭", "meta_line": "2023-03-17"}, "钟秀", "秦岭"),
    # a table of labelled cells
    ("table 作者", {"table": [("作者：", "史文"), ("发布日期：", "2023-03-17")]}, "史文", None),
    ("table 来源 and 作者", {"table": [("来源：", "某某日报"), ("作者：", "白雪"), ("日期：", "2023-03-17")]},
     "白雪", None),
    # a forum post's header
    ("forum 本贴由", {"forum": "本贴由海边拾贝于2023-03-17 21:05发表"}, "海边拾贝", None),
    ("forum 发表于", {"forum": "山间清风 发表于 2023-3-17 21:05"}, "山间清风", None),
    ("forum 楼主", {"forum": "楼主：雨后晴天 时间：2023-03-17 21:05:11"}, "雨后晴天", None),
    ("forum 发表者", {"forum": "发表者：小河流水 发表时间：2023-03-17 21:05"}, "小河流水", None),
    # nothing that only looks like a byline
    ("neg breadcrumb only", {"meta_line": "2023-03-17"}, None, None),
    ("neg site name only", {"meta_line": "某某新闻网 2023-03-17"}, None, None),
    ("neg source only", {"meta_line": "2023-03-17 来源：某某日报"}, None, None),
    ("neg 记者 in a sentence", {"first": "记者从市住建局了解到，", "meta_line": "2023-03-17"}, None, None),
    ("neg 记者了解到", {"first": "记者了解到，", "meta_line": "2023-03-17 10:20"}, None, None),
    ("neg toolbar", {"meta_line": "2023-03-17 分享 收藏 打印 关闭"}, None, None),
    ("neg weekday", {"meta_line": "2023年3月17日 星期五"}, None, None),
    ("neg 佚名", {"meta_line": "作者：佚名 2023-03-17"}, None, None),
]


@pytest.mark.parametrize(("case", "where", "contributor", "editor"), BYLINES, ids=[c[0] for c in BYLINES])
def test_byline_on_a_page(case: str, where: dict, contributor: str | None, editor: str | None) -> None:
    article = _extract(_page(**where))
    assert article.contributor == contributor, article.notes["contributor"]
    assert article.editor == editor


# Only an editor is named: no contributor, and the note says why.
EDITOR_ONLY: list[tuple[str, dict, str, str]] = [
    ("责任编辑 at the end", {"last": "责任编辑：梁红", "meta_line": "2023-03-17"}, "梁红", "责任编辑"),
    ("编辑 on the meta line", {"meta_line": "2023-03-17 编辑：潘越"}, "潘越", "编辑"),
    ("责编 in brackets", {"last": "（责编：陆离）", "meta_line": "2023-03-17"}, "陆离", "责编"),
    ("责任编辑 with source", {"meta_line": "来源：某某日报 2023-03-17 责任编辑：杜鹃"}, "杜鹃", "责任编辑"),
]


@pytest.mark.parametrize(("case", "where", "editor", "role"), EDITOR_ONLY, ids=[c[0] for c in EDITOR_ONLY])
def test_only_an_editor(case: str, where: dict, editor: str, role: str) -> None:
    article = _extract(_page(**where))
    assert article.contributor is None
    assert article.editor == editor
    assert article.notes["contributor"].reason == f"no author on the page; only an editor ({role}) is named"


# (case id, page arguments, url, expected published date as ISO)
DATES: list[tuple[str, dict, str, str]] = [
    ("发布时间", {"meta_line": "发布时间：2023-03-17 10:20 来源：某某日报"}, URL, "2023-03-17T10:20:00"),
    ("发表于", {"meta_line": "发表于 2023-3-17 21:05"}, URL, "2023-03-17T21:05:00"),
    ("发布日期 Chinese", {"meta_line": "发布日期：2023年03月17日"}, URL, "2023-03-17"),
    ("日期 dotted", {"meta_line": "日期：2023.03.17"}, URL, "2023-03-17"),
    ("时间 with seconds", {"meta_line": "时间：2023-03-17 08:05:09"}, URL, "2023-03-17T08:05:09"),
    ("Chinese numerals", {"meta_line": "二〇二三年三月十七日"}, URL, "2023-03-17"),
    ("bare date", {"meta_line": "2023/03/17"}, URL, "2023-03-17"),
    ("更新 after 发布", {"meta_line": "发布时间：2023-03-17 10:20 更新时间：2023-03-20 08:00"}, URL,
     "2023-03-17T10:20:00"),
    ("更新 before 发布", {"meta_line": "更新时间：2023-03-20 08:00 发布时间：2023-03-17 10:20"}, URL,
     "2023-03-17T10:20:00"),
    ("更新 only", {"meta_line": "更新时间：2023-03-20 08:00"}, URL, "2023-03-20T08:00:00"),
    ("meta date over a body date", {"meta_line": "2023-03-17 来源：某某日报",
                                    "first": "2019年5月1日起施行的条例规定，"}, URL, "2023-03-17"),
    ("table cells", {"table": [("发布日期：", "2023-03-17"), ("来源：", "某某日报")]}, URL, "2023-03-17"),
    ("forum header", {"forum": "山间清风 发表于 2005-3-21 01:20"}, URL, "2005-03-21T01:20:00"),
    ("English published", {"meta_line": "Published 2023-03-17"}, URL, "2023-03-17"),
    ("English month name", {"meta_line": "Posted on March 17, 2023"}, URL, "2023-03-17"),
    ("English updated below published", {"meta_line": "Updated: March 20, 2023 · Published: March 17, 2023"},
     URL, "2023-03-17"),
    ("date at the end", {"last": "（记者 江涛）2023年3月17日"}, URL, "2023-03-17"),
    ("url /2023/0317/", {}, "http://news.example.cn/a/2023/0317/1234.html", "2023-03-17"),
    ("url /20230317/", {}, "http://news.example.cn/shehui/20230317/1234.html", "2023-03-17"),
    ("url /2023-03-17/", {}, "http://news.example.cn/html/2023-03-17/1234.shtml", "2023-03-17"),
    ("month-day, year from the url", {"meta_line": "3月17日 10:20"}, "http://news.example.cn/2023/0317/1.html",
     "2023-03-17T10:20:00"),
]


@pytest.mark.parametrize(("case", "where", "url", "expected"), DATES, ids=[c[0] for c in DATES])
def test_date_on_a_page(case: str, where: dict, url: str, expected: str) -> None:
    article = _extract(_page(**where), url)
    assert article.published is not None, article.notes["published"]
    assert article.published.isoformat() == expected


# (case id, the <head> addition, expected date): a publication <meta> or JSON-LD, and no date in the text
HEAD_DATES: list[tuple[str, str, str]] = [
    ("article:published_time", '<meta property="article:published_time" content="2023-03-17T10:20:00+08:00">',
     "2023-03-17"),
    ("pubdate", '<meta name="pubdate" content="2023-03-17 10:20">', "2023-03-17"),
    ("publishdate", '<meta name="publishdate" content="2023-03-17">', "2023-03-17"),
    ("JSON-LD datePublished", '<script type="application/ld+json">{"@type": "NewsArticle", '
     '"datePublished": "2023-03-17T10:20:00+08:00", "dateModified": "2023-03-20T08:00:00+08:00"}</script>',
     "2023-03-17"),
    ("only a modified <meta>: the page's last change", '<meta itemprop="dateModified" content="2023-03-20">',
     "2023-03-20"),
    ("modified meta is not a publication", '<meta property="article:modified_time" content="2023-03-20">'
     '<meta property="article:published_time" content="2023-03-17">', "2023-03-17"),
]


@pytest.mark.parametrize(("case", "head", "expected"), HEAD_DATES, ids=[c[0] for c in HEAD_DATES])
def test_date_in_the_head(case: str, head: str, expected: str) -> None:
    article = _extract(_page(head=head))
    assert article.published is not None, article.notes["published"]
    assert article.published.isoformat()[:10] == expected


def test_no_date_anywhere() -> None:
    html = _page().replace("<span>", "<span hidden>")  # the teasers' dates gone too
    article = _extract(html)
    assert article.published is None
    assert article.notes["published"].reason == "no date on the page"


def test_teaser_dates_are_never_chosen() -> None:
    article = _extract(_page(meta_line="来源：某某日报"))
    assert article.published is None
    assert article.notes["published"].reason == "dates on the page, none in a publication position"


def test_teaser_dates_lose_to_the_meta_line() -> None:
    article = _extract(_page(meta_line="2023-03-17 来源：某某日报", last="（记者 江涛）"))
    assert article.published == dt.date(2023, 3, 17)
    assert article.contributor == "江涛"


def test_a_month_and_day_take_their_year_from_the_pages_modified_meta() -> None:
    html = _page(meta_line="发布时间：03-08 23:16", head='<meta itemprop="dateModified" content="2019-03-09 08:00">')
    article = _extract(html)
    assert article.published.isoformat() == "2019-03-08T23:16:00"  # not the fetch time's 2024


@pytest.mark.parametrize("author", ["EXAMPLE.NET", "某某新闻网", "某某"])
def test_a_meta_author_naming_the_site_is_no_writer(author: str) -> None:
    article = _extract(_page(head=f'<meta name="author" content="{author}">'))
    assert article.contributor is None


def test_a_closing_signature_beats_a_photo_credit() -> None:
    article = _extract(_page(first="（新华社记者 王强摄）", last="双方将用好各类平台，为合作牵线搭桥。（张巨峰）")
                       .replace("（新华社记者 王强摄）", "<p>图为启动仪式。（王强摄）</p>", 1))
    assert article.contributor == "张巨峰"


def test_a_name_linked_to_its_profile_is_a_name_beside_the_date() -> None:
    # A column's name is linked too, and is refused; a link to a person's page is not.
    meta_line = '<a href="/c/user/1012/">华夏人文</a> 2020-03-09 18:14:21'
    assert _extract(_page(meta_line=meta_line)).contributor == "华夏人文"
    assert _extract(_page(meta_line=meta_line.replace("/c/user/1012/", "/shehui/"))).contributor is None


def test_the_publishing_account_beside_its_follow_button() -> None:
    meta_line = '发布时间：2023-03-17 10:20</div><div class="account"><div>城市观察员</div><div>关注</div>'
    assert _extract(_page(meta_line=meta_line)).contributor == "城市观察员"
    assert _extract(_page(meta_line=meta_line.replace("关注", "分享"))).contributor is None
