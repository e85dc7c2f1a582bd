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

from .build import build

__all__ = ["build"]
