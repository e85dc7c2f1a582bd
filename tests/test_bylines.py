"""Table-driven: bylines in their common Chinese forms, stripped of role words."""

from __future__ import annotations

import pytest

from portalcrawl.extract.byline import find_bylines, name_beside_date, name_under_headline, trailing_signature

# (line as printed, expected {field: name})
CASES: list[tuple[str, dict[str, str]]] = [
    ("斩情道投稿", {"contributor": "斩情道"}),
    ("8月4日 斩情道投稿", {"contributor": "斩情道"}),
    ("2015-08-04 林语投稿", {"contributor": "林语"}),
    ("作者：林语", {"contributor": "林语"}),
    ("作者:林语", {"contributor": "林语"}),
    ("作 者：林语", {"contributor": "林语"}),
    ("作者： 芊草凡凡   时间： 2005-08-22 19:13:18", {"contributor": "芊草凡凡"}),
    ("作者:zboygirl 阅读(1660) 评论(5) 编辑 发表于:2005-07-31 12:30", {"contributor": "zboygirl"}),
    ("2015-11-05 阅读：8169 来源:转载 作者:孙仲旻 分享：", {"contributor": "孙仲旻"}),  # 转载 names no source
    ("文/张三", {"contributor": "张三"}),
    ("文／李四", {"contributor": "李四"}),
    ("文 / 王五", {"contributor": "王五"}),
    ("撰文：赵六", {"contributor": "赵六"}),
    ("撰稿：钱七", {"contributor": "钱七"}),
    ("原作者：孙八", {"contributor": "孙八"}),
    ("发布人：管理员小李", {"contributor": "管理员小李"}),
    ("发布者：小周", {"contributor": "小周"}),
    ("投稿人：吴九", {"contributor": "吴九"}),
    ("楼主：芊草凡凡", {"contributor": "芊草凡凡"}),
    ("由海姑娘张贴 @ 2005-03-21 01:20:44", {"contributor": "海姑娘"}),
    ("Posted by Alice at 10:56 am", {"contributor": "Alice"}),
    ("记者 胡晓蓉", {"contributor": "胡晓蓉"}),
    ("（记者 胡晓蓉）", {"contributor": "胡晓蓉"}),
    ("□ 本报记者 葛灵丹", {"contributor": "葛灵丹"}),
    ("(信报记者 蔡雪婧)", {"contributor": "蔡雪婧"}),
    ("本报记者 王燕平 方云凤 柏建斌", {"contributor": "王燕平 方云凤 柏建斌"}),
    ("本报实习生 刘国栋 周炜", {"contributor": "刘国栋 周炜"}),
    ("据新华社拉萨电（记者 格桑边觉）记者近日从", {"contributor": "格桑边觉"}),
    ("本报讯（通讯员 陈明）", {"contributor": "陈明"}),
    ("海姑娘 发表于 2005-06-14", {"contributor": "海姑娘"}),
    ("来源：新闻晨报", {"source": "新闻晨报"}),
    ("来源: 尹娟", {"source": "尹娟"}),
    ("来 源：东方日报", {"source": "东方日报"}),
    ("稿源：城市晚报", {"source": "城市晚报"}),
    ("信息来源： 内蒙古日报", {"source": "内蒙古日报"}),
    ("文章来源：人民网", {"source": "人民网"}),
    ("出处：网络整理", {"source": "网络整理"}),
    ("发文机关： 吉林省人民政府", {"source": "吉林省人民政府"}),
    ("来源：新闻晨报 编辑：山石", {"source": "新闻晨报", "editor": "山石"}),
    ("来源：巴彦淖尔日报 编辑：苏亮", {"source": "巴彦淖尔日报", "editor": "苏亮"}),
    ("责任编辑：孙重远", {"editor": "孙重远"}),
    ("责任编辑:李敏", {"editor": "李敏"}),
    ("责编：张帆", {"editor": "张帆"}),
    ("(责编：萧潇、张妍)", {"editor": "萧潇 张妍"}),
    ("编辑：刘洋", {"editor": "刘洋"}),
    ("网络编辑：陈晨", {"editor": "陈晨"}),
    ("51offer编辑：Alice", {"editor": "Alice"}),
    ("（记者 胡晓蓉） 责任编辑：孙重远", {"contributor": "胡晓蓉", "editor": "孙重远"}),
    ("发布时间：2023-03-17 10:20 来源：东方日报 作者：陈默", {"contributor": "陈默", "source": "东方日报"}),
    ("来源：聚热点原创　作者：王小川", {"contributor": "王小川", "source": "聚热点原创"}),
    ("澎湃新闻记者 段文 廖丽", {"contributor": "段文 廖丽"}),  # any outlet's name before 记者
    ("采写：南都见习记者 林子", {"contributor": "林子"}),
    ("执笔/叨叨、胡刀&李飞刀", {"contributor": "叨叨 胡刀 李飞刀"}),
    ("执笔：李四", {"contributor": "李四"}),
    ("原创： 路闻编译 人民币研究", {"contributor": "路闻"}),  # the compiler wrote the Chinese text
    ("编译：张伟", {"contributor": "张伟"}),
    ("译者：Tom", {"contributor": "Tom"}),
    ("石佳/中国青年报", {"contributor": "石佳"}),  # the writer, then the paper it first ran in
    ("发表于2014-08-24 21:30| 1164次阅读| 来源CSDN| 0 条评论| 作者魏星", {"contributor": "魏星"}),
    ("By Alejandro de la Garza", {"contributor": "Alejandro de la Garza"}),
    ('By Amanda "Tania Mae" Tan', {"contributor": 'Amanda "Tania Mae" Tan'}),
    ("By Dana A. Ford , James S.A. Corey, Chien-Ming Wang, and Tom Watkins, CNN",
     {"contributor": "Dana A. Ford, James S.A. Corey, Chien-Ming Wang, Tom Watkins"}),
    ("By Jeremy Herb, Lauren del Valle and Douglas Wood",
     {"contributor": "Jeremy Herb, Lauren del Valle, Douglas Wood"}),
    # reporters, as newspapers print them
    ("本报记者 张伟", {"contributor": "张伟"}),
    ("本报记者张伟", {"contributor": "张伟"}),
    ("记者：李娜", {"contributor": "李娜"}),
    ("记者 王强 通讯员 赵敏", {"contributor": "王强 赵敏"}),
    ("本报记者 王强 本报通讯员 赵敏", {"contributor": "王强 赵敏"}),
    ("记者 孙丽 实习生 周密", {"contributor": "孙丽 周密"}),
    ("本报讯（记者 蒋丽）", {"contributor": "蒋丽"}),
    ("本报讯 记者 卢敏 报道", {"contributor": "卢敏"}),
    ("本报讯记者卢敏报道", {"contributor": "卢敏"}),
    ("新华社北京3月17日电（记者 范伟）", {"contributor": "范伟"}),
    ("新华社北京3月17日电（记者 范伟、沈洁）", {"contributor": "范伟 沈洁"}),
    ("中新网上海3月17日电 (记者 石磊)", {"contributor": "石磊"}),
    ("新华社记者 韦东", {"contributor": "韦东"}),
    ("（记者 唐宁 上海报道）", {"contributor": "唐宁"}),
    ("（唐宁 上海报道）", {"contributor": "唐宁"}),
    ("记者 唐宁 发自北京", {"contributor": "唐宁"}),
    ("本报记者 唐宁 北京报道", {"contributor": "唐宁"}),
    ("（记者 唐宁 通讯员 何丹 广州报道）", {"contributor": "唐宁 何丹"}),
    ("首席记者 欧阳明月", {"contributor": "欧阳明月"}),
    ("特约记者 阿依古丽·买买提", {"contributor": "阿依古丽·买买提"}),
    ("□本报记者 葛文 见习记者 卫东", {"contributor": "葛文 卫东"}),
    ("某某晚报记者 严冬", {"contributor": "严冬"}),
    # writers and pen names
    ("刘洋/文", {"contributor": "刘洋"}),
    ("刘洋 / 文", {"contributor": "刘洋"}),
    ("文丨孙悦", {"contributor": "孙悦"}),
    ("文 | 孙悦", {"contributor": "孙悦"}),
    ("作者：黄磊、何静", {"contributor": "黄磊 何静"}),
    ("作者：黄磊 何静 冯楠", {"contributor": "黄磊 何静 冯楠"}),
    ("作者：[ 周杰 ] 来源：[ 某某晚报 ]", {"contributor": "周杰", "source": "某某晚报"}),
    ("作者：【周杰】", {"contributor": "周杰"}),
    ("作者丨周杰", {"contributor": "周杰"}),
    ("作者：老街听雨 发布时间：2023-03-17 21:05", {"contributor": "老街听雨"}),
    ("作者：Sunny_Li 来源：原创", {"contributor": "Sunny_Li"}),  # 原创 names no source
    ("笔者：顾城南", {"contributor": "顾城南"}),
    ("供稿：宣传科", {"contributor": "宣传科"}),
    ("撰文：曹阳 摄影：邓超", {"contributor": "曹阳"}),
    ("作者：赵 培", {"contributor": "赵培"}),
    ("Written by Jane Smith", {"contributor": "Jane"}),
    # posters of blogs and forums
    ("本贴由海边拾贝于2023-03-17 21:05发表", {"contributor": "海边拾贝"}),
    ("本帖由 海边拾贝 于 2023-3-17 发表", {"contributor": "海边拾贝"}),
    ("由山间清风发布", {"contributor": "山间清风"}),
    ("楼主 雨后晴天", {"contributor": "雨后晴天"}),
    ("楼主：雨后晴天 时间：2023-03-17 21:05:11", {"contributor": "雨后晴天"}),
    ("发表者：小河流水 发表时间：2023-03-17", {"contributor": "小河流水"}),
    ("发布者：老街听雨 浏览：326", {"contributor": "老街听雨"}),
    ("发布人： 宋佳 发布日期：2023-03-17 点击数：88", {"contributor": "宋佳"}),
    ("山间清风 发表于 2023-3-17 21:05", {"contributor": "山间清风"}),
    ("posted by lazycat on 2023-03-17", {"contributor": "lazycat"}),
    # photo credits: a contributor only when nobody wrote
    ("彭飞 摄", {"contributor": "彭飞"}),
    ("（彭飞 摄）", {"contributor": "彭飞"}),
    ("摄影：邓超", {"contributor": "邓超"}),
    ("图/邓超", {"contributor": "邓超"}),
    ("本报记者 彭飞 摄", {"contributor": "彭飞"}),
    # sources and editors
    ("来源：《某某周刊》", {"source": "某某周刊"}),
    ("来源：【某某网】", {"source": "某某网"}),
    ("稿源：某某晨报 作者：白雪", {"contributor": "白雪", "source": "某某晨报"}),
    ("转载自：某某论坛", {"source": "某某论坛"}),
    ("责任编辑：梁红", {"editor": "梁红"}),
    ("（责任编辑：梁红）", {"editor": "梁红"}),
    ("（编辑 潘越）", {"editor": "潘越"}),
    ("编辑：潘越 审核：陆离", {"editor": "潘越"}),
    ("值班编辑：杜鹃", {"editor": "杜鹃"}),
    ("责编：陆离、许晴", {"editor": "陆离 许晴"}),
]


@pytest.mark.parametrize(("line", "expected"), CASES, ids=[c[0] for c in CASES])
def test_byline_forms(line: str, expected: dict[str, str]) -> None:
    best: dict[str, tuple[int, str]] = {}
    for hit in find_bylines(line):
        if hit.field not in best or hit.strength > best[hit.field][0]:
            best[hit.field] = (hit.strength, hit.name)
    assert {field: name for field, (_, name) in best.items()} == expected


@pytest.mark.parametrize("line", [
    "欢迎投稿", "在记者一行正要结束采访时", "被称之为最缺乏手术根治信心的肺癌，记者", "我要投稿", "作者：", "来源：",
    "点击投稿", "评论(5) 阅读(100)", "这篇文章的作者非常用心", "网友投稿", "作者：佚名", "图片：IMG_0412.jpg",
    "The content above is uploaded and posted by a user of the platform", "by the way, this is fine",
    "这篇文章由他翻译", "英译 中文版", "作者最新文章", "| 作者简介 |",
    "记者从市住建局了解到", "记者了解到，这一政策", "记者近日从有关部门获悉", "记者注意到，", "记者在现场看到",
    "记者第一时间赶到现场", "记者随后致电该公司", "当记者问及原因时", "接受记者采访时表示", "本报记者",
    "当前位置：首页 > 新闻 > 正文", "首页 > 社会 > 正文", "分享 收藏 打印 关闭", "【字号 大 中 小】 【打印】 【关闭】",
    "作者：未知", "作者：admin", "发布者：管理员", "作者：不详", "作者：本站", "资料图：市民在公园赏花",
    "图为市民在公园赏花", "本文作者简介", "来源：", "楼主", "发布时间：2023-03-17",
])
def test_no_byline_in_ordinary_text(line: str) -> None:
    assert not [hit for hit in find_bylines(line) if hit.field == "contributor"]


@pytest.mark.parametrize(("paragraph", "expected"), [
    ("到头来，一位自甘穷酸的外科医生。 （袁源）", "袁源"),
    ("推动云南工业高质量发展。(张三 李四)", "张三 李四"),
    ("这是正文的最后一句。", None),
    ("（完）", None),
])
def test_signature_closing_the_body(paragraph: str, expected: str | None) -> None:
    assert trailing_signature(paragraph) == expected


class _Line:
    def __init__(self, text: str) -> None:
        self.text, self.tokens = text, len(text)


@pytest.mark.parametrize(("line", "expected"), [
    ("2024-04-19 10:57 周牧之 482", "周牧之"),
    ("2023-03-17 10:20 林小溪 阅读 1024", "林小溪"),
    ("林小溪 2023年3月17日", "林小溪"),
    ("2023-03-17 林小溪 来源：某某日报", "林小溪"),
    ("2023年3月17日 星期五", None),
    ("2023-03-17 某某新闻网", None),
    ("2023-03-17 新闻中心", None),
    ("2023-03-17 分享", None),
    ("2023-03-17 原创", None),
    ("发布时间 2023-03-17", None),
    ("2023-03-17 社会", None),  # a column linked elsewhere on the page
])
def test_bare_name_beside_the_date(line: str, expected: str | None) -> None:
    assert name_beside_date(line, {"社会", "首页"}) == expected


@pytest.mark.parametrize(("paragraph", "expected"), [
    ("居民们说，这样的日子才有奔头。（毛一鸣）", "毛一鸣"),
    ("居民们说，这样的日子才有奔头。（新华社）", None),
    ("居民们说，这样的日子才有奔头。（某某日报）", None),
])
def test_signature_is_a_person(paragraph: str, expected: str | None) -> None:
    assert trailing_signature(paragraph) == expected


def test_bare_name_under_the_headline() -> None:
    assert name_under_headline([_Line("犬儒病(上)"), _Line("胡平"), _Line("——当代中国的精神危机")]) == "胡平"
    assert name_under_headline([_Line("犬儒病(上)"), _Line("当今中国最流行的是什么主义?")]) is None
    assert name_under_headline([_Line("春天里的一场雨"), _Line("老街听雨")]) == "老街听雨"
    assert name_under_headline([_Line("春天里的一场雨和一个人"), _Line("lazycat")]) == "lazycat"
    assert name_under_headline([_Line("春天里的一场雨"), _Line("某某新闻网")]) is None
    assert name_under_headline([_Line("春天里的一场雨"), _Line("随笔")], {"随笔"}) is None
