"""Test site ``phpwind``: a community forum on PHPWind 9 (default "wind" theme) with its portal, in GBK.

Modelled on PHPWind 9's default templates (nextwind: ``bbs/read_run.htm``, ``bbs/read_floor.htm``,
``bbs/thread_run.htm``, ``bbs/widget_thread.htm``, ``tag/index_view.htm``, ``special/index_run.htm``,
``common/head.htm`` / ``header.htm`` / ``footer.htm``) and, for the portal's article pages, on
PHPWind's CMS mode article view (``mode/cms/template/default/view.htm``).

The articles are threads (``read.php?tid=N``): the first floor (楼主) is the article, the replies
(沙发, 板凳, 地板, 4楼 ...) are its comments, each floor in the same table markup with the poster's
card (UID, 注册日期, 发帖数) beside it. Traps:

- a reply is shaped exactly like the article (same floor table, same ``editor_content``), and
  several replies carry prose as long as a paragraph; posters' signatures sit under their posts;
- the thread's date is "发布于：" in the floor header, the same label every reply uses;
- posts written with ``<br />`` runs instead of ``<p>``; gallery posts carry hidden
  attachment info ("图片：IMG_....jpg") next to each picture;
- "相关帖子" design module under the thread: linked titles with running-prose summaries;
- thread lists have no summaries; 返回列表 links ``thread.php?fid=N&page=1`` (alias of the list);
- tag (话题) URLs carry GBK percent-encoded names; one thread is also linked as
  ``index.php?c=read&tid=N&fid=F`` from the 专题 page; a thread is reposted "(转)" in another forum;
- portal articles (``index.php?m=cms&q=view&id=N``) have a 内容提要 box repeating the lead, and some
  print their headline only in ``<title>`` or their date only in JSON-LD;
- pages are GBK, declared by ``<meta charset="gbk">`` and the Content-Type header.
"""

from __future__ import annotations

import random
from html import escape

from portalcrawl.demo import text_bank

from ..model import Resource, TestSite, TruthArticle, TruthPage
from . import _phpwind_templates as T

KEY = "phpwind"
SITE = "青梧社区"
ENC = "gbk"
SEED = 7401
PER_PAGE = 8

FORUMS = [
    (2, "技术交流", "技术", "聊运维、开发和各种折腾，欢迎分享踩过的坑。"),
    (3, "创业茶馆", "创业", "小生意也有大学问，创业路上的酸甜苦辣都在这里。"),
    (5, "生活随笔", "美文", "写字、拍照、记录日常，慢一点也没关系。"),
]

FRIEND_LINKS = [
    ("梧桐树下论坛", "http://bbs.wutongshu.net/"),
    ("江南站长之家", "http://www.jnzhanzhang.com/"),
    ("老码头社区", "http://www.laomatou.cn/"),
    ("山水摄影网", "http://www.shanshuisy.com/"),
    ("小城创业网", "http://www.xcchuangye.cn/"),
]

SITE_INFO = {"name": SITE, "friend_links": FRIEND_LINKS, "per_page": PER_PAGE, "enc": ENC, "seed": SEED}

USERS = [
    (12, "风过林梢", "侠客", "2012-11-03", "写代码的人，也写点字。"),
    (27, "老周看世界", "骑士", "2012-12-19", None),
    (35, "青衫落拓", "圣骑士", "2013-01-08", "人生如逆旅，我亦是行人。"),
    (41, "南山有鹿", "侠客", "2013-02-14", None),
    (58, "阿杰_运维", "精灵王", "2013-03-02", "宕机不可怕，可怕的是没有备份。"),
    (63, "小满", "新手上路", "2013-05-21", None),
    (77, "陈记咖啡", "骑士", "2013-06-30", "县城里的一家小咖啡馆，欢迎来坐坐。"),
    (84, "木子李", "侠客", "2013-08-11", None),
    (96, "半夏微凉", "圣骑士", "2013-09-17", "愿你走出半生，归来仍是少年。"),
    (103, "码农老吴", "精灵王", "2013-10-05", None),
]

PORTAL_EDITORS = [(5, "林晓雯"), (8, "赵一鸣")]

REPLY_TAILS = ["顶一个！", "支持楼主。", "mark一下，回头细看。", "学习了。", "说得太对了。", "收藏了，谢谢分享。", ""]


def _lines_html(lines: list[str], rng: random.Random) -> str:
    if rng.random() < 0.5:
        return "\n".join(f"<p>{escape(line)}</p>" for line in lines)
    return "<br />\n<br />\n".join(escape(line) for line in lines)


def _table_html(intro: str, rows: list[list[str]]) -> str:
    trs = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f'<p>{escape(intro)}</p>\n<table class="editor_table" width="100%" border="1"><tbody>{trs}</tbody></table>'


def _thread_specs() -> dict[int, list[dict]]:
    """The hand-written threads of each forum; prose threads are filled in from the text bank."""
    tech = [
        {"title": "MySQL 慢查询排查小记", "tags": ["运维"]},
        {"title": "用 Python 脚本批量整理照片"},
        {
            "title": "【问答】新手租云服务器常问的几个问题",
            "shape": "qa",
            "lines": [
                "问：第一台服务器选多大配置合适？",
                "答：个人博客或者小论坛，一核两G就够用了，访问量上来以后再升级也不迟。",
                "问：系统盘和数据盘有必要分开吗？",
                "答：有必要。系统坏了可以重装，数据放在单独的盘里，迁移和备份都方便得多。",
                "问：要不要一开始就买负载均衡？",
                "答：不用。先把单机的监控和备份做好，等真的遇到瓶颈再拆分，钱要花在刀刃上。",
                "问：安全组规则怎么设置比较稳妥？",
                "答：只放行必须的端口，远程登录限制来源地址，数据库端口千万不要对外开放。",
            ],
        },
        {
            "title": "《运维手记》电子版目录",
            "shape": "lines",
            "tags": ["运维"],
            "lines": [
                "整理了一年的笔记，目录先贴出来，大家看看还缺什么。",
                "第一章 从一台服务器说起",
                "第二章 日志要记什么",
                "第三章 监控与告警",
                "第四章 备份和恢复演练",
                "第五章 发布流程与回滚",
                "第六章 数据库的日常维护",
                "第七章 缓存的那些坑",
                "第八章 故障复盘怎么写",
                "附录 常用命令速查",
            ],
        },
        {"title": "一次线上故障的复盘", "tags": ["运维"], "copy_of": None},
        {"title": "Python 定时任务踩坑记录", "tags": ["运维"]},
        {"title": "聊聊我们组的代码评审"},
        {"title": "监控告警到底该怎么设", "tags": ["运维"]},
        {"title": "数据库备份，你恢复演练过吗", "tags": ["运维"]},
    ]
    biz = [
        {
            "title": "社区创业大赛复赛成绩公示",
            "shape": "table",
            "intro": "经评委打分，复赛成绩如下，前五名进入决赛：",
            "rows": [
                ["名次", "项目名称", "负责人", "得分"],
                ["1", "县城社区团购", "王海涛", "92.5"],
                ["2", "山货直播间", "刘小芳", "90.0"],
                ["3", "老街咖啡馆", "陈俊", "88.5"],
                ["4", "旧物改造工作室", "孙悦", "86.0"],
                ["5", "乡村民宿联盟", "周建国", "85.5"],
                ["6", "宠物上门洗护", "何晴", "82.0"],
            ],
        },
        {
            "title": "咖啡馆装修前后对比（多图）",
            "shape": "gallery",
            "tags": ["随手拍"],
            "images": [
                ("IMG_0412.jpg", "装修前的门脸，原来是一家五金店"),
                ("IMG_0437.jpg", "拆掉隔墙以后，店里一下子亮堂了"),
                ("IMG_0501.jpg", "吧台是朋友帮忙用旧木板做的"),
                ("IMG_0533.jpg", "靠窗的位置留给看书的客人"),
                ("IMG_0560.jpg", "开业第一天，门口摆满了花篮"),
            ],
        },
        {"title": "一次线上故障的复盘（转）", "copy_of": "一次线上故障的复盘"},
        {"title": "开网店第三年，说说现金流", "tags": ["创业故事"]},
        {"title": "县城咖啡馆的一本账", "tags": ["创业故事"]},
        {"title": "和合伙人分开以后"},
        {"title": "社区团购现在还能做吗", "tags": ["创业故事"]},
        {"title": "给第一次创业的朋友几点建议"},
        {"title": "农产品上行的那些坑", "tags": ["创业故事"]},
    ]
    life = [
        {
            "title": "小区羽毛球馆周末场地价目表",
            "shape": "table",
            "intro": "球馆新价格从下个月起执行，整理成表方便大家约球。",
            "rows": [
                ["时段", "场地", "会员价", "散客价"],
                ["08:00-12:00", "1-4号场", "30元/小时", "40元/小时"],
                ["12:00-14:00", "1-4号场", "20元/小时", "30元/小时"],
                ["14:00-18:00", "1-6号场", "35元/小时", "50元/小时"],
                ["18:00-22:00", "1-6号场", "45元/小时", "60元/小时"],
                ["全天", "陪练服务", "80元/小时", "100元/小时"],
            ],
        },
        {
            "title": "民谣乐队“南风”巡演日程（更新）",
            "shape": "lines",
            "lines": [
                "南风乐队秋季巡演日程",
                "9月12日 杭州 小酒馆",
                "9月14日 苏州 声音现场",
                "9月20日 南京 欧拉艺术空间",
                "9月27日 合肥 红窗LIVE",
                "10月3日 武汉 VOX",
                "10月5日 长沙 46LIVEHOUSE",
                "10月11日 成都 小酒馆芳沁店",
            ],
        },
        {
            "title": "周末爬山随手拍",
            "shape": "gallery",
            "tags": ["随手拍"],
            "images": [
                ("DSC_1021.jpg", "山脚下的石阶，早上六点还没什么人"),
                ("DSC_1045.jpg", "半山腰的茶园，雾还没散"),
                ("DSC_1062.jpg", "山顶的老凉亭"),
                ("DSC_1088.jpg", "下山路上遇到的一只松鼠"),
            ],
        },
        {
            "title": "原创小诗：老街",
            "shape": "poem",
            "lines": [
                "老街的石板路",
                "记得每一双走过的鞋",
                "馄饨摊的热气",
                "一直飘到巷子尽头",
                "修鞋的师傅收了摊",
                "路灯一盏一盏地亮",
                "我站在街口",
                "等一个不会回来的黄昏",
            ],
        },
        {"title": "外婆家的老槐树"},
        {"title": "回乡的火车上"},
        {"title": "那一碗馄饨"},
        {"title": "秋天的山路"},
        {"title": "楼下弹琴的女孩"},
    ]
    return {2: tech, 3: biz, 5: life}


def build() -> TestSite:
    rng = random.Random(SEED)
    users = {}
    for uid, name, level, reg, sign in USERS:
        users[uid] = {
            "uid": uid,
            "name": name,
            "level": level,
            "regdate": reg,
            "posts": rng.randint(40, 900),
            "coins": rng.randint(10, 3000),
            "sign": sign,
            "avatar": f"/windid/attachment/avatar/000/00/00/{uid}_middle.jpg",
        }
    uids = list(users)
    forum_of = {fid: (name, topic, intro) for fid, name, topic, intro in FORUMS}

    # --- threads: interleave the forums in time, give each a tid and a date -------------
    specs = _thread_specs()
    order = []
    for i in range(9):
        for fid in (2, 3, 5):
            order.append((fid, specs[fid][i]))
    rng.shuffle(order)
    # the copy must come after its original
    titles = [s["title"] for _, s in order]
    ci, oi = titles.index("一次线上故障的复盘（转）"), titles.index("一次线上故障的复盘")
    if ci < oi:
        order[ci], order[oi] = order[oi], order[ci]

    threads: list[dict] = []
    tid, day = 1187, 0
    by_title: dict[str, dict] = {}
    for fid, spec in order:
        tid += rng.randint(1, 9)
        day += rng.randint(2, 5)
        month, mday = _date_of(day)
        hh, mm = rng.randint(8, 23), rng.randint(0, 59)
        topic = forum_of[fid][1]
        shape = spec.get("shape", "prose")
        author = rng.choice(uids)
        if spec["title"].startswith("咖啡馆") or spec["title"].startswith("县城咖啡馆"):
            author = 77
        if fid == 2 and shape == "prose" and rng.random() < 0.5:
            author = rng.choice([58, 103, 12])
        th = {
            "tid": tid,
            "fid": fid,
            "title": spec["title"],
            "shape": shape,
            "author": author,
            "date": f"2014-{month:02d}-{mday:02d}",
            "time": f"2014-{month:02d}-{mday:02d} {hh:02d}:{mm:02d}",
            "tags": spec.get("tags", []),
            "hits": rng.randint(120, 4200),
            "likes": rng.randint(0, 40),
        }
        if shape == "prose":
            if spec.get("copy_of"):
                src = by_title[spec["copy_of"]]
                lines = list(src["lines"])
                for k in rng.sample([i for i, x in enumerate(lines) if "“" not in x], 2):
                    rest = lines[k].split("。", 1)[1] if "。" in lines[k][:-1] else ""
                    lines[k] = text_bank.sentence("技术", rng) + rest
                lines.append("（转自同事的技术博客，原文有删节。）")
                th["author"] = 84
            else:
                lines = text_bank.paragraphs(topic, rng, rng.randint(4, 7))
            th["lines"] = lines
            if spec["title"] == "MySQL 慢查询排查小记":
                lines.insert(1, "先说结论：MySQL 的慢查询日志一定要打开，阈值设成一秒就够用。")
            if "Python" in spec["title"]:
                lines.insert(0, "最近用 Python 写了几个小脚本，记录一下过程。")
            th["html"] = _lines_html(lines, rng)
        elif shape == "table":
            th["lines"] = [spec["intro"]] + [" ".join(r) for r in spec["rows"]]
            th["html"] = _table_html(spec["intro"], spec["rows"])
        elif shape == "gallery":
            parts, lines = [], []
            for n, (fname, cap) in enumerate(spec["images"]):
                aid = tid * 10 + n
                parts.append(
                    f'<span class="J_attach_img_wrap"><div class="img_info J_img_info"><p>图片：{fname}</p></div>'
                    f'<img class="J_post_img J_lazy" src="/attachment/1409/thread/{aid}.jpg" style="max-width:700px;"'
                    f' alt="{fname}" /></span><br />\n{escape(cap)}<br />'
                )
                lines.append(cap)
            th["lines"] = lines
            th["html"] = "\n<br />\n".join(parts)
        elif shape == "qa":
            th["lines"] = spec["lines"]
            th["html"] = "\n".join(
                f"<p><strong>{escape(line[:2])}</strong>{escape(line[2:])}</p>" for line in spec["lines"]
            )
        else:  # lines / poem
            th["lines"] = spec["lines"]
            th["html"] = "<br />\n".join(escape(line) for line in spec["lines"])
        threads.append(th)
        by_title[th["title"]] = th

    # replies: most threads have a few; the reply floors are the comments
    pid = 5100
    for th in threads:
        th["replies"] = []
        if rng.random() < 0.25:
            continue
        t_day = int(th["time"][8:10])
        for n in range(rng.randint(2, 6)):
            pid += rng.randint(1, 4)
            who = rng.choice([u for u in uids if u != th["author"]])
            text = text_bank.sentence(forum_of[th["fid"]][1], rng)
            if rng.random() < 0.4:
                text += text_bank.sentence(forum_of[th["fid"]][1], rng)
            text += rng.choice(REPLY_TAILS)
            hh = int(th["time"][11:13]) + 1 + n * 2
            r_day = min(t_day + hh // 24, 28)
            th["replies"].append(
                {
                    "pid": pid,
                    "uid": who,
                    "time": f"{th['time'][:8]}{r_day:02d} {hh % 24:02d}:{rng.randint(0, 59):02d}",
                    "html": escape(text),
                }
            )

    # --- portal articles ---------------------------------------------------------------------
    portal_titles = [
        ("年终考核前，先把这三件事想清楚", "青梧社区原创"),
        ("远程办公一年，我学会了写周报", "城市晚报"),
        ("跳槽之前，先算一算这笔账", "青梧社区原创"),
        ("新人试用期最容易踩的几个坑", "东方职场周刊"),
        ("团队重组之后，中层怎么带人", "青梧社区原创"),
    ]
    portal: list[dict] = []
    for n, (title, source) in enumerate(portal_titles, 1):
        day = 40 + n * 23
        month, mday = _date_of(day)
        hh, mm = rng.randint(8, 18), rng.randint(0, 59)
        editor = PORTAL_EDITORS[n % 2][1]
        lines = text_bank.paragraphs("职场", rng, rng.randint(4, 6))
        portal.append(
            {
                "id": n,
                "title": title,
                "source": source,
                "author": editor,
                "date": f"2014-{month:02d}-{mday:02d}",
                "time": f"2014-{month:02d}-{mday:02d} {hh:02d}:{mm:02d}",
                "lines": lines,
                "hits": rng.randint(300, 5000),
                "title_only": n in (1, 2, 3),
                "jsonld_only": n in (3, 4, 5),
            }
        )

    alias_thread = next(t for t in threads if t["title"] == "聊聊我们组的代码评审")
    tag_names = ["运维", "创业故事", "随手拍"]
    searches = ["mysql", "python"]

    def render(base: str) -> dict[str, Resource]:
        return T.render_site(base, SITE_INFO, threads, portal, users, forum_of, alias_thread, tag_names, searches)

    # --- truth --------------------------------------------------------------------------------
    articles = []
    for th in threads:
        aliases = [f"/index.php?c=read&tid={th['tid']}&fid={th['fid']}"] if th is alias_thread else []
        articles.append(
            TruthArticle(
                path=f"/read.php?tid={th['tid']}",
                title=th["title"],
                published=th["date"],
                contributor=users[th["author"]]["name"],
                body=th["lines"],
                shape=th["shape"],
                aliases=aliases,
            )
        )
    for p in portal:
        articles.append(
            TruthArticle(
                path=f"/index.php?m=cms&q=view&id={p['id']}",
                title=p["title"],
                published=p["date"],
                contributor=p["author"],
                body=p["lines"],
            )
        )
    pages = [TruthPage("/", "home", aliases=["/index.php"])]
    for fid, _name, _topic, _intro in FORUMS:
        n_pages = (sum(1 for t in threads if t["fid"] == fid) + PER_PAGE - 1) // PER_PAGE
        pages.append(TruthPage(f"/thread.php?fid={fid}", "list", aliases=[f"/thread.php?fid={fid}&page=1"]))
        for k in range(2, n_pages + 1):
            pages.append(TruthPage(f"/thread.php?fid={fid}&page={k}", "list"))
    for name in tag_names:
        pages.append(TruthPage(T.tag_url("", name), "tag"))
    for word in searches:
        pages.append(TruthPage(f"/index.php?m=search&c=s&keyword={word}", "search"))
    pages.append(TruthPage("/index.php?m=special&id=1", "special"))
    orig, copy = by_title["一次线上故障的复盘"], by_title["一次线上故障的复盘（转）"]
    return TestSite(
        key=KEY,
        name=SITE,
        modelled_after="PHPWind 9 (default wind theme: bbs/read_run, read_floor, thread_run; portal CMS-mode view)",
        encoding=ENC,
        render=render,
        articles=articles,
        pages=pages,
        friend_links=list(FRIEND_LINKS),
        copies=[(f"/read.php?tid={orig['tid']}", f"/read.php?tid={copy['tid']}")],
    )


def _date_of(day: int) -> tuple[int, int]:
    """Day number (from 2014-01-01, capped under a year) to (month, day), months of 28 days to keep it simple."""
    day = min(day, 300)
    return 1 + day // 28, 1 + day % 28
