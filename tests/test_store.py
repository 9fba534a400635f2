"""The data file: where it goes, how it is opened, and what it refuses."""

import sqlite3
import stat

import pytest

from farley.store import open_store
from farley.store.core import FIRST_TABLES
from farley.store.paths import user_data_dir
from farley.store.schema import LATEST


def test_the_file_and_its_folder_are_created_on_first_use_for_the_owner_only(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "new" / "share"))
    path = user_data_dir() / "farley.db"
    open_store(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_file_in_a_folder_that_is_not_there_is_refused_not_made(farley, tmp_path):
    run = farley("--db", str(tmp_path / "typo" / "farley.db"), "list")
    assert run.code == 6
    assert run.err == (
        f"farley: the folder {tmp_path / 'typo'} does not exist: check the path, "
        "or create the folder first\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_an_empty_file_becomes_a_farley_file_for_the_owner_only(ok, tmp_path):
    path = tmp_path / "empty.db"
    path.touch(mode=0o644)
    ok("--db", str(path), "add", "Dana Whitfield")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_file_is_opened_in_wal_mode_with_foreign_keys_and_a_busy_timeout(store):
    assert store.value("PRAGMA journal_mode") == "wal"
    assert store.value("PRAGMA foreign_keys") == 1
    assert store.value("PRAGMA busy_timeout") >= 5000


def test_a_new_file_is_at_the_latest_schema_version(store):
    assert store.value("PRAGMA user_version") == LATEST


def test_a_failed_transaction_writes_nothing(store):
    try:
        with store.transaction():
            store.execute(
                """INSERT INTO people (name, created_at, updated_at)
                VALUES ('A', 'x', 'x')"""
            )
            raise RuntimeError("stop")
    except RuntimeError:
        pass
    assert store.value("SELECT count(*) FROM people") == 0


def test_farley_db_and_the_db_option_choose_the_file(ok, tmp_path, data_file):
    other = tmp_path / "other.db"
    ok("--db", str(other), "add", "Dana Whitfield")
    assert sqlite3.connect(other).execute("SELECT name FROM people").fetchall() == [
        ("Dana Whitfield",)
    ]
    assert not data_file.exists()


def test_the_default_file_is_in_the_user_data_folder(ok, monkeypatch, tmp_path):
    monkeypatch.delenv("FARLEY_DB")
    ok("add", "Dana Whitfield")
    assert (tmp_path / "xdg" / "farley" / "farley.db").exists()


def test_a_folder_in_place_of_the_file_is_one_line_of_error(farley, tmp_path):
    run = farley("--db", str(tmp_path), "list")
    assert run.code == 6
    assert (
        run.err
        == f"farley: {tmp_path} is a folder: give the path of a file with --db\n"
    )


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(farley, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("shopping list\n" * 100)
    run = farley("--db", str(path), "list")
    assert run.code == 6
    assert run.err == (
        f"farley: {path} is not a Farley file (not SQLite): "
        "give another path with --db\n"
    )
    assert path.read_text() == "shopping list\n" * 100


def test_a_file_from_a_newer_farley_is_refused(farley, tmp_path):
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    for table in FIRST_TABLES:
        conn.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY)")
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    run = farley("--db", str(path), "list")
    assert run.code == 6
    assert run.err == (
        f"farley: {path} was written by a newer Farley (schema {LATEST + 1}, "
        f"this one knows {LATEST}): upgrade Farley to open it\n"
    )
    assert path.read_bytes() == before


# 0: no number at all; the others as other programs number their files.
@pytest.mark.parametrize("number", [0, 3, LATEST, LATEST + 30])
def test_another_programs_sqlite_file_is_refused_and_left_alone(
    farley, tmp_path, number
):
    path = tmp_path / "app.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE settings (key TEXT, value TEXT)")
    conn.execute(f"PRAGMA user_version = {number}")
    conn.commit()
    conn.close()
    before = path.read_bytes()

    run = farley("--db", str(path), "list")

    assert run.code == 6
    assert run.err == (
        f"farley: {path} is another program's SQLite file, not a Farley one: "
        "give another path with --db\n"
    )
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.db"]


def test_a_data_file_path_ending_in_a_slash_is_refused(farley, tmp_path, monkeypatch):
    folder = f"{tmp_path}/notes/"
    run = farley("--db", folder, "add", "Dana Whitfield")
    assert (run.code, run.err) == (
        6,
        f"farley: {folder} ends with a slash, so it names a folder: give the path "
        f"of a file, e.g. {folder}farley.db\n",
    )
    monkeypatch.setenv("FARLEY_DB", folder)
    assert farley("list").code == 6
    assert list(tmp_path.iterdir()) == []


def test_an_empty_data_file_path_is_refused_not_taken_for_the_default(
    farley, monkeypatch, tmp_path
):
    message = (
        "farley: --db or FARLEY_DB is empty: give the path of a data file, or "
        "leave both unset for the default one\n"
    )
    assert (farley("--db", "", "list").code, farley("--db", "", "list").err) == (
        6,
        message,
    )
    monkeypatch.setenv("FARLEY_DB", "")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    run = farley("add", "Dana Whitfield")
    assert (run.code, run.err) == (6, message)
    assert not (tmp_path / "share").exists()
