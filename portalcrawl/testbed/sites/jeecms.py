"""青禾资讯网: a portal rendered after JEECMS's default front-end template (v8/v9 ``www/default``, UTF-8).

URLs as JEECMS serves them dynamically: channel lists ``/tech/index.jhtml`` and ``/tech/index_2.jhtml``,
articles ``/tech/123.jhtml``, tag pages ``/tag/3.jspx``, search ``/search.jspx?q=...``, the special topic
``/topic/1.jspx``, home at ``/`` and ``/index.jhtml``.

Traps:
- the ``h1`` carries the headline *and* a trailing channel link (``<a class="position">科技</a>``);
- ``<title>`` is "标题 - 站名 - Powered by JEECMS"; three articles have no ``h1`` (headline only there);
- the meta line prints "作者：本站编辑" when the article names nobody (contributor None), and
  "浏览次数：" with an empty span filled by script;
- three articles print no date: it is only in a JSON-LD block added to their content template;
- a 导读 box repeats the lead, cut with "……"; a 声明 disclaimer follows every body;
- "相关阅读" teasers with summaries and dates, sidebar 热门话题 / 最新资讯 / 大家都在搜, comment blocks
  (热门评论) with real sentences, and the home page quoting comments (精彩评论) next to article titles;
- one article also served as a static ``.htm`` page (linked from the special topic), no canonical link;
- one article reposted in another channel with a few sentences changed.
"""

from __future__ import annotations

import random
import re
from typing import Any

from portalcrawl.demo import text_bank

from ..model import Resource, TestSite, TruthArticle, TruthPage
from . import _jeecms_templates as tpl

SEED = 7301
SITE_NAME = "青禾资讯网"
DOMAIN = "www.qinghe-news.cn"
FRIEND_LINKS = [
    ("南山日报网", "http://www.nanshanrb.com/"),
    ("云岭科技在线", "http://www.yunlingtech.cn/"),
    ("江右创业网", "http://www.jiangyou-cy.com/"),
    ("半亩书屋", "http://www.banmushu.net/"),
    ("湖畔生活网", "http://www.hupanlife.cn/"),
]
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,"
    b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
ASSET = re.compile(r'(?:src|href)="(/[^"?#]+\.(?:css|js|png|jpg|gif))"')
STUBS = {"css": (b"body{margin:0}\n", "text/css"), "js": (b"var Cms=Cms||{};\n", "application/javascript")}

CHANNELS = [
    {"path": "tech", "name": "科技", "topic": "技术", "desc": "科技资讯、运维与开发经验"},
    {"path": "startup", "name": "创业", "topic": "创业", "desc": "创业故事与小店经营"},
    {"path": "life", "name": "生活", "topic": "美文", "desc": "散文随笔与城市生活"},
]

# Hand-written material for the articles that are not plain prose.
SPECIAL: list[dict[str, Any]] = [
    {
        "ch": "tech", "shape": "table", "title": "2024年主流云服务器入门配置价格一览",
        "intro": "以下为各家官网公布的入门配置年付价格，仅供选型参考，实际以官网为准。",
        "rows": [["服务商", "配置", "带宽", "年付价格"], ["北辰云", "2核4G", "3M", "588元"],
                 ["星河云", "2核4G", "5M", "699元"], ["青木云", "4核8G", "5M", "1280元"],
                 ["远帆云", "2核2G", "3M", "399元"], ["海川云", "4核16G", "10M", "2360元"]],
    },
    {
        "ch": "startup", "shape": "table", "title": "第三届青年创业大赛复赛日程安排",
        "intro": "复赛在市青年创业园举行，请各参赛团队按时签到。",
        "rows": [["日期", "时间", "环节", "地点"], ["6月8日", "09:00", "签到与抽签", "创业园一楼大厅"],
                 ["6月8日", "10:00", "路演第一组", "报告厅A"], ["6月8日", "14:00", "路演第二组", "报告厅A"],
                 ["6月9日", "09:30", "评委闭门评议", "会议室302"], ["6月9日", "15:00", "公布晋级名单", "报告厅A"]],
    },
    {
        "ch": "life", "shape": "table", "title": "社区羽毛球联赛第三轮比赛成绩",
        "intro": None,
        "rows": [["场次", "主队", "比分", "客队"], ["第1场", "东湖队", "3:1", "桂园队"],
                 ["第2场", "青石队", "2:3", "柳巷队"], ["第3场", "南门队", "3:0", "北岸队"],
                 ["第4场", "西街队", "1:3", "东湖二队"]],
    },
    {
        "ch": "tech", "shape": "lines", "title": "《运维手记》全书目录",
        "intro": "本书共十章，以下为目录。",
        "lines": ["第一章 从一次半夜告警说起", "第二章 日志要写给人看", "第三章 监控图表怎么读",
                  "第四章 容量评估的笨办法", "第五章 备份与恢复演练", "第六章 发布流程与检查清单",
                  "第七章 缓存的代价", "第八章 数据库索引的取舍", "第九章 故障复盘怎么写", "第十章 写给新人的值班指南"],
    },
    {
        "ch": "life", "shape": "lines", "title": "民谣歌手陈默“归途”巡演全部日期公布",
        "intro": None,
        "lines": ["3月16日 武汉 江滩livehouse", "3月23日 长沙 梧桐音乐现场", "3月30日 南昌 青苑剧场",
                  "4月6日 杭州 湖畔小剧场", "4月13日 南京 秦淮空间", "4月20日 合肥 庐州livehouse",
                  "4月27日 成都 玉林小馆", "5月4日 重庆 山城剧场"],
    },
    {
        "ch": "life", "shape": "gallery", "title": "组图：秋日古镇行摄",
        "intro": "十月的一个周末，我们在城郊的古镇走了一整天。",
        "captions": ["清晨的石板街还没有什么游人", "老茶馆门口晒着新收的桂花", "河埠头有人在洗菜",
                     "午后的阳光照在斑驳的墙上", "傍晚，屋檐下挂起了红灯笼"],
    },
    {
        "ch": "startup", "shape": "gallery", "title": "图集：县城咖啡馆开业第一天",
        "intro": None,
        "captions": ["店门口摆满了朋友送来的花篮", "老板亲手为第一位客人拉花", "二楼的阅读角坐满了学生",
                     "开业当天推出的桂花拿铁", "打烊后，合伙人在吧台前算当天的账"],
    },
    {
        "ch": "tech", "shape": "qa", "title": "关于数据库备份的五个常见问题",
        "qa": [("问：备份做了，为什么还要做恢复演练？",
                "答：没有恢复过的备份只是一份心理安慰，演练才能证明它真的能用。"),
               ("问：全量备份多久做一次合适？",
                "答：取决于数据量和可以接受的恢复时间，多数中小团队每天一次全量加每小时增量就够了。"),
               ("问：备份文件放在同一台机器上行不行？",
                "答：不行，机器一坏，数据和备份会一起丢失，至少要放到另一个机房。"),
               ("问：备份需要加密吗？", "答：需要，备份里往往有用户资料，泄露的后果和线上库泄露一样严重。"),
               ("问：谁来负责检查备份是否成功？", "答：最好指定到人，并让监控在备份失败时自动告警。")],
    },
    {
        "ch": "life", "shape": "poem", "title": "乡愁（组诗）",
        "stanzas": [["村口的老槐树", "把影子铺在回家的路上", "我踩着它", "一步一步走进童年"],
                    ["灶台上的炊烟", "是母亲写给远方的信", "字很少", "却要读很多年"],
                    ["火车开过小站", "站台上没有人挥手", "只有风", "替我把名字喊了一遍"]],
    },
]
TITLE_ONLY = {3, 11, 22}  # indexes in the generated order (prose articles)
JSONLD = {5, 14, 26}
NO_AUTHOR = {8, 19}
SUMMARY = {1, 5, 9, 13, 17, 21, 25}
COMMENTED = {0, 2, 4, 7, 10, 12, 15, 18, 20, 23, 27, 29}
COMMENTERS = ["江畔听雨", "老周", "小鹿乱撞", "木子李", "半杯清茶", "阿飞正传", "北方的狼", "晴天娃娃",
              "路人甲", "隔壁老王", "一米阳光", "风吹麦浪"]
SEARCH_WORDS = ["Excel", "Python"]
TAGS = ["运维", "小店经营", "散文", "城市"]


def _cut(text: str, n: int, tail: str = "...") -> str:
    return text if len(text) <= n else text[:n] + tail


def _build_articles(rng: random.Random) -> list[dict[str, Any]]:
    chans = {c["path"]: c for c in CHANNELS}
    specs: list[dict[str, Any]] = []
    special_by_ch: dict[str, list[dict[str, Any]]] = {c["path"]: [] for c in CHANNELS}
    for s in SPECIAL:
        special_by_ch[s["ch"]].append(s)
    # 10 articles per channel: the channel's special ones plus prose; the last life slot is the near-copy
    extra_titles = {"tech": "用Excel做运维报表的几个小技巧", "startup": "我用Python帮小店算清了成本账"}
    for c in CHANNELS:
        own = list(special_by_ch[c["path"]])
        n_prose = 10 - len(own) - (1 if c["path"] == "startup" else 0)
        for k in range(n_prose):
            if k == 0 and c["path"] in extra_titles:
                title = extra_titles[c["path"]]
            else:
                title = f"{rng.choice(text_bank.HEADLINE_HEADS[c['topic']])}：{rng.choice(text_bank.HEADLINE_TAILS)}"
            own.append({"ch": c["path"], "shape": "prose", "title": title})
        rng.shuffle(own)
        specs.extend(own)
    # the near-copy: a tech article reposted in the startup channel
    specs.append({"ch": "startup", "shape": "copy"})
    seen: set[str] = set()
    arts: list[dict[str, Any]] = []
    for i, s in enumerate(specs):
        ch = chans[s["ch"]]
        topic = ch["topic"]
        title = s.get("title", "")
        while title in seen or (not title and s["shape"] != "copy"):
            title = f"{rng.choice(text_bank.HEADLINE_HEADS[topic])}：{rng.choice(text_bank.HEADLINE_TAILS)}"
        seen.add(title)
        blocks: list[tuple] = []
        body: list[str] = []
        shape = s["shape"]
        if shape == "prose":
            paras = text_bank.paragraphs(topic, rng, rng.randint(4, 7))
            paras[0] = paras[0] + rng.choice(text_bank.LEAD_TAILS)
            if "Excel" in title:
                paras[1] = "不少运维同事每周都要用Excel汇总告警数据，" + paras[1]
            if "Python" in title:
                paras[1] = "后来我学了一点Python，写了个脚本自动汇总每天的流水，" + paras[1]
            blocks = [("p", p) for p in paras]
            body = paras
        elif shape in ("table", "lines", "gallery"):
            if s["intro"]:
                blocks.append(("p", s["intro"]))
                body.append(s["intro"])
            if shape == "table":
                blocks.append(("table", s["rows"]))
                body.extend(" ".join(r) for r in s["rows"])
            elif shape == "lines":
                blocks.append(("br", s["lines"]))
                body.extend(s["lines"])
            else:
                for cap in s["captions"]:
                    blocks.append(("img", None, cap))
                    blocks.append(("pc", cap))
                    body.append(cap)
        elif shape == "qa":
            for q, a_ in s["qa"]:
                blocks.append(("strong", q))
                blocks.append(("p", a_))
                body.extend([q, a_])
        elif shape == "poem":
            for st in s["stanzas"]:
                blocks.extend(("pc", line) for line in st)
                body.extend(st)
        elif shape == "copy":
            src = next(a for a in arts if a["channel"]["path"] == "tech" and a["shape"] == "prose"
                       and len(a["body"]) >= 4 and a["idx"] not in TITLE_ONLY | JSONLD)
            body = list(src["body"])
            for k in (1, 3):
                body[k] = text_bank.sentence("技术", rng) + body[k][body[k].find("。") + 1:]
            blocks = [("p", p) for p in body]
            title = src["title"]
            shape = "prose"
            s["copy_of"] = src
        author = None if i in NO_AUTHOR else rng.choice(text_bank.AUTHORS)
        arts.append({
            "idx": i, "channel": ch, "title": title, "shape": shape, "blocks": blocks, "body": body,
            "author": author, "author_printed": author or "本站编辑",
            "source": rng.choice(["本站原创", *text_bank.SOURCES]), "views": rng.randint(80, 9000),
            "title_only": i in TITLE_ONLY, "jsonld": i in JSONLD, "summary_box": i in SUMMARY,
            "copy_of": s.get("copy_of"), "aliases": [],
        })
    # dates, then ids in date order (JEECMS numbers contents as they are added)
    stamps = sorted(
        (rng.choice([2022, 2023, 2024]), rng.randint(1, 12), rng.randint(1, 28), rng.randint(7, 22),
         rng.randint(0, 59), rng.randint(0, 59)) for _ in arts
    )
    order = list(arts)
    rng.shuffle(order)
    copy = next(a for a in arts if a["copy_of"])
    order.remove(copy)  # the repost comes after its original
    order.insert(max(order.index(copy["copy_of"]) + 1, len(order) - 3), copy)
    next_id = 96
    for a, (y, mo, d, hh, mm, ss) in zip(order, stamps, strict=True):
        next_id += rng.randint(1, 9)
        a["id"] = next_id
        date = f"{y}-{mo:02d}-{d:02d}"
        a.update({
            "date": date, "time": f"{hh:02d}:{mm:02d}:{ss:02d}", "time_hm": f"{hh:02d}-{mm:02d}",
            "iso": f"{date}T{hh:02d}:{mm:02d}:{ss:02d}+08:00", "url": f"/{a['channel']['path']}/{next_id}.jhtml",
        })
        a["blocks"] = [
            ("img", f"/u/cms/www/{y}{mo:02d}/{d:02d}{hh:02d}{k:02d}{next_id}.jpg", b[2]) if b[0] == "img" else b
            for k, b in enumerate(a["blocks"])
        ]
        lead, text = a["body"][0], " ".join(a["body"])
        a.update({
            "summary_text": _cut(lead, 60, "……"), "desc": _cut(lead, 80, ""), "cut116": _cut(text, 116),
            "cut100": _cut(text, 100), "cut72": _cut(text, 72), "cut34": _cut(lead, 34), "cut80": _cut(lead, 80),
            "cut28": _cut(a["title"], 28), "short": _cut(a["title"], 19), "cut": _cut(a["title"], 21),
            "type_img": f"/u/cms/www/{y}{mo:02d}/{next_id}typeimg.jpg" if a["shape"] == "gallery" else None,
        })
    for a in arts:
        a["head_title"] = f"{a['title']} - {SITE_NAME} - Powered by JEECMS"
        a["comments"] = []
        if a["idx"] in COMMENTED:
            y, m, d = (int(x) for x in a["date"].split("-"))
            for k in range(rng.randint(3, 5)):
                text = "".join(text_bank.sentence(a["channel"]["topic"], rng) for _ in range(rng.randint(1, 2)))
                a["comments"].append({
                    "name": rng.choice(COMMENTERS), "avatar": rng.randint(1, 2), "ups": rng.randint(0, 30),
                    "time": f"{y}-{m:02d}-{min(d + k + 1, 28):02d} {rng.randint(8, 23):02d}:{rng.randint(0, 59):02d}:"
                            f"{rng.randint(0, 59):02d}",
                    "text": text,
                })
    return arts


def build() -> TestSite:
    rng = random.Random(SEED)
    arts = _build_articles(rng)
    channels = []
    for c in CHANNELS:
        ch_arts = sorted((a for a in arts if a["channel"]["path"] == c["path"]), key=lambda a: a["id"], reverse=True)
        c2 = dict(c)
        c2["url"] = f"/{c['path']}/index.jhtml"
        c2["articles"] = ch_arts
        c2["pages"] = [ch_arts[i : i + 8] for i in range(0, len(ch_arts), 8)]
        c2["page_urls"] = [c2["url"]] + [f"/{c['path']}/index_{n}.jhtml" for n in range(2, len(c2["pages"]) + 1)]
        channels.append(c2)
        for a in ch_arts:
            a["channel"] = c2
        for k, a in enumerate(ch_arts):  # JEECMS: 上一篇 is the newer neighbour in the channel
            a["prev"] = ch_arts[k - 1] if k > 0 else None
            a["next"] = ch_arts[k + 1] if k + 1 < len(ch_arts) else None
    tags = [{"id": n + 1, "name": name, "url": f"/tag/{n + 1}.jspx"} for n, name in enumerate(TAGS)]
    channel_tag = {"tech": tags[0], "startup": tags[1], "life": tags[2]}
    for a in arts:
        a["tags"] = [channel_tag[a["channel"]["path"]]]
        if a["channel"]["path"] != "tech" and rng.random() < 0.45:
            a["tags"].append(tags[3])
        same = [b for b in a["channel"]["articles"] if b is not a]
        a["related"] = rng.sample(same, 4)
    for t in tags:
        t["articles"] = sorted((a for a in arts if t in a["tags"]), key=lambda a: a["id"], reverse=True)
    hot = sorted(arts, key=lambda a: a["views"], reverse=True)[:5]
    for a in arts:
        a["ncomments"] = len(a["comments"])
    latest = sorted(arts, key=lambda a: (a["date"], a["time"]), reverse=True)[:8]
    copy = next(a for a in arts if a["copy_of"])
    original = copy["copy_of"]
    alias_art = next(a for a in arts if a["channel"]["path"] == "life" and a["shape"] == "prose"
                     and not a["title_only"])
    alias_path = f"/life/{alias_art['date'][:7].replace('-', '')}/{alias_art['id']}.htm"
    alias_art["aliases"] = [alias_path]
    topic_items = [a for a in arts if a["channel"]["path"] == "life"][:7]
    if alias_art not in topic_items:
        topic_items[-1] = alias_art
    for a in arts:
        a["topic_url"] = alias_path if a is alias_art else a["url"]
    topic = {
        "name": "城市慢生活", "url": "/topic/1.jspx", "img": "/u/cms/www/topic/slowlife.jpg",
        "intro": "节奏越来越快的城市里，总有人愿意慢下来：在老街吃一碗馄饨，在河边看一次日落，在周末读完一本旧书。"
                 "本专题收录了本站近年来关于城市生活与日常点滴的文章，希望这些平淡的故事，能让你在忙碌之余停一停。",
        "items": topic_items,
    }
    good_comments = [(a["comments"][0], a) for a in arts if a["comments"]][:4]
    search_words = [{"word": w, "url": f"/search.jspx?q={w}"} for w in SEARCH_WORDS]
    site: dict[str, Any] = {
        "name": SITE_NAME, "domain": DOMAIN, "channels": channels, "hot": hot, "latest": latest,
        "topic": topic, "search_words": search_words, "friend_links": FRIEND_LINKS,
        "corp": "http://www.qinghe-media.com", "icp": "电话：0731-84561200　ICP备案号：湘ICP备18004521号",
        "statement": "声明：本站部分文章来源于网络，转载目的在于传递更多信息，版权归原作者所有。"
                     "如涉及作品内容、版权等问题，请在30日内与本站联系，我们将在第一时间删除。",
        "keywords": "青禾资讯,科技,创业,生活", "description": "青禾资讯网，关注科技、创业与城市生活。",
        "good_comments": good_comments,
        "pictures": [a for a in arts if a["type_img"]],
    }

    def render(base: str) -> dict[str, Resource]:
        pages: dict[str, Resource] = {}

        def put(path: str, html: str) -> None:
            pages[path] = Resource(html.encode("utf-8"), "text/html;charset=UTF-8")

        home = tpl.home_page(site)
        put("/", home)
        put("/index.jhtml", home)
        for ch in channels:
            for n, items in enumerate(ch["pages"]):
                put(ch["page_urls"][n], tpl.list_page(site, ch, items, n))
        for a in arts:
            html = tpl.article_page(site, a)
            put(a["url"], html)
            for al in a["aliases"]:
                put(al, html)
        for t in tags:
            nav = f'“<span>{t["name"]}</span>”Tag标签 共有<span> {len(t["articles"])} </span>条相关资讯'
            put(t["url"], tpl.search_like_page(site, "Tag相关资讯", nav, t["articles"][:10]))
        for w in search_words:
            hits = [a for a in arts if w["word"] in a["title"] or any(w["word"] in line for line in a["body"])]
            nav = f'您搜索的“<span>{w["word"]}</span>”， 共有<span>{len(hits)}</span>个结果'
            put(w["url"], tpl.search_like_page(site, "全文检索列表", nav, hits))
        put(topic["url"], tpl.topic_page(site, topic))
        for res in list(pages.values()):  # theme files and uploads, so no asset link is dead
            for path in ASSET.findall(res.body.decode("utf-8", "ignore")):
                if path not in pages:
                    kind = path.rsplit(".", 1)[1]
                    pages[path] = Resource(*STUBS.get(kind, (GIF, "image/gif")))
        return pages

    articles = [
        TruthArticle(
            path=a["url"], title=a["title"], published=a["date"], contributor=a["author"], body=list(a["body"]),
            shape=a["shape"], aliases=list(a["aliases"]),
        )
        for a in arts
    ]
    truth_pages = [TruthPage("/", "home", ["/index.jhtml"])]
    for ch in channels:
        truth_pages.extend(TruthPage(u, "list") for u in ch["page_urls"])
    truth_pages.extend(TruthPage(t["url"], "tag") for t in tags)
    truth_pages.extend(TruthPage(w["url"], "search") for w in search_words)
    truth_pages.append(TruthPage(topic["url"], "special"))
    return TestSite(
        key="jeecms", name=SITE_NAME, modelled_after="JEECMS v8/v9 default front-end template (www/default)",
        encoding="utf-8", render=render, articles=articles, pages=truth_pages, friend_links=list(FRIEND_LINKS),
        copies=[(original["url"], copy["url"])],
    )
