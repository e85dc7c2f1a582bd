"""Test site `cmseasy`: a culture and essay portal on CmsEasy 5.x with its default theme, served in GBK.

Shape taken from CmsEasy's own files (template/default/header.html, footer.html, archive/show.html,
archive/show_pic.html, archive/list_text_pic.html, comment/comment.html, comment/list.html, the compiled
left.html, lang/cn/system.php, and getTitle() of its front functions): the site runs on dynamic URLs
(`/index.php?case=archive&act=show&aid=12`, lists `...&act=list&catid=2&page=2`, tags `case=tag`,
search `act=search&keyword=`, specials `case=special&act=show&spid=1`), as a fresh install does.

Traps, as the real theme lays them:
- GBK bytes, declared only by a `http-equiv` Content-Type meta (the HTTP header says just text/html);
  tag URLs carry GBK percent-encoded tag names;
- `<title>` is "标题 - Powered by CmsEasy": the suffix is the CMS's, not the site's name;
- the meta line reads "作者：X  添加时间：…  浏览：<script>  来源：Y"; the view count is a script;
- friend links (友情链接) are printed on the home page only; other pages show 热门关键词 there;
- the comment form (with "已有0位网友发表评论") is on every article, comments only on some;
- gallery articles (show_pic.html) repeat their pictures twice in a slider, captions come after;
- three articles print no `<h1>` (headline only in `<title>`), three print no date (JSON-LD only);
- a "内容提要" box above the body on several articles; a copyright notice under every body;
- one article is also served as a generated static page `/sanwen/show-N-1.html`, linked from the
  special-topic page; one near-copy is reposted in another column.
"""

from __future__ import annotations

import random
import struct
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import quote

from ...demo import text_bank
from ..model import Resource, TestSite, TruthArticle, TruthPage
from . import _cmseasy_templates as T

SEED = 7102
PER_PAGE = 8
CATS = [("2", "sanwen", "散文随笔", "美文"), ("3", "gushi", "创业故事", "创业"), ("4", "zhichang", "职场杂谈", "职场")]
AUTHORS = ["江晚吟", "何小舟", "蒋一苇", "宋知秋", "老树", "孟浅", "罗青山", "田二月"]
SOURCES = ["东篱原创", "读者投稿", "城市晚报", "网络整理"]
COMMENTERS = ["游客", "雨巷", "平江路人", "大鹏", "风吹麦浪", "苏州阿姨", "小鱼儿", "读书的猫"]
FRIEND_LINKS = [
    ("姑苏文学网", "http://www.gusuwenxue.com/"),
    ("江南散文", "http://www.jnsanwen.cn/"),
    ("小城故事", "http://www.xiaochenggushi.net/"),
    ("书香苏州", "http://www.shuxiangsz.org/"),
]
TAGS = ["乡愁", "读书", "开店"]
SPECIAL = ("/index.php?case=special&act=show&spid=1", "平江路上的小日子")
HOT = [
    ("excel", "/index.php?case=archive&act=search&keyword=excel"),
    ("ppt", "/index.php?case=archive&act=search&keyword=ppt"),
]


def list_url(cid: str, page: int = 1) -> str:
    return f"/index.php?case=archive&act=list&catid={cid}" + (f"&page={page}" if page > 1 else "")


def tag_url(tag: str) -> str:
    return "/index.php?case=tag&act=show&tag=" + quote(tag.encode("gbk"))


@dataclass
class Art:
    aid: int
    cid: str
    title: str
    when: datetime
    author: str
    source: str
    shape: str
    content: str
    body: list[str]
    tag: str
    pics: list[str] = field(default_factory=list)
    summary: bool = False
    no_h1: bool = False
    ld_only: bool = False
    comments: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"/index.php?case=archive&act=show&aid={self.aid}"

    @property
    def intro(self) -> str:
        return self.body[0][:48] if self.shape == "prose" else self.body[0][:30]


def _p(lines: list[str]) -> str:
    return "".join(f"<p>{T.esc(x)}</p>\n" for x in lines)


def _table(rows: list[list[str]]) -> str:
    trs = "".join("<tr>" + "".join(f"<td>{T.esc(c)}</td>" for c in r) + "</tr>\n" for r in rows)
    return f'<table border="1" cellspacing="0" cellpadding="4" width="100%">\n<tbody>\n{trs}</tbody>\n</table>\n'


def _specials(rng: random.Random) -> list[tuple[str, str, str, str, list[str], list[str]]]:
    """(catid, title, shape, content, body, pics) of the articles that are not prose."""
    out = []
    intro = "本季读书会每两周一次，欢迎书友报名参加。"
    rows = [
        ["日期", "主题", "领读人", "地点"],
        ["9月13日", "汪曾祺的吃与写", "宋知秋", "平江路书房"],
        ["9月27日", "城南旧事里的北京", "孟浅", "十全街茶社"],
        ["10月11日", "重读边城", "何小舟", "平江路书房"],
        ["10月25日", "如何写一篇小散文", "江晚吟", "观前街图书馆"],
    ]
    out.append(
        (
            "2",
            "2014年秋季读书会活动安排",
            "table",
            _p([intro]) + _table(rows),
            [intro] + [" ".join(r) for r in rows],
            [],
        )
    )
    rows = [
        ["书名", "版本", "品相", "参考价"],
        ["围城", "1980年版", "八品", "45元"],
        ["平凡的世界", "1988年版", "九品", "120元"],
        ["唐诗三百首", "1978年版", "七品", "30元"],
        ["红楼梦", "1982年版", "八五品", "160元"],
        ["呐喊", "1973年版", "七品", "55元"],
    ]
    out.append(("3", "旧书摊行情：几本老书的参考价", "table", _table(rows), [" ".join(r) for r in rows], []))
    tracks = [
        "01 序曲 城南的早晨",
        "02 惠安馆",
        "03 我们看海去",
        "04 兰姨娘",
        "05 驴打滚儿",
        "06 爸爸的花儿落了",
        "07 尾声 骊歌",
    ]
    out.append(
        (
            "2",
            "有声书《城南旧事》曲目单",
            "lines",
            "<p>" + "<br/>\n".join(T.esc(t) for t in tracks) + "</p>\n",
            tracks,
            [],
        )
    )
    dates = [
        "11月8日 苏州 山塘街小剧场",
        "11月15日 无锡 南长街音乐现场",
        "11月22日 常州 青果巷livehouse",
        "11月29日 南京 老门东剧场",
        "12月6日 杭州 小河直街书店",
    ]
    out.append(("3", "民谣歌手周小舟冬季巡演日期", "lines", _p(dates), dates, []))
    for cid, title, caps in [
        ("2", "古镇写生作品选", ["石桥与乌篷船", "午后的茶馆", "雨中的廊棚", "河埠头洗衣的阿婆"]),
        (
            "4",
            "秋日银杏摄影小辑",
            ["校园里的银杏大道", "落叶铺满的台阶", "夕阳下的银杏树", "捡叶子的小姑娘", "一片金黄的屋顶"],
        ),
    ]:
        pics = [
            f"/uploads/images/2014{rng.randint(10, 12)}/{rng.randint(100000, 999999)}{i}.jpg" for i in range(len(caps))
        ]
        content = "".join(
            f'<p align="center"><img alt="" src="{p}" /></p>\n<p align="center">{T.esc(c)}</p>\n'
            for p, c in zip(pics, caps, strict=True)
        )
        out.append((cid, title, "gallery", content, caps, pics))
    poem = [
        "春天的信",
        "我把一封信",
        "夹在柳枝里",
        "寄给河对岸的你",
        "信里没有字",
        "只有三月的风",
        "和一整条河的水声",
        "你若读懂了",
        "就在桃花开的时候",
        "到桥上来",
    ]
    out.append(("2", "诗歌：春天的信", "poem", _p(poem), poem, []))
    qa = [
        "问：开一家小书店，最少要准备多少钱？",
        "答：在二三线城市，三十平米左右的店面，连房租押金和首批进货，十万元上下比较稳妥。",
        "问：只卖书能活下去吗？",
        "答：很难。多数独立书店靠咖啡、文创和读书会补贴，书更像是招牌和氛围。",
        "问：选址最看重什么？",
        "答：人流不是越大越好，要看经过的人会不会停下来，学校和老街区附近往往更合适。",
    ]
    out.append(("3", "开一家独立书店要准备什么", "qa", _p(qa), qa, []))
    return out


def _articles(rng: random.Random) -> tuple[list[Art], tuple[str, str], Art]:
    titles = {
        "2": ["外婆家的老槐树", "雨后的黄昏", "回乡的火车上", "巷口修鞋的师傅", "那碗馄饨"],
        "3": [
            "县城里的第一家咖啡馆",
            "社区团购做了半年",
            "回乡种茶的大学生",
            "民宿老板的淡季",
            "一家面馆的账本",
            "用 excel 管库存的小店",
        ],
        "4": [
            "试用期的第一个月",
            "年终总结别再流水账",
            "跳槽前想清楚的三件事",
            "做好 ppt 之前先想清楚结论",
            "远程办公这一年",
            "部门主管的一天",
            "和老同事吃了顿饭",
        ],
    }
    topic = {c[0]: c[3] for c in CATS}
    specs = [(cid, t, "prose", "", [], []) for cid, names in titles.items() for t in names] + _specials(rng)
    rng.shuffle(specs)
    start = datetime(2014, 6, 3, 10, 5, 0)
    arts = []
    for n, (cid, title, shape, content, body, pics) in enumerate(specs):
        when = start + timedelta(
            days=n * 6 + rng.randint(0, 3), minutes=rng.randint(0, 700), seconds=rng.randint(0, 59)
        )
        if not body:
            body = text_bank.paragraphs(topic[cid], rng, rng.randint(4, 7))
            content = _p(body)
        tag = {"2": "乡愁", "3": "开店", "4": "读书"}[cid] if rng.random() < 0.75 else rng.choice(TAGS)
        arts.append(
            Art(12 + n, cid, title, when, rng.choice(AUTHORS), rng.choice(SOURCES), shape, content, body, tag, pics)
        )
    prose = [a for a in arts if a.shape == "prose"]
    src = next(a for a in prose if a.cid == "2")
    body = list(src.body)
    body[0] = body[0][: body[0].find("。") + 1] + text_bank.sentence("美文", rng) + body[0][body[0].find("。") + 1 :]
    body[2] = text_bank.sentence("美文", rng) + body[2][body[2].find("。") + 1 :]
    copy = Art(
        12 + len(arts),
        "4",
        src.title,
        src.when + timedelta(days=20, hours=5),
        "田二月",
        "网络整理",
        "prose",
        _p(body),
        body,
        src.tag,
    )
    arts.append(copy)
    prose = [a for a in prose if a is not src]
    for a in prose[0:5]:
        a.summary = True
    for a in prose[5:8]:
        a.no_h1 = True
    for a in prose[8:11]:
        a.ld_only = True
    for a in arts[1::3]:
        a.comments = [
            (
                rng.choice(COMMENTERS),
                (a.when + timedelta(hours=rng.randint(3, 200))).strftime("%Y-%m-%d %H:%M"),
                text_bank.sentence(topic[a.cid], rng),
            )
            for _ in range(rng.randint(2, 4))
        ]
    return arts, (src.path, copy.path), prose[11]


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\x00\xaa\xbb\xcc"))
        + chunk(b"IEND", b"")
    )


def build() -> TestSite:
    rng = random.Random(SEED)
    arts, copy_pair, alias_art = _articles(rng)
    static_alias = f"/sanwen/show-{alias_art.aid}-1.html"
    by_cat = {c[0]: sorted((a for a in arts if a.cid == c[0]), key=lambda a: a.when, reverse=True) for c in CATS}
    newest = sorted(arts, key=lambda a: a.when, reverse=True)
    cat_name = {c[0]: c[2] for c in CATS}
    nav = [(cid, list_url(cid), name) for cid, _d, name, _t in CATS]
    in_special = [a for a in newest if a.cid == "2"][:5]
    if alias_art not in in_special:
        in_special.append(alias_art)

    def pages_of(cid: str) -> list[str]:
        n = (len(by_cat[cid]) + PER_PAGE - 1) // PER_PAGE
        return [list_url(cid, p) for p in range(1, n + 1)]

    def item(a: Art, url: str | None = None) -> str:
        return T.list_item(url or a.path, a.title, a.when.strftime("%Y-%m-%d"), a.intro, a.pics[0] if a.pics else None)

    def side(cid: str, exclude: Art | None = None) -> str:
        hot = [
            a for a in sorted(by_cat[cid], key=lambda a: (len(a.comments), a.aid), reverse=True) if a is not exclude
        ][:6]
        latest = [a for a in newest if a is not exclude][:6]
        return T.left(
            (list_url(cid), cat_name[cid]), [(a.path, a.title) for a in hot], [(a.path, a.title) for a in latest]
        )

    def page(
        title: str, desc: str, catid: str, top: str, pos: str, body: str, extra: str = "", home: bool = False
    ) -> Resource:
        text = (
            T.head(title, "东篱文化网,散文,创业故事,职场", desc, extra)
            + T.header(catid, nav, top)
            + pos
            + body
            + T.footer(home, HOT, FRIEND_LINKS)
        )
        return Resource(text.encode("gbk"), "text/html")

    def render(base: str) -> dict[str, Resource]:
        out: dict[str, Resource] = {}
        for cid, _d, name, _t in CATS:
            urls = pages_of(cid)
            for p, url in enumerate(urls, 1):
                chunk = by_cat[cid][(p - 1) * PER_PAGE : p * PER_PAGE]
                right = T.list_right(name, _d, "".join(item(a) for a in chunk), T.pagination(urls, p, len(by_cat[cid])))
                out[url] = page(
                    name, f"{name}栏目", cid, cid, T.position([(urls[0], name)], None), T.frame(side(cid), right)
                )
        for a in arts:
            lst = by_cat[a.cid]
            k = lst.index(a)
            prv = lst[k + 1] if k + 1 < len(lst) else None
            nxt = lst[k - 1] if k > 0 else None
            rel = [b for b in newest if b is not a and b.tag == a.tag][:5]
            view = {
                "aid": a.aid,
                "title": a.title,
                "no_h1": a.no_h1,
                "ld_only": a.ld_only,
                "author": a.author,
                "datetime": a.when.strftime("%Y-%m-%d %H:%M:%S"),
                "source": a.source,
                "content": a.content,
                "summary": a.body[0][:56] + "……" if a.summary else "",
                "pics": a.pics,
                "tags": [(tag_url(a.tag), a.tag)],
                "tagname": a.tag,
                "special": SPECIAL if a in in_special else None,
                "stars": "★" * (3 + a.aid % 3),
                "prev": (prv.path, prv.title) if prv else None,
                "next": (nxt.path, nxt.title) if nxt else None,
                "related": [(b.path, b.title, b.intro) for b in rel],
                "comments": T.comment_block(a.aid, a.comments),
            }
            extra = T.json_ld(a.title, a.when.strftime("%Y-%m-%dT%H:%M:%S+08:00"), a.author) if a.ld_only else ""
            res = page(
                a.title,
                a.intro,
                a.cid,
                a.cid,
                T.position([(list_url(a.cid), cat_name[a.cid])], None),
                T.frame(side(a.cid, exclude=a), T.show_right(view)),
                extra,
            )
            out[a.path] = res
            if a is alias_art:
                out[static_alias] = res
            out[f"/index.php?case=archive&act=view_js&aid={a.aid}"] = Resource(
                f"document.write('{120 + a.aid * 37 % 900}');".encode(), "application/x-javascript"
            )
        for tag in TAGS:
            tagged = [a for a in newest if a.tag == tag]
            right = T.list_right(f"标签：{tag}", "Tag", "".join(item(a) for a in tagged), "")
            out[tag_url(tag)] = page(
                tag, f"{tag}相关内容", "", "", T.position([], f"标签：{tag}"), T.frame(side("2"), right)
            )
        for word, url in HOT:
            hits = [a for a in newest if word in a.title.lower()]
            right = T.list_right(f"“{word}”的查询结果", "Search", "".join(item(a) for a in hits), "")
            out[url] = page(
                f"{word}的查询结果", "查询结果", "", "", T.position([], "查询结果"), T.frame(side("4"), right)
            )
        intro = (
            "平江路是苏州保存最完整的一条老街。这个专题收集了读者写下的老街生活：早点铺、修鞋摊、河边的茶馆，"
            "还有那些慢下来的日子。欢迎你把自己的小日子也写下来，投稿到本站。"
        )
        items = "".join(item(a, static_alias if a is alias_art else None) for a in in_special)
        right = T.list_right(SPECIAL[1], "Special", items, "", intro=intro)
        out[SPECIAL[0]] = page(
            SPECIAL[1], intro[:50], "", "", T.position([], f"专题：{SPECIAL[1]}"), T.frame(side("2"), right)
        )
        home_right = "".join(
            T.list_right(
                name, d, "".join(item(a) for a in by_cat[cid][:5]), f'<a href="{list_url(cid)}">更多&gt;&gt;</a>\n'
            )
            for cid, d, name, _t in CATS
        )
        home_right += f'<div class="special_box">专题推荐：<a href="{SPECIAL[0]}">{T.esc(SPECIAL[1])}</a></div>\n'
        home = page(
            "东篱文化网 - 读书、散文与小城故事",
            "东篱文化网，记录小城生活与读书心得。",
            "",
            "",
            "",
            T.frame(side("2"), home_right),
            home=True,
        )
        out["/"] = home
        out["/index.php"] = home
        for cid in [""] + [c[0] for c in CATS]:
            items = "".join(
                f"<item><title>{T.esc(a.title)}</title><link>{base}{T.esc(a.path)}</link></item>"
                for a in newest
                if cid in ("", a.cid)
            )
            xml = (
                f'<?xml version="1.0" encoding="gbk"?>\n<rss version="2.0"><channel><title>{T.SITE}</title>'
                f"<link>{base}/</link>{items}</channel></rss>\n"
            )
            out[f"/index.php?case=archive&act=rss&catid={cid}"] = Resource(xml.encode("gbk"), "application/rss+xml")
        png = _png()
        for a in arts:
            for p in a.pics:
                out[p] = Resource(png, "image/png")
        for p in ["/images/logo.gif", "/favicon.ico", f"{T.SKIN}/images/gotop.gif", f"{T.SKIN}/images/foot_logo.gif"]:
            out[p] = Resource(png, "image/png")
        for p in ["base.css", "reset.css", "style.css"]:
            out[f"{T.SKIN}/{p}"] = Resource(b"body{margin:0}\n", "text/css")
        for p in [f"{T.SKIN}/js/jquery-1.8.3.min.js", "/js/common.js"]:
            out[p] = Resource(b"/* js */\n", "application/x-javascript")
        return out

    articles = [
        TruthArticle(
            path=a.path,
            title=a.title,
            published=a.when.strftime("%Y-%m-%d"),
            contributor=a.author,
            body=a.body,
            shape=a.shape,
            aliases=[static_alias] if a is alias_art else [],
        )
        for a in arts
    ]
    pages = [TruthPage("/", "home", ["/index.php"])]
    for cid, *_ in CATS:
        pages += [TruthPage(u, "list") for u in pages_of(cid)]
    pages += [TruthPage(tag_url(t), "tag") for t in TAGS]
    pages += [TruthPage(u, "search") for _w, u in HOT]
    pages.append(TruthPage(SPECIAL[0], "special"))
    return TestSite(
        key="cmseasy",
        name=T.SITE,
        modelled_after="CmsEasy 5.x default theme (template/default)",
        encoding="gbk",
        render=render,
        articles=articles,
        pages=pages,
        friend_links=list(FRIEND_LINKS),
        copies=[copy_pair],
    )
