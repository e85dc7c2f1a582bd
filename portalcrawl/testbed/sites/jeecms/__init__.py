"""青禾资讯网: a portal rendered after JEECMS's default front-end template (v8/v9 ``www/default``, UTF-8).

URLs as JEECMS serves them dynamically: channel lists ``/tech/index.jhtml`` and ``/tech/index_2.jhtml``,
articles ``/tech/123.jhtml``, tag pages ``/tag/3.jspx``, search ``/search.jspx?q=...``, the special topic
``/topic/1.jspx``, home at ``/`` and ``/index.jhtml``.

Traps:
- the ``h1`` carries the headline *and* a trailing channel link (``<a class="position">科技</a>``);
- ``<title>`` is "标题 - 站名 - Powered by JEECMS"; three articles have no ``h1`` (headline only there);
- the meta line prints "作者：本站编辑" when the article names nobody (contributor None), and
  "浏览次数：" with an empty span filled by script;
- three articles print no date: it is only in a JSON-LD block added to their content template;
- a 导读 box repeats the lead, cut with "……"; a 声明 disclaimer follows every body;
- "相关阅读" teasers with summaries and dates, sidebar 热门话题 / 最新资讯 / 大家都在搜, comment blocks
  (热门评论) with real sentences, and the home page quoting comments (精彩评论) next to article titles;
- one article also served as a static ``.htm`` page (linked from the special topic), no canonical link;
- one article reposted in another channel with a few sentences changed.
"""

from .build import build

__all__ = ["build"]
