"""Every import is a batch: the log lists them, and undo takes one back out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import dump

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
LATER = "2026-12-04T09:00:00+01:00"


@pytest.fixture(autouse=True)
def in_fixtures(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)


def test_undo_takes_out_the_people_added_and_restores_those_merged(ok, data_file):
    ok("import", "import_linkedin.csv")
    ok("note", "Dana Whitfield", "Coffee in Leeds", "--on", "2026-11-30")
    before = dump(data_file)
    ok("import", "import_google_merge.csv")
    assert dump(data_file) != before
    run = ok("import", "undo")
    assert run.out == (
        "Undid batch 2 (import_google_merge.csv): removed 1 person, "
        "put 3 people back as they were\n"
    )
    assert dump(data_file) == before


def test_undo_of_a_first_import_leaves_an_empty_file(ok, data_file):
    ok("list")
    empty = dump(data_file)
    ok("import", "import_linkedin.csv", "--tag", "leads")
    ok("import", "undo", "1")
    assert dump(data_file) == empty


def test_undo_takes_out_imported_notes_and_reminders(ok, data_file):
    ok("import", "import_linkedin.csv")
    before = dump(data_file)
    ok("import", "import_notes.csv")
    ok("import", "import_reminders.csv")
    assert ok("import", "undo").out == (
        "Undid batch 3 (import_reminders.csv): removed 3 reminders\n"
    )
    assert ok("import", "undo").out == (
        "Undid batch 2 (import_notes.csv): removed 3 notes\n"
    )
    assert dump(data_file) == before


def test_the_log_lists_every_batch_and_when_it_was_undone(ok):
    ok("import", "import_linkedin.csv")
    ok("import", "import_google_merge.csv")
    ok("import", "undo")
    assert ok("import", "log").out == (
        "batch  when                  file                     format    added  "
        "merged  skipped  undone\n"
        "1      Thu 3 Dec 2026 10:00  import_linkedin.csv      linkedin  3      "
        "0       1\n"
        "2      Thu 3 Dec 2026 10:00  import_google_merge.csv  google    1      "
        "3       0        Thu 3 Dec 2026 10:00\n"
    )
    assert json.loads(ok("import", "log", "--json").out)[1] == {
        "id": 2,
        "when": "2026-12-03T10:00:00+01:00",
        "file": "import_google_merge.csv",
        "format": "google",
        "added": 1,
        "merged": 3,
        "skipped": 0,
        "undone": "2026-12-03T10:00:00+01:00",
    }


def test_the_log_of_a_new_file_says_there_is_none(ok):
    assert ok("import", "log").out == "No imports yet: farley import FILE\n"


def test_undo_refuses_when_a_person_it_added_has_a_note_since(farley, ok, data_file):
    ok("import", "import_linkedin.csv")
    ok("note", "Sofia Marchetti", "Lunch in Milan")
    before = dump(data_file)
    run = farley("import", "undo")
    assert run.code == 5
    assert run.err == (
        "farley: batch 1 can't be undone: Sofia Marchetti (id 3) has notes from "
        "after it, by hand or by a later import; undo later imports or remove "
        "those first\n"
    )
    assert dump(data_file) == before


def test_undo_refuses_when_a_column_it_filled_was_changed_since(farley, ok, data_file):
    ok("import", "import_linkedin.csv")
    ok("import", "import_google_merge.csv")
    # At the very time of the import: the value tells, not the clock.
    ok("edit", "Dana Whitfield", "--nickname", "Danny")
    before = dump(data_file)
    run = farley("import", "undo")
    assert run.code == 5
    assert run.err == (
        "farley: batch 2 can't be undone: Dana Whitfield (id 1) has had their "
        "nickname changed since (now Danny); change it back by hand with farley "
        "edit, or leave the batch\n"
    )
    assert dump(data_file) == before


def test_undo_keeps_an_edit_to_a_column_it_did_not_fill(ok, monkeypatch):
    ok("import", "import_linkedin.csv")
    ok("import", "import_google_merge.csv")
    monkeypatch.setenv("FARLEY_NOW", LATER)
    ok("edit", "Dana Whitfield", "--title", "Procurement Director")
    ok("import", "undo")
    dana = json.loads(ok("show", "Dana Whitfield", "--json").out)["person"]
    assert (dana["title"], dana["nickname"]) == ("Procurement Director", None)


def test_a_dry_run_of_undo_says_what_it_would_take_out_and_changes_nothing(
    ok, data_file
):
    ok("import", "import_linkedin.csv")
    ok("import", "import_google_merge.csv")
    before = dump(data_file)
    run = ok("import", "undo", "--dry-run")
    assert run.out == (
        "Undoing batch 2 (import_google_merge.csv) would remove 1 person, put "
        "3 people back as they were (nothing was changed)\n"
    )
    assert dump(data_file) == before
    assert ok("import", "undo").out.startswith("Undid batch 2")


def test_options_for_importing_a_file_are_refused_with_undo_and_log(farley, ok):
    ok("import", "import_linkedin.csv")
    for args in (["undo", "--skip-bad"], ["log", "--dry-run"], ["undo", "--tag", "x"]):
        run = farley("import", *args)
        assert run.code == 2, args
        assert run.err.startswith("farley: --"), args
        assert "is for importing a file, not import" in run.err


def test_undo_of_an_earlier_batch_waits_for_a_later_one_on_the_same_people(farley, ok):
    ok("add", "Dana Whitfield", "--email", "dana@harlowfinch.co.uk")
    ok("import", "import_linkedin.csv")
    ok("import", "import_google_merge.csv")
    run = farley("import", "undo", "1")
    assert run.code == 5
    assert run.err == (
        "farley: batch 1 can't be undone: batch 2 changed the same people after "
        "it; undo batch 2 first\n"
    )


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["undo"], 3, "farley: there is no import to undo: see farley import log\n"),
        (
            ["undo", "7"],
            3,
            "farley: no import batch 7: see farley import log for ids\n",
        ),
        (
            ["undo", "last"],
            2,
            "farley: 'last' is not a batch number: see farley import log\n",
        ),
        (["log", "2"], 2, "farley: import log takes no batch: farley import log\n"),
    ],
)
def test_undo_and_log_explain_what_they_cannot_do(farley, args, code, message):
    run = farley("import", *args)
    assert (run.code, run.err) == (code, message)


def test_a_batch_undone_already_is_not_undone_twice(farley, ok):
    ok("import", "import_linkedin.csv")
    ok("import", "undo")
    run = farley("import", "undo", "1")
    assert (run.code, run.err) == (
        5,
        "farley: batch 1 was undone already, on Thu 3 Dec 2026 10:00\n",
    )


def test_a_file_called_log_is_imported_when_written_as_a_path(
    ok, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "log").write_text("name,email\nYuki Tanaka,yuki@example.jp\n")
    assert ok("import", "./log").out.startswith("Imported ./log (csv): 1 added")


def test_undo_leaves_rows_that_took_the_ids_of_removed_ones(ok, monkeypatch):
    ok("import", "import_linkedin.csv")
    monkeypatch.setenv("FARLEY_NOW", LATER)
    ok("rm", "Sofia Marchetti", "--yes")
    ok("add", "Grace Mwangi", "-e", "grace@savannah.ventures")
    ok("fact", "Grace", "running", "marathons")
    assert ok("import", "undo").out == (
        "Undid batch 1 (import_linkedin.csv): removed 2 people\n"
    )
    grace = json.loads(ok("show", "Grace", "--json").out)
    assert [c["value"] for c in grace["person"]["contacts"]] == [
        "grace@savannah.ventures"
    ]
    assert [f["value"] for f in grace["facts"]] == ["marathons"]


def test_undo_names_what_was_added_since_to_someone_it_added(farley, ok):
    ok("import", "import_linkedin.csv")
    ok("remind", "Sofia Marchetti", "Send the brochure")
    run = farley("import", "undo")
    assert run.code == 5
    assert "Sofia Marchetti (id 3) has reminders from after it" in run.err
