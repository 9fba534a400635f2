"""Importing notes and reminders: each tied to someone on file by email or name."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "imports"


@pytest.fixture(autouse=True)
def in_fixtures(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)


@pytest.fixture
def people(ok) -> None:
    ok("import", "import_linkedin.csv")


def rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_notes_are_tied_to_people_by_email_and_by_name(ok, people, data_file):
    run = ok("import", "import_notes.csv")
    assert run.out == (
        "Imported import_notes.csv (notes): 3 added, 0 merged, 0 skipped "
        "(batch 2; farley import undo 2 takes it back out)\n"
    )
    found = rows(
        data_file,
        """SELECT n.happened_at, n.kind, group_concat(p.name, ', '), n.text
        FROM notes n JOIN note_people np ON np.note_id = n.id
        JOIN people p ON p.id = np.person_id GROUP BY n.id ORDER BY n.id""",
    )
    assert found == [
        (
            "2024-11-02",
            "meeting",
            "Dana Whitfield, Tomasz Nowicki",
            "Budget approved for Q1.\nHer son starts at Leeds in September.",
        ),
        ("2024-11-09", "call", "Sofia Marchetti", "Pricing for the pilot."),
        ("2024-12-09", "other", "Tomasz Nowicki", "Sent the deck."),
    ]


def test_imported_notes_are_found_by_search(ok, people):
    ok("import", "import_notes.csv")
    assert "Sofia Marchetti · note (call)" in ok("search", "pilot").out


def test_importing_the_same_notes_twice_adds_them_once(ok, people, data_file):
    ok("import", "import_notes.csv")
    run = ok("import", "import_notes.csv", "--json")
    assert json.loads(run.out)["skipped"] == 3
    assert rows(data_file, "SELECT count(*) FROM notes") == [(3,)]


def test_reminders_keep_their_due_date_whether_done_and_who_owes(ok, people, data_file):
    ok("import", "import_reminders.csv")
    found = rows(
        data_file,
        """SELECT p.name, r.text, r.due_on, r.done_at, r.they_owe
        FROM reminders r JOIN people p ON p.id = r.person_id ORDER BY r.id""",
    )
    assert found == [
        ("Dana Whitfield", "Send the revised SOW", "2027-01-06", None, 0),
        ("Sofia Marchetti", "Signed term sheet", "2026-12-20", None, 1),
        (
            "Tomasz Nowicki",
            "Intro to the board",
            "2026-11-15",
            "2026-11-10T00:00:00+01:00",
            0,
        ),
    ]


def test_a_name_several_people_share_is_a_bad_row(farley, ok, people, tmp_path):
    ok("add", "Sofia Marchetti", "--company", "Other Co")
    path = tmp_path / "notes.csv"
    path.write_text("date,person,text\n2024-01-02,Sofia Marchetti,Lunch\n")
    run = farley("import", str(path))
    assert run.code == 2
    assert (
        "line 2: several people are called Sofia Marchetti (Sofia Marchetti, id 3;"
        in (run.err)
    )


def test_a_thousand_notes_import_in_one_batch(ok, people, tmp_path, data_file):
    lines = ["date,person,kind,text"]
    lines += [
        f"2024-01-{n % 28 + 1:02d},Dana Whitfield,call,Call {n}" for n in range(1000)
    ]
    path = tmp_path / "many.csv"
    path.write_text("\n".join(lines) + "\n")
    run = ok("import", str(path), "--json")
    assert json.loads(run.out)["added"] == 1000
    assert rows(data_file, "SELECT count(*) FROM note_people") == [(1000,)]
