"""farley backup: a consistent, owner-only copy of the data file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

# Adds notes one transaction at a time until killed, as another terminal would.
WRITER = """
import sys
from datetime import datetime, timezone
from pathlib import Path
from farley.domain.notes import add_note
from farley.domain.resolve import resolve
from farley.store import open_store

store = open_store(Path(sys.argv[1]))
dana = resolve(store, "dana")
now = datetime(2026, 12, 3, tzinfo=timezone.utc)
for number in range(100_000):
    add_note(store, [dana], f"note {number}", now.date(), now)
    if number == 20:
        print("writing", flush=True)
"""


def rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_a_backup_is_written_beside_the_data_file_with_the_date_and_time(ok, data_file):
    ok("add", "Dana Whitfield")
    ok("note", "dana", "Budget approved")

    run = ok("backup")

    copy = data_file.with_name("farley-20261203-100000.db")
    assert run.out == f"Backed up 1 person and 1 note to {copy}\n"
    assert rows(copy, "SELECT name FROM people") == [("Dana Whitfield",)]
    assert rows(copy, "SELECT text FROM notes") == [("Budget approved",)]


def test_a_backup_is_readable_by_its_owner_only(ok, tmp_path):
    ok("add", "Dana Whitfield")
    ok("backup", str(tmp_path / "copy.db"))
    assert (tmp_path / "copy.db").stat().st_mode & 0o777 == 0o600


def test_a_backup_is_one_self_contained_file(ok, tmp_path):
    ok("add", "Dana Whitfield")
    ok("backup", str(tmp_path / "copy.db"))
    assert rows(tmp_path / "copy.db", "PRAGMA journal_mode") == [("delete",)]
    assert not (tmp_path / "copy.db-wal").exists()


def test_a_backup_is_a_file_farley_can_open(ok, tmp_path, monkeypatch):
    ok("add", "Dana Whitfield", "--company", "Acme")
    ok("backup", str(tmp_path / "copy.db"))
    monkeypatch.setenv("FARLEY_DB", str(tmp_path / "copy.db"))
    assert "Acme" in ok("show", "dana").out


def test_an_existing_file_is_not_overwritten_without_force(farley, ok, tmp_path):
    ok("add", "Dana Whitfield")
    target = tmp_path / "copy.db"
    target.write_bytes(b"keep me")

    run = farley("backup", str(target))

    assert run.code == 5
    assert run.err == (
        f"farley: {target} already exists: give another name, or add --force\n"
    )
    assert target.read_bytes() == b"keep me"


def test_force_replaces_an_existing_file(ok, tmp_path):
    ok("add", "Dana Whitfield")
    target = tmp_path / "copy.db"
    target.write_bytes(b"old")
    ok("backup", str(target), "--force")
    assert rows(target, "SELECT name FROM people") == [("Dana Whitfield",)]


def test_the_data_file_is_never_its_own_backup(farley, ok, data_file):
    ok("add", "Dana Whitfield")
    before = data_file.read_bytes()
    run = farley("backup", str(data_file), "--force")
    assert run.code == 2
    assert run.err.count("\n") == 1 and "the data file itself" in run.err
    assert data_file.read_bytes() == before


def test_backing_up_a_file_that_does_not_exist_creates_nothing(farley, data_file):
    run = farley("backup")
    assert run.code == 6
    assert run.err == f"farley: {data_file} does not exist: check the path\n"
    assert list(data_file.parent.iterdir()) == []


def test_a_backup_into_a_missing_folder_is_one_line_of_error(farley, ok, tmp_path):
    ok("add", "Dana Whitfield")
    run = farley("backup", str(tmp_path / "nowhere" / "copy.db"))
    assert run.code == 6
    assert run.err.count("\n") == 1 and "can't write" in run.err


def test_a_backup_taken_while_another_program_writes_is_consistent(
    ok, data_file, tmp_path
):
    ok("add", "Dana Whitfield")
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data_file)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout.readline() == "writing\n"
        copies = [tmp_path / f"copy{number}.db" for number in range(5)]
        for copy in copies:
            ok("backup", str(copy))
        assert writer.poll() is None, "the writer stopped"
    finally:
        writer.kill()
        writer.wait()

    for copy in copies:
        assert rows(copy, "PRAGMA integrity_check") == [("ok",)]
        # Each note and its link to Dana are written together, or not at all.
        assert rows(copy, "SELECT count(*) FROM notes") == rows(
            copy, "SELECT count(*) FROM note_people"
        )
        index = "SELECT count(*) FROM search_index WHERE rowid % 4 = 1"
        assert rows(copy, index) == rows(copy, "SELECT count(*) FROM notes")
    counts = [rows(copy, "SELECT count(*) FROM notes")[0][0] for copy in copies]
    assert counts == sorted(counts) and counts[0] > 20


def test_a_file_with_meetings_links_tags_and_notes_backs_up_and_restores(ok, tmp_path):
    ok("add", "Dana Whitfield")
    ok("add", "Priya Shah")
    ok("meet", "dana", "--with", "priya", "--at", "tomorrow 3pm")
    ok("note", "dana", "--with", "priya", "Budget approved")
    ok("link", "dana", "priya", "--as", "manager")
    ok("tag", "dana", "client")

    run = ok("backup", str(tmp_path / "copy.db"))

    assert run.out == f"Backed up 2 people and 1 note to {tmp_path / 'copy.db'}\n"
    ok("restore", str(tmp_path / "copy.db"), "--yes")
    assert "Priya Shah" in ok("show", "dana").out


def test_a_copy_that_fails_its_check_leaves_no_file(farley, ok, tmp_path, monkeypatch):
    from farley.store import backup

    ok("add", "Dana Whitfield")
    monkeypatch.setattr(backup, "_problems", lambda conn, check: ["page 3 is bad"])

    (tmp_path / "backups").mkdir()
    run = farley("backup", str(tmp_path / "backups" / "copy.db"))

    assert run.code == 6
    assert "copy.db is damaged (page 3 is bad)" in run.err
    assert list((tmp_path / "backups").iterdir()) == []
