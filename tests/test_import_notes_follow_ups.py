"""The to-do lines of imported notes become reminders, as those of typed notes do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.fixture
def notes_file(ok, tmp_path: Path):
    ok("add", "Priya Shah")
    ok("add", "Dana Whitfield")

    def write(text: str, day: str = "2026-11-30") -> str:
        path = tmp_path / "notes.csv"
        quoted = text.replace('"', '""')
        rows = f'Priya Shah,{day},"{quoted}",Dana Whitfield\n'
        path.write_text("person,date,text,with\n" + rows)
        return str(path)

    return write


def open_reminders(ok) -> list[tuple[str, str, str | None]]:
    found = json.loads(ok("reminders", "--json").out)
    return [(r["person"]["name"], r["text"], r["due_on"]) for r in found]


def test_a_to_do_line_becomes_a_reminder_due_from_the_notes_day(ok, notes_file):
    ok("import", notes_file("Planning.\ntodo: email Priya the plan by friday"))
    # The note is of Monday 30 November: its Friday is the 4th.
    assert open_reminders(ok) == [("Priya Shah", "email Priya the plan", "2026-12-04")]


def test_undoing_the_import_takes_its_reminders_out_too(ok, notes_file):
    ok("import", notes_file(">> send the deck"))
    assert ok("import", "undo").out.endswith("removed 1 note, 1 reminder\n")
    assert json.loads(ok("reminders", "--json").out) == []


def test_a_to_do_with_an_unreadable_due_date_is_a_bad_row(farley, notes_file):
    run = farley("import", notes_file("todo: send the invoice by 31 feb"))
    assert run.code == 2
    assert 'line 2: can\'t read the date "31 feb" in the to-do line' in run.err


def test_a_to_dos_numeric_date_reads_in_the_files_order(ok, notes_file):
    run = ok("import", notes_file("todo: send the deck by 04/12/2026"), "--dayfirst")
    assert run.err == "1 reminder made from the notes' to-do lines\n"
    assert open_reminders(ok) == [("Priya Shah", "send the deck", "2026-12-04")]
