"""Test site ``phpwind``: a community forum on PHPWind 9 (default "wind" theme) with its portal, in GBK.

Modelled on PHPWind 9's default templates (nextwind: ``bbs/read_run.htm``, ``bbs/read_floor.htm``,
``bbs/thread_run.htm``, ``bbs/widget_thread.htm``, ``tag/index_view.htm``, ``special/index_run.htm``,
``common/head.htm`` / ``header.htm`` / ``footer.htm``) and, for the portal's article pages, on
PHPWind's CMS mode article view (``mode/cms/template/default/view.htm``).

The articles are threads (``read.php?tid=N``): the first floor (楼主) is the article, the replies
(沙发, 板凳, 地板, 4楼 ...) are its comments, each floor in the same table markup with the poster's
card (UID, 注册日期, 发帖数) beside it. Traps:

- a reply is shaped exactly like the article (same floor table, same ``editor_content``), and
  several replies carry prose as long as a paragraph; posters' signatures sit under their posts;
- the thread's date is "发布于：" in the floor header, the same label every reply uses;
- posts written with ``<br />`` runs instead of ``<p>``; gallery posts carry hidden
  attachment info ("图片：IMG_....jpg") next to each picture;
- "相关帖子" design module under the thread: linked titles with running-prose summaries;
- thread lists have no summaries; 返回列表 links ``thread.php?fid=N&page=1`` (alias of the list);
- tag (话题) URLs carry GBK percent-encoded names; one thread is also linked as
  ``index.php?c=read&tid=N&fid=F`` from the 专题 page; a thread is reposted "(转)" in another forum;
- portal articles (``index.php?m=cms&q=view&id=N``) have a 内容提要 box repeating the lead, and some
  print their headline only in ``<title>`` or their date only in JSON-LD;
- pages are GBK, declared by ``<meta charset="gbk">`` and the Content-Type header.
"""

from .build import build

__all__ = ["build"]
