"""The text of the ``wordpress`` test site: the blog's name and notes, its categories, tags and authors, the
posts' specs, and the hand-written bodies of the posts that are not plain prose."""

from __future__ import annotations

from .._bodies import Shapes

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
SHAPES = Shapes(TABLES, LINES, GALLERIES, QA, POEMS)  # the bodies above, by key
