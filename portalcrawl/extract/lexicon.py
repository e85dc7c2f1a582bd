"""Words and patterns of Chinese portal boilerplate, shared by the extraction steps.

These are properties of the language and of the stock CMS templates (DedeCMS, PHPCMS,
EmpireCMS, Discuz and the like), not of any one site: action rows, prev/next links,
copyright footers, and the role words of bylines.
"""

from __future__ import annotations

import functools
import re

from .text import per_line

# Rows of article actions (投诉 评论, 分享到, 打印 关闭, 【字号 大 中 小】...): a line made only
# of these words, separators and counts is boilerplate wherever it stands.
_ACTION_WORDS = (
    "投诉|举报|纠错|评论|发表评论|我要评论|查看评论|网友评论|条评论|参与讨论|分享到|分享|转发|收藏|加入收藏|"
    "打印本页|打印本文|打印|关闭窗口|关闭本页|关闭|返回顶部|回到顶部|顶部|返回首页|返回列表|返回|字号|字体|默认|"
    "大|中|小|推荐给好友|推荐|告诉好友|复制链接|复制网址|扫一扫|微信|微博|朋友圈|空间|点赞|赞|踩|顶|"
    "阅读|浏览|点击|次|人|我来说两句|保存|编辑|删除|更多|收起|展开|全文|阅读全文|在手机打开当前页|"
    "上一篇|下一篇|上一页|下一页|上篇|下篇|首页|尾页|末页|大字|小字|放大|缩小|繁体|简体|"
    "Email|email|RSS|QQ|share|print|close|top"
)
_ACTION_LINE = re.compile(
    rf"^(?:[\s\[\]【】()（）|｜:：·•/>»«<\-_=+*#0-9]|{_ACTION_WORDS})*$"
)
PREV_NEXT = re.compile(r"^\s*[【\[(（]?\s*(上一篇|下一篇|上一页|下一页|前一篇|后一篇|上篇|下篇|上一条|下一条)")
COPYRIGHT = re.compile(
    r"©|\(c\)|copyright|all rights reserved|版权所有|版权声明|ICP备|ICP证|公网安备|网安备|"
    r"违法和不良信息|免责声明|联系我们|关于我们|网站地图|广告服务|不良信息举报|本站声明|转载请注明|"
    r"未经授权|未经许可|禁止转载|法律顾问|"
    # a platform's disclaimer under a self-media post: "本平台仅提供信息存储服务", "不代表本网观点"
    r"^(?:特别|重要|郑重)?声明[：:]|仅提供信息(?:存储|发布)|不代表本(?:站|网|平台)",
    re.I,
)
FRIEND_LABEL = re.compile(r"友情链接|友链|合作伙伴|合作网站|兄弟网站|相关网站|links?\s*[:：]", re.I)
TEASER_LABEL = re.compile(
    r"相关(文章|阅读|新闻|内容|资讯|推荐|报道|链接|专题)|推荐(阅读|文章)|热门(文章|推荐|阅读)|猜你喜欢|"
    r"延伸阅读|最新(文章|资讯|更新)|精彩推荐|热点(推荐|新闻)|大家都在看|you may also like|related",
    re.I,
)
# A self-media or portal promotion closing (or opening) a post: follow us, scan the QR code, reply a
# keyword, click the menu. Its lines are the platform's, not the article's.
PROMO_LINE = re.compile(
    r"二维码|公众号|扫一扫|扫码|长按识别|(?:点击|戳)(?:菜单|阅读原文|蓝字|上方|下方|关注|进入|投票|查看|这里)|"
    r"回复[【\[「“\"]|欢迎(?:关注|订阅)|关注(?:我们|官方|本号)|下载.{0,8}(?:客户端|APP)|更多(?:猛料|精彩|资讯)[！!,，]",
    re.I,
)
# Role words of bylines. A line made of one of these and a name belongs to a field, not the body.
BYLINE_LINE = re.compile(
    r"^[\s(（\[【□■●]*(本报记者|本报通讯员|记者|通讯员|作者|撰文|文|图|摄影|摄|来源|稿源|出处|本文来源|文章来源|"
    r"责任编辑|责编|编辑|编审|审核|校对|发布者|发布人|投稿人|作\s*者|来\s*源|编\s*辑)"
    r"\s*[：:/／ ]\s*\S.{0,40}$"
)
# URLs of pages that answer a form (search, login, comment) rather than publish an article.
# A tag's page: the articles filed under one keyword (/tag/mysql/, ?tag=, tags.php).
# A person's page: the author's profile, a user's space. Its link text is a name.
AUTHOR_URL = re.compile(
    r"/(?:users?|authors?|u|people|profiles?|members?|space|blogger|writers?|columnists?)/|[?&](?:uid|userid|author)=",
    re.I)
TAG_URL = re.compile(r"/tags?/|/tags?\.|[?&]tags?(?:name)?=", re.I)
SEARCH_OR_FORM_URL = re.compile(
    r"(search|[?&](q|query|keywords?|kw|wd|searchword)=|[?&]s=(?!/)|/so/|login|register|signup|comment|reply|"
    r"feedback|guestbook|"
    r"tags?\.php)",
    re.I,
)
ERROR_TEXT = re.compile(
    r"404|not found|页面不存在|找不到(该|此|您要的)?页面|页面(已)?(被)?删除|文章不存在|出错了|错误提示", re.I)
PAGINATION_TEXT = re.compile(
    r"^\s*([\[【]?\d{1,4}[\]】]?|上一页|下一页|首页|尾页|末页|前一页|后一页|第\s*\d+\s*页|›|‹|»|«|>|<|\.\.\.|…|"
    r"next|prev|previous|last|first)\s*$",
    re.I,
)


def is_action_line(text: str) -> bool:
    """A short line of action words ("投诉 评论", "【打印】【关闭】", "分享到：")."""
    return len(text) <= 80 and bool(_ACTION_LINE.match(text))


@per_line
def is_boilerplate_line(text: str) -> bool:
    return is_action_line(text) or bool(PREV_NEXT.match(text)) or (
        len(text) <= 200 and bool(COPYRIGHT.search(text))
    )


# Class and id words that mark a region as not the article (readability's idea, with the
# pinyin abbreviations Chinese templates use: xgwz 相关文章, tj 推荐, pl 评论, yqlj 友情链接).
_NEGATIVE_EXACT = frozenset({
    "ad", "ads", "adv", "nav", "tag", "tags", "tj", "pl", "xg", "hot", "top", "foot", "side", "menu", "link",
    "links", "footer", "header", "sidebar", "share", "pager", "page", "pages", "paging", "crumb", "crumbs",
    "login", "search", "friend", "friends", "rank", "gg", "bottom", "copyright", "related", "recommend",
    "comment", "comments", "reply", "replies", "form", "forms", "newsletter", "subscribe", "signup",
    "regist",
})
_PAGE_WORDS = frozenset({"page", "pages"})  # a pager alone, the page's own layout in a compound
_NEGATIVE_PREFIX = (
    "comment", "reply", "related", "relate", "recommend", "share", "footer", "copyright", "sidebar",
    "breadcrumb", "crumb", "pagination", "advert", "banner", "sponsor", "social", "friend", "tuijian",
    "pinglun", "yqlj", "xgwz", "xgyd", "xgxw", "navbar", "navigation", "rank", "hotnews", "toolbar",
)
_WORD_SPLIT = re.compile(r"[\s_\-]+|(?<=[a-z])(?=[A-Z])")


_POSITIVE = frozenset({"content", "entry", "article", "post", "text", "body", "detail", "details", "story",
                       "zhengwen", "neirong", "arc", "main"})


def _negative_word(word: str) -> bool:
    return word in _NEGATIVE_EXACT or (len(word) > 4 and word.startswith(_NEGATIVE_PREFIX))


@functools.lru_cache(maxsize=4096)
def is_negative_hint(class_and_id: str) -> bool:
    """A class or id naming a non-content region, unless another of the element's names says it is
    the content ("entry-content show-link-icon": the icon class styles links inside the article)."""
    negative = positive = False
    for token in class_and_id.split():
        words = [w.lower() for w in _WORD_SPLIT.split(token) if w]
        if words and words[0] == "js":
            continue  # "js-share-area": a script's hook on the element, not the name of a page region
        # A name's last word says what the element is: "read_page" is a page of a thread, but
        # "page-columns", "o-page-wrapper" and "page-article" are the page's layout and its article.
        words = [w for w in words[:-1] if w not in _PAGE_WORDS] + words[-1:]
        if any(_negative_word(w) for w in words):
            negative = True
        elif words and words[-1] in _POSITIVE:  # "post-content", but not "post_formulario" (a form)
            positive = True
    return negative and not positive


def names_content(class_and_id: str) -> bool:
    """Any of the element's names has a word naming the content ("advert-content-wrap")."""
    return any(w.lower() in _POSITIVE for w in _WORD_SPLIT.split(class_and_id) if w)
