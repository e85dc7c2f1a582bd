"""Test site ``emlog``: a personal blog on emlog 5's default template (emlog/emlog), served in GBK.

The pages are GBK bytes declared only by ``<meta http-equiv="Content-Type" content="text/html; charset=gbk" />``
(the Content-Type header says plain ``text/html``). URLs are emlog's pseudo-static ones: posts ``/post-12.html``
(one also linked as the dynamic ``/?post=12`` from the 专题 page), ``/sort/1`` and ``/sort/1/page/2``,
``/author/1``, ``/tag/<name>`` with Chinese tag names percent-encoded **in GBK**, ``/?keyword=mysql``, home ``/``
plus ``/index.php`` (the 首页 nav item) and ``/page/2``, and a custom page ``/zhuanti.html`` (专题).

Traps: dates printed PHP-style "2015-3-7 21:05 Saturday" (no zero padding, English weekday); list pages have no
heading at all; the byline "作者：X 发布于：… 分类：Y" sits under an h2, three posts have no h2 (headline only in
``<title>`` as "标题 - 南窗小记") and three print no date (only the SEO plugin's JSON-LD ``datePublished``);
"本文链接 / 版权声明" and a "相关文章" list with excerpts sit between the body and the "&laquo; 上篇 | 下篇&raquo;"
line; line lists are ``<br />``-separated inside one ``<p>``; friend links are the sidebar "链接" widget on every
page; a near-copy of one post is reposted under the same title with a few sentences changed.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from urllib.parse import quote

from ...demo import text_bank
from ..model import Resource, TestSite, TruthArticle, TruthPage
from . import _emlog_templates as T

SEED = 7202
ENC = "gbk"
BLOGNAME = "南窗小记"
BLOGINFO = "记录生活，分享点滴"
PER_PAGE = 8
SORTS = [(1, "技术杂谈"), (2, "生活随笔"), (3, "职场感悟")]
AUTHORS = {1: "南窗", 2: "阿树", 3: "小满"}
FRIENDS = [
    ("木头的博客", "http://www.mutouboke.com/"),
    ("听雪楼", "http://www.tingxuelou.net/"),
    ("老高杂货铺", "http://blog.laogaozhp.cn/"),
    ("半亩方塘", "http://www.banmufangtang.org/"),
    ("emlog官方", "http://www.emlog.net/"),
]

# (title, sort, topic, shape, flags): h = no h2, d = no visible date, s = summary box, c = comments, a = alias
SPECS: list[tuple[str, int, str, str, str]] = [
    ("常用Linux命令速查表", 1, "技术", "table", "c"),
    ("一次MySQL慢查询的排查经过", 1, "技术", "prose", "c"),
    ("缓存一致性那些事", 1, "技术", "prose", "sa"),
    ("博客迁移到新主机的记录", 1, "技术", "prose", "h"),
    ("写给自己的运维检查清单", 1, "技术", "lines", ""),
    ("关于备份的几个问答", 1, "技术", "qa", "c"),
    ("给接口加上超时之后", 1, "技术", "prose", "d"),
    ("日志里缺少请求编号的教训", 1, "技术", "prose", "s"),
    ("自动化测试补课记", 1, "技术", "prose", ""),
    ("西湖边的冬天", 2, "美文", "gallery", "c"),
    ("家乡的小院", 2, "美文", "gallery", ""),
    ("秋夜（外二首）", 2, "美文", "poem", "c"),
    ("《旧时光》歌单", 2, "美文", "lines", ""),
    ("外婆家的老槐树", 2, "美文", "prose", "s"),
    ("老街尽头的馄饨铺", 2, "美文", "prose", "hc"),
    ("周末读书会书目与日程", 2, "美文", "table", ""),
    ("中秋的月亮", 2, "美文", "prose", "d"),
    ("回乡的火车上", 2, "美文", "prose", "s"),
    ("面试官常问的五个问题", 3, "职场", "prose", "c"),
    ("试用期里学会的三件事", 3, "职场", "prose", "s"),
    ("年终考核之前", 3, "职场", "prose", "h"),
    ("远程办公一年", 3, "职场", "prose", "d"),
    ("写好周报其实不难", 3, "职场", "prose", "c"),
    ("第一次带团队", 3, "职场", "prose", "c"),
    ("跳槽前的那次谈话", 3, "职场", "prose", "c"),
    ("会议太多怎么办", 3, "职场", "prose", ""),
    ("加班之谜", 3, "职场", "prose", "s"),
    ("一次MySQL慢查询的排查经过", 1, "技术", "copy", ""),
]
COPY_SRC = 1  # index in SPECS of the post the last one copies

TABLES = {
    "常用Linux命令速查表": (
        "平时最常用的一些命令，整理出来方便自己查。",
        ["命令", "用途", "常用参数"],
        [["ls", "列出目录内容", "-l -a -h"], ["grep", "按模式搜索文本", "-r -n -i"],
         ["tar", "打包和解包", "-czvf -xzvf"], ["df", "查看磁盘空间", "-h"],
         ["top", "查看进程和负载", "-c"], ["crontab", "管理定时任务", "-e -l"],
         ["scp", "远程复制文件", "-r -P"]],
    ),
    "周末读书会书目与日程": (
        "下半年读书会的安排定下来了，每月第二个周六下午两点，地点不变。",
        ["日期", "书目", "领读人"],
        [["7月11日", "《平凡的世界》第一部", "阿树"], ["8月8日", "《活着》", "小满"], ["9月12日", "《边城》", "南窗"],
         ["10月10日", "《围城》", "阿树"], ["11月14日", "《人间草木》", "小满"], ["12月12日", "年度分享会", "全体"]],
    ),
}
LINES = {
    "写给自己的运维检查清单": (
        "每次上线前照着过一遍，省得半夜爬起来救火。",
        ["确认备份在昨天之内完成", "检查磁盘剩余空间", "核对配置文件版本", "预留回滚脚本", "通知相关同事上线时间",
         "打开监控大盘", "准备好值班电话", "上线后观察半小时"],
    ),
    "《旧时光》歌单": (
        "整理了一份适合下雨天听的老歌。",
        ["01 同桌的你", "02 外婆的澎湖湾", "03 童年", "04 橄榄树", "05 恋曲1990", "06 光阴的故事", "07 送别",
         "08 乡间的小路"],
    ),
}
GALLERIES = {
    "西湖边的冬天": (
        "元旦那天去了趟西湖，人比想象中少。",
        ["断桥上的残雪", "湖边早起打太极的老人", "苏堤上光秃秃的柳树", "雾里的雷峰塔", "傍晚泛着金光的湖面"],
    ),
    "家乡的小院": (
        "",
        ["院门口那棵石榴树", "奶奶晒的萝卜干", "墙角的老水缸", "屋檐下的燕子窝", "冬天的太阳照进堂屋"],
    ),
}
QA = {
    "关于备份的几个问答": [
        ("问：博客数据需要多久备份一次？", "答：文章不多的话每天一次就够了，数据库和上传的附件都要备。"),
        ("问：备份放在同一台主机上行不行？", "答：不行，主机出问题时备份会一起没了，至少要放到另一个地方。"),
        ("问：怎么知道备份是好的？", "答：定期拿备份在别的机器上恢复一遍，能打开网站才算数。"),
    ],
}
POEMS = {
    "秋夜（外二首）": [
        ("秋夜", ["月亮挂在晾衣绳上", "虫声一阵紧一阵慢", "母亲在灯下", "把旧毛衣拆成一团线"]),
        ("小站", ["火车停两分钟", "站台上只有一盏灯", "卖茶叶蛋的阿姨", "把秋天装进了塑料袋"]),
        ("归", ["推开院门", "桂花落了一地", "没有人说话", "狗先认出了我"]),
    ],
}
COMMENTERS = ["路人甲", "小猪快跑", "清风徐来", "老顽童", "梧桐雨", "蓝色天空", "阿飞", "柚子", "Tony", "夏天的风"]
OPENERS = ["沙发！", "写得好，", "支持博主，", "学习了。", "深有体会，", "路过看看，", ""]
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108020000009077"
    "53de0000000c4944415408d763f8cfc0000003010100c9fe92ef0000000049454e44ae426082"
)


def _e(s: str) -> str:
    return T.e(s)


def _body(title: str, shape: str, topic: str, rng: random.Random, upload: str, gid: int) -> tuple[str, list[str]]:
    html: list[str] = []
    lines: list[str] = []
    if shape == "prose":
        for para in text_bank.paragraphs(topic, rng, rng.randint(4, 7)):
            html.append(f"<p>{_e(para)}</p>")
            lines.append(para)
    elif shape == "table":
        intro, head, rows = TABLES[title]
        html.append(f"<p>{_e(intro)}</p>")
        lines.append(intro)
        html.append('<table style="width:100%;" cellpadding="2" cellspacing="0" border="1" '
                    'bordercolor="#000000"><tbody>')
        html.append("<tr>" + "".join(f"<td><strong>{_e(c)}</strong></td>" for c in head) + "</tr>")
        lines.append(" ".join(head))
        for row in rows:
            html.append("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>")
            lines.append(" ".join(row))
        html.append("</tbody></table>")
    elif shape == "lines":
        intro, items = LINES[title]
        html.append(f"<p>{_e(intro)}</p>")
        lines.append(intro)
        html.append("<p>" + "<br />\n".join(_e(x) for x in items) + "</p>")
        lines.extend(items)
    elif shape == "gallery":
        intro, captions = GALLERIES[title]
        if intro:
            html.append(f"<p>{_e(intro)}</p>")
            lines.append(intro)
        for i, cap in enumerate(captions, 1):
            name = f"{upload}/{gid:03d}{i:02d}.png"
            thumb = f"{upload}/thum-{gid:03d}{i:02d}.png"
            html.append(f'<p style="text-align:center;"><a href="{{BASE}}{name}" target="_blank">'
                        f'<img src="{{BASE}}{thumb}" title="点击查看原图" alt="{gid:03d}{i:02d}.png" border="0" '
                        f'width="420" height="280" /></a></p>')
            html.append(f'<p style="text-align:center;">{_e(cap)}</p>')
            lines.append(cap)
    elif shape == "qa":
        lead = text_bank.sentence(topic, rng)
        html.append(f"<p>{_e(lead)}</p>")
        lines.append(lead)
        for q, a in QA[title]:
            html.append(f"<p><strong>{_e(q)}</strong></p>")
            html.append(f"<p>{_e(a)}</p>")
            lines.extend([q, a])
    elif shape == "poem":
        for name, verse in POEMS[title]:
            html.append(f"<p><strong>{_e(name)}</strong></p>")
            lines.append(name)
            html.append("<p>" + "<br />\n".join(_e(v) for v in verse) + "</p>")
            lines.extend(verse)
    return "\n".join(html), lines


def _comments(topic: str, rng: random.Random, start: datetime, next_id: list[int], author: str) -> list[T.Comment]:
    out = []
    for k in range(rng.randint(3, 5)):
        when = start + timedelta(days=rng.randint(0, 30), hours=rng.randint(1, 12), minutes=rng.randint(0, 59))
        next_id[0] += 1
        c = T.Comment(next_id[0], COMMENTERS[(k * 3 + next_id[0]) % len(COMMENTERS)],
                      f"http://www.blog{next_id[0]}.com/" if rng.random() < 0.3 else None,
                      when.strftime("%Y-%m-%d %H:%M"), rng.choice(OPENERS) + text_bank.sentence(topic, rng))
        if rng.random() < 0.3:
            next_id[0] += 1
            later = when + timedelta(hours=3)
            c.children.append(T.Comment(next_id[0], author, None, later.strftime("%Y-%m-%d %H:%M"),
                                        "谢谢来访，" + text_bank.sentence(topic, rng)))
        out.append(c)
    return out


def _excerpt(lines: list[str], n: int = 80) -> str:
    text = "".join(lines)
    return text[:n] + "..." if len(text) > n else text


def _tag_url(name: str) -> str:
    return quote(name.encode(ENC))


def build() -> TestSite:
    rng = random.Random(SEED)
    logs: list[T.Log] = []
    when = datetime(2014, 9, 3, 21, 5)
    cid = [40]
    alias_gid = 0
    for i, (title, sort, topic, shape, flags) in enumerate(SPECS):
        gid = 5 + i * 2 + rng.randint(0, 1)
        when = when + timedelta(days=rng.randint(8, 30), hours=rng.randint(-5, 5), minutes=rng.randint(0, 50))
        upload = f"/content/uploadfile/{when.year}{when.month:02d}"
        if shape == "copy":
            src = logs[COPY_SRC]
            lines = list(src.lines)
            for idx in rng.sample(range(len(lines)), k=2):
                lines[idx] = text_bank.sentence(topic, rng) + lines[idx]
            body = "\n".join(f"<p>{_e(x)}</p>" for x in lines)
            real_shape = "prose"
        else:
            body, lines = _body(title, shape, topic, rng, upload, gid)
            real_shape = shape
        author = 1 if i % 3 != 2 else (2 if i % 2 else 3)
        if sort == 2 and i % 4 == 0:
            author = 3
        tags = []
        if "Linux" in title or i in (3, 4, 5):
            tags.append("Linux")
        if "MySQL" in title or "缓存" in title:
            tags.append("MySQL")
        if sort == 2 and i % 2 == 1:
            tags.append("随笔")
        if sort == 3 and i % 3 == 0:
            tags.append("职场")
        log = T.Log(
            gid=gid, path=f"/post-{gid}.html", title=title, sort=sort, author=author,
            dt=when.strftime("%Y-%m-%d %H:%M"), body_html=body, lines=lines, shape=real_shape,
            excerpt=_excerpt(lines), tags=tags, views=rng.randint(40, 1800),
            show_title="h" not in flags, show_date="d" not in flags,
        )
        if "s" in flags:
            log.summary = lines[0][: max(20, len(lines[0]) * 3 // 5)].rstrip("，。；、") + "……"
        if "c" in flags:
            log.comments = _comments(topic, rng, when, cid, AUTHORS[author])
        if "a" in flags:
            alias_gid = gid
        logs.append(log)

    sort_name = dict(SORTS)
    tag_names = ["Linux", "MySQL", "随笔", "职场"]
    tag_urls = {t: _tag_url(t) for t in tag_names}
    newest = sorted(logs, key=lambda x: x.dt, reverse=True)
    navi = [("首页", "/index.php")] + [(n, f"/sort/{s}") for s, n in SORTS] + [("专题", "/zhuanti.html")]
    newcomms = []
    for x in newest:
        for c in x.comments:
            newcomms.append((c.when, c.name, c.text[:18] + "...", f"{x.path}#{c.cid}"))
    newcomms = [(n, t, h) for _, n, t, h in sorted(newcomms, reverse=True)[:6]]
    side = T.sidebar(
        ("南窗", "一个写代码也写字的普通人。"),
        [(s, n, sum(x.sort == s for x in logs)) for s, n in SORTS],
        [(t, tag_urls[t], sum(t in x.tags for x in logs)) for t in tag_names],
        newest[:8], sorted(logs, key=lambda x: x.views, reverse=True)[:8], newcomms,
        [("mysql", "/?keyword=mysql")], FRIENDS,
    )
    icp = "粤ICP备14052316号"
    info = "本站部分内容来源于网络，如有侵权请联系删除。"

    def page(title: str, keywords: str, desc: str, current: str, main: str, extra: str = "") -> str:
        return (T.head(title, keywords, desc, extra) + T.header(BLOGNAME, BLOGINFO, navi, current) + main + side
                + T.footer(icp, info))

    html_pages: dict[str, str] = {}
    truth_pages: list[TruthPage] = []

    def add_list(base_path: str, items: list[T.Log], title: str, kind: str, current: str,
                 first_kind: str | None = None) -> None:
        pages = max(1, (len(items) + PER_PAGE - 1) // PER_PAGE)

        def href(n: int) -> str:
            if n == 1:
                return base_path
            return f"/page/{n}" if base_path == "/" else f"{base_path}/page/{n}"

        for pg in range(1, pages + 1):
            chunk = items[(pg - 1) * PER_PAGE: pg * PER_PAGE]
            main = T.log_list(chunk, AUTHORS, sort_name, tag_urls, pg, pages, href)
            html_pages[href(pg)] = page(title, BLOGNAME, BLOGINFO, current if pg == 1 else "", main)
            truth_pages.append(TruthPage(href(pg), first_kind if (pg == 1 and first_kind) else kind,
                                         ["/index.php"] if (pg == 1 and base_path == "/") else []))

    add_list("/", newest, BLOGNAME, "list", "/index.php", first_kind="home")
    for s, n in SORTS:
        add_list(f"/sort/{s}", [x for x in newest if x.sort == s], f"{n} - {BLOGNAME}", "list", f"/sort/{s}")
    for uid, n in AUTHORS.items():
        add_list(f"/author/{uid}", [x for x in newest if x.author == uid], f"{n} - {BLOGNAME}", "list", "")
    for t in tag_names:
        add_list(f"/tag/{tag_urls[t]}", [x for x in newest if t in x.tags], f"{t} - {BLOGNAME}", "tag", "")
    found = [x for x in newest if "mysql" in x.title.lower()]
    html_pages["/?keyword=mysql"] = page(f"mysql - {BLOGNAME}", BLOGNAME, BLOGINFO, "",
                                         T.log_list(found, AUTHORS, sort_name, tag_urls, 1, 1, lambda n: ""))
    truth_pages.append(TruthPage("/?keyword=mysql", "search"))

    # 专题: an emlog custom page (page.php) with an alias
    picks = [x for x in logs if x.sort == 1 and x.shape == "prose"][:6]
    intro = ("这两年陆陆续续写了不少踩坑记录，从数据库到缓存，从日志到测试，都是自己在维护这个小博客和"
             "工作里碰到的真实问题。这里按时间顺序整理成一个专题，给同样在折腾的朋友参考。")
    items = "\n".join(
        f'<li><a href="{{BASE}}{"/?post=" + str(x.gid) if x.gid == alias_gid else x.path}">{_e(x.title)}</a>'
        f" —— {_e(x.excerpt)}</li>" for x in picks
    )
    special = f"""<div id="contentleft">
	<h2>专题：小博客的踩坑记录</h2>
	<p>{intro}</p>
<ul class="zhuanti">
{items}
</ul>
	<div style="clear:both;"></div>
</div><!--end #contentleft-->
"""
    html_pages["/zhuanti.html"] = page(f"专题：小博客的踩坑记录 - {BLOGNAME}", "专题", intro[:60], "/zhuanti.html",
                                       special)
    truth_pages.append(TruthPage("/zhuanti.html", "special"))

    order = sorted(logs, key=lambda x: x.dt)
    art_main: dict[str, tuple[str, T.Log]] = {}
    truth_articles: list[TruthArticle] = []
    for k, x in enumerate(order):
        prev = order[k - 1] if k else None
        nxt = order[k + 1] if k + 1 < len(order) else None
        related = rng.sample([y for y in logs if y.sort == x.sort and y is not x], 4)
        art_main[x.path] = (T.echo_log(x, AUTHORS[x.author], sort_name[x.sort], tag_urls, prev, nxt, related), x)
        truth_articles.append(TruthArticle(
            path=x.path, title=x.title, published=x.dt[:10], contributor=AUTHORS[x.author], body=x.lines,
            shape=x.shape, aliases=[f"/?post={x.gid}"] if x.gid == alias_gid else [],
        ))

    def render(base: str) -> dict[str, Resource]:
        out: dict[str, Resource] = {}

        def res(html: str) -> Resource:
            return Resource(html.replace("{BASE}", base).encode(ENC), content_type="text/html")

        for path, (main, x) in art_main.items():
            keywords = ",".join(x.tags) or BLOGNAME
            html = page(f"{x.title} - {BLOGNAME}", keywords, x.excerpt, f"/sort/{x.sort}", main,
                        T.json_ld(base, x, AUTHORS[x.author]))
            out[path] = res(html)
            if x.gid == alias_gid:
                out[f"/?post={x.gid}"] = out[path]
        for path, html in html_pages.items():
            out[path] = res(html)
        out["/index.php"] = out["/"]
        out[f"{T.TPL}/main.css"] = Resource(b"body{font-size:12px}", "text/css")
        out["/include/lib/js/common_tpl.js"] = Resource(b"/* emlog */", "application/javascript")
        out[f"{T.TPL}/images/top/default.jpg"] = Resource(PNG, "image/png")
        out["/content/uploadfile/201401/author.png"] = Resource(PNG, "image/png")
        for x in logs:
            if x.shape == "gallery":
                upload = f"/content/uploadfile/{x.dt[:4]}{x.dt[5:7]}"
                for i in range(1, len(GALLERIES[x.title][1]) + 1):
                    out[f"{upload}/{x.gid:03d}{i:02d}.png"] = Resource(PNG, "image/png")
                    out[f"{upload}/thum-{x.gid:03d}{i:02d}.png"] = Resource(PNG, "image/png")
        return out

    return TestSite(
        key="emlog",
        name=BLOGNAME,
        modelled_after="emlog 5.x default template (emlog/emlog content/templates/default), GBK",
        encoding=ENC,
        render=render,
        articles=truth_articles,
        pages=truth_pages,
        friend_links=list(FRIENDS),
        copies=[(logs[COPY_SRC].path, logs[-1].path)],
    )
