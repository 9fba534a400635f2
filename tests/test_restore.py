"""farley restore: a backup is checked, the current file copied, then replaced."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from farley.store.schema import LATEST

FIXTURE_V1 = Path(__file__).parent / "fixtures" / "schema-v1.db"
SAFETY = "farley-before-restore-20261203-100000.db"


def names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM people ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture
def backup(ok, tmp_path) -> Path:
    """A backup holding Dana only, taken before Sam is added."""
    ok("add", "Dana Whitfield")
    ok("backup", str(tmp_path / "backup.db"))
    ok("add", "Sam Okafor")
    return tmp_path / "backup.db"


def test_restore_puts_the_backup_in_place_and_says_where_the_old_file_went(
    ok, backup, data_file
):
    run = ok("restore", str(backup), "--yes")

    assert run.out == f"Restored {data_file} from {backup}\n"
    assert run.err == f"The file as it was is in {data_file.with_name(SAFETY)}\n"
    assert names(data_file) == ["Dana Whitfield"]
    assert names(data_file.with_name(SAFETY)) == ["Dana Whitfield", "Sam Okafor"]
    assert ok("list").out.count("\n") == 2


def test_the_copy_of_the_old_file_is_readable_by_its_owner_only(ok, backup, data_file):
    ok("restore", str(backup), "--yes")
    assert data_file.with_name(SAFETY).stat().st_mode & 0o777 == 0o600


def test_restore_asks_first_and_no_keeps_the_file(farley, backup, data_file):
    run = farley("restore", str(backup), input="n\n")
    assert run.code == 1
    assert f"Replace {data_file} with {backup} (1 person and 0 notes)?" in run.err
    assert names(data_file) == ["Dana Whitfield", "Sam Okafor"]
    assert not data_file.with_name(SAFETY).exists()


def test_restore_goes_ahead_when_the_answer_is_yes(ok, backup, data_file):
    ok("restore", str(backup), input="y\n")
    assert names(data_file) == ["Dana Whitfield"]


def test_a_program_holding_the_file_open_sees_the_restored_content(
    ok, backup, data_file
):
    reader = sqlite3.connect(data_file)
    try:
        assert reader.execute("SELECT count(*) FROM people").fetchone() == (2,)
        ok("restore", str(backup), "--yes")
        assert reader.execute("SELECT count(*) FROM people").fetchone() == (1,)
        assert reader.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        reader.close()


def test_a_damaged_data_file_is_replaced_and_kept_as_it_was(ok, backup, data_file):
    data_file.write_bytes(b"this was a database once" * 100)

    ok("restore", str(backup), "--yes")

    assert names(data_file) == ["Dana Whitfield"]
    assert data_file.with_name(SAFETY).read_bytes() == b"this was a database once" * 100
    assert data_file.stat().st_mode & 0o777 == 0o600


def test_restore_onto_a_new_machine_creates_the_file_for_its_owner(
    ok, backup, tmp_path, monkeypatch
):
    target = tmp_path / "new" / "farley.db"
    monkeypatch.setenv("FARLEY_DB", str(target))

    run = ok("restore", str(backup), "--yes")

    assert run.err == ""
    assert names(target) == ["Dana Whitfield"]
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_backup_from_an_older_version_is_upgraded_on_next_use(
    ok, tmp_path, data_file
):
    old = tmp_path / "old.db"
    shutil.copy(FIXTURE_V1, old)
    ok("add", "Sam Okafor")

    ok("restore", str(old), "--yes")
    run = ok("show", "dana")

    assert "Upgrading" in run.err
    assert "Dana Whitfield" in run.out


def _damaged_copy(source: Path, target: Path) -> Path:
    """A Farley file whose index no longer agrees with its table."""
    shutil.copy(source, target)
    conn = sqlite3.connect(target)
    conn.execute("CREATE TABLE scratch (value TEXT)")
    conn.execute("CREATE INDEX scratch_by_value ON scratch (value)")
    conn.execute("INSERT INTO scratch VALUES ('marker-to-damage')")
    conn.commit()
    conn.close()
    data = target.read_bytes()
    target.write_bytes(data.replace(b"marker-to-damage", b"MARKER-to-damage", 1))
    return target


def _newer(source: Path, target: Path) -> Path:
    shutil.copy(source, target)
    conn = sqlite3.connect(target)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    return target


def _not_farley(source: Path, target: Path) -> Path:
    conn = sqlite3.connect(target)
    conn.execute("CREATE TABLE things (id INTEGER PRIMARY KEY)")
    conn.close()
    return target


def _not_sqlite(source: Path, target: Path) -> Path:
    target.write_text("name,email\nDana,dana@acme.com\n")
    return target


def _folder(source: Path, target: Path) -> Path:
    target.mkdir()
    return target


@pytest.mark.parametrize(
    ("make", "code", "says"),
    [
        (_damaged_copy, 6, "is damaged (row 1 missing from index scratch_by_value)"),
        (_newer, 6, "was written by a newer Farley"),
        (_not_farley, 2, "is an SQLite file but not a Farley one"),
        (_not_sqlite, 2, "is not a Farley backup (not SQLite)"),
        (_folder, 2, "is a folder"),
        (lambda source, target: target, 3, "does not exist"),
    ],
)
def test_a_file_that_is_not_a_sound_farley_backup_is_refused(
    farley, backup, data_file, tmp_path, make, code, says
):
    bad = make(backup, tmp_path / "bad.db")
    before = data_file.read_bytes()

    run = farley("restore", str(bad), "--yes")

    assert run.code == code
    assert run.err.startswith(f"farley: {bad} {says}")
    assert run.err.count("\n") == 1
    assert data_file.read_bytes() == before
    assert not data_file.with_name(SAFETY).exists()


def test_the_data_file_cannot_be_restored_from_itself(farley, ok, data_file):
    ok("add", "Dana Whitfield")
    run = farley("restore", str(data_file), "--yes")
    assert run.code == 2
    assert (
        run.err == f"farley: {data_file} is the data file itself: give a backup of it\n"
    )
