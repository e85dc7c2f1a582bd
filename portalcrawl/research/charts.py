"""Charts as inline SVG strings: the report needs no script, no library and no network to draw.

Every mark carries a class (``bar``, ``node``, ``edge``) and a ``<title>`` (the browser's
tooltip), so a test can count what was drawn and a reader can hover for the numbers.
"""

from __future__ import annotations

import math
from html import escape

PALETTE = ["#4269d0", "#efb118", "#ff725c", "#6cc5b0", "#3ca951", "#ff8ab7", "#a463f2", "#97bbf5", "#9c6b4e",
           "#9498a0"]


def colour(n: int) -> str:
    return PALETTE[n % len(PALETTE)]


def stacked_bars(name: str, categories: list[str], series: dict[str, dict[str, int]],
                 width: int = 900, height: int = 320) -> str:
    """One bar per category (month), stacked by series (site); a legend below."""
    left, bottom, top = 40, 60, 10
    plot_w, plot_h = width - left - 10, height - bottom - top
    totals = [sum(values.get(c, 0) for values in series.values()) for c in categories]
    tick_step = max(1, math.ceil(max(totals, default=0) / 4))  # whole numbers: these are counts
    peak = tick_step * 4
    step = plot_w / max(1, len(categories))
    parts = [f'<svg class="chart" data-chart="{escape(name)}" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img">']
    for tick in range(5):
        y = top + plot_h - plot_h * tick / 4
        parts.append(f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
                     f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" font-size="10">{tick * tick_step}</text>')
    for i, category in enumerate(categories):
        x, base = left + i * step, top + plot_h
        for s, (label, values) in enumerate(series.items()):
            count = values.get(category, 0)
            if not count:
                continue
            h = plot_h * count / peak
            base -= h
            parts.append(f'<rect class="bar" x="{x + 1:.1f}" y="{base:.1f}" width="{max(1.0, step - 2):.1f}" '
                         f'height="{h:.1f}" fill="{colour(s)}"><title>{escape(label)} {escape(category)}: '
                         f'{count}</title></rect>')
        if len(categories) <= 24 or i % max(1, len(categories) // 24) == 0:
            parts.append(f'<text x="{x + step / 2:.1f}" y="{top + plot_h + 12}" font-size="9" text-anchor="end" '
                         f'transform="rotate(-45 {x + step / 2:.1f} {top + plot_h + 12})">{escape(category)}</text>')
    for s, label in enumerate(series):
        x = left + (s % 4) * 220
        y = height - 18 + (s // 4) * 14 - 14 * ((len(series) - 1) // 4)
        parts.append(f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{colour(s)}"/>'
                     f'<text x="{x + 14}" y="{y}" font-size="11">{escape(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def horizontal_bars(name: str, rows: list[tuple[str, int]], width: int = 600) -> str:
    """One labelled bar per row, longest first."""
    label_w, bar_h = 140, 18
    height = bar_h * len(rows) + 10
    peak = max((v for _, v in rows), default=0) or 1
    parts = [f'<svg class="chart" data-chart="{escape(name)}" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img">']
    for i, (label, value) in enumerate(rows):
        y = 5 + i * bar_h
        w = (width - label_w - 50) * value / peak
        parts.append(f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end" font-size="12">{escape(label)}</text>'
                     f'<rect class="bar" x="{label_w}" y="{y + 2}" width="{max(1.0, w):.1f}" height="{bar_h - 4}" '
                     f'fill="{colour(0)}"><title>{escape(label)}: {value}</title></rect>'
                     f'<text x="{label_w + w + 4:.1f}" y="{y + 13}" font-size="11">{value}</text>')
    parts.append("</svg>")
    return "".join(parts)


def network(name: str, nodes: dict[str, dict[str, object]], edges: list[tuple[str, str, int, bool]],
            positions: dict[str, tuple[float, float]], width: int = 900, height: int = 560) -> str:
    """Sites as circles (area by articles, filled when crawled), links as arrows (width by count;
    friend links in colour)."""
    margin = 70

    def at(site: str) -> tuple[float, float]:
        x, y = positions[site]  # networkx layouts are in [-1, 1]
        return margin + (x + 1) / 2 * (width - 2 * margin), margin + (y + 1) / 2 * (height - 2 * margin)

    peak = max((w for *_, w, _ in edges), default=1) or 1
    biggest = max((int(str(d["articles"])) for d in nodes.values()), default=1) or 1
    radius = {site: 6 + 18 * (int(str(d["articles"])) / biggest) ** 0.5 for site, d in nodes.items()}
    parts = [f'<svg class="chart" data-chart="{escape(name)}" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img">']
    for n, fill in enumerate(("#ff725c", "#999")):
        parts.append(f'<defs><marker id="arrow{n}" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" '
                     f'markerWidth="10" markerHeight="10" orient="auto"><path d="M 0 0 L 10 5 L 0 10 z" '
                     f'fill="{fill}"/></marker></defs>')
    for source, target, weight, friend in edges:
        (x1, y1), (x2, y2) = at(source), at(target)
        length = math.hypot(x2 - x1, y2 - y1) or 1
        x2, y2 = x2 - (x2 - x1) * (radius[target] + 3) / length, y2 - (y2 - y1) * (radius[target] + 3) / length
        stroke, arrow = ("#ff725c", "arrow0") if friend else ("#999", "arrow1")
        parts.append(f'<line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{stroke}" '
                     f'stroke-width="{1 + 4 * weight / peak:.1f}" marker-end="url(#{arrow})" opacity="0.8">'
                     f'<title>{escape(source)} → {escape(target)}: {weight} links</title></line>')
    for site, data in nodes.items():
        x, y = at(site)
        fill = colour(0) if data["crawled"] else "#fff"
        parts.append(f'<circle class="node" cx="{x:.1f}" cy="{y:.1f}" r="{radius[site]:.1f}" fill="{fill}" '
                     f'stroke="{colour(0)}" stroke-width="2"><title>{escape(str(data["label"]))} ({escape(site)}): '
                     f'{data["articles"]} articles</title></circle>'
                     f'<text x="{x:.1f}" y="{y + radius[site] + 13:.1f}" text-anchor="middle" font-size="12">'
                     f'{escape(str(data["label"]))}</text>')
    parts.append("</svg>")
    return "".join(parts)
