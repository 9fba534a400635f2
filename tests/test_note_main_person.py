"""A note is about its first person; the people it was written with come after."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from farley.store import open_store
from farley.store.core import _run_script
from farley.store.schema import MIGRATIONS, NOTE_MAIN_PEOPLE

STAMP = "2026-12-01T10:00:00+01:00"


def test_a_question_belongs_to_the_person_the_note_is_about(ok):
    ok("add", "Alice Moreau")
    ok("add", "Bob Lindqvist")
    ok(
        "note",
        "bob",
        "--with",
        "alice",
        "--kind",
        "call",
        input="Call with both.\nHow did the Oslo move go?\n",
    )
    assert "Ask about\n  • How did the Oslo move go?\n" in ok("brief", "bob").out
    # Alice sees the note among her conversations, without Bob's question.
    alice = ok("brief", "alice").out
    assert "Call with both." in alice
    assert "How did the Oslo move go?" not in alice
    assert "Ask about" not in alice


def test_show_lists_a_notes_people_with_the_one_it_is_about_first(ok):
    ok("add", "Alice Moreau")
    ok("add", "Bob Lindqvist")
    ok("note", "bob", "--with", "alice", "Lunch in Oslo")
    [note] = json.loads(ok("show", "alice", "--json").out)["notes"]
    assert [person["name"] for person in note["people"]] == [
        "Bob Lindqvist",
        "Alice Moreau",
    ]


def test_a_notes_file_marks_its_rows_person_as_the_one_it_is_about(ok, tmp_path):
    ok("add", "Alice Moreau")
    ok("add", "Bob Lindqvist")
    notes = tmp_path / "notes.csv"
    notes.write_text("person,date,text\nBob Lindqvist,2026-11-30,Lunch in Oslo\n")
    ok("import", str(notes))
    [note] = json.loads(ok("show", "bob", "--json").out)["notes"]
    assert note["people"][0]["name"] == "Bob Lindqvist"


def older_file(path: Path) -> None:
    """A file from before notes knew who they were about: two shared notes."""
    conn = sqlite3.connect(path, isolation_level=None)
    before = MIGRATIONS.index(NOTE_MAIN_PEOPLE)
    for script in MIGRATIONS[:before]:
        _run_script(conn, script)
    conn.execute(f"PRAGMA user_version = {before}")
    conn.executescript(
        f"""
        INSERT INTO people (id, name, created_at, updated_at) VALUES
            (1, 'Alice Moreau', '{STAMP}', '{STAMP}'),
            (2, 'Bob Lindqvist', '{STAMP}', '{STAMP}');
        INSERT INTO notes (id, kind, happened_at, text, created_at) VALUES
            (1, 'call', '2026-11-30', 'todo: send Bob the deck', '{STAMP}'),
            (2, 'call', '2026-11-29', 'Lunch', '{STAMP}');
        INSERT INTO note_people (note_id, person_id) VALUES (1, 1), (1, 2), (2, 1),
            (2, 2);
        INSERT INTO reminders (person_id, text, note_id, created_at)
            VALUES (2, 'send Bob the deck', 1, '{STAMP}');
        """
    )
    conn.close()


def test_an_older_file_learns_who_each_shared_note_was_about(tmp_path):
    path = tmp_path / "older.db"
    older_file(path)
    store = open_store(path)
    rows = store.query(
        "SELECT note_id, person_id FROM note_people WHERE secondary = 0 ORDER BY 1"
    )
    # The one its to-do lines were for; with none, the one on file longest.
    assert [tuple(row) for row in rows] == [(1, 2), (2, 1)]
    store.close()
