"""Test site ``emlog``: a personal blog on emlog 5's default template (emlog/emlog), served in GBK.

The pages are GBK bytes declared only by ``<meta http-equiv="Content-Type" content="text/html; charset=gbk" />``
(the Content-Type header says plain ``text/html``). URLs are emlog's pseudo-static ones: posts ``/post-12.html``
(one also linked as the dynamic ``/?post=12`` from the 专题 page), ``/sort/1`` and ``/sort/1/page/2``,
``/author/1``, ``/tag/<name>`` with Chinese tag names percent-encoded **in GBK**, ``/?keyword=mysql``, home ``/``
plus ``/index.php`` (the 首页 nav item) and ``/page/2``, and a custom page ``/zhuanti.html`` (专题).

Traps: dates printed PHP-style "2015-3-7 21:05 Saturday" (no zero padding, English weekday); list pages have no
heading at all; the byline "作者：X 发布于：… 分类：Y" sits under an h2, three posts have no h2 (headline only in
``<title>`` as "标题 - 南窗小记") and three print no date (only the SEO plugin's JSON-LD ``datePublished``);
"本文链接 / 版权声明" and a "相关文章" list with excerpts sit between the body and the "&laquo; 上篇 | 下篇&raquo;"
line; line lists are ``<br />``-separated inside one ``<p>``; friend links are the sidebar "链接" widget on every
page; a near-copy of one post is reposted under the same title with a few sentences changed.
"""

from .build import build

__all__ = ["build"]
