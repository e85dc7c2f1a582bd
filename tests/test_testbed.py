"""A real crawl of the testbed (sites after CMS templates the extractor was not tuned on) against
its truth, with the learned templates, the `templates` command, and `reextract` on an archive
crawled without them.

The floors are the bar the template-aware crawl was built to (the figures it reaches are in the
README, from benchmarks/testbed_bench.py): raised by hand as it improves, never lowered silently.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from portalcrawl.testbed.score import score_archive
from portalcrawl.testbed.server import TestbedServer, serve_testbed
from portalcrawl.testbed.sites import all_sites
from portalcrawl.testbed.truth import load_truth, truth_as_json

from .conftest import FAST, invoke, query, run_cli

FLOORS = {"precision": 0.99, "recall": 0.99, "body_f1": 0.98, "title": 0.97, "date": 0.97, "contributor": 0.95,
          "friend_recall": 0.95, "copy_precision": 0.95}


@pytest.fixture(scope="module")
def testbed():
    with serve_testbed() as server:
        yield server


@pytest.fixture(scope="module")
def crawled(testbed: TestbedServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("testbed") / "archive.db"
    proc = run_cli("crawl", *testbed.start_urls, "--db", str(db), *FAST)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return db


def test_the_truth_file_is_what_the_sites_say() -> None:
    assert load_truth() == json.loads(json.dumps(truth_as_json(), ensure_ascii=False))


def test_every_site_has_the_hard_cases() -> None:
    for site in all_sites():
        shapes = [a.shape for a in site.articles]
        assert shapes.count("table") >= 2 and shapes.count("lines") >= 2 and shapes.count("gallery") >= 2, site.key
        kinds = {p.kind for p in site.pages}
        assert {"home", "list", "tag", "search", "special"} <= kinds, site.key
        assert any(p.kind == "home" and p.aliases for p in site.pages), site.key
    assert sum(s.encoding.lower() in ("gbk", "gb2312", "gb18030") for s in all_sites()) >= 2


@pytest.mark.slow  # crawls the testbed
def test_the_template_aware_crawl_meets_its_floors(crawled: Path, testbed: TestbedServer) -> None:
    truth = {key: served.site.truth() for key, served in testbed.served.items()}
    figures = score_archive(str(crawled), testbed.bases, truth)["all"].figures()
    for name, floor in FLOORS.items():
        assert figures[name] >= floor, (name, figures)


@pytest.mark.slow  # crawls the testbed
def test_the_templates_do_better_than_each_page_alone(crawled: Path, testbed: TestbedServer, tmp_path: Path) -> None:
    generic_db = tmp_path / "generic.db"
    proc = run_cli("crawl", *testbed.start_urls, "--db", str(generic_db), *FAST, "-s", "PORTALCRAWL_TEMPLATES=False")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    truth = {key: served.site.truth() for key, served in testbed.served.items()}
    generic = score_archive(str(generic_db), testbed.bases, truth)["all"].figures()
    learned = score_archive(str(crawled), testbed.bases, truth)["all"].figures()
    assert all(learned[name] >= generic[name] for name in FLOORS), (learned, generic)
    assert sum(learned.values()) > sum(generic.values())


@pytest.mark.slow  # crawls the testbed
def test_templates_are_stored_and_shown(crawled: Path, testbed: TestbedServer) -> None:
    result = invoke("templates", "--db", str(crawled), "--json")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    sites = {row["site"] for row in rows if row["kind"] == "article" and row["content_slot"]}
    # the article template of (almost) every site, with its content slot
    assert len(sites) >= len(testbed.bases) - 1 and sites <= set(testbed.bases.values())
    assert all(row["example_url"].startswith(row["site"]) for row in rows)
    stats = json.loads(query(crawled, "SELECT stats FROM crawls")[0]["stats"])
    assert stats["portalcrawl/templates/learned"] == sum(row["learned"] for row in rows)
    assert stats["portalcrawl/templates/reextracted"] > 0  # the pages seen before their template was learned
    one = invoke("templates", "--db", str(crawled), "--site", testbed.bases["siteserver"].split("//")[1])
    assert one.exit_code == 0 and testbed.bases["siteserver"] in one.stdout
    assert testbed.bases["metinfo"] not in one.stdout
    unknown = invoke("templates", "--db", str(crawled), "--site", "nosuch.example")
    assert unknown.exit_code == 1 and "no stored pages" in unknown.stderr and unknown.stdout == ""


@pytest.mark.slow  # crawls the testbed
def test_reextract_applies_learned_templates_to_an_archive_crawled_without_them(
        testbed: TestbedServer, tmp_path: Path) -> None:
    sites = ["siteserver", "jeecms", "mipcms"]
    db = tmp_path / "generic.db"
    urls = [testbed.bases[k] + "/" for k in sites]
    proc = run_cli("crawl", *urls, "--db", str(db), *FAST, "-s", "PORTALCRAWL_TEMPLATES=False")
    assert proc.returncode == 0, proc.stderr
    assert query(db, "SELECT count(*) AS n FROM templates")[0]["n"] == 0
    truth = {k: testbed.served[k].site.truth() for k in sites}
    bases = {k: testbed.bases[k] for k in sites}
    before = score_archive(str(db), bases, truth)["all"].figures()
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)

    result = invoke("reextract", "--db", str(db), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    after = score_archive(str(db), bases, truth)["all"].figures()
    assert report["pages"] > 0 and report["templates"] > 0
    assert after["precision"] > before["precision"] and after["recall"] >= before["recall"]
    assert after["body_f1"] >= before["body_f1"]
    removed = query(db, "SELECT url, reason FROM removed_articles")
    assert len(removed) == report["articles_removed"] > 0
    assert all(r["reason"].startswith("re-extracted as ") for r in removed)
    # Nothing is lost: every stored page is either an article record, or says what it is.
    assert query(db, "SELECT count(*) AS n FROM articles a JOIN removed_articles r USING (url)")[0]["n"] == 0

    again = invoke("reextract", "--db", str(db), "--json")
    assert again.exit_code == 0 and json.loads(again.stdout)["pages"] == 0  # restartable: done pages are not redone

    stamps = {r["url"]: r["extracted_with"] for r in query(copy, "SELECT url, extracted_with FROM pages")}
    site = invoke("reextract", "--db", str(copy), "--site", testbed.bases["jeecms"], "--json")
    assert site.exit_code == 0, site.output
    done = {r["site"] for r in query(copy, "SELECT site, url, extracted_with FROM pages")
            if r["extracted_with"] != stamps[r["url"]]}
    assert done == {testbed.bases["jeecms"]}


def test_reextract_says_clearly_when_there_is_nothing_to_do(tmp_path: Path) -> None:
    missing = invoke("reextract", "--db", str(tmp_path / "none.db"))  # an exception would fail the test
    assert missing.exit_code == 1 and "no such archive" in missing.stderr
    assert not (tmp_path / "none.db").exists()  # not created to be re-extracted
