"""The text of the JEECMS test site: its name, channels, friend links and tags, the hand-written articles that
are not plain prose (tables, line lists, galleries, Q&A, a poem), and which articles carry which trap."""

from __future__ import annotations

from typing import Any

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
