"""The read path never writes: the research commands work on an archive nobody may write, leave
every byte of it as it was, and say plainly when a file is no archive."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from portalcrawl.archive import Archive, ArchiveError
from portalcrawl.archive.records import ArticleRecord
from portalcrawl.archive.schema import SCHEMA_VERSION
from portalcrawl.cli import main

NOBODY = 65534
STORY = "南京城墙修缮工程今天开工。\n" + "".join(f"第{n}段：修缮方案经过{n + 2}位专家论证。" for n in range(12))
BODIES = {
    "http://a.example/1.html": ("城墙修缮", STORY),
    "http://b.example/9.html": ("城墙修缮开工", STORY),
    "http://a.example/2.html": ("咖啡", "县城里开了第一家咖啡馆。"),
}


def _record(url: str, title: str, body: str) -> ArticleRecord:
    return ArticleRecord(url=url, site=url.rsplit("/", 1)[0], title=title, published="2024-05-01",
                         published_source="test", contributor="测试", source=None, editor=None, category=None,
                         body=body, fetched_at="2024-05-02T00:00:00+00:00",
                         content_hash=hashlib.sha256(body.encode()).hexdigest())


@pytest.fixture
def locked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """An archive in a folder nobody may write (mode 0555, the file 0444), like a read-only mount."""
    folder = Path(tmp_path_factory.mktemp("ro", numbered=True))
    folder.chmod(0o755)
    for parent in folder.parents:  # pytest's base folder is private to its user
        if parent == Path("/tmp") or not parent.is_relative_to("/tmp"):
            break
        parent.chmod(parent.stat().st_mode | 0o005)
    db = folder / "archive.db"
    with Archive(db, write=True) as archive:
        archive.writer().write([_record(url, *text) for url, text in BODIES.items()])
    db.chmod(0o444)
    folder.chmod(0o555)
    yield db
    folder.chmod(0o755)


@contextlib.contextmanager
def as_nobody() -> Iterator[None]:
    """Root may write any file: drop to an unprivileged user for the block, so the permissions count."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


COMMANDS = [["search", "城墙"], ["search", "城"], ["export", "--format", "csv"], ["export"], ["dupes"],
            ["status"], ["templates"], ["graph", "--format", "csv"]]


def test_research_commands_work_on_an_archive_nobody_may_write(locked: Path, tmp_path: Path) -> None:
    before = _digest(locked.parent)
    runner = CliRunner()
    warm = tmp_path / "warm.db"  # the commands run once elsewhere first: the unprivileged user may not
    warm.write_bytes(locked.read_bytes())  # read the interpreter's own files to import what they need
    for command in COMMANDS:
        runner.invoke(main, [*command, "--db", str(warm)])
    with as_nobody():
        with pytest.raises(OSError):
            (locked.parent / "probe").write_text("x")  # the permissions really hold
        as_reader = [runner.invoke(main, [*command, "--db", str(locked)]) for command in COMMANDS]
    assert _digest(locked.parent) == before  # not a byte written, nothing created beside it
    # The owner may write the folder: SQLite's WAL readers then share a -shm file, but the archive's
    # bytes stay as they were, and the answers are the same.
    as_owner = [runner.invoke(main, [*command, "--db", str(locked)]) for command in COMMANDS]
    assert _digest(locked.parent)["archive.db"] == before["archive.db"]
    for command, owner, reader in zip(COMMANDS, as_owner, as_reader, strict=True):
        assert reader.exit_code == 0, (command, reader.output)
        assert reader.output == owner.output, command
    assert "城墙修缮" in as_reader[0].output and "http://b.example/9.html" in as_reader[4].output


def test_the_python_api_reads_without_writing(locked: Path) -> None:
    with as_nobody(), Archive(locked) as archive:
        assert {hit.url for hit in archive.search("修缮")} == archive.scan("修缮") == {
            "http://a.example/1.html", "http://b.example/9.html"}
        assert [c.urls for c in archive.clusters()] == [["http://a.example/1.html", "http://b.example/9.html"]]
        assert {a["url"] for a in archive.articles(site="a.example")} == {"http://a.example/1.html",
                                                                           "http://a.example/2.html"}
        with pytest.raises(ArchiveError, match="opened for reading"):
            archive.writer()
        with pytest.raises(sqlite3.OperationalError):
            archive.db.execute("DELETE FROM articles")


def test_hand_edits_are_found_before_any_writer_indexes_them(tmp_path: Path) -> None:
    """An article added with sqlite3 waits in the character index's queue; a reader still finds it."""
    db = tmp_path / "archive.db"
    with Archive(db, write=True) as archive:
        archive.writer().write([_record(url, *text) for url, text in BODIES.items()])
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO articles (url, site, title, body, fetched_at, content_hash) "
                 "VALUES ('http://c.example/1.html', 'http://c.example', '手工', '鼓楼', '2024', 'x')")
    conn.execute("UPDATE articles SET body = '县城里开了第一家茶馆。' WHERE url = 'http://a.example/2.html'")
    conn.commit()
    conn.close()
    with Archive(db) as archive:
        assert archive.db.execute("SELECT count(*) FROM articles_chars_queue").fetchone()[0] > 0
        for term in ("鼓", "鼓楼", "茶", "咖啡", "城"):
            assert {hit.url for hit in archive.search(term, limit=0)} == archive.scan(term), term


def _cut_archive(tmp_path: Path) -> bytes:
    """A real archive cut at a third of its length, as a failed copy leaves it."""
    source = tmp_path / "whole.db"
    with Archive(source, write=True) as archive:
        archive.writer().write([_record(url, *text) for url, text in BODIES.items()])
    data = source.read_bytes()
    source.unlink()
    return data[: len(data) // 3]


@pytest.mark.parametrize(("content", "message"), [
    (b"", "an empty file, not a portalcrawl archive"),
    (b"these are not the bytes of a database" * 100, "not a portalcrawl archive, or a damaged one"),
    ("cut", "damaged"),
])
def test_a_file_that_is_no_archive_is_said_so_and_left_alone(tmp_path: Path, content: bytes | str,
                                                             message: str) -> None:
    content = _cut_archive(tmp_path) if content == "cut" else content
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    for command in (["search", "城"], ["export"], ["status"], ["report", "-o", str(tmp_path / "r.html")]):
        result = CliRunner().invoke(main, [*command, "--db", str(path)])
        assert result.exit_code == 1 and message in result.output, (command, result.output)
        assert "Traceback" not in result.output
    assert path.read_bytes() == content  # SQLite's WAL readers may leave a -shm beside a real one, no more
    assert {p.name for p in tmp_path.iterdir()} <= {"notes.db", "notes.db-shm", "notes.db-wal"}


def test_a_missing_archive_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.db"
    result = CliRunner().invoke(main, ["search", "城", "--db", str(path)])
    assert result.exit_code == 1 and "no such archive" in result.output and not path.exists()


def test_an_older_archive_is_read_after_an_explicit_upgrade(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with Archive(db, write=True) as archive:
        archive.writer().write([_record(url, *text) for url, text in BODIES.items()])
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION - 1}")
    conn.close()
    refused = CliRunner().invoke(main, ["search", "城", "--db", str(db)])
    assert refused.exit_code == 1 and "portalcrawl upgrade" in refused.output
    assert CliRunner().invoke(main, ["upgrade", "--db", str(db)]).exit_code == 0
    assert "城墙修缮" in CliRunner().invoke(main, ["search", "城", "--db", str(db)]).output


def test_the_archive_option_is_read_from_the_environment(locked: Path) -> None:
    result = CliRunner(env={"PORTALCRAWL_DB": str(locked)}).invoke(main, ["search", "咖啡"])
    assert result.exit_code == 0 and "http://a.example/2.html" in result.output


def test_locked_folder_is_really_locked(locked: Path) -> None:
    assert not locked.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
