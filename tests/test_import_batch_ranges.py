"""A batch notes what it adds as runs of ids; undo takes out exactly those rows."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from helpers import dump

FIXTURES = Path(__file__).parent / "fixtures" / "imports"


@pytest.fixture(autouse=True)
def in_fixtures(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)


def rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def contacts(path: Path, count: int) -> Path:
    lines = ["name,email,company,tags,pet"]
    lines += [f"Person {n},p{n}@example.com,Co {n % 7},vip,cat" for n in range(count)]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_a_thousand_new_people_are_noted_in_a_few_rows(ok, tmp_path, data_file):
    ok("import", str(contacts(tmp_path / "people.csv", 1000)))
    noted = rows(
        data_file,
        """SELECT table_name, count(*) FROM import_changes
        GROUP BY table_name ORDER BY table_name""",
    )
    # Tags have no ids: each is noted, so that one added by hand stays on undo.
    assert noted == [("contact_points", 1), ("facts", 1), ("people", 1), ("tags", 1000)]
    run = ok("import", "undo")
    assert run.out.startswith("Undid batch 1 (")
    assert run.out.endswith("removed 1,000 people\n")
    assert rows(data_file, "SELECT count(*) FROM search_index") == [(0,)]


def test_what_a_merge_adds_to_people_on_file_is_noted_row_by_row(ok, data_file):
    ok("import", "import_linkedin.csv")
    ok("import", "import_google_merge.csv")
    noted = rows(
        data_file,
        """SELECT table_name, count(*), count(last_id) FROM import_changes
        WHERE batch_id = 2 AND column_name IS NULL
        GROUP BY table_name ORDER BY table_name""",
    )
    assert noted == [
        ("contact_points", 4, 1),
        ("facts", 3, 0),
        ("important_dates", 3, 1),
        ("people", 1, 1),
        ("tags", 2, 0),
    ]


def test_undo_takes_out_the_rest_when_the_first_person_was_removed(ok, monkeypatch):
    ok("import", "import_linkedin.csv")
    monkeypatch.setenv("FARLEY_NOW", "2026-12-04T09:00:00+01:00")
    ok("rm", "Dana Whitfield", "--yes")
    assert ok("import", "undo").out == (
        "Undid batch 1 (import_linkedin.csv): removed 2 people\n"
    )
    assert json.loads(ok("list", "--json").out) == []


def test_undo_refuses_when_an_imported_person_has_a_fact_since(farley, ok, data_file):
    ok("import", "import_linkedin.csv")
    ok("fact", "Sofia Marchetti", "espresso", "double, no sugar")
    before = dump(data_file)
    run = farley("import", "undo")
    assert run.code == 5
    assert "Sofia Marchetti (id 3) has facts from after it" in run.err
    assert dump(data_file) == before


def test_undo_of_a_later_merge_then_of_the_first_import_empties_the_file(ok, data_file):
    ok("list")
    empty = dump(data_file)
    ok("import", "import_linkedin.csv")
    ok("import", "import_google_merge.csv")
    ok("import", "undo")
    ok("import", "undo")
    assert dump(data_file) == empty


def test_an_export_imported_into_a_file_with_people_can_be_undone(
    ok, tmp_path, monkeypatch, data_file
):
    ok("import", "import_linkedin.csv")
    ok("import", "import_notes.csv")
    ok("import", "import_reminders.csv")
    ok("meet", "Dana", "--at", "friday 3pm", "--topic", "Q1 plan")
    path = tmp_path / "export.json"
    path.write_text(ok("export").out)
    other = tmp_path / "other.db"
    monkeypatch.setenv("FARLEY_DB", str(other))
    ok("add", "Dana Whitfield", "-e", "dana@harlowfinch.co.uk")
    before = dump(other)
    run = ok("import", str(path), "--json")
    assert (json.loads(run.out)["added"], json.loads(run.out)["merged"]) == (2, 1)
    assert ok("import", "undo").out == (
        f"Undid batch 1 ({path}): removed 2 people, 3 notes, 1 meeting, "
        "3 reminders, put 1 person back as they were\n"
    )
    assert dump(other) == before
