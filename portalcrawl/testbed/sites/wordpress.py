"""Test site ``wordpress``: a Chinese WordPress blog on the Puock theme (Licoy/wordpress-theme-puock), UTF-8.

URL shapes are WordPress's: posts at ``/%year%/%monthnum%/%postname%/``, each also served at its
shortlink ``/?p=ID`` (printed as ``<link rel='shortlink'>`` in every post head, so all posts have an alias),
``/category/x/`` with ``/category/x/page/2/``, ``/tag/x/``, ``/author/x/``, ``/?s=mysql``, home ``/`` and
``/index.php`` (the 首页 menu item), the home pagination ``/page/2/`` and a page ``/zhuanti-zhichang/`` (专题).

Traps: Puock prints no byline under the title — the date sits at the bottom ("发表至：分类 … 日期") and the
author only inside the 版权声明 box ("本站原创文章，由 X 2023-04-12发表，共计N字。"), which is template text under
every post; the sidebar "热门文章" widget and the "相关推荐" block carry excerpts; three posts show no h1
(headline only in ``<title>`` as "标题 - 站名"); three print no visible date (only the Yoast-style JSON-LD
``datePublished``, which every post carries, beside a later ``dateModified``); a "文章摘要" box repeats the lead
cut with "……"; comments are ``div.post-comment`` blocks with OS / browser / IP-region chips and nested replies;
one post is reposted with a few sentences changed (a near-copy).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from ...demo import text_bank
from ..model import Resource, TestSite, TruthArticle, TruthPage
from . import _wordpress_templates as T

SEED = 7201
SITE = "青柠札记"
PER_PAGE = 8
ABOUT = "青柠札记是几个写字的朋友合开的小博客，记录技术、创业与生活里的点点滴滴。"
REPRINT = "除特殊说明外本站文章皆由CC-4.0协议发布，转载请注明出处。"

CATS = [("jishu", "技术笔记"), ("chuangye", "创业故事"), ("suibi", "生活随笔")]
TAGS = [("huancun", "缓存"), ("chuangye-jingyan", "创业经验"), ("suipai", "随拍"), ("zhichang", "职场")]
AUTHORS = [("linting", "林听雨"), ("zhouzimo", "周子墨"), ("xubanxia", "许半夏"), ("chenyizhou", "陈一舟")]
FRIENDS = [
    ("码上见", "http://www.mashangjian.cn/"),
    ("晚风书房", "https://www.wanfengsf.com/"),
    ("山野杂记", "http://www.shanyezaji.net/"),
    ("小舟的博客", "https://blog.xiaozhou.org/"),
    ("拾穗集", "http://www.shisuiji.com/"),
]

# (title, slug, category, topic, shape, flags) — flags: h = no h1, d = no visible date, s = summary box,
# c = comments, m = tagged for the MySQL search
SPECS: list[tuple[str, str, str, str, str, str]] = [
    ("MySQL索引的学问：那些被忽视的细节", "mysql-index-details", "jishu", "技术", "prose", "scm"),
    ("Redis缓存之困：从踩坑到填坑", "redis-cache-pitfalls", "jishu", "技术", "prose", "s"),
    ("2023年主流云服务器价格一览", "cloud-server-prices", "jishu", "技术", "table", "c"),
    ("关于接口超时与重试的八个问答", "timeout-retry-qa", "jishu", "技术", "qa", ""),
    ("一次半夜告警的故障复盘", "midnight-alert-review", "jishu", "技术", "prose", "c"),
    ("备份演练为什么不能省", "backup-drill", "jishu", "技术", "prose", "h"),
    ("服务拆分之后，日志该怎么打", "logging-after-split", "jishu", "技术", "prose", "d"),
    ("代码评审的正确打开方式", "code-review-tips", "jishu", "技术", "prose", "c"),
    ("写给新人的依赖安全指南", "dependency-safety", "jishu", "技术", "prose", "s"),
    ("容量评估：MySQL扛不住促销高峰怎么办", "capacity-planning", "jishu", "技术", "prose", "m"),
    ("县城咖啡馆的第一年", "county-cafe-first-year", "chuangye", "创业", "prose", "sc"),
    ("社区咖啡馆饮品价目表（2023夏季）", "cafe-price-list", "chuangye", "创业", "table", ""),
    ("“小店生存课”巡回分享会日程", "shop-tour-dates", "chuangye", "创业", "lines", "c"),
    ("合伙人之争：怎样少走弯路", "partner-dispute", "chuangye", "创业", "prose", "h"),
    ("社区团购做小做精才能活下去", "group-buying", "chuangye", "创业", "prose", "c"),
    ("回乡创业的成本账", "hometown-costs", "chuangye", "创业", "prose", "ds"),
    ("民宿生意冷暖自知", "homestay-business", "chuangye", "创业", "prose", ""),
    ("直播带货的小团队：别让热情冲昏头脑", "livestream-team", "chuangye", "创业", "prose", "s"),
    ("供应链这件事，过来人的经验谈", "supply-chain", "chuangye", "创业", "prose", "c"),
    ("试错的成本：第一次创业", "first-startup", "chuangye", "创业", "prose", ""),
    ("《晚风》专辑曲目", "wanfeng-tracklist", "suibi", "美文", "lines", ""),
    ("秋日山路随拍", "autumn-mountain-photos", "suibi", "美文", "gallery", "c"),
    ("老街一日", "old-street-photos", "suibi", "美文", "gallery", ""),
    ("雨后的街道（组诗）", "after-rain-poems", "suibi", "美文", "poem", "c"),
    ("外婆的槐树", "grandma-tree", "suibi", "美文", "prose", "s"),
    ("母亲的叮嘱", "mothers-words", "suibi", "美文", "prose", "hc"),
    ("学会拒绝：写给职场新人", "learn-to-say-no", "suibi", "职场", "prose", "c"),
    ("会议太多，效率从哪里来", "too-many-meetings", "suibi", "职场", "prose", "d"),
    ("跳槽之前，你真的想清楚了吗", "before-job-hopping", "suibi", "职场", "prose", "s"),
    ("县城咖啡馆的第一年（转）", "county-cafe-repost", "suibi", "创业", "copy", ""),
]
COPY_OF = {"county-cafe-repost": "county-cafe-first-year"}

TABLES = {
    "cloud-server-prices": (
        "整理了几家常见云厂商入门配置的公开报价，仅供选型时参考，实际价格以官网活动为准。",
        ["厂商", "配置", "带宽", "包年价格"],
        [["阿里云", "2核4G", "5M", "1080元"], ["腾讯云", "2核4G", "6M", "998元"], ["华为云", "2核4G", "5M", "1120元"],
         ["京东云", "2核4G", "5M", "899元"], ["天翼云", "2核4G", "5M", "960元"], ["UCloud", "2核4G", "4M", "870元"]],
    ),
    "cafe-price-list": (
        "夏季菜单从六月起执行，会员卡折扣照旧。",
        ["饮品", "中杯", "大杯", "备注"],
        [["美式咖啡", "15元", "18元", "可换燕麦奶"], ["拿铁", "18元", "22元", "招牌"],
         ["生椰拿铁", "20元", "24元", "夏季限定"], ["冰滴咖啡", "22元", "26元", "每日限量"],
         ["柠檬茶", "12元", "15元", "少糖"], ["桂花乌龙", "14元", "17元", "新品"],
         ["手冲单品", "28元", "无", "豆子每周更换"]],
    ),
}
LINES = {
    "shop-tour-dates": (
        "今年的分享会走八座城市，每场限额六十人，报名请留意公众号。",
        ["7月8日 杭州 文三路青年空间", "7月15日 南京 新街口创客咖啡", "7月22日 合肥 天鹅湖图书馆",
         "7月29日 武汉 光谷创业街", "8月5日 长沙 五一广场书店", "8月12日 南昌 滕王阁青年之家",
         "8月19日 福州 三坊七巷会馆", "8月26日 厦门 沙坡尾艺术区"],
    ),
    "wanfeng-tracklist": (
        "朋友乐队的第一张专辑，录了整整一个冬天。",
        ["01 晚风", "02 河堤", "03 旧车站", "04 十一点的路灯", "05 给远方的信", "06 槐花落",
         "07 无人知晓的夏天", "08 归途", "09 晚风（不插电版）"],
    ),
}
GALLERIES = {
    "autumn-mountain-photos": (
        "十月初去了一趟山里，随手拍了几张。",
        ["山路拐角的枫树已经红了一半", "半山腰的茶园，雾还没散", "溪水边晒太阳的老黄狗", "下山时遇到的挑柿子的大爷",
         "傍晚的山坳，炊烟一缕一缕"],
    ),
    "old-street-photos": (
        "",
        ["早上六点的馄饨铺，第一锅汤刚滚", "修鞋师傅的工具箱用了三十年", "巷口晾着的蓝印花布", "午后趴在门槛上的橘猫",
         "路灯亮起来的时候，老街最好看", "收摊后的石板路"],
    ),
}
QA = {
    "timeout-retry-qa": [
        ("问：接口一定要设置超时吗？", "答：一定要。没有超时的调用一旦卡住，线程会越积越多，最后拖垮整个服务。"),
        ("问：超时时间设多少合适？", "答：先看下游接口平时的耗时分布，取高分位数再留一点余量，不要拍脑袋定整数。"),
        ("问：失败了要不要立刻重试？", "答：最好加上退避等待，连续重试只会让已经吃紧的下游更难恢复。"),
        ("问：哪些请求不适合重试？", "答：不是幂等的写操作要谨慎，比如扣款和下单，重试前必须确认上一次确实没有成功。"),
    ],
}
POEMS = {
    "after-rain-poems": [
        ("其一", ["雨停的时候", "街道把天空摊开", "一只麻雀", "在水洼里数自己的影子"]),
        ("其二", ["卖花的人收起了伞", "栀子花还在滴水", "风从巷子那头过来", "带走了半句吆喝"]),
        ("其三", ["路灯亮了", "有人踩着积水回家", "窗台上的茉莉", "替我等了一整个黄昏"]),
    ],
}
COMMENTERS = ["路过的风", "小鱼儿", "老王在学习", "阿晴", "程序猿小陈", "木子李", "江南烟雨", "一只咸鱼", "北方的狼",
              "晴天娃娃", "豆豆妈", "山间明月"]
OPENERS = ["写得很实在，", "深有同感。", "收藏了，", "博主说得对，", "学习了，", "感谢分享，", "看完想起自己，", ""]
REGIONS = ["浙江省杭州市", "广东省深圳市", "北京市", "四川省成都市", "湖北省武汉市", "江苏省南京市", "上海市"]
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108020000009077"
    "53de0000000c4944415408d763f8cfc0000003010100c9fe92ef0000000049454e44ae426082"
)


def _e(text: str) -> str:
    return T.e(text)


def _body(spec_slug: str, shape: str, topic: str, rng: random.Random, img_dir: str) -> tuple[str, list[str]]:
    html: list[str] = []
    lines: list[str] = []
    if shape == "prose":
        for para in text_bank.paragraphs(topic, rng, rng.randint(4, 7)):
            html.append(f"<p>{_e(para)}</p>")
            lines.append(para)
    elif shape == "table":
        intro, head, rows = TABLES[spec_slug]
        html.append(f"<p>{_e(intro)}</p>")
        lines.append(intro)
        html.append('<figure class="wp-block-table"><table class="table table-bordered puock-text"><thead><tr>'
                    + "".join(f"<th>{_e(c)}</th>" for c in head) + "</tr></thead><tbody>")
        lines.append(" ".join(head))
        for row in rows:
            html.append("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>")
            lines.append(" ".join(row))
        html.append("</tbody></table></figure>")
    elif shape == "lines":
        intro, items = LINES[spec_slug]
        html.append(f"<p>{_e(intro)}</p>")
        lines.append(intro)
        html.append('<ul class="wp-block-list">' + "".join(f"<li>{_e(x)}</li>" for x in items) + "</ul>")
        lines.extend(items)
    elif shape == "gallery":
        intro, captions = GALLERIES[spec_slug]
        if intro:
            html.append(f"<p>{_e(intro)}</p>")
            lines.append(intro)
        html.append('<div id="gallery-1" class="gallery galleryid-0 gallery-columns-2 gallery-size-medium">')
        for i, cap in enumerate(captions, 1):
            src = f"{img_dir}/{spec_slug}-{i}.png"
            html.append(
                f'<figure class="gallery-item"><div class="gallery-icon landscape"><a href="{src}" class="fancybox" '
                f'data-no-instant target="_blank"><img width="300" height="200" src="{src}" '
                f'class="attachment-medium size-medium" alt="" /></a></div>'
                f'<figcaption class="wp-caption-text gallery-caption" id="gallery-1-{i}">{_e(cap)}</figcaption>'
                '</figure>'
            )
            lines.append(cap)
        html.append("</div>")
    elif shape == "qa":
        lead = text_bank.sentence(topic, rng)
        html.append(f"<p>{_e(lead)}</p>")
        lines.append(lead)
        for q, a in QA[spec_slug]:
            html.append(f"<p><strong>{_e(q)}</strong></p>")
            html.append(f"<p>{_e(a)}</p>")
            lines.extend([q, a])
    elif shape == "poem":
        for name, verse in POEMS[spec_slug]:
            html.append(f'<h3 class="wp-block-heading">{_e(name)}</h3>')
            lines.append(name)
            html.append('<p class="has-text-align-center">' + "<br>".join(_e(v) for v in verse) + "</p>")
            lines.extend(verse)
    return "\n".join(html), lines


def _copy_body(src_lines: list[str], topic: str, rng: random.Random) -> tuple[str, list[str]]:
    lines = list(src_lines)
    for idx in rng.sample(range(len(lines)), k=min(2, len(lines))):
        lines[idx] = lines[idx] + text_bank.sentence(topic, rng)
    lines.append("本文转自作者的个人公众号，收录时略有删改。")
    return "\n".join(f"<p>{_e(x)}</p>" for x in lines), lines


def _comments(topic: str, rng: random.Random, start: date, next_id: list[int], author: str) -> list[T.Comment]:
    out = []
    for k in range(rng.randint(3, 5)):
        when = start + timedelta(days=rng.randint(0, 20), hours=0)
        stamp = f"{when.isoformat()} {rng.randint(7, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
        next_id[0] += 1
        c = T.Comment(next_id[0], COMMENTERS[(k * 5 + next_id[0]) % len(COMMENTERS)],
                      "https://www.example-" + str(next_id[0]) + ".cn/" if rng.random() < 0.3 else None,
                      stamp, rng.choice(OPENERS) + text_bank.sentence(topic, rng),
                      rng.choice(["Windows 10", "Mac OS", "Android", "iPhone"]),
                      rng.choice(["Chrome", "Firefox", "Edge", "Safari"]), rng.choice(REGIONS))
        if rng.random() < 0.35:
            next_id[0] += 1
            reply = "谢谢留言，" + text_bank.sentence(topic, rng)
            c.replies.append(T.Comment(next_id[0], author, None, stamp[:11] + "23:58:10", reply, "Mac OS", "Chrome",
                                       "浙江省杭州市"))
        out.append(c)
    return out


def _excerpt(lines: list[str], n: int = 70) -> str:
    text = "".join(lines)
    return text[:n] + "…" if len(text) > n else text


def build() -> TestSite:
    rng = random.Random(SEED)
    posts: list[T.Post] = []
    day = date(2023, 2, 6)
    cid = [100]
    by_slug: dict[str, T.Post] = {}
    for i, (title, slug, cat, topic, shape, flags) in enumerate(SPECS):
        pid = 112 + i * 3 + rng.randint(0, 2)
        day = day + timedelta(days=rng.randint(3, 9))
        path = f"/{day.year}/{day.month:02d}/{slug}/"
        img_dir = f"/wp-content/uploads/{day.year}/{day.month:02d}"
        if shape == "copy":
            src = by_slug[COPY_OF[slug]]
            body_html, lines = _copy_body(src.lines, topic, rng)
            real_shape = "prose"
        else:
            body_html, lines = _body(slug, shape, topic, rng, img_dir)
            real_shape = shape
        a_slug, a_name = AUTHORS[(i * 7 + rng.randint(0, 1)) % len(AUTHORS)]
        tags: list[str] = []
        if cat == "jishu" and i % 2 == 0:
            tags.append("huancun")
        if cat == "chuangye" and i % 3 != 1:
            tags.append("chuangye-jingyan")
        if shape == "gallery":
            tags.append("suipai")
        if topic == "职场":
            tags.append("zhichang")
        p = T.Post(
            pid=pid, path=path, title=title, slug=slug, cat=cat, author=a_name, author_slug=a_slug,
            date=day.isoformat(), time=f"{rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}:00",
            modified=f"{(day + timedelta(days=rng.randint(20, 200))).isoformat()}T10:12:33+08:00",
            body_html=body_html, lines=lines, shape=real_shape, excerpt=_excerpt(lines), tags=tags,
            views=rng.randint(180, 5200), show_h1="h" not in flags, show_date="d" not in flags,
            thumb=f"/wp-content/themes/puock/assets/img/random/{rng.randint(1, 8)}.png",
        )
        if "s" in flags:
            lead = lines[0]
            p.summary = lead[: max(24, len(lead) * 2 // 3)].rstrip("，。；、") + "……"
        if "c" in flags:
            p.comments = _comments(topic, rng, day, cid, a_name)
        posts.append(p)
        by_slug[slug] = p

    cat_name = dict(CATS)
    tag_name = dict(TAGS)
    newest = sorted(posts, key=lambda p: (p.date, p.pid), reverse=True)
    hot = sorted(posts, key=lambda p: p.views, reverse=True)[:5]
    menu = [("首页", "/index.php")] + [(n, f"/category/{s}/") for s, n in CATS] + [("专题", "/zhuanti-zhichang/")]
    tag_counts = [(s, n, sum(s in p.tags for p in posts)) for s, n in TAGS]
    searches = [("MySQL", "/?s=mysql")]
    side = T.sidebar(hot, newest[:6], tag_counts, searches, FRIENDS)

    def page(title: str, desc: str, main: str, current: str, crumbs, extra_head: str = "", single: bool = False,
             after_main: str = "") -> str:
        return (T.head(title, desc, extra_head) + T.header(SITE, menu, current, single)
                + f'<div id="{"post" if single else "content"}" class="container mt20">\n'
                + (T.breadcrumb(crumbs) if crumbs is not None else "")
                + '<div class="row row-cols-1 post-row">\n'
                + '<div id="post-main" class="col-lg-8 col-md-12 animated fadeInLeft">\n'
                + main + "</div>\n" + side + "</div>\n" + after_main + "</div>\n" + T.footer(SITE, ABOUT, "2024"))

    def listing(items: list[T.Post], pg: int, href) -> str:
        chunk = items[(pg - 1) * PER_PAGE: pg * PER_PAGE]
        pages = (len(items) + PER_PAGE - 1) // PER_PAGE
        body = "".join(T.list_item(p, cat_name[p.cat], f"/category/{p.cat}/") for p in chunk)
        return f'<div class="mt20" id="posts">{body}</div>\n' + T.paging(pg, pages, href)

    truth_pages: list[TruthPage] = []
    html_pages: dict[str, str] = {}

    # home + home pagination
    home_pages = (len(newest) + PER_PAGE - 1) // PER_PAGE

    def home_href(n: int) -> str:
        return "/" if n == 1 else f"/page/{n}/"

    for pg in range(1, home_pages + 1):
        title = SITE + " - 记录技术、创业与生活" if pg == 1 else f"{SITE} - 第{pg}页"
        main = listing(newest, pg, home_href)
        after = T.friend_block(FRIENDS) if pg == 1 else ""
        html_pages[home_href(pg)] = page(title, ABOUT, main, "/index.php" if pg == 1 else "", None, after_main=after)
        truth_pages.append(TruthPage(home_href(pg), "home" if pg == 1 else "list",
                                     ["/index.php"] if pg == 1 else []))

    def add_list(base_path: str, items: list[T.Post], name: str, crumbs, kind: str, title_base: str) -> None:
        pages = max(1, (len(items) + PER_PAGE - 1) // PER_PAGE)

        def href(n: int) -> str:
            return base_path if n == 1 else f"{base_path}page/{n}/"

        for pg in range(1, pages + 1):
            head_title = f"{title_base} - {SITE}" if pg == 1 else f"{title_base} - 第{pg}页 - {SITE}"
            top = (f'<div class="p-block"><h1 class="t-lg puock-text mb-0">{_e(name)}</h1></div>\n'
                   if kind != "search" else
                   f'<div class="p-block"><span class="t-lg puock-text">“{_e(name)}”的搜索结果</span></div>\n')
            html_pages[href(pg)] = page(head_title, f"{name}相关文章", top + listing(items, pg, href),
                                        base_path, crumbs)
            truth_pages.append(TruthPage(href(pg), kind))

    for slug, name in CATS:
        items = [p for p in newest if p.cat == slug]
        add_list(f"/category/{slug}/", items, name, [(name, f"/category/{slug}/"), ("文章列表", None)], "list", name)
    for slug, name in TAGS:
        items = [p for p in newest if slug in p.tags]
        add_list(f"/tag/{slug}/", items, name, [("标签", None), (name, None)], "tag", name)
    for slug, name in AUTHORS:
        items = [p for p in newest if p.author_slug == slug]
        if items:
            add_list(f"/author/{slug}/", items, name, [(name, None)], "list", f"作者：{name}")
    found = [p for p in newest if "mysql" in p.title.lower()]
    html_pages["/?s=mysql"] = page(f"搜索\"mysql\"的结果 - {SITE}", SITE,
                                   '<div class="p-block"><span class="t-lg puock-text">“mysql”的搜索结果</span></div>\n'
                                   + listing(found, 1, lambda n: "/?s=mysql"), "",
                                   [("mysql", None), ("搜索结果", None)])
    truth_pages.append(TruthPage("/?s=mysql", "search"))

    # 专题 page (a WordPress page)
    topic_posts = [p for p in posts if "zhichang" in p.tags] + [by_slug["code-review-tips"], by_slug["first-startup"]]
    intro = ("刚走进职场的那一两年，很多困惑其实前人都遇到过。这个专题把站内几位作者关于沟通、拒绝、会议和跳槽的"
             "文章放在一起，按阅读顺序排好，希望能帮你少走一点弯路。")
    items = "".join(f'<li><a href="{p.path}">{_e(p.title)}</a><p class="c-sub t-sm">{_e(p.excerpt)}</p></li>'
                    for p in topic_posts)
    special = f"""<div class="p-block">
    <div><h1 id="post-title" class="mb-0 puock-text t-xxl">专题：写给职场新人</h1></div>
    <div class="mt20 entry-content-box"><div class="entry-content content-main puock-text p-indent">
        <p>{intro}</p>
        <h3>专题文章</h3>
        <ul class="zhuanti-list">{items}</ul>
    </div></div>
</div>
"""
    html_pages["/zhuanti-zhichang/"] = page(f"专题：写给职场新人 - {SITE}", intro[:60], special, "/zhuanti-zhichang/",
                                            [("专题：写给职场新人", None)])
    truth_pages.append(TruthPage("/zhuanti-zhichang/", "special"))

    # articles
    order = sorted(posts, key=lambda p: (p.date, p.pid))
    truth_articles: list[TruthArticle] = []
    article_html: dict[str, tuple[str, T.Post]] = {}
    for k, p in enumerate(order):
        prev = order[k - 1] if k else None
        nxt = order[k + 1] if k + 1 < len(order) else None
        same = [q for q in newest if q.cat == p.cat and q is not p]
        related = rng.sample(same, 4)
        words = len("".join(p.lines).replace(" ", ""))
        main = T.article_main(p, cat_name[p.cat], f"/category/{p.cat}/", tag_name, words, (prev, nxt), related, REPRINT)
        article_html[p.path] = (main, p)
        truth_articles.append(TruthArticle(
            path=p.path, title=p.title, published=p.date, contributor=p.author, body=p.lines, shape=p.shape,
            aliases=[f"/?p={p.pid}"],
        ))

    def render(base: str) -> dict[str, Resource]:
        out: dict[str, Resource] = {}
        for path, (main, p) in article_html.items():
            extra = (f'    <link rel="canonical" href="{base}{p.path}" />\n'
                     f"    <link rel='shortlink' href='{base}/?p={p.pid}' />\n" + T.json_ld(base, p, SITE))
            html = page(f"{p.title} - {SITE}", p.excerpt, main, f"/category/{p.cat}/",
                        [(cat_name[p.cat], f"/category/{p.cat}/"), ("正文", None)], extra, single=True)
            data = html.replace("{BASE}", base).encode("utf-8")
            out[path] = Resource(data)
            out[f"/?p={p.pid}"] = Resource(data)
        for path, html in html_pages.items():
            data = html.replace("{BASE}", base).encode("utf-8")
            out[path] = Resource(data)
        out["/index.php"] = out["/"]
        css = b"body{font-family:sans-serif}"
        for asset in ("/wp-includes/css/dist/block-library/style.min.css?ver=6.3.1",
                      f"{T.THEME}/assets/dist/libs.min.css?ver={T.VER}",
                      f"{T.THEME}/assets/dist/style.min.css?ver={T.VER}"):
            out[asset] = Resource(css, "text/css")
        for asset in (f"{T.THEME}/assets/dist/jquery.min.js?ver={T.VER}",
                      f"{T.THEME}/assets/dist/app.min.js?ver={T.VER}"):
            out[asset] = Resource(b"/* js */", "application/javascript")
        out[f"{T.THEME}/assets/img/favicon.ico"] = Resource(PNG, "image/png")
        out[f"{T.THEME}/assets/img/avatar.png"] = Resource(PNG, "image/png")
        for n in range(1, 9):
            out[f"{T.THEME}/assets/img/random/{n}.png"] = Resource(PNG, "image/png")
        for p in posts:
            if p.shape == "gallery":
                for n in range(1, len(GALLERIES[p.slug][1]) + 1):
                    out[f"/wp-content/uploads/{p.date[:4]}/{p.date[5:7]}/{p.slug}-{n}.png"] = Resource(PNG, "image/png")
        return out

    copies = [(by_slug[src].path, by_slug[dst].path) for dst, src in COPY_OF.items()]
    return TestSite(
        key="wordpress",
        name=SITE,
        modelled_after="WordPress 6 with the Puock theme (Licoy/wordpress-theme-puock), Yoast-style JSON-LD",
        encoding="utf-8",
        render=render,
        articles=truth_articles,
        pages=truth_pages,
        friend_links=list(FRIENDS),
        copies=copies,
    )
