"""Table-driven: bylines in their common Chinese forms, stripped of role words."""

from __future__ import annotations

import pytest

from portalcrawl.extract.byline import find_bylines, name_under_headline, trailing_signature

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
    "点击投稿", "评论(5) 阅读(100)", "这篇文章的作者非常用心", "网友投稿", "作者：佚名",
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


def test_bare_name_under_the_headline() -> None:
    assert name_under_headline([_Line("犬儒病(上)"), _Line("胡平"), _Line("——当代中国的精神危机")]) == "胡平"
    assert name_under_headline([_Line("犬儒病(上)"), _Line("当今中国最流行的是什么主义?")]) is None
