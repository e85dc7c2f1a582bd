"""Test site ``mipcms``: a mobile-first article site on MIPCMS (default theme, Baidu MIP pages), UTF-8.

Modelled on MIPCMS's default templates (sansanyun/mipcms ``template/default``: ``main/main.html``,
``main/header.html``, ``main/footer.html``, ``article/article.html``, ``article/articleDetail.html``,
``block/article-list.html``, ``block/mipui-crumb.html``, ``block/tags-hot.html``, ``tag/tagDetail.html``,
``index/index.html``; the comment block of ``pc/article/articleDetail.html``; the friend-link and
custom-page addons) and its URL rules (``app/article/route.php``: ``/<category>/<id>.html``,
``/<category>/index_2.html``, ``/tag/<url_name>/``).

Traps:

- the detail body is followed, inside the same ``mipcms-detail-body`` section, by a bare
  ``<p>猜你喜欢</p>`` and a teaser list whose items carry 88-character running-prose descriptions;
- images are ``<mip-img>`` elements, not ``<img>``; links carry ``data-type="mip"``;
- the meta line is "时间:<time>…</time> 浏览:N 来源:站名" (the source is the site itself; no author);
- MIPCMS's own JSON-LD (熊掌号 cambrian) carries ``pubDate``; three pages print no date at all and
  give it only there and in a schema.org block (``datePublished``);
- three pages (a "no-heading" detail template) have their headline only in ``<title>`` (标题_站名);
- a 摘要 box repeating the lead on several articles; a 声明 note under every article;
- one article is linked in another's body under the pre-``urlCategory`` URL ``/article/<id>.html``;
  ``<link rel="canonical">`` names the category URL; a near-copy is reposted in another category;
- the home page is also served as ``/index.php`` (linked from the footer); the logo links the bare
  domain without a trailing slash.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from portalcrawl.demo import text_bank

from ..model import Resource, TestSite, TruthArticle, TruthPage
from . import _mipcms_templates as T

KEY = "mipcms"
SITE = "知行笔记"
SEED = 7402
PER_PAGE = 8

CATEGORIES = [("jishu", "技术", "技术"), ("chuangye", "创业", "创业"), ("zhichang", "职场", "职场")]
TAGS = [("Python", "python"), ("面试", "mianshi"), ("小店经营", "xiaodian"), ("副业", "fuye")]
SEARCHES = ["python", "excel"]

FRIEND_LINKS = [
    ("聚热点", "http://www.jurede.cn/"),
    ("码上知道", "http://www.mashangzhidao.com/"),
    ("青柠职场", "http://www.qingningzc.cn/"),
    ("小本生意网", "http://www.xbsy365.com/"),
    ("程序员日常", "https://www.coderdaily.net/"),
]

SITE_INFO = {
    "name": SITE,
    "friend_links": FRIEND_LINKS,
    "tags": TAGS,
    "searches": SEARCHES,
    "per_page": PER_PAGE,
    "seed": SEED,
}

COMMENTERS = ["路过的小王", "晴天", "木木三", "阿甘", "一只鱼", "JackZhou", "北方的狼", "莫问", "小鹿乱撞", "张工"]
COMMENT_TAILS = ["", "收藏了。", "写得很实在。", "受教了！", "期待更新。"]


def _specs() -> dict[str, list[dict]]:
    jishu = [
        {
            "title": "2019年常用云服务器配置与价格对照表",
            "shape": "table",
            "tags": [],
            "intro": "整理了几家常见云厂商入门款的价格，仅供参考，以官网为准。",
            "rows": [
                ["配置", "带宽", "包年价格", "适合场景"],
                ["1核2G", "1M", "约300元", "个人博客"],
                ["2核4G", "3M", "约1200元", "小型网站"],
                ["4核8G", "5M", "约3000元", "中型应用"],
                ["8核16G", "10M", "约7200元", "电商活动"],
            ],
        },
        {
            "title": "前端技术沙龙第12期议程",
            "shape": "lines",
            "lines": [
                "13:30 签到入场",
                "14:00 开场致辞",
                "14:10 小程序性能优化实践",
                "15:00 前端监控系统怎么搭",
                "15:50 茶歇交流",
                "16:10 从零开始的组件库",
                "17:00 圆桌讨论",
                "17:40 抽奖及合影",
            ],
        },
        {
            "title": "机房搬迁现场图集",
            "shape": "gallery",
            "images": [
                ("jf01", "搬迁前一晚，机柜都贴好了编号"),
                ("jf02", "凌晨两点，第一批服务器装车"),
                ("jf03", "新机房的冷通道"),
                ("jf04", "重新理好的网线，强迫症看了很舒服"),
                ("jf05", "天亮的时候，所有服务都恢复了"),
            ],
        },
        {"title": "用 Python 自动生成周报", "tags": ["Python", "副业"]},
        {"title": "Python 新手常见的五个误区", "tags": ["Python"]},
        {"title": "Excel 数据透视表入门", "tags": []},
        {"title": "线上事故复盘应该怎么写"},
        {"title": "接手遗留系统的第一个月"},
        {"title": "给测试同学的几点建议"},
        {"title": "缓存一致性那些事", "tags": ["面试"]},
    ]
    chuangye = [
        {
            "title": "2019年小微企业创业补贴申领时间表",
            "shape": "table",
            "intro": "各项补贴的申请时间和材料汇总如下：",
            "rows": [
                ["补贴项目", "申请时间", "所需材料"],
                ["一次性创业补贴", "3月1日至3月31日", "营业执照 身份证 银行卡"],
                ["创业场地租金补贴", "6月1日至6月30日", "租赁合同 租金发票"],
                ["带动就业补贴", "9月1日至9月30日", "社保缴费证明"],
                ["创业担保贷款贴息", "全年受理", "贷款合同 还款凭证"],
            ],
        },
        {
            "title": "周末市集摆摊实拍",
            "shape": "gallery",
            "tags": ["副业", "小店经营"],
            "images": [
                ("sj01", "早上七点，先把遮阳棚支起来"),
                ("sj02", "自家做的手工皂，一共六个香型"),
                ("sj03", "隔壁摊位卖的是多肉"),
                ("sj04", "中午最忙的时候，排起了小队"),
            ],
        },
        {
            "title": "《小店生存手册》目录",
            "shape": "lines",
            "tags": ["小店经营"],
            "lines": [
                "第一章 选址比装修重要",
                "第二章 定价的学问",
                "第三章 进货与库存",
                "第四章 会员和老顾客",
                "第五章 线上引流",
                "第六章 现金流管理",
                "第七章 什么时候该开第二家店",
            ],
        },
        {"title": "开一家社区便利店要准备多少钱", "tags": ["小店经营"]},
        {"title": "下班后做副业，我踩过的坑", "tags": ["副业"]},
        {"title": "县城奶茶店的第一年", "tags": ["小店经营"]},
        {"title": "合伙做生意，先把账算清楚"},
        {"title": "农产品直播带货的真实收入", "tags": ["副业"]},
        {"title": "跳槽之前，先算一算这笔账", "copy_of": "跳槽之前，先算一算这笔账"},
        {"title": "从摆摊到开店，我用了三年", "tags": ["小店经营"]},
    ]
    zhichang = [
        {
            "title": "面试官最常问的八个问题",
            "shape": "qa",
            "tags": ["面试"],
            "lines": [
                "问：请简单介绍一下你自己。",
                "答：控制在两分钟以内，重点讲和岗位相关的经历，不要背简历。",
                "问：你为什么离开上一家公司？",
                "答：说发展方向上的原因，不要抱怨前公司和前领导。",
                "问：你最大的缺点是什么？",
                "答：讲一个真实但不致命的缺点，再讲你正在怎么改进。",
                "问：你对薪资有什么期望？",
                "答：先了解岗位的薪资范围，给出一个区间，并说明可以商量。",
            ],
        },
        {"title": "跳槽之前，先算一算这笔账", "tags": ["面试"]},
        {"title": "Excel 里那些被忽略的快捷键"},
        {"title": "试用期最容易踩的几个坑", "tags": ["面试"]},
        {"title": "年终考核前要想清楚的三件事"},
        {"title": "远程办公一年，我学会了写周报"},
        {"title": "团队重组之后，中层怎么带人"},
        {"title": "工作五年，要不要转管理"},
        {"title": "如何跟老板谈加薪"},
        {"title": "新人入职第一周要做的事", "tags": ["面试"]},
    ]
    return {"jishu": jishu, "chuangye": chuangye, "zhichang": zhichang}


def build() -> TestSite:
    rng = random.Random(SEED)
    specs = _specs()
    order = [(cat, s) for cat, _name, _topic in CATEGORIES for s in specs[cat]]
    rng.shuffle(order)
    titles = [(c, s["title"]) for c, s in order]
    orig_i, copy_i = (
        titles.index(("zhichang", "跳槽之前，先算一算这笔账")),
        titles.index(("chuangye", "跳槽之前，先算一算这笔账")),
    )
    if copy_i < orig_i:
        order[orig_i], order[copy_i] = order[copy_i], order[orig_i]
    topic_of = {c: t for c, _n, t in CATEGORIES}
    name_of = {c: n for c, n, _t in CATEGORIES}

    arts: list[dict] = []
    aid, day = 35, 0
    originals: dict[str, dict] = {}
    prose_idx: list[int] = []
    for cat, spec in order:
        aid += rng.randint(1, 3)
        day += rng.randint(3, 8)
        when = date(2019, 1, 1) + timedelta(days=day)
        a = {
            "id": aid,
            "cat": cat,
            "title": spec["title"],
            "shape": spec.get("shape", "prose"),
            "tags": spec.get("tags", []),
            "date": when.isoformat(),
            "datetime": f"{when} {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}",
            "views": rng.randint(80, 9000),
            "path": f"/{cat}/{aid}.html",
            "first_img": None,
        }
        shape = a["shape"]
        if shape == "prose":
            if spec.get("copy_of"):
                src = originals[spec["copy_of"]]
                lines = list(src["lines"])
                k = rng.randrange(len(lines))
                lines[k] = text_bank.sentence("职场", rng) + text_bank.sentence("职场", rng)
                lines.insert(0, "编者按：这篇文章在职场频道发过，最近很多读者问起，转到这里再分享一次。")
            else:
                lines = text_bank.paragraphs(topic_of[cat], rng, rng.randint(4, 7))
                originals[spec["title"]] = a
            if "Python" in a["title"]:
                lines.insert(0, "Python 写这类小工具特别顺手，下面是我的做法。")
            if "Excel" in a["title"]:
                lines.insert(0, "很多人天天用 Excel，却只会最基本的几个操作。")
            a["lines"] = lines
            a["html"] = "\n".join(f"<p>{T.esc(x)}</p>" for x in lines)
            prose_idx.append(len(arts))
        elif shape == "table":
            a["lines"] = [spec["intro"]] + [" ".join(r) for r in spec["rows"]]
            head, *rows = spec["rows"]
            trs = "<tr>" + "".join(f"<th>{T.esc(c)}</th>" for c in head) + "</tr>"
            trs += "".join("<tr>" + "".join(f"<td>{T.esc(c)}</td>" for c in r) + "</tr>" for r in rows)
            a["html"] = f"<p>{T.esc(spec['intro'])}</p>\n<table>\n<tbody>{trs}</tbody>\n</table>"
        elif shape == "gallery":
            parts = []
            for name, cap in spec["images"]:
                src = f"/uploads/2019/{a['date'][5:7]}/{name}{aid}.jpg"
                a["first_img"] = a["first_img"] or src
                parts.append(
                    f'<p><mip-img layout="responsive" width="640" height="427" src="{src}" alt="{T.esc(cap)}">'
                    f"</mip-img></p>\n<p>{T.esc(cap)}</p>"
                )
            a["lines"] = [cap for _n, cap in spec["images"]]
            a["html"] = "\n".join(parts)
        elif shape == "qa":
            a["lines"] = spec["lines"]
            a["html"] = "\n".join(f"<p><strong>{T.esc(x[:2])}</strong>{T.esc(x[2:])}</p>" for x in spec["lines"])
        else:
            a["lines"] = spec["lines"]
            a["html"] = "<p>" + "<br/>\n".join(T.esc(x) for x in spec["lines"]) + "</p>"
        arts.append(a)

    # flags over the prose articles: title only, date only in JSON-LD, summary box, comments
    picks = rng.sample(prose_idx, 12)
    for i in picks[:3]:
        arts[i]["title_only"] = True
    for i in picks[3:6]:
        arts[i]["jsonld_only"] = True
    for i in picks[4:10]:
        arts[i]["summary"] = True
    commented = rng.sample(range(len(arts)), 11)
    for i in commented:
        a = arts[i]
        a["comments"] = []
        for n in range(rng.randint(2, 5)):
            text = text_bank.sentence(topic_of[a["cat"]], rng) + rng.choice(COMMENT_TAILS)
            a["comments"].append(
                {
                    "name": rng.choice(COMMENTERS),
                    "time": f"{date.fromisoformat(a['date']) + timedelta(days=1 + n)} {rng.randint(7, 23):02d}:"
                    f"{rng.randint(0, 59):02d}",
                    "text": text,
                }
            )
    # one article links another in its body under the old /article/<id>.html URL
    linker, target = arts[picks[10]], arts[picks[11]]
    target["alias"] = f"/article/{target['id']}.html"
    line = f"延伸阅读：{target['title']}"
    linker["lines"].append(line)
    link = f'<a href="{{base}}{target["alias"]}" data-type="mip">{T.esc(target["title"])}</a>'
    linker["html"] += f"\n<p>延伸阅读：{link}</p>"

    def render(base: str) -> dict[str, Resource]:
        return T.render_site(base, SITE_INFO, arts, name_of)

    articles = [
        TruthArticle(
            path=a["path"],
            title=a["title"],
            published=a["date"],
            contributor=None,
            body=a["lines"],
            shape=a["shape"],
            aliases=[a["alias"]] if a.get("alias") else [],
        )
        for a in arts
    ]
    pages = [TruthPage("/", "home", aliases=["/index.php"])]
    for cat, _n, _t in CATEGORIES:
        count = sum(1 for a in arts if a["cat"] == cat)
        pages.append(TruthPage(f"/{cat}/", "list"))
        for k in range(2, (count + PER_PAGE - 1) // PER_PAGE + 1):
            pages.append(TruthPage(f"/{cat}/index_{k}.html", "list"))
    for _name, slug in TAGS:
        pages.append(TruthPage(f"/tag/{slug}/", "tag"))
    for word in SEARCHES:
        pages.append(TruthPage(f"/search/?keywords={word}", "search"))
    pages.append(TruthPage("/zhuanlan.html", "special"))
    orig = next(a for a in arts if a["title"] == "跳槽之前，先算一算这笔账" and a["cat"] == "zhichang")
    copy = next(a for a in arts if a["title"] == "跳槽之前，先算一算这笔账" and a["cat"] == "chuangye")
    return TestSite(
        key=KEY,
        name=SITE,
        modelled_after="MIPCMS (default theme: article/articleDetail.html, article/article.html, tag/tagDetail.html)",
        encoding="utf-8",
        render=render,
        articles=articles,
        pages=pages,
        friend_links=list(FRIEND_LINKS),
        copies=[(orig["path"], copy["path"])],
    )
