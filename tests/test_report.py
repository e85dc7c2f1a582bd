"""`portalcrawl report`: one self-contained HTML file, rendered in real headless Chromium."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import sync_playwright

from .conftest import CrawledArchive, invoke, query

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Flags for a machine with no network and no display (no sandbox: tests may run as root).
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def report(demo_archive: CrawledArchive, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    result = invoke("report", "--db", str(demo_archive.db), "--output", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and f"wrote {out}" in result.stderr
    return out


@pytest.mark.slow
def test_report_is_self_contained(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    for outside in ("<script", "src=\"http", "href=\"http://cdn", "@import", "url(http"):
        assert outside not in html


@pytest.mark.slow
@pytest.mark.browser
def test_report_draws_every_chart_in_chromium(report: Path, demo_archive: CrawledArchive) -> None:
    assert Path(CHROMIUM).exists(), "Chromium is missing: `make test` installs Debian's chromium package"
    requests, errors = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1000, "height": 800})
        page.on("request", lambda r: requests.append(r.url))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(report.as_uri())
        charts = page.eval_on_selector_all("svg.chart", """els => els.map(e => {
            const box = e.getBoundingClientRect();
            const marks = [...e.querySelectorAll('.bar, .node, .edge')].map(m => m.getBBox());
            return {name: e.dataset.chart, width: box.width, height: box.height,
                    bars: e.querySelectorAll('.bar').length, nodes: e.querySelectorAll('.node').length,
                    edges: e.querySelectorAll('.edge').length,
                    drawn: marks.filter(b => b.width > 0 && b.height > 0).length, marks: marks.length};
        })""")
        shots = {c["name"]: page.locator(f'svg[data-chart="{c["name"]}"]').screenshot() for c in charts}
        browser.close()
    assert requests == [report.as_uri()] and errors == []
    by_name = {c["name"]: c for c in charts}
    assert set(by_name) == {"per-month", "contributors", "network"}
    for chart in charts:
        assert chart["width"] > 300 and chart["height"] > 100
        assert chart["drawn"] == chart["marks"] > 0, chart  # every mark has a real size on screen
    site_months = query(demo_archive.db, "SELECT count(DISTINCT site || substr(published, 1, 7)) AS n "
                                         "FROM articles WHERE published IS NOT NULL")[0]["n"]
    assert by_name["per-month"]["bars"] == site_months
    contributors = query(demo_archive.db, "SELECT count(DISTINCT contributor) AS n FROM articles")[0]["n"]
    assert by_name["contributors"]["bars"] == min(15, contributors)
    links = query(demo_archive.db, "SELECT count(*) AS n FROM site_links")[0]["n"]
    sites = query(demo_archive.db, "SELECT count(*) AS n FROM (SELECT from_site FROM site_links "
                                   "UNION SELECT to_site FROM site_links)")[0]["n"]
    assert (by_name["network"]["edges"], by_name["network"]["nodes"]) == (links, sites)
    for name, png in shots.items():  # pixels, not just elements: the chart is really on screen
        image = Image.open(io.BytesIO(png)).convert("RGB")
        colours = image.getcolors(maxcolors=1 << 20) or []
        assert len(colours) > 10, name
        ink = sum(n for n, rgb in colours if rgb != (255, 255, 255)) / (image.width * image.height)
        assert ink > 0.01, (name, ink)


@pytest.mark.slow
def test_report_lists_clusters_and_contributors(report: Path, demo_archive: CrawledArchive) -> None:
    html = report.read_text(encoding="utf-8")
    assert "6 clusters" in html and html.count("(earliest)") == 6
    top = query(demo_archive.db, "SELECT contributor FROM articles GROUP BY contributor "
                                 "ORDER BY count(*) DESC, contributor LIMIT 1")[0]["contributor"]
    assert f"<td>{top}</td>" in html


def test_report_of_an_empty_archive_still_renders(tmp_path: Path) -> None:
    from portalcrawl.archive import Archive

    Archive(tmp_path / "empty.db", write=True).db.close()
    out = tmp_path / "empty.html"
    result = invoke("report", "--db", str(tmp_path / "empty.db"), "--output", str(out))
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "0 articles" in html and "No dated articles yet" in html and "No sites yet" in html
