"""The link graph and the exports, from a real crawl of the demo portal."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq
import pytest

from portalcrawl.research.export import NAMES

from .conftest import CrawledArchive, invoke, query


@pytest.mark.slow
def test_site_links_view_counts_links_between_sites(demo_archive: CrawledArchive) -> None:
    rows = query(demo_archive.db, "SELECT * FROM site_links")
    kuaizhi, jurd = demo_archive.server.bases["kuaizhi"], demo_archive.server.bases["jurd"]
    pairs = {(r["from_site"], r["to_site"]): r for r in rows}
    assert (kuaizhi, jurd) in pairs and (jurd, kuaizhi) in pairs  # the sister sites' friend links
    assert all(r["from_site"] != r["to_site"] for r in rows)
    for (source, target), row in pairs.items():
        direct = query(demo_archive.db, "SELECT count(*) AS n, sum(kind = 'friend') AS f FROM links "
                       "WHERE from_url LIKE ? AND (to_url = ? OR to_url LIKE ?)",
                       (source + "/%", target, target + "/%"))[0]
        assert (row["links"], row["friend_links"]) == (direct["n"], direct["f"])


@pytest.mark.slow
def test_graph_exports_read_back_in_networkx_and_csv(demo_archive: CrawledArchive, tmp_path: Path) -> None:
    graphml = tmp_path / "net.graphml"
    result = invoke("graph", "--db", str(demo_archive.db), "--format", "graphml", "--output", str(graphml))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # the file has the graph; the count goes to stderr
    graph = nx.read_graphml(graphml)
    edges = query(demo_archive.db, "SELECT from_site, to_site, links, friend_links FROM site_links")
    assert graph.number_of_edges() == len(edges) > 0
    for row in edges:
        data = graph.edges[row["from_site"], row["to_site"]]
        assert (data["weight"], data["friend_links"]) == (row["links"], row["friend_links"])
    kuaizhi = demo_archive.server.bases["kuaizhi"]
    assert graph.nodes[kuaizhi]["label"] == "快知网" and graph.nodes[kuaizhi]["articles"] == 24
    # A portal we only know from friend links is named by their text.
    outside = [n for n, d in graph.nodes(data=True) if not d["crawled"]]
    assert outside and all(graph.nodes[n]["label"] != n for n in outside)

    result = invoke("graph", "--db", str(demo_archive.db), "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == len(edges) and {"source", "target", "weight", "friend_links"} <= rows[0].keys()
    assert {(r["source"], r["target"]) for r in rows} == {(e["from_site"], e["to_site"]) for e in edges}


@pytest.fixture(scope="module")
def expected(demo_archive: CrawledArchive) -> list[sqlite3.Row]:
    return query(demo_archive.db, "SELECT * FROM articles ORDER BY url")


@pytest.mark.slow
def test_jsonl_export_has_every_article_and_the_documented_columns(demo_archive: CrawledArchive,
                                                                   expected: list[sqlite3.Row]) -> None:
    result = invoke("export", "--db", str(demo_archive.db), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [list(r) for r in rows[:1]] == [NAMES]
    by_url = {r["url"]: r for r in rows}
    assert sorted(by_url) == [e["url"] for e in expected]
    for row in expected:
        assert by_url[row["url"]]["body"] == row["body"] and by_url[row["url"]]["title"] == row["title"]
    clustered = {r["url"] for r in query(demo_archive.db, "SELECT url FROM dupe_clusters")}
    assert {u for u, r in by_url.items() if r["copy_cluster"] is not None} == clustered
    assert "44 articles written" in result.stderr


@pytest.mark.slow
def test_csv_export_opens_in_excel(demo_archive: CrawledArchive, tmp_path: Path,
                                   expected: list[sqlite3.Row]) -> None:
    out = tmp_path / "articles.csv"
    result = invoke("export", "--db", str(demo_archive.db), "--format", "csv", "--output", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and f"{len(expected)} articles written" in result.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that tells Excel the file is UTF-8
    assert b"\r\n" in raw  # RFC 4180 line ends
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == NAMES and len(rows) == len(expected)
    bodies = {r["url"]: r["body"] for r in rows}
    assert all(bodies[e["url"]] == e["body"] for e in expected)  # multi-line bodies survive quoting
    assert not list(tmp_path.glob(".*part"))  # written beside, then renamed


@pytest.mark.slow
def test_parquet_export_and_filters(demo_archive: CrawledArchive, tmp_path: Path,
                                    expected: list[sqlite3.Row]) -> None:
    out = tmp_path / "articles.parquet"
    jurd = demo_archive.server.bases["jurd"]
    result = invoke("export", "--db", str(demo_archive.db), "--format", "parquet", "--output", str(out),
                    "--site", jurd.split("://")[1], "--since", "2023-03-01", "--until", "2023-06-30")
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.column_names == NAMES
    wanted = sorted(e["url"] for e in expected if e["site"] == jurd and "2023-03-01" <= e["published"][:10]
                    <= "2023-06-30")
    assert sorted(table.column("url").to_pylist()) == wanted and wanted
    assert str(table.schema.field("page_count").type) == "int64"


def test_export_refuses_bad_options_without_writing(tmp_path: Path) -> None:
    from portalcrawl.archive import Archive

    db = tmp_path / "archive.db"
    Archive(db, write=True).close()  # an archive, so that only the option can be wrong
    out = tmp_path / "x.jsonl"
    result = invoke("export", "--db", str(db), "--since", "last week", "--output", str(out))
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr and not out.exists()
    result = invoke("export", "--db", str(tmp_path / "missing.db"), "--output", str(out))
    assert result.exit_code == 1 and "no such archive" in result.stderr and not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive.db"]  # no missing.db, no x.jsonl, no .part
