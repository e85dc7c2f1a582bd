"""A self-contained HTML report of an archive: one file, no script, no external resource, so it can
be mailed, archived and opened offline years later."""

from __future__ import annotations

import datetime as dt
from html import escape

import networkx as nx

from ..archive import Archive
from . import charts
from .graph import site_graph

MAX_CLUSTERS = 50

_STYLE = """
body { font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em auto; max-width: 960px;
       color: #222; }
h1 { margin-bottom: 0; } .meta { color: #666; margin-top: .3em; }
section { margin: 2.5em 0; } table { border-collapse: collapse; font-size: 13px; width: 100%; }
th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid #eee; vertical-align: top; }
td.n { text-align: right; } a { color: #1f4fbf; text-decoration: none; } .empty { color: #888; }
"""


def _network_svg(archive: Archive) -> str:
    graph = site_graph(archive)
    if not graph.number_of_nodes():
        return '<p class="empty">No sites yet.</p>'
    layout = nx.spring_layout(graph.to_undirected(), seed=7)  # seeded: the same archive draws the same picture
    positions = {site: (float(x), float(y)) for site, (x, y) in layout.items()}
    edges = [(s, t, d["weight"], d["friend_links"] > 0) for s, t, d in graph.edges(data=True)]
    nodes = {site: dict(data) for site, data in graph.nodes(data=True)}
    return charts.network("network", nodes, edges, positions)


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def build_report(archive: Archive, title: str = "portalcrawl archive report") -> str:
    figures = archive.overview()
    articles, sites, first, last = figures.articles, figures.sites, figures.first_published, figures.last_published
    months, series, contributors = figures.months, figures.per_month, figures.contributors
    found = archive.clusters()
    titles = archive.clustered_titles()
    network_svg = _network_svg(archive)

    month_chart = (charts.stacked_bars("per-month", months, series) if months
                   else '<p class="empty">No dated articles yet.</p>')
    contributor_chart = (charts.horizontal_bars("contributors", [(c, n) for c, n, _ in contributors])
                         if contributors else '<p class="empty">No contributors recorded.</p>')
    cluster_rows = [[f'<td class="n">{c.cluster}</td>', f'<td class="n">{len(c.urls)}</td>',
                     f"<td>{escape(c.earliest_published or '?')}</td>",
                     "<td>" + "<br>".join(f'<a href="{escape(u)}">{escape(titles.get(u) or u)}</a>'
                                          + (" <b>(earliest)</b>" if u == c.earliest_url else "")
                                          for u in c.urls) + "</td>"]
                    for c in found[:MAX_CLUSTERS]]
    contributor_rows = [[f"<td>{escape(c)}</td>", f'<td class="n">{n}</td>', f'<td class="n">{s}</td>']
                        for c, n, s in contributors]
    generated = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_STYLE}</style></head>
<body>
<h1>{escape(title)}</h1>
<p class="meta">{articles} articles from {sites} sites, published {escape(first or '?')} to {escape(last or '?')};
generated {generated}.</p>
<section id="per-month"><h2>Articles per site per month</h2>{month_chart}</section>
<section id="contributors"><h2>Top contributors</h2>{contributor_chart}
{_table(["contributor", "articles", "sites"], contributor_rows) if contributor_rows else ""}</section>
<section id="clusters"><h2>Copies: clusters of near-duplicate articles</h2>
<p class="meta">{len(found)} clusters{f", the {MAX_CLUSTERS} largest shown" if len(found) > MAX_CLUSTERS else ""}.</p>
{_table(["cluster", "articles", "earliest", "articles (earliest known publication marked)"], cluster_rows)
 if cluster_rows else '<p class="empty">No copies found.</p>'}</section>
<section id="network"><h2>The portal network</h2>
<p class="meta">Filled circles: crawled portals (area by articles); hollow: portals they link to.
Red arrows carry friend links (友情链接); grey ones other links.</p>{network_svg}</section>
</body></html>
"""
