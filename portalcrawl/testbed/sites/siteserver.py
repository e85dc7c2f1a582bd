"""江城在线: a portal rendered after SiteServer CMS's classic default site templates (STL), served in GBK.

URLs as SiteServer generates them: channel pages ``/channels/2.html`` and ``/channels/2_2.html``, contents
``/contents/2/345.html``, home ``/`` and ``/index.html``, the dynamic page service
``/sitefiles/services/cms/page.aspx?s=1&n=4&c=345`` for one article, tag pages
``/utils/tags.html?tagName=...`` (UTF-8 percent-encoded), search ``/utils/search.html?word=...``, and a
专题 that is an ordinary channel (``/channels/9.html``) with an introduction and a list.

Traps:
- bytes in GBK, declared only by ``<meta http-equiv ... charset=gb2312>``; the HTTP header says plain
  ``text/html`` with no charset;
- ``<title>`` is "标题_江城在线"; three articles have no visible headline at all;
- dates as "发布时间：2023年05月08日"; three articles print none and carry it only in JSON-LD;
- bylines vary: "作者：林语", "作者：本报记者 王小川" (contributor 王小川), or only "责任编辑：李敏"
  (no contributor);
- the side column comes *before* the article in source order; a 【内容提要】 box repeats the lead cut with
  "……"; every body is followed by 标签, a 【免责声明】 and 相关信息 teasers with summaries;
- comments as the comments plugin renders them (已有N条评论 / 最新评论), with real sentences;
- one article also reachable through the dynamic ``page.aspx`` URL (linked from the 专题), no canonical link;
- one article reposted in another channel with a few sentences changed.
"""

from __future__ import annotations

import random
import re
from typing import Any
from urllib.parse import quote

from portalcrawl.demo import text_bank

from ..model import Resource, TestSite, TruthArticle, TruthPage
from . import _siteserver_templates as tpl

SEED = 7302
SITE_NAME = "江城在线"
FRIEND_LINKS = [
    ("楚天职场网", "http://www.chutianjob.com/"),
    ("汉水文化网", "http://www.hanshuiwh.cn/"),
    ("东湖科技在线", "http://www.donghutech.net/"),
    ("长江人才网", "http://www.cjrencai.com.cn/"),
    ("晴川阁书社", "http://www.qingchuange.org/"),
    ("江夏生活网", "http://www.jiangxia-life.com/"),
]
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,"
    b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
ASSET = re.compile(r'(?:src|href)="(/[^"?#]+\.(?:css|js|png|jpg|gif))"')
STUBS = {"css": (b"body{margin:0}\n", "text/css"), "js": (b"var stl={};\n", "application/x-javascript")}

CHANNELS = [
    {"id": 2, "name": "职场资讯", "topic": "职场", "desc": "求职、招聘与职场经验"},
    {"id": 3, "name": "科技前沿", "topic": "技术", "desc": "信息技术与开发运维"},
    {"id": 4, "name": "文化生活", "topic": "美文", "desc": "散文、诗歌与城市文化"},
]
SPECIAL: list[dict[str, Any]] = [
    {
        "ch": 2, "shape": "table", "title": "2024年春季系列招聘会场次安排",
        "intro": "春季系列招聘会共安排五场，求职者可凭身份证免费入场。",
        "rows": [["场次", "日期", "主题", "地点"], ["第一场", "2月24日", "高校毕业生专场", "市人才市场一楼"],
                 ["第二场", "3月2日", "制造业用工专场", "经开区服务中心"],
                 ["第三场", "3月9日", "女性就业专场", "市人才市场二楼"],
                 ["第四场", "3月16日", "退役军人专场", "市民之家广场"],
                 ["第五场", "3月23日", "信息技术专场", "光谷会展中心"]],
    },
    {
        "ch": 2, "shape": "table", "title": "本市部分岗位月薪参考表（2024年）",
        "intro": None,
        "rows": [["岗位", "低位数", "中位数", "高位数"], ["行政文员", "3200元", "4300元", "6000元"],
                 ["会计", "3800元", "5500元", "8500元"], ["软件开发", "6500元", "11000元", "18000元"],
                 ["电工", "4200元", "5800元", "8000元"], ["快递员", "4500元", "6500元", "9000元"],
                 ["护理员", "3300元", "4600元", "6200元"]],
    },
    {
        "ch": 4, "shape": "table", "title": "第七届职工书画比赛获奖名单",
        "intro": "经评委会评审，共评出以下获奖作品。",
        "rows": [["奖项", "作品", "作者", "单位"], ["一等奖", "《江城春晓》", "刘建华", "市电力公司"],
                 ["二等奖", "《行书·滕王阁序》", "陈秀英", "第三人民医院"],
                 ["二等奖", "《汉水人家》", "张国强", "公交集团"],
                 ["三等奖", "《竹石图》", "黄晓梅", "市第二中学"], ["三等奖", "《楷书·陋室铭》", "吴志远", "供水公司"]],
    },
    {
        "ch": 2, "shape": "lines", "title": "新员工入职培训课程目录",
        "intro": "培训为期五天，课程安排如下：",
        "lines": ["第一课 公司发展历程与企业文化", "第二课 规章制度与考勤管理", "第三课 安全生产基本知识",
                  "第四课 办公系统使用入门", "第五课 商务礼仪与沟通技巧", "第六课 岗位职责与考核办法",
                  "第七课 团队协作拓展训练", "第八课 结业考试与座谈"],
    },
    {
        "ch": 4, "shape": "lines", "title": "江城民谣音乐节演出曲目单",
        "intro": None,
        "lines": ["01 开场合奏 长江谣", "02 陈默 归途", "03 苏映雪 雨后的街道", "04 秦川 老街馄饨铺",
                  "05 何夕 外婆的槐树", "06 周行 中秋的月亮", "07 吴桐 巷口的鞋匠", "08 全体演员 明天会更好"],
    },
    {
        "ch": 4, "shape": "gallery", "title": "老城区街巷速写",
        "intro": "青年画家用一周时间走遍老城区，留下了这组速写。",
        "captions": ["昙华林的转角，一家老照相馆还开着门", "吉庆街的傍晚，大排档陆续支起了桌子",
                     "粮道街上，早点摊前排起了长队", "户部巷口的老牌坊", "江边的老码头，如今成了观景台"],
    },
    {
        "ch": 2, "shape": "gallery", "title": "春季职工运动会掠影",
        "intro": None,
        "captions": ["开幕式上，各代表队依次入场", "拔河比赛进入决胜局", "女子四乘一百米接力冲刺瞬间",
                     "趣味跳绳吸引了不少观众", "颁奖仪式后，获奖队员合影留念"],
    },
    {
        "ch": 2, "shape": "qa", "title": "社保关系转移接续常见问题解答",
        "qa": [("问：换了工作单位，社保需要自己转吗？", "答：同一城市内换单位，新单位直接续保即可，不需要办理转移。"),
               ("问：跨省工作，养老保险怎么转？",
                "答：可以向新参保地的社保经办机构提出申请，由经办机构负责联系转出地办理。"),
               ("问：转移要多长时间？", "答：一般在受理后四十五个工作日内办结，可以通过网上平台查询进度。"),
               ("问：中间断缴了几个月有影响吗？", "答：断缴期间不计算缴费年限，之后可以按规定补缴或者继续累计。")],
    },
    {
        "ch": 4, "shape": "poem", "title": "写给深夜加班的人",
        "stanzas": [["写字楼的灯", "一盏一盏熄灭", "你还在", "和一行报错较劲"],
                    ["窗外的江", "不声不响地流", "它知道", "所有赶路的人都会到岸"],
                    ["回家的出租车上", "城市像一本合上的书", "明天翻开", "又是新的一页"]],
    },
]
TITLE_ONLY = {4, 13, 24}
JSONLD = {7, 16, 27}
REPORTER = {2, 19}  # "本报记者 X"
EDITOR_ONLY = {10, 21}  # only "责任编辑：X"
COMMENTED = {1, 3, 6, 9, 11, 14, 18, 20, 22, 26, 28, 29}
COMMENTERS = ["江城网友", "武昌鱼", "热干面加蛋", "东湖边的风", "光谷小码农", "汉口老街坊", "青山游客",
              "江夏晓月", "夜跑的猫", "楚天一鹤"]
SEARCH_WORDS = ["Excel", "AI"]
TAGS = ["求职", "职场", "运维", "散文"]


def _cut(text: str, n: int, tail: str = "...") -> str:
    return text if len(text) <= n else text[:n] + tail


def _specs(rng: random.Random) -> list[dict[str, Any]]:
    by_ch: dict[int, list[dict[str, Any]]] = {c["id"]: [] for c in CHANNELS}
    for s in SPECIAL:
        by_ch[s["ch"]].append(dict(s))
    forced = {2: "Excel函数入门：职场新人必备的十个技巧", 3: "AI写代码靠谱吗：一位老程序员的观察"}
    specs: list[dict[str, Any]] = []
    for c in CHANNELS:
        own = by_ch[c["id"]]
        n_prose = 10 - len(own) - (1 if c["id"] == 2 else 0)
        for k in range(n_prose):
            own.append({"ch": c["id"], "shape": "prose", "title": forced[c["id"]] if k == 0 and c["id"] in forced
                        else ""})
        rng.shuffle(own)
        specs.extend(own)
    specs.append({"ch": 2, "shape": "copy", "title": ""})
    return specs


def _articles(rng: random.Random) -> list[dict[str, Any]]:
    chans = {c["id"]: c for c in CHANNELS}
    seen: set[str] = set()
    arts: list[dict[str, Any]] = []
    for i, s in enumerate(_specs(rng)):
        ch = chans[s["ch"]]
        topic = ch["topic"]
        title = s["title"]
        while title in seen or (not title and s["shape"] != "copy"):
            title = f"{rng.choice(text_bank.HEADLINE_HEADS[topic])}，{rng.choice(text_bank.HEADLINE_TAILS)}"
        seen.add(title)
        blocks: list[tuple] = []
        body: list[str] = []
        shape = s["shape"]
        copy_of = None
        if shape == "prose":
            body = text_bank.paragraphs(topic, rng, rng.randint(4, 7))
            body[0] += rng.choice(text_bank.LEAD_TAILS)
            if title.startswith("Excel"):
                body[1] = "很多人每天都用Excel，却只会最基本的求和，" + body[1]
            if title.startswith("AI"):
                body[1] = "这两年AI写代码的工具越来越多，" + body[1]
            blocks = [("p", p) for p in body]
        elif shape in ("table", "lines", "gallery"):
            if s["intro"]:
                blocks.append(("p", s["intro"]))
                body.append(s["intro"])
            if shape == "table":
                blocks.append(("table", s["rows"]))
                body.extend(" ".join(r) for r in s["rows"])
            elif shape == "lines":
                blocks.extend(("line", x) for x in s["lines"])
                body.extend(s["lines"])
            else:
                for cap in s["captions"]:
                    blocks.extend([("img", None), ("pc", cap)])
                    body.append(cap)
        elif shape == "qa":
            for q, ans in s["qa"]:
                blocks.extend([("strong", q), ("p", ans)])
                body.extend([q, ans])
        elif shape == "poem":
            for st in s["stanzas"]:
                blocks.extend(("pc", x) for x in st)
                body.extend(st)
                blocks.append(("pc", "　"))
            blocks.pop()
        else:  # near-copy of a tech article, reposted in 职场资讯
            copy_of = next(a for a in arts if a["channel"]["id"] == 3 and a["shape"] == "prose"
                           and len(a["body"]) >= 4 and a["idx"] not in TITLE_ONLY | JSONLD)
            body = list(copy_of["body"])
            for k in (1, 3):
                body[k] = text_bank.sentence("技术", rng) + body[k][body[k].find("。") + 1 :]
            blocks = [("p", p) for p in body]
            title, shape = copy_of["title"], "prose"
        name = rng.choice(text_bank.AUTHORS)
        if i in EDITOR_ONLY:
            author, byline = None, f"责任编辑：{rng.choice(text_bank.EDITORS)}"
        elif i in REPORTER:
            author, byline = name, f"作者：本报记者 {name}"
        else:
            author, byline = name, f"作者：{name}"
        arts.append({
            "idx": i, "channel": ch, "title": title, "shape": shape, "blocks": blocks, "body": body,
            "author": author, "byline": byline, "source": rng.choice(["本站原创", "江城晚报", *text_bank.SOURCES]),
            "hits": rng.randint(50, 6000), "title_only": i in TITLE_ONLY, "jsonld": i in JSONLD,
            "summary_box": False, "copy_of": copy_of, "aliases": [],
        })
    for a in rng.sample([a for a in arts if a["shape"] == "prose" and not a["copy_of"]], 7):
        a["summary_box"] = True  # 内容提要 shown where the editor filled in 摘要
    stamps = sorted(
        (rng.choice([2021, 2022, 2023, 2024]), rng.randint(1, 12), rng.randint(1, 28), rng.randint(8, 20),
         rng.randint(0, 59)) for _ in arts
    )
    order = list(arts)
    rng.shuffle(order)
    copy = next(a for a in arts if a["copy_of"])
    order.remove(copy)
    order.insert(max(order.index(copy["copy_of"]) + 1, len(order) - 4), copy)
    cid = 180
    for a, (y, mo, d, hh, mm) in zip(order, stamps, strict=True):
        cid += rng.randint(1, 12)
        date = f"{y}-{mo:02d}-{d:02d}"
        n_img = 0
        blocks = []
        for b in a["blocks"]:
            if b[0] == "img":
                n_img += 1
                b = ("img", f"/upload/images/{y}/{mo}/{d:02d}{hh:02d}{mm:02d}{n_img}{cid}.jpg")
            blocks.append(b)
        lead, text = a["body"][0], "".join(a["body"])
        a.update({
            "id": cid, "date": date, "date_cn": f"{y}年{mo:02d}月{d:02d}日", "iso": f"{date}T{hh:02d}:{mm:02d}:00",
            "url": f"/contents/{a['channel']['id']}/{cid}.html", "blocks": blocks,
            "summary_text": _cut(lead, 56, "……"), "desc": _cut(lead, 70, ""), "cut60": _cut(text, 60),
            "cut50": _cut(text, 50), "cut30": _cut(a["title"], 30), "cut16": _cut(a["title"], 16, "…"),
            "pic": blocks[1][1] if a["shape"] == "gallery" and blocks[0][0] != "img" else
            (blocks[0][1] if a["shape"] == "gallery" else None),
        })
        a["list_url"] = a["url"]
    for a in arts:
        a["comments"] = []
        if a["idx"] in COMMENTED:
            y, mo, d = (int(x) for x in a["date"].split("-"))
            for k in range(rng.randint(3, 6)):
                text = "".join(text_bank.sentence(a["channel"]["topic"], rng) for _ in range(rng.randint(1, 2)))
                a["comments"].append({
                    "name": rng.choice(COMMENTERS), "avatar": rng.randint(1, 4), "good": rng.randint(0, 12),
                    "time": f"{y}-{mo}-{min(d + k, 28)} {rng.randint(8, 23)}:{rng.randint(0, 59):02d}:"
                            f"{rng.randint(0, 59):02d}",
                    "text": text,
                })
    return arts


def build() -> TestSite:
    rng = random.Random(SEED)
    arts = _articles(rng)
    channels = []
    for c in CHANNELS:
        c2 = dict(c)
        c2["url"] = f"/channels/{c['id']}.html"
        c2["articles"] = sorted((a for a in arts if a["channel"]["id"] == c["id"]), key=lambda a: a["id"],
                                reverse=True)
        c2["pages"] = [c2["articles"][i : i + 8] for i in range(0, len(c2["articles"]), 8)]
        c2["page_urls"] = [c2["url"]] + [f"/channels/{c['id']}_{n}.html" for n in range(2, len(c2["pages"]) + 1)]
        channels.append(c2)
        for k, a in enumerate(c2["articles"]):  # SiteServer: 上一篇 is the older neighbour
            a["channel"] = c2
            a["next"] = c2["articles"][k - 1] if k > 0 else None
            a["prev"] = c2["articles"][k + 1] if k + 1 < len(c2["articles"]) else None
    tags = [{"name": t, "url": "/utils/tags.html?tagName=" + quote(t)} for t in TAGS]
    for a in arts:
        cid = a["channel"]["id"]
        if cid == 2:
            a["tags"] = [tags[1]] + ([tags[0]] if rng.random() < 0.5 else [])
        elif cid == 3:
            a["tags"] = [tags[2]] + ([tags[1]] if rng.random() < 0.3 else [])
        else:
            a["tags"] = [tags[3]]
        a["related"] = rng.sample([b for b in a["channel"]["articles"] if b is not a], 5)
    for t in tags:
        t["articles"] = sorted((a for a in arts if t in a["tags"]), key=lambda a: a["id"], reverse=True)[:12]
    copy = next(a for a in arts if a["copy_of"])
    alias_art = next(a for a in channels[2]["articles"] if a["shape"] == "prose" and not a["title_only"])
    alias = f"/sitefiles/services/cms/page.aspx?s=1&n={alias_art['channel']['id']}&c={alias_art['id']}"
    alias_art["aliases"] = [alias]
    sp_items = [dict(a) for a in channels[2]["articles"] if a["shape"] in ("prose", "poem")][:6]
    if not any(x["id"] == alias_art["id"] for x in sp_items):
        sp_items[-1] = dict(alias_art)
    for x in sp_items:
        if x["id"] == alias_art["id"]:
            x["list_url"] = alias
    special = {
        "id": 9, "name": "专题：书香江城", "url": "/channels/9.html", "banner": "/upload/images/zt/shuxiang.jpg",
        "intro": "一座城市的气质，藏在它的街巷、江水和书页里。“书香江城”专题汇集了本站文化生活栏目的散文与诗歌，"
                 "记录普通人的日常与乡愁，也邀请更多读者拿起笔，写下自己和这座城市的故事。",
        "items": sp_items,
    }
    search_words = [{"word": w, "url": f"/utils/search.html?word={w}"} for w in SEARCH_WORDS]
    site: dict[str, Any] = {
        "name": SITE_NAME, "channels": channels, "special": special, "search_words": search_words,
        "hot": sorted(arts, key=lambda a: a["hits"], reverse=True)[:8],
        "latest": sorted(arts, key=lambda a: a["id"], reverse=True)[:8],
        "friend_links": FRIEND_LINKS, "icp": "鄂ICP备13012876号-1", "address": "江城市江岸区沿江大道188号",
        "mail": "tougao@jcol.cn", "keywords": "江城在线,职场,科技,文化", "description": "江城在线，本地综合资讯门户。",
        "disclaimer": "【免责声明】本站转载的文章仅为传播更多信息之目的，并不代表本站赞同其观点或对其真实性负责。"
                      "如有侵权，请联系本站删除。",
        "focus": [a for a in arts if a["pic"]], "headline": channels[0]["articles"][0],
    }

    def render(base: str) -> dict[str, Resource]:
        pages: dict[str, Resource] = {}

        def put(path: str, html: str) -> None:
            pages[path] = Resource(html.encode("gbk"), "text/html")

        home = tpl.home_page(site)
        put("/", home)
        put("/index.html", home)
        for ch in channels:
            for n, items in enumerate(ch["pages"]):
                put(ch["page_urls"][n], tpl.list_page(site, ch, items, n))
        for a in arts:
            html = tpl.article_page(site, a)
            put(a["url"], html)
            for al in a["aliases"]:
                put(al, html)
        for t in tags:
            heading = f'<span>标签：{t["name"]}</span><em>共{len(t["articles"])}篇</em>'
            put(t["url"], tpl.util_page(site, f"标签：{t['name']}", heading, t["articles"]))
        for w in search_words:
            hits = [a for a in arts if w["word"] in a["title"] or any(w["word"] in x for x in a["body"])]
            heading = f'<span>搜索结果</span><em>关键字“{w["word"]}”，共找到{len(hits)}条</em>'
            put(w["url"], tpl.util_page(site, "搜索结果", heading, hits))
        put(special["url"], tpl.special_page(site))
        for res in list(pages.values()):
            for path in ASSET.findall(res.body.decode("gbk")):
                if path not in pages:
                    pages[path] = Resource(*STUBS.get(path.rsplit(".", 1)[1], (GIF, "image/gif")))
        return pages

    articles = [
        TruthArticle(path=a["url"], title=a["title"], published=a["date"], contributor=a["author"],
                     body=list(a["body"]), shape=a["shape"], aliases=list(a["aliases"]))
        for a in arts
    ]
    truth_pages = [TruthPage("/", "home", ["/index.html"])]
    for ch in channels:
        truth_pages.extend(TruthPage(u, "list") for u in ch["page_urls"])
    truth_pages.extend(TruthPage(t["url"], "tag") for t in tags)
    truth_pages.extend(TruthPage(w["url"], "search") for w in search_words)
    truth_pages.append(TruthPage(special["url"], "special"))
    return TestSite(
        key="siteserver", name=SITE_NAME, modelled_after="SiteServer CMS classic default site templates (STL, GB2312)",
        encoding="gbk", render=render, articles=articles, pages=truth_pages, friend_links=list(FRIEND_LINKS),
        copies=[(copy["copy_of"]["url"], copy["url"])],
    )
