"""Test site ``wordpress``: a Chinese WordPress blog on the Puock theme (Licoy/wordpress-theme-puock), UTF-8.

URL shapes are WordPress's: posts at ``/%year%/%monthnum%/%postname%/``, each also served at its
shortlink ``/?p=ID`` (printed as ``<link rel='shortlink'>`` in every post head, so all posts have an alias),
``/category/x/`` with ``/category/x/page/2/``, ``/tag/x/``, ``/author/x/``, ``/?s=mysql``, home ``/`` and
``/index.php`` (the 首页 menu item), the home pagination ``/page/2/`` and a page ``/zhuanti-zhichang/`` (专题).

Traps: Puock prints no byline under the title — the date sits at the bottom ("发表至：分类 … 日期") and the
author only inside the 版权声明 box ("本站原创文章，由 X 2023-04-12发表，共计N字。"), which is template text under
every post; the sidebar "热门文章" widget and the "相关推荐" block carry excerpts; three posts show no h1
(headline only in ``<title>`` as "标题 - 站名"); three print no visible date (only the Yoast-style JSON-LD
``datePublished``, which every post carries, beside a later ``dateModified``); a "文章摘要" box repeats the lead
cut with "……"; comments are ``div.post-comment`` blocks with OS / browser / IP-region chips and nested replies;
one post is reposted with a few sentences changed (a near-copy).
"""

from .build import build

__all__ = ["build"]
