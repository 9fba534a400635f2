"""A file from schema version 1 opens today with every row intact, copied first."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from farley.store.schema import LATEST

FIXTURE = Path(__file__).parent / "fixtures" / "schema-v1.db"


def read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def tables_of(path: Path) -> dict[str, list[tuple]]:
    """Each table's rows, in a fixed order, over the columns it had in version 1."""
    conn = read_only(FIXTURE)
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
    ]
    columns = {
        name: [row[1] for row in conn.execute(f"PRAGMA table_info({name})")]
        for name in names
    }
    conn.close()
    conn = read_only(path)
    try:
        return {
            name: conn.execute(
                f"SELECT {', '.join(cols)} FROM {name} ORDER BY {', '.join(cols)}"
            ).fetchall()
            for name, cols in columns.items()
        }
    finally:
        conn.close()


@pytest.fixture
def old_file(data_file) -> Path:
    shutil.copy(FIXTURE, data_file)
    return data_file


def test_the_fixture_is_a_version_1_file_with_a_row_in_every_table():
    conn = read_only(FIXTURE)
    assert conn.execute("PRAGMA user_version").fetchone() == (1,)
    conn.close()
    assert all(tables_of(FIXTURE).values())


def test_an_old_file_opens_with_every_row_of_every_table_intact(ok, old_file):
    expected = tables_of(FIXTURE)
    ok("list")
    assert tables_of(old_file) == expected
    conn = sqlite3.connect(old_file)
    assert conn.execute("PRAGMA user_version").fetchone() == (LATEST,)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_a_copy_is_taken_beside_the_file_before_the_upgrade_and_the_user_told(
    ok, old_file
):
    run = ok("list")

    copy = old_file.with_name("farley.db.v1.bak")
    assert run.err == (
        f"Upgrading {old_file} to schema {LATEST}; a copy is in {copy}\n"
    )
    assert tables_of(copy) == tables_of(FIXTURE)
    assert copy.stat().st_mode & 0o777 == 0o600
    conn = read_only(copy)
    assert conn.execute("PRAGMA user_version").fetchone() == (1,)
    conn.close()


def test_the_upgrade_happens_once_and_says_so_once(ok, old_file):
    assert ok("list").err.startswith("Upgrading")
    assert ok("list").err == ""
    assert sorted(p.name for p in old_file.parent.glob("*.bak")) == ["farley.db.v1.bak"]


def test_an_earlier_copy_is_never_overwritten_by_a_later_upgrade(ok, old_file):
    ok("list")
    shutil.copy(FIXTURE, old_file)
    run = ok("list")
    assert "farley.db.v1.2.bak" in run.err
    assert (old_file.with_name("farley.db.v1.bak")).exists()


@pytest.mark.parametrize(
    ("word", "kind", "snippet"),
    [
        ("leeds", "note", "Budget approved; her son starts at Leeds in Sept"),
        ("cardiologist", "fact", "Tom, a cardiologist"),
        ("deck", "reminder", "send the deck"),
        ("whitfield", "person", "Acme VP Finance client"),
    ],
)
def test_search_finds_the_old_files_rows_after_the_upgrade(
    ok, old_file, word, kind, snippet
):
    found = json.loads(ok("search", word, "--json").out)
    assert [(hit["kind"], hit["snippet"]) for hit in found["hits"]] == [(kind, snippet)]


def test_the_old_files_people_work_in_todays_commands(ok, old_file):
    assert "Tom, a cardiologist" in ok("brief", "dana").out
    assert ok("note", "priya", "Signed the contract").code == 0
    assert "Signed the contract" in ok("show", "priya").out


def test_a_file_from_a_newer_farley_is_refused_and_left_byte_for_byte(farley, old_file):
    conn = sqlite3.connect(old_file)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    before = old_file.read_bytes()

    for command in (["list"], ["add", "Sam Okafor"], ["backup"]):
        run = farley(*command)
        assert run.code == 6
        assert run.err == (
            f"farley: {old_file} was written by a newer Farley "
            f"(schema {LATEST + 1}, this one knows {LATEST}): "
            "upgrade Farley to open it\n"
        )

    assert old_file.read_bytes() == before
    assert sorted(p.name for p in old_file.parent.iterdir()) == ["farley.db"]
