"""The command line: every command documented and helpful; extract and eval on real files."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from portalcrawl.cli import COMMANDS as COMMAND_MODULES
from portalcrawl.cli import main
from portalcrawl.demo.model import build_portal
from portalcrawl.demo.templates import render_portal

from .conftest import REPO, invoke

COMMANDS = sorted(COMMAND_MODULES)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output
    assert re.search(rf"portalcrawl {command}\b", (REPO / "README.md").read_text(encoding="utf-8"))


def test_readme_schema_is_the_one_datasette_shows() -> None:
    from portalcrawl.research.export import NAMES
    from portalcrawl.research.schema_docs import schema_markdown

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert schema_markdown() in readme  # regenerate with: python -m portalcrawl.research.schema_docs
    assert ", ".join(f"`{name}`" for name in NAMES) in readme.replace("\n", " ")  # the export columns, in order


@pytest.fixture(scope="module")
def demo_pages(tmp_path_factory):
    """Demo pages saved as files, as a user would save pages to look at."""
    portal = build_portal()
    rendered = render_portal(portal, {"kuaizhi": "http://kuaizhi.example", "jurd": "http://jurd.example"})
    folder = tmp_path_factory.mktemp("pages")
    saved = {}
    for site, pages in rendered.items():
        encoding = portal.sites[site].encoding
        for path, html in pages.items():
            file = folder / f"{site}{path.replace('/', '_') or '_'}.html"
            file.write_bytes(html.encode(encoding, errors="xmlcharrefreplace"))
            saved[(site, path)] = file
    return portal, saved


def test_extract_a_saved_gbk_page(demo_pages) -> None:
    portal, saved = demo_pages
    article = portal.sites["kuaizhi"].articles[0]
    result = CliRunner().invoke(main, ["extract", str(saved[("kuaizhi", article.path)]),
                                       "--url", "http://kuaizhi.example" + article.path])
    assert result.exit_code == 0, result.output
    assert f"title:       {article.title}" in result.output
    assert f"published:   {article.date.isoformat()}" in result.output
    assert f"contributor: {article.contributor}" in result.output
    assert article.paragraphs[1][:20] in result.output
    assert "friend links: 4" in result.output


def test_extract_json(demo_pages) -> None:
    portal, saved = demo_pages
    article = portal.sites["jurd"].articles[1]
    result = CliRunner().invoke(main, ["extract", str(saved[("jurd", article.path)]), "--json"])
    data = json.loads(result.output)
    assert data["kind"] == "article" and data["title"] == article.title
    assert data["body"] == "\n".join(article.paragraphs)
    assert data["source"] == article.source and data["editor"] == article.editor
    assert {"nav", "teasers", "friend_links", "notes"} <= set(data)


def test_extract_a_list_page(demo_pages) -> None:
    _, saved = demo_pages
    result = CliRunner().invoke(main, ["extract", str(saved[("kuaizhi", "/jishu/")])])
    assert "kind:        list" in result.output


def test_bad_arguments_get_clear_errors(tmp_path) -> None:
    runner = CliRunner()
    missing = runner.invoke(main, ["extract", str(tmp_path / "nope.html")])
    assert missing.exit_code == 2 and "no such file" in missing.output
    bad_url = runner.invoke(main, ["crawl", "ftp://example.com/"])
    assert bad_url.exit_code == 2 and "not an http(s) URL" in bad_url.output
    bad_setting = runner.invoke(main, ["crawl", "http://127.0.0.1:9/", "-s", "DOWNLOAD_DELAY"])
    assert bad_setting.exit_code == 2 and "NAME=VALUE" in bad_setting.output
    bad_peer = runner.invoke(main, ["eval", str(tmp_path), "--compare", "nosuchpeer"])
    assert bad_peer.exit_code == 2 and "unknown peer" in bad_peer.output


def _write_corpus(folder, demo_pages) -> None:
    portal, saved = demo_pages
    lines = []
    for site in portal.sites.values():
        for article in [a for a in site.articles if a.pages == 1][:4]:  # one file, one whole article
            page = folder / f"{site.key}-{article.aid}"
            page.mkdir()
            (page / "page.html").write_bytes(saved[(site.key, article.path)].read_bytes())
            lines.append(json.dumps({"id": f"{site.key}-{article.aid}", "path": page.name, "url": None,
                                     "title": article.title, "date": article.date.isoformat(),
                                     "author": article.contributor, "body": "\n".join(article.paragraphs)},
                                    ensure_ascii=False))
    (folder / "manifest.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.slow  # eval runs each system in worker processes of its own
def test_eval_on_a_labelled_folder(tmp_path, demo_pages) -> None:
    _write_corpus(tmp_path, demo_pages)
    out = tmp_path / "result.json"
    result = invoke("eval", str(tmp_path), "--compare", "htmldate", "--worst", "2", "--json", str(out),
                    "--repeat", "1")
    assert result.exit_code == 0, result.output
    assert "| portalcrawl |" in result.stdout and "| htmldate" in result.stdout  # scored, or a failed row
    assert "worst 2 pages" in result.stdout
    ours = json.loads(out.read_text(encoding="utf-8"))[0]
    assert ours["system"] == "portalcrawl" and len(ours["pages"]) == 8
    assert ours["body_f1"] > 0.95 and ours["title"] == 1.0


def test_eval_reports_a_broken_manifest_with_its_line(tmp_path) -> None:
    (tmp_path / "manifest.jsonl").write_text('{"id": "a", "path": "a", "body": "x"}\nnot json\n', encoding="utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "page.html").write_text("<p>x</p>")
    result = CliRunner().invoke(main, ["eval", str(tmp_path)])
    assert result.exit_code == 1 and "manifest.jsonl:2: not JSON" in result.output
