"""The page shell of the ``mipcms`` test site (MIPCMS default theme, Baidu MIP markup, UTF-8).

Shapes follow MIPCMS's ``template/default/main/{main,header,footer}.html``, ``block/mipui-crumb.html`` and
``addons/friendlink/friendlink.html``. Written here, not copied.
"""

from __future__ import annotations

from html import escape

MIP = "https://c.mipcdn.com/static/v1"


def page(
    base: str,
    title: str,
    main: str,
    nav: list[tuple[str, str]],
    active: str,
    links: list[tuple[str, str]],
    site: str,
    canonical: str,
    keywords: str = "",
    description: str = "",
    so: str = "",
    script: str = "",
) -> str:
    menu = "\n".join(
        f'            <li class="mip-dropdown-item{" active" if label == active else ""}">'
        f'<a href="{url}" data-type="mip" data-title="{label}" title="{label}">{label}</a></li>'
        for label, url in nav
    )
    friends = "".join(
        f'<li><a href="{url}" data-type="mip" data-title="{escape(name)}" title="{escape(name)}" target="_blank">'
        f"{escape(name)}</a></li>"
        for name, url in links
    )
    return f"""<!DOCTYPE html>
<html mip>
<head>
    <meta charset="utf-8">
    <meta name="applicable-device" content="pc,mobile">
    <meta http-equiv="X-UA-Compatible" content="IE=edge">
    <meta name="viewport" content="width=device-width, initial-scale=1, user-scalable=0">
    <link rel="shortcut icon" href="{base}/favicon.ico" type="image/x-icon" />
    <title>{escape(title)}</title>
    <meta name="keywords" content="{escape(keywords)}">
    <meta name="description" content="{escape(description)}">
{so}    <link rel="stylesheet" type="text/css" href="{MIP}/mip.css">
    <link rel="stylesheet" type="text/css" href="{base}/assets/default/css/bootstrap-layout.min.css">
    <link rel="stylesheet" type="text/css" href="{base}/assets/default/css/mipcms.css">
    <style mip-custom>
    .mipcms-detail-body img{{max-width:100%;}}
    </style>
    <link rel="canonical" href="{canonical}">
</head>
<body>
    <mip-fixed type="top">
    <div class="mip-header mip-header-default" id="mip_header">
        <div class="container">
            <div class="logo-text">
                <a data-type="mip" href="{base}" data-title="{site}">{site}</a>
            </div>
            <ul class="mip-menu list-unstyled">
            <li class="{"active" if active == "首页" else ""}">
            <a href="{base}" data-type="mip" data-title="{site}" title="首页">首页</a></li>
{menu}
            <li>
            <a href="http://zhannei.baidu.com/cse/search?s=8172026405613492710" target="_blank"
             title="搜索">搜索</a></li>
            </ul>
        </div>
    </div>
    </mip-fixed>
    <main class="mipcms-main">
{main}
    </main>
    <div class="container">
    <div class="friend-link hidden-xs">
        <ul><li> 友情链接：</li>{friends}</ul>
    </div>
    </div>
    <footer class="mipui-footer">
        <div class="container">
            <p class="text-center mip-footer">&copy;2019
            <a data-type="mip" href="{base}/index.php" data-title="{site}">{site}</a> 京ICP备17052318号-1
            <a href="{base}/sitemap.xml">网站地图</a> <br class="visible-xs" /> Powered By
            <a data-type="mip" data-title="MIPCMS" href="http://www.mipcms.com" target="_blank">MIPCMS</a></p>
        </div>
    </footer>
    <mip-fixed type="gototop">
        <mip-gototop></mip-gototop>
    </mip-fixed>
{script}    <script src="{MIP}/mip.js"></script>
    <script src="{MIP}/mip-stats-baidu/mip-stats-baidu.js"></script>
    <script src="{MIP}/mip-gototop/mip-gototop.js" type="text/javascript" charset="utf-8"></script>
    <script src="{MIP}/mip-fixed/mip-fixed.js" type="text/javascript" charset="utf-8"></script>
</body>
</html>
"""


def crumb(base: str, site: str, items: list[tuple[str, str]], detail: tuple[str, str] | None = None) -> str:
    lis = f'\n        <li>\n            <a href="{base}" data-type=\'mip\' data-title="{site}">{site}</a>'
    lis += "\n        </li>"
    for name, url in items:
        lis += f'\n        <li><a href="{url}" data-type=\'mip\' data-title="{name}">{name}</a></li>'
    if detail:
        lis += (
            f'\n        <li class="hidden-xs"><a data-type=\'mip\' href="{detail[1]}" data-title="{escape(detail[0])}">'
            f"{escape(detail[0])}</a></li>"
        )
    return f'<div class="container">\n    <ul class="breadcrumb">{lis}\n    </ul>\n</div>\n'
