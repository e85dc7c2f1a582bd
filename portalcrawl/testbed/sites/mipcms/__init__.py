"""Test site ``mipcms``: a mobile-first article site on MIPCMS (default theme, Baidu MIP pages), UTF-8.

Modelled on MIPCMS's default templates (sansanyun/mipcms ``template/default``: ``main/main.html``,
``main/header.html``, ``main/footer.html``, ``article/article.html``, ``article/articleDetail.html``,
``block/article-list.html``, ``block/mipui-crumb.html``, ``block/tags-hot.html``, ``tag/tagDetail.html``,
``index/index.html``; the comment block of ``pc/article/articleDetail.html``; the friend-link and
custom-page addons) and its URL rules (``app/article/route.php``: ``/<category>/<id>.html``,
``/<category>/index_2.html``, ``/tag/<url_name>/``).

Traps:

- the detail body is followed, inside the same ``mipcms-detail-body`` section, by a bare
  ``<p>猜你喜欢</p>`` and a teaser list whose items carry 88-character running-prose descriptions;
- images are ``<mip-img>`` elements, not ``<img>``; links carry ``data-type="mip"``;
- the meta line is "时间:<time>…</time> 浏览:N 来源:站名" (the source is the site itself; no author);
- MIPCMS's own JSON-LD (熊掌号 cambrian) carries ``pubDate``; three pages print no date at all and
  give it only there and in a schema.org block (``datePublished``);
- three pages (a "no-heading" detail template) have their headline only in ``<title>`` (标题_站名);
- a 摘要 box repeating the lead on several articles; a 声明 note under every article;
- one article is linked in another's body under the pre-``urlCategory`` URL ``/article/<id>.html``;
  ``<link rel="canonical">`` names the category URL; a near-copy is reposted in another category;
- the home page is also served as ``/index.php`` (linked from the footer); the logo links the bare
  domain without a trailing slash.
"""

from .build import build

__all__ = ["build"]
