"""What the command line promises: it starts without Scrapy, every command explains itself (an
example, its exit codes, a help text on every option), --db comes from $PORTALCRAWL_DB everywhere,
`extract URL` reads a page as the crawl would and never prints a traceback, and monitoring gets JSON."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from email.utils import format_datetime
from zoneinfo import ZoneInfo

import click
import pytest
from click.testing import CliRunner

from portalcrawl.cli import COMMANDS, main

from .conftest import FAST, REPO, run_cli


def _command(name: str) -> click.Command:
    command = main.get_command(click.Context(main), name)
    assert command is not None
    return command


def test_help_loads_no_heavy_library() -> None:
    code = ("import sys\nfrom portalcrawl.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('scrapy', 'twisted', 'sqlite_utils', 'networkx', 'datasketch', 'lxml') "
            "if m in sys.modules]\nprint('HEAVY', heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True).stdout
    assert "HEAVY []" in out


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_explains_itself(name: str) -> None:
    command = _command(name)
    result = CliRunner().invoke(main, [name, "--help"], terminal_width=100)
    assert result.exit_code == 0
    assert "Example" in result.output and "Exit codes:" in result.output and "  0   done" in result.output
    assert command.short_help and len(command.short_help) <= 55 and not command.short_help.endswith("...")
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{name} {param.opts}: no help text"
        if param.name == "db":
            assert param.envvar == "PORTALCRAWL_DB" and isinstance(param.type, click.Path), name


def test_the_group_help_shows_every_short_help_whole() -> None:
    output = CliRunner().invoke(main, ["--help"], terminal_width=80).output
    for name in COMMANDS:
        assert f"  {name:<10} {_command(name).short_help}\n" in output


class _Page(http.server.BaseHTTPRequestHandler):
    """A page dated "3小时前", served with a Date header of noon UTC on 1 March 2024."""

    DATE = dt.datetime(2024, 3, 1, 12, 0, tzinfo=dt.UTC)

    def do_GET(self) -> None:
        body = ("<html><head><meta charset='utf-8'><title>新闻_示例网</title></head><body><h1>县城开了咖啡馆</h1>"
                "<div class='info'>3小时前 来源：示例网</div>"
                + "".join(f"<p>第{n}段：县城里开了第一家咖啡馆，年轻人周末都去那里坐坐。</p>" for n in range(6))
                + "</body></html>").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def date_time_string(self, timestamp: float | None = None) -> str:
        return format_datetime(self.DATE, usegmt=True)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def page_url() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/a/1.html"
    server.shutdown()


def test_extract_url_counts_relative_dates_from_the_servers_clock_in_portal_time(page_url: str) -> None:
    result = CliRunner().invoke(main, ["extract", page_url, "--json"])
    assert result.exit_code == 0, result.output
    expected = (_Page.DATE - dt.timedelta(hours=3)).astimezone(ZoneInfo("Asia/Shanghai")).replace(tzinfo=None)
    assert json.loads(result.output)["published"].startswith(expected.isoformat()[:13])


def test_extract_url_failures_are_sentences(page_url: str) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]  # nothing listens once the probe closes
    for target, message in ((f"http://127.0.0.1:{closed}/", "could not fetch it"),
                            (page_url.replace("/a/1.html", "/a/1.html\x00"), "could not fetch it")):
        result = CliRunner().invoke(main, ["extract", target])
        assert result.exit_code == 1 and message in result.output, result.output
        assert "Traceback" not in result.output
    bad_zone = CliRunner().invoke(main, ["extract", page_url, "--timezone", "Mars/Olympus"])
    assert bad_zone.exit_code == 2 and "unknown time zone" in bad_zone.output


@pytest.mark.slow
def test_crawl_and_status_speak_json(demo_server, tmp_path) -> None:
    db = tmp_path / "archive.db"
    crawl = run_cli("crawl", *demo_server.start_urls, "--db", str(db), "--json", *FAST)
    assert crawl.returncode == 0, crawl.stderr
    summary = json.loads(crawl.stdout)
    assert summary["status"] == "finished" and summary["articles"]["new"] > 10 and summary["errors"] == {}
    status = CliRunner(env={"PORTALCRAWL_DB": str(db)}).invoke(main, ["status", "--json"])
    run = json.loads(status.output.splitlines()[0])
    assert run["status"] == "finished" and run["stats"]["portalcrawl/stored/articles_new"] == summary["articles"]["new"]


@pytest.mark.slow
def test_harvest_speaks_json(demo_server, tmp_path) -> None:
    from .test_harvest import write_config

    config = write_config(tmp_path, demo_server, max_pages="20")
    db = tmp_path / "archive.db"
    proc = run_cli("harvest", "--config", str(config), "--db", str(db), "--json")
    report = json.loads(proc.stdout)
    assert proc.returncode == report["exit_code"] == 0, proc.stderr
    assert report["status"] == "ok" and set(report["portals"]) == set(demo_server.bases)
    assert all(p["ok"] and 0 < p["counts"]["pages_fetched"] <= 40 for p in report["portals"].values())


def _on_a_terminal(*args: str) -> str:
    """Run `portalcrawl ARGS` with a pseudo-terminal as its standard error; return what it drew there."""
    import os
    import pty

    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "portalcrawl.cli", *args], stdout=subprocess.DEVNULL,
                            stderr=follower, cwd=REPO)
    os.close(follower)
    drawn = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        drawn += chunk
    proc.wait(timeout=60)
    os.close(leader)
    return drawn.decode("utf-8", "replace")


@pytest.mark.slow
def test_long_commands_draw_a_bar_on_a_terminal_and_log_lines_elsewhere(tmp_path) -> None:
    from portalcrawl.archive import Archive

    from .test_read_only import BODIES, _record

    db = tmp_path / "archive.db"
    with Archive(db, write=True) as archive:
        archive.writer().write([_record(url, *text) for url, text in BODIES.items()])
    drawn = _on_a_terminal("export", "--db", str(db), "-o", str(tmp_path / "out.jsonl"))
    assert "exporting" in drawn and "3/3" in drawn and "100%" in drawn
    piped = run_cli("export", "--db", str(db), "-o", str(tmp_path / "out.jsonl"))
    assert "exporting  [" not in piped.stderr and "3 articles written" in piped.stderr


@pytest.mark.slow
def test_a_bounded_crawl_draws_a_bar_on_a_terminal(demo_server, tmp_path) -> None:
    drawn = _on_a_terminal("crawl", *demo_server.start_urls, "--db", str(tmp_path / "a.db"), "--max-pages", "8",
                           *FAST)
    assert "crawling" in drawn and "8/8" in drawn and "100%" in drawn
