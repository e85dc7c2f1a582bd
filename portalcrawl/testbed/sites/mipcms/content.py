"""The text of the ``mipcms`` test site: its name, categories, tags, searches and friend links, its commenters,
and the articles of each category (the hand-written ones that are not plain prose, and the prose titles)."""

from __future__ import annotations

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


def specs() -> dict[str, list[dict]]:
    """The articles of each category: hand-written tables, line lists, galleries and Q&A; prose ones by title
    (filled in from the text bank), with their tags and the near-copy."""
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
