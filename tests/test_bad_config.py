"""Numbers, names and URLs a portals file or a command line may hold: each is checked before anything
is fetched or recorded, and a mistake is one line, `file:line: key: why`, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from portalcrawl.archive.urls import normalize_url, site_of
from portalcrawl.cli import main
from portalcrawl.crawl.start_urls import start_url_problem
from portalcrawl.harvest.config import ConfigError, load_config

GOOD = '[portals.demo]\nstart_urls = ["http://www.example.cn/"]\n'


def _config(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "portals.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


@pytest.mark.parametrize(("text", "message"), [
    (GOOD + "delay = inf\n", ":3: portals.demo.delay: inf is out of range"),
    (GOOD + "delay = nan\n", "portals.demo.delay: nan is out of range"),
    (GOOD + "delay = -1\n", "portals.demo.delay: -1 is out of range"),
    (GOOD + "concurrency = 9223372036854775807\n", "portals.demo.concurrency: 9223372036854775807 is out of range"),
    (GOOD + "max_pages = 0\n", "portals.demo.max_pages: 0 is out of range"),
    ("[harvest]\nmax_error_rate = nan\n" + GOOD, ":2: harvest.max_error_rate: nan is out of range"),
    ("[harvest]\nmax_error_rate = -1\n" + GOOD, "harvest.max_error_rate: -1 is out of range"),
    ("[harvest]\nkeep_logs = -3\n" + GOOD, "harvest.keep_logs: -3 is out of range"),
    ('[portals."../../x"]\nstart_urls = ["http://a.cn/"]\n', "a portal name is letters, digits"),
    ('[portals.demo]\nstart_urls = ["http://[::1/"]\n', "not a valid URL"),
    ('[portals.demo]\nstart_urls = ["http://a.cn:99999/"]\n', "not a valid URL"),
    ('[portals.demo]\nstart_urls = ["http://me:secret@a.cn/"]\n', "a user name or password in the URL"),
    ('[portals.demo]\nstart_urls = ["ftp://a.cn/"]\n', "not an http(s) URL"),
])
def test_the_portals_file_is_checked(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=None) as caught:
        load_config(_config(tmp_path, text))
    assert message in str(caught.value) and str(tmp_path / "portals.toml") in str(caught.value)


def test_a_portals_file_that_is_not_utf8_is_said_so(tmp_path: Path) -> None:
    path = _config(tmp_path, "# 门户\n".encode("gbk") + GOOD.encode())
    with pytest.raises(ConfigError, match="not UTF-8 text"):
        load_config(path)
    result = CliRunner().invoke(main, ["harvest", "--config", str(path), "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 2 and "not UTF-8 text" in result.output and not (tmp_path / "a.db").exists()


@pytest.mark.parametrize(("url", "message"), [
    ("http://[::1/", "not a valid URL"), ("http://a.cn:99999/", "not a valid URL"),
    ("http://me:secret@a.cn/", "a user name or password"), ("ftp://a.cn/", "not an http(s) URL"),
    ("http:///path", "no host"),
])
def test_bad_start_urls_stop_a_crawl_before_it_starts(tmp_path: Path, url: str, message: str) -> None:
    assert message in (start_url_problem(url) or "")
    result = CliRunner().invoke(main, ["crawl", url, "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output
    assert not (tmp_path / "a.db").exists()  # no archive, no "running" row


def test_credentials_never_reach_the_archive() -> None:
    assert normalize_url("http://me:secret@a.cn/a/1.html") == "http://a.cn/a/1.html"
    assert site_of("http://me:secret@A.cn:8080/x") == "http://a.cn:8080"
    assert site_of("http://[::1/") == "" and normalize_url("http://[::1/x#y") == "http://[::1/x"
