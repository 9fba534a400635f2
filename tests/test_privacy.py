"""What Farley keeps is readable by its owner only, and a removed person is gone."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

# Words that appear nowhere but in what is on file about Zephyrine.
HERS = [
    "zephyrine",
    "quillfeather",
    "zq@xanthocorp.example",
    "xanthocorp",
    "zephy",
    "archduchess",
    "vladivostokia",
    "plumtag",
    "marmaduke",
    "obsidianwhale",
    "periwinklequest",
    "tangerinezone",
]


@pytest.fixture
def open_folder(tmp_path, monkeypatch) -> Iterator[Path]:
    """A data folder that already exists, readable by all, under a usual umask."""
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    monkeypatch.setenv("FARLEY_DB", str(folder / "farley.db"))
    old_umask = os.umask(0o022)
    yield folder
    os.umask(old_umask)


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_the_data_file_and_its_journal_are_owner_only_in_an_existing_folder(
    ok, open_folder
):
    ok("add", "Dana Whitfield")
    reader = sqlite3.connect(open_folder / "farley.db")
    reader.execute("SELECT count(*) FROM people").fetchone()
    try:
        ok("note", "dana", "Budget approved")
        journal = [open_folder / "farley.db-wal", open_folder / "farley.db-shm"]
        assert [mode(path) for path in journal] == [0o600, 0o600]
    finally:
        reader.close()
    assert mode(open_folder / "farley.db") == 0o600


def test_backups_and_restore_copies_are_owner_only_in_an_existing_folder(
    ok, open_folder
):
    ok("add", "Dana Whitfield")
    ok("backup")
    ok("backup", str(open_folder / "named.db"))
    ok("restore", str(open_folder / "named.db"), "--yes")
    copies = sorted(open_folder.glob("farley-*.db")) + [open_folder / "named.db"]
    assert len(copies) == 3
    assert {path.name: mode(path) for path in copies} == {
        path.name: 0o600 for path in copies
    }


def test_the_copy_before_an_upgrade_is_owner_only(ok, open_folder):
    fixture = Path(__file__).parent / "fixtures" / "schema-v1.db"
    (open_folder / "farley.db").write_bytes(fixture.read_bytes())
    ok("list")
    assert mode(open_folder / "farley.db.v1.bak") == 0o600


@pytest.fixture
def zephyrine(ok) -> None:
    """Someone with something in every table, and a note shared with Sam."""
    ok(
        "add",
        "Zephyrine Quillfeather",
        "--email",
        "zq@xanthocorp.example",
        "--company",
        "Xanthocorp",
        "--nickname",
        "Zephy",
        "--title",
        "Archduchess",
        "--location",
        "Vladivostokia",
        "--tag",
        "plumtag",
        "--birthday",
        "12 Apr",
    )
    ok("add", "Sam Okafor")
    ok("fact", "zephyrine", "pet", "Marmaduke the ferret", "-c", "family")
    ok("note", "zephyrine", "Obsidianwhale, said in confidence")
    ok("note", "sam", "Lunch to plan the offsite", "--with", "zephyrine")
    ok("remind", "zephyrine", "Periwinklequest follow-up", "--due", "friday")
    ok("meet", "zephyrine", "--at", "friday 3pm", "--topic", "Tangerinezone")
    for number in range(30):
        ok("note", "sam", f"call {number} about the budget and the hiring plan")


def traces(data_file: Path) -> dict[str, list[str]]:
    """Each of her words found in the file or its journal, case aside."""
    found = {}
    for suffix in ("", "-wal"):
        path = Path(f"{data_file}{suffix}")
        content = path.read_bytes().lower() if path.exists() else b""
        found[path.name] = [word for word in HERS if word.encode() in content]
    return found


NOTHING = {"farley.db": [], "farley.db-wal": []}


def test_the_words_are_in_the_file_before_the_removal(ok, zephyrine, data_file):
    # Otherwise the tests below would prove nothing.
    assert traces(data_file)["farley.db"] == HERS


def test_rm_leaves_nothing_about_the_person_in_the_file(ok, zephyrine, data_file):
    ok("rm", "zephyrine", "--yes")
    assert traces(data_file) == NOTHING


def test_rm_leaves_nothing_even_while_another_program_has_the_file_open(
    ok, zephyrine, data_file
):
    reader = sqlite3.connect(data_file)
    try:
        reader.execute("SELECT count(*) FROM people").fetchone()
        ok("rm", "zephyrine", "--yes")
        assert traces(data_file) == NOTHING
    finally:
        reader.close()


def test_nothing_comes_back_after_a_vacuum_and_a_checkpoint(ok, zephyrine, data_file):
    ok("rm", "zephyrine", "--yes")
    conn = sqlite3.connect(data_file)
    conn.execute("VACUUM")
    conn.execute("PRAGMA wal_checkpoint(FULL)")
    try:
        assert traces(data_file) == NOTHING
    finally:
        conn.close()
    assert traces(data_file) == NOTHING


def test_a_note_shared_with_others_stays_without_the_removed_person(
    ok, zephyrine, data_file
):
    ok("rm", "zephyrine", "--yes")

    conn = sqlite3.connect(data_file)
    linked = conn.execute(
        """SELECT p.name FROM notes n JOIN note_people np ON np.note_id = n.id
        JOIN people p ON p.id = np.person_id WHERE n.text LIKE 'Lunch%'"""
    ).fetchall()
    conn.close()
    assert linked == [("Sam Okafor",)]
    found = json.loads(ok("search", "offsite", "--json").out)
    assert [[p["name"] for p in hit["people"]] for hit in found["hits"]] == [
        ["Sam Okafor"]
    ]


def test_search_finds_nothing_of_the_removed_person(ok, zephyrine):
    ok("rm", "zephyrine", "--yes")
    for word in ("quillfeather", "marmaduke", "obsidianwhale", "periwinklequest"):
        assert json.loads(ok("search", word, "--json").out)["hits"] == []
