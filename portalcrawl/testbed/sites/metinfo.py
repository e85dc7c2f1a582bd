"""Test site `metinfo`: an enterprise-news portal on MetInfo 7 with its default theme `metv7` (UTF-8).

Shape taken from MetInfo's own templates (templates/metv7/shownews.php, news.php, head.php, foot.php,
subcolumn_nav.php; metv6 ajax/news.php, showimg.php, message_index.php) and its pseudo-static rewrite
rules (app/system/seo/include/class/seo_open.class.php): columns live in their own folders
(`/news/`, page 2 at `/news/list-2-2.html`), articles at `/news/15.html`, the dynamic twin
`/news/shownews.php?lang=cn&id=15`, column tags at `/news/tag/<slug>`, search at `/search/search.php`.

Traps, as the real theme lays them:
- the byline is a bare `<span>` of the publisher's name next to the date and a view count, with no
  "作者：" label; the `<title>` is "标题-站名"; the generator meta names MetInfo;
- a hidden `<h1>`/`<h3>` with the site or column name in the header and an `<h3>` column banner
  before the article's own `<h1>`; three articles print no `<h1>` at all (headline only in `<title>`);
- three articles print no date: it is only in JSON-LD the owner pasted into the head;
- summary boxes (导读) are typed by editors into the content area itself, inside `met-editor`;
- the disclaimer sits right under the content, before tags; related items carry dates in brackets
  and summaries; comments use the message-module media list;
- a near-copy of one article is reposted in another column; one article is linked under its
  dynamic `shownews.php` URL from the special-topic page.
"""

from __future__ import annotations

import random
import struct
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ...demo import text_bank
from ..model import Resource, TestSite, TruthArticle, TruthPage
from . import _metinfo_templates as T

SEED = 7101
PER_PAGE = 8
COLUMNS = [("news", 2, "行业资讯", "创业"), ("jishu", 3, "技术分享", "技术"), ("zhichang", 4, "职场观察", "职场")]
NAV = [("/news/", "行业资讯"), ("/jishu/", "技术分享"), ("/zhichang/", "职场观察"), ("/zhuanti/", "专题")]
AUTHORS = ["许清远", "林晓棠", "周牧之", "顾南星", "沈一帆", "苏墨白", "陈嘉禾", "韩小满"]
COMMENTERS = ["杭州小吴", "云上漫步", "老周说IT", "晴天的猫", "阿泽", "一只程序猿", "南山南", "李工"]
FRIEND_LINKS = [
    ("云栖企服网", "http://www.yunqiqf.cn/"),
    ("数智前沿", "https://www.shuzhiqy.com/"),
    ("创客邦", "http://www.chuangkebang.net/"),
    ("职场100", "http://www.zhichang100.com.cn/"),
    ("开发者之家", "https://www.devhome.org.cn/"),
]
TAGS = {"yunwei": "运维", "chuangye": "创业", "zhichang": "职场成长"}
TAG_COLUMN = {"yunwei": "jishu", "chuangye": "news", "zhichang": "zhichang"}
SEARCHES = [
    ("python", "/search/search.php?lang=cn&searchword=python"),
    ("saas", "/search/search.php?lang=cn&searchword=saas"),
]


@dataclass
class Art:
    aid: int
    col: str
    title: str
    when: datetime
    author: str
    shape: str
    content: str
    body: list[str]
    desc: str
    tags: list[str]
    hits: int
    summary: bool = False
    no_h1: bool = False
    ld_only: bool = False
    comments: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"/{self.col}/{self.aid}.html"


def _p(lines: list[str]) -> str:
    return "".join(f"<p>{T.esc(x)}</p>\n" for x in lines)


def _lead(text: str) -> str:
    return text[:58] + "……"


def _table(rows: list[list[str]]) -> str:
    head = "".join(f"<th>{T.esc(c)}</th>" for c in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{T.esc(c)}</td>" for c in r) + "</tr>\n" for r in rows[1:])
    return (
        f'<table class="table table-bordered" width="100%">\n<thead><tr>{head}</tr></thead>\n'
        f"<tbody>\n{body}</tbody>\n</table>\n"
    )


def _special_shapes(rng: random.Random) -> list[tuple[str, str, str, str, list[str]]]:
    """(column, title, shape, content html, body lines) of the articles that are not prose."""
    out = []
    intro = "以下为本季度公有云服务器主流配置的参考报价，实际价格以各厂商官网为准。"
    rows = [
        ["配置", "带宽", "月付", "年付"],
        ["2核4G", "3Mbps", "89元", "899元"],
        ["4核8G", "5Mbps", "219元", "2199元"],
        ["8核16G", "10Mbps", "498元", "4980元"],
        ["16核32G", "20Mbps", "1060元", "10600元"],
    ]
    out.append(
        (
            "news",
            "2024年云服务器套餐参考价一览",
            "table",
            _p([intro]) + _table(rows),
            [intro] + [" ".join(r) for r in rows],
        )
    )
    intro = "第三季度职业技能公开课安排如下，报名请联系各分会场。"
    rows = [
        ["课程", "日期", "地点", "学时"],
        ["项目管理入门", "7月13日", "杭州", "12"],
        ["商务写作", "7月27日", "宁波", "8"],
        ["数据分析实务", "8月10日", "温州", "16"],
        ["团队沟通与协作", "8月24日", "嘉兴", "8"],
        ["时间管理", "9月7日", "绍兴", "6"],
    ]
    out.append(
        (
            "zhichang",
            "第三季度职业技能公开课日程",
            "table",
            _p([intro]) + _table(rows),
            [intro] + [" ".join(r) for r in rows],
        )
    )
    toc = [
        "第一章 运维的边界",
        "第二章 监控从哪里开始",
        "第三章 日志与链路追踪",
        "第四章 容量评估",
        "第五章 发布与回滚",
        "第六章 备份与恢复演练",
        "第七章 值班与复盘",
        "附录 常用检查清单",
    ]
    out.append(("jishu", "《中小团队运维实战》目录", "lines", _p(toc), toc))
    tour = [
        "3月16日 杭州站 西溪创意园",
        "3月30日 南京站 新街口会议中心",
        "4月13日 合肥站 高新区创新馆",
        "4月27日 武汉站 光谷软件园",
        "5月11日 长沙站 岳麓山大学科技城",
        "5月25日 成都站 天府软件园",
    ]
    out.append(
        ("news", "2024开发者沙龙巡回日程", "lines", "<p>" + "<br />\n".join(T.esc(x) for x in tour) + "</p>\n", tour)
    )
    for col, title, caps in [
        (
            "news",
            "第五届数字化转型峰会现场图集",
            [
                "主会场座无虚席",
                "开幕式上的圆桌对话",
                "展区里的智能仓储演示",
                "参会者在签名墙前合影",
                "闭幕前的颁奖环节",
            ],
        ),
        (
            "zhichang",
            "新办公室落成，来看看我们的新家",
            ["前台与品牌墙", "开放式工位区", "可以晒太阳的茶水间", "会议室里的白板墙"],
        ),
    ]:
        html_ = ""
        for i, cap in enumerate(caps):
            stamp = 1709280000 + rng.randint(1000, 9999) * 10 + i
            html_ += (
                f'<p style="text-align: center;"><img src="/upload/202403/{stamp}.png" '
                f'alt="{T.esc(cap)}" /></p>\n<p style="text-align: center;">{T.esc(cap)}</p>\n'
            )
        out.append((col, title, "gallery", html_, caps))
    qa = [
        ("问：企业邮箱迁移需要停机吗？", "答：不需要整体停机，新旧系统可以并行一段时间，切换解析后旧邮件再分批导入。"),
        ("问：历史邮件会丢吗？", "答：只要提前做好导出和校验，历史邮件可以完整保留，建议迁移后抽查几个大邮箱。"),
        ("问：员工需要重新设置客户端吗？", "答：多数客户端只需改一次服务器地址，我们会提供图文说明和现场答疑。"),
        ("问：迁移一般要多久？", "答：五十人以内的团队通常一个周末就能完成，规模更大时按部门分批进行。"),
    ]
    lines = [x for pair in qa for x in pair]
    out.append(("jishu", "企业邮箱迁移的四个常见问题", "qa", _p(lines), lines))
    return out


def _articles(rng: random.Random) -> tuple[list[Art], tuple[str, str], str]:
    titles = {
        "news": [
            "社区团购退潮之后，小店如何留住老顾客",
            "县城咖啡馆的第二年",
            "外贸小老板的现金流账本",
            "连锁餐饮开第三家店前要想清楚的事",
            "农产品合作社的线上转型",
            "SaaS 工具帮小店省下的时间",
        ],
        "jishu": [
            "一次数据库迁移的复盘",
            "慢查询告警为什么总被忽略",
            "缓存一致性的那些坑",
            "给接口加超时之前先想好重试",
            "用 Python 脚本巡检服务器",
            "备份恢复演练到底该怎么做",
            "代码评审的节奏感",
        ],
        "zhichang": [
            "试用期里最该做的三件事",
            "年终述职怎么讲才不空",
            "跳槽之后的前九十天",
            "中层管理者的时间都去哪了",
            "远程办公一年后的真实感受",
            "给刚入职新人的几句话",
            "和上司意见不合怎么办",
            "加班文化正在悄悄改变",
        ],
    }
    start = datetime(2024, 1, 8, 9, 12, 30)
    specs: list[tuple[str, str, str, str | None, list[str] | None]] = []
    for col, title, shape, content, body in _special_shapes(rng):
        specs.append((col, title, shape, content, body))
    for col, names in titles.items():
        for t in names:
            specs.append((col, t, "prose", None, None))
    rng.shuffle(specs)
    arts: list[Art] = []
    topic = {c[0]: c[3] for c in COLUMNS}
    for n, (col, title, shape, content, body) in enumerate(specs):
        when = start + timedelta(
            days=n * 4 + rng.randint(0, 2), minutes=rng.randint(0, 600), seconds=rng.randint(0, 59)
        )
        if body is None:
            body = text_bank.paragraphs(topic[col], rng, rng.randint(4, 7))
            content = _p(body)
        tag = next(k for k, v in TAG_COLUMN.items() if v == col)
        desc = _lead(body[0]) if shape == "prose" else body[0][:40]
        arts.append(
            Art(
                11 + n,
                col,
                title,
                when,
                rng.choice(AUTHORS),
                shape,
                content or "",
                body,
                desc,
                [tag] if rng.random() < 0.7 else [],
                rng.randint(60, 3200),
            )
        )
    prose = [a for a in arts if a.shape == "prose"]
    # near-copy: a technical piece reposted under 行业资讯 with two sentences reworded
    src = next(a for a in prose if a.col == "jishu")
    body = list(src.body)
    body[1] = text_bank.sentence("技术", rng) + body[1][body[1].find("。") + 1 :]
    body[-1] = body[-1][: body[-1].find("。") + 1] + text_bank.sentence("技术", rng)
    copy = Art(
        11 + len(arts),
        "news",
        src.title,
        src.when + timedelta(days=9, hours=3),
        "韩小满",
        "prose",
        _p(body),
        body,
        _lead(body[0]),
        ["chuangye"],
        rng.randint(60, 900),
    )
    arts.append(copy)
    prose = [a for a in prose if a is not src]
    for a in prose[1:6]:
        a.summary = True
    for a in prose[6:9]:
        a.no_h1 = True
    for a in prose[9:12]:
        a.ld_only = True
    for a in arts[::3]:
        a.comments = [
            (
                rng.choice(COMMENTERS),
                (a.when + timedelta(hours=rng.randint(2, 90))).strftime("%Y-%m-%d %H:%M"),
                text_bank.sentence(topic[a.col], rng) + text_bank.sentence(topic[a.col], rng),
            )
            for _ in range(rng.randint(2, 5))
        ]
    alias_art = prose[12]
    return arts, (src.path, copy.path), alias_art.path


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\x00\xcc\xdd\xee"))
        + chunk(b"IEND", b"")
    )


def build() -> TestSite:
    rng = random.Random(SEED)
    arts, copy_pair, alias_path = _articles(rng)
    by_col = {c[0]: sorted((a for a in arts if a.col == c[0]), key=lambda a: a.when, reverse=True) for c in COLUMNS}
    newest = sorted(arts, key=lambda a: a.when, reverse=True)
    alias_art = next(a for a in arts if a.path == alias_path)
    dyn_alias = f"/{alias_art.col}/shownews.php?lang=cn&id={alias_art.aid}"
    col_name = {c[0]: c[2] for c in COLUMNS}
    col_id = {c[0]: c[1] for c in COLUMNS}

    def list_urls(col: str) -> list[str]:
        pages = (len(by_col[col]) + PER_PAGE - 1) // PER_PAGE
        return [f"/{col}/"] + [f"/{col}/list-{col_id[col]}-{p}.html" for p in range(2, pages + 1)]

    def item(a: Art, url: str | None = None) -> str:
        return T.news_item(url or a.path, a.title, a.desc, a.when.strftime("%Y-%m-%d"), a.author, a.hits)

    def side(col: str, exclude: Art | None = None) -> str:
        hot = [a for a in sorted(by_col[col], key=lambda a: -a.hits) if a is not exclude][:6]
        latest = [a for a in newest if a is not exclude][:6]
        return T.sidebar(
            (f"/{col}/", col_name[col]),
            [(a.path, a.title) for a in hot],
            [(a.path, a.title) for a in latest],
            [(u, w) for w, u in SEARCHES],
        )

    def page(
        title: str,
        desc: str,
        active: str,
        banner: str | None,
        trail: list[tuple[str, str]],
        main: str,
        page_id: str,
        extra: str = "",
        hidden_h1: str | None = None,
    ) -> Resource:
        body = T.head(title, desc, T.KEYWORDS, page_id, extra) + T.header(NAV, active, hidden_h1, banner)
        if trail:
            body += T.crumbs(trail)
        body += main + T.footer(NAV, FRIEND_LINKS)
        return Resource(body.encode("utf-8"))

    def render(base: str) -> dict[str, Resource]:
        out: dict[str, Resource] = {}
        home_trail = [("/index.php", "网站首页")]
        for col, _cid, name, _topic in COLUMNS:
            urls = list_urls(col)
            for p, url in enumerate(urls, 1):
                chunk = by_col[col][(p - 1) * PER_PAGE : p * PER_PAGE]
                main = (
                    '<section class="met-news animsition">\n<div class="container">\n<div class="row">\n'
                    + T.subcolumn_nav(f"/{col}/", name)
                    + T.list_main("".join(item(a) for a in chunk), T.pager(urls, p))
                    + side(col)
                    + "</div>\n</div>\n</section>\n"
                )
                title = f"{name}-{T.SITE}" if p == 1 else f"{name}-第{p}页-{T.SITE}"
                out[url] = page(
                    title,
                    f"{name}栏目文章列表",
                    f"/{col}/",
                    name,
                    [*home_trail, (f"/{col}/", name)],
                    main,
                    str(col_id[col]),
                    hidden_h1=name,
                )
        for _i, a in enumerate(newest):
            col_list = by_col[a.col]
            k = col_list.index(a)
            nxt = col_list[k - 1] if k > 0 else None
            prv = col_list[k + 1] if k + 1 < len(col_list) else None
            rel_pool = [b for b in newest if b is not a and (set(b.tags) & set(a.tags))] or [
                b for b in col_list if b is not a
            ]
            content = a.content
            if a.summary:
                content = (
                    '<blockquote class="met-editor-summary"><p><strong>导读</strong></p>'
                    f"<p>{T.esc(_lead(a.body[0]))}</p></blockquote>\n" + content
                )
            view = {
                "title": a.title,
                "no_h1": a.no_h1,
                "ld_only": a.ld_only,
                "datetime": a.when.strftime("%Y-%m-%d %H:%M:%S"),
                "issue": a.author,
                "hits": a.hits,
                "content": content,
                "tags": [(f"/{TAG_COLUMN[t]}/tag/{t}", TAGS[t]) for t in a.tags],
                "related": [(b.path, b.title, b.when.strftime("%Y-%m-%d"), b.desc) for b in rel_pool[:4]],
                "prev": (prv.path, prv.title) if prv else ("", ""),
                "next": (nxt.path, nxt.title) if nxt else ("", ""),
                "comments": T.comments_block(a.comments) if a.comments else "",
                "sidebar": side(a.col, exclude=a),
            }
            extra = (
                T.json_ld(a.title, a.when.strftime("%Y-%m-%dT%H:%M:%S+08:00"), a.author, base + a.path)
                if a.ld_only
                else ""
            )
            res = page(
                f"{a.title}-{T.SITE}",
                a.desc,
                f"/{a.col}/",
                col_name[a.col],
                [*home_trail, (f"/{a.col}/", col_name[a.col])],
                T.article_main(view),
                f"{col_id[a.col]}|{a.aid}",
                extra,
            )
            out[a.path] = res
            if a.path == alias_path:
                out[dyn_alias] = res
        for slug, name in TAGS.items():
            col = TAG_COLUMN[slug]
            tagged = [a for a in by_col[col] if slug in a.tags] + [a for a in newest if slug in a.tags and a.col != col]
            main = (
                '<section class="met-news animsition">\n<div class="container">\n<div class="row">\n'
                + T.list_main("".join(item(a) for a in tagged), "", heading=f"标签：{name}")
                + side(col)
                + "</div>\n</div>\n</section>\n"
            )
            out[f"/{col}/tag/{slug}"] = page(
                f"{name}-{T.SITE}",
                f"{name}相关文章",
                f"/{col}/",
                col_name[col],
                [*home_trail, (f"/{col}/", col_name[col])],
                main,
                str(col_id[col]),
            )
        for word, url in SEARCHES:
            hits = [a for a in newest if word in a.title.lower() or any(word in x.lower() for x in a.body)]
            rows = (
                "".join(
                    f'<li class="list-group-item">\n<h4><a href="{a.path}" title="{T.esc(a.title)}">'
                    f"{T.esc(a.title)}</a></h4>\n"
                    f'<p>{T.esc(a.desc)}</p>\n<a class="search-result-url" href="{a.path}">{base}{a.path}</a>\n</li>\n'
                    for a in hits[:8]
                )
                or '<li class="list-group-item">没有找到相关内容</li>\n'
            )
            main = (
                '<section class="met-search animsition">\n<div class="container">\n<div class="row">\n'
                '<div class="met-search-body">\n'
                '<form method="get" class="page-search-form" action="/search/search.php">'
                f'<input type="text" class="form-control" name="searchword" value="{word}"></form>\n'
                f'<p class="search-result-count">搜索“{word}”，共找到 {len(hits)} 条结果</p>\n'
                '<ul class="list-group list-group-full list-group-dividered met-page-ajax">\n'
                + rows
                + "</ul>\n</div>\n"
                "</div>\n</div>\n</section>\n"
            )
            out[url] = page(f"搜索结果-{T.SITE}", "搜索结果", "", None, [*home_trail, (url, "搜索")], main, "10004")
        zt = [*[a for a in newest if a.col == "jishu"][:5], alias_art]
        intro = (
            "企业上云不是一次性的搬家，而是一连串关于成本、稳定性和组织习惯的选择。本专题汇集了本站作者近一年来在数据库迁移、"
            "监控告警、备份演练和团队协作方面的实践记录，希望给正在做同样事情的团队一些参考。"
        )
        zt = [a for i, a in enumerate(zt) if a not in zt[:i]]
        items = "".join(item(a, dyn_alias if a is alias_art else None) for a in zt)
        main = (
            '<section class="met-news animsition">\n<div class="container">\n<div class="row">\n'
            + T.list_main(items, "", heading="专题：中小企业上云实践", intro=intro)
            + side("jishu")
            + "</div>\n</div>\n</section>\n"
        )
        out["/zhuanti/"] = page(
            f"中小企业上云实践-专题-{T.SITE}",
            intro[:60],
            "/zhuanti/",
            "专题",
            [*home_trail, ("/zhuanti/", "专题")],
            main,
            "9",
            hidden_h1="专题",
        )
        blocks = [(f"/{c}/", col_name[c], "".join(item(a) for a in by_col[c][:5])) for c, *_ in COLUMNS]
        home = page(
            f"{T.SITE}-企业服务与数字化资讯",
            "知行企服资讯网关注企业服务、数字化转型与职场成长。",
            "/",
            None,
            [],
            T.home_main([(a.path, a.title) for a in newest[:3]], blocks),
            "10001",
            hidden_h1=T.SITE,
        )
        out["/"] = home
        out["/index.php"] = home
        png = _png()
        for a in arts:
            for src in a.content.split('src="')[1:]:
                out[src.split('"')[0]] = Resource(png, "image/png")
        for p in ["/upload/201912/logo.png"] + [f"/upload/202401/banner{i}.png" for i in (1, 2, 3)]:
            out[p] = Resource(png, "image/png")
        out["/favicon.ico"] = Resource(png, "image/x-icon")
        for p in ["/public/web/css/basic.css", "/templates/metv7/cache/metinfo.css"]:
            out[p] = Resource(b"body{margin:0}\n", "text/css")
        for p in ["/public/web/js/basic.js"]:
            out[p] = Resource(b"/* basic */\n", "application/javascript")
        return out

    articles = []
    for a in arts:
        articles.append(
            TruthArticle(
                path=a.path,
                title=a.title,
                published=a.when.strftime("%Y-%m-%d"),
                contributor=a.author,
                body=a.body,
                shape=a.shape,
                aliases=[dyn_alias] if a.path == alias_path else [],
            )
        )
    pages = [TruthPage("/", "home", ["/index.php"])]
    for col, *_ in COLUMNS:
        pages += [TruthPage(u, "list") for u in list_urls(col)]
    pages += [TruthPage(f"/{TAG_COLUMN[s]}/tag/{s}", "tag") for s in TAGS]
    pages += [TruthPage(u, "search") for _w, u in SEARCHES]
    pages.append(TruthPage("/zhuanti/", "special"))
    return TestSite(
        key="metinfo",
        name=T.SITE,
        modelled_after="MetInfo 7 default theme (templates/metv7)",
        encoding="utf-8",
        render=render,
        articles=articles,
        pages=pages,
        friend_links=list(FRIEND_LINKS),
        copies=[copy_pair],
    )
