"""The text of the `metinfo` test site: its columns and navigation, authors, commenters, tags and searches,
and the hand-written articles that are not plain prose (tables, line lists, galleries, Q&A)."""

from __future__ import annotations

import random

from .._html import esc, paras

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


def _table(rows: list[list[str]]) -> str:
    head = "".join(f"<th>{esc(c)}</th>" for c in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>\n" for r in rows[1:])
    return (
        f'<table class="table table-bordered" width="100%">\n<thead><tr>{head}</tr></thead>\n'
        f"<tbody>\n{body}</tbody>\n</table>\n"
    )


def _table_article(col: str, title: str, intro: str, rows: list[list[str]]) -> tuple:
    """A table article: its intro paragraph, then the table; a body line per row."""
    return col, title, "table", paras([intro]) + _table(rows), [intro] + [" ".join(r) for r in rows]


def special_articles(rng: random.Random) -> list[tuple[str, str, str, str, list[str]]]:
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
    out.append(_table_article("news", "2024年云服务器套餐参考价一览", intro, rows))
    intro = "第三季度职业技能公开课安排如下，报名请联系各分会场。"
    rows = [
        ["课程", "日期", "地点", "学时"],
        ["项目管理入门", "7月13日", "杭州", "12"],
        ["商务写作", "7月27日", "宁波", "8"],
        ["数据分析实务", "8月10日", "温州", "16"],
        ["团队沟通与协作", "8月24日", "嘉兴", "8"],
        ["时间管理", "9月7日", "绍兴", "6"],
    ]
    out.append(_table_article("zhichang", "第三季度职业技能公开课日程", intro, rows))
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
    out.append(("jishu", "《中小团队运维实战》目录", "lines", paras(toc), toc))
    tour = [
        "3月16日 杭州站 西溪创意园",
        "3月30日 南京站 新街口会议中心",
        "4月13日 合肥站 高新区创新馆",
        "4月27日 武汉站 光谷软件园",
        "5月11日 长沙站 岳麓山大学科技城",
        "5月25日 成都站 天府软件园",
    ]
    out.append(
        ("news", "2024开发者沙龙巡回日程", "lines", "<p>" + "<br />\n".join(esc(x) for x in tour) + "</p>\n", tour)
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
                f'alt="{esc(cap)}" /></p>\n<p style="text-align: center;">{esc(cap)}</p>\n'
            )
        out.append((col, title, "gallery", html_, caps))
    qa = [
        ("问：企业邮箱迁移需要停机吗？", "答：不需要整体停机，新旧系统可以并行一段时间，切换解析后旧邮件再分批导入。"),
        ("问：历史邮件会丢吗？", "答：只要提前做好导出和校验，历史邮件可以完整保留，建议迁移后抽查几个大邮箱。"),
        ("问：员工需要重新设置客户端吗？", "答：多数客户端只需改一次服务器地址，我们会提供图文说明和现场答疑。"),
        ("问：迁移一般要多久？", "答：五十人以内的团队通常一个周末就能完成，规模更大时按部门分批进行。"),
    ]
    lines = [x for pair in qa for x in pair]
    out.append(("jishu", "企业邮箱迁移的四个常见问题", "qa", paras(lines), lines))
    return out
