"""Noting what happened: text, standard input, dates, kinds and who was there."""

import json

import pytest


@pytest.fixture(autouse=True)
def people(ok):
    ok("add", "Dana Whitfield")
    ok("add", "Priya Shah")


def notes_of(ok, person="dana"):
    return json.loads(ok("show", person, "--json").out)["notes"]


def test_a_note_is_dated_today_and_says_so(ok):
    assert (
        ok("note", "dana", "Budget approved").out
        == "Noted for Thu 3 Dec 2026 (note 1)\n"
    )
    note = notes_of(ok)[0]
    assert (note["text"], note["kind"], note["happened_at"]) == (
        "Budget approved",
        "meeting",
        "2026-12-03",
    )


@pytest.mark.parametrize(
    ("typed", "echoed", "stored"),
    [
        ("friday", "Fri 27 Nov 2026", "2026-11-27"),
        ("yesterday", "Wed 2 Dec 2026", "2026-12-02"),
        ("Dec 10", "Wed 10 Dec 2025", "2025-12-10"),
        ("3 days ago", "Mon 30 Nov 2026", "2026-11-30"),
        ("2026-11-20 14:30", "Fri 20 Nov 2026 14:30", "2026-11-20T14:30:00+01:00"),
    ],
)
def test_a_note_date_leans_to_the_past(ok, typed, echoed, stored):
    assert (
        ok("note", "dana", "lunch", "--on", typed).out
        == f"Noted for {echoed} (note 1)\n"
    )
    assert notes_of(ok)[0]["happened_at"] == stored


def test_an_unreadable_date_is_an_error_that_shows_the_forms(ok, farley):
    run = farley("note", "dana", "lunch", "--on", "Aug 31sh")
    assert run.code == 2
    assert run.err.startswith('farley: can\'t read the date "Aug 31sh": try 2026-12-04')
    assert run.err.count("\n") == 1
    assert notes_of(ok) == []


def test_a_note_with_others_appears_for_each_of_them(ok):
    ok("note", "dana", "Kick-off", "--with", "priya")
    assert [p["name"] for p in notes_of(ok, "priya")[0]["people"]] == [
        "Dana Whitfield",
        "Priya Shah",
    ]


def test_the_kind_is_kept_and_checked(ok, farley):
    ok("note", "dana", "Rang about the contract", "--kind", "call")
    assert notes_of(ok)[0]["kind"] == "call"
    run = farley("note", "dana", "x", "--kind", "fax")
    assert run.code == 2
    assert run.err == (
        'farley: "fax" is not a kind of note: '
        "use one of meeting, call, email, message, other\n"
    )


def test_the_text_is_read_from_standard_input_when_piped(ok):
    ok("note", "dana", input="Line one\nLine two\n")
    assert notes_of(ok)[0]["text"] == "Line one\nLine two"


def test_an_empty_note_is_refused(ok, farley):
    run = farley("note", "dana", input="   \n")
    assert run.code == 2
    assert "the note is empty" in run.err
    assert notes_of(ok) == []


def test_a_note_about_an_unknown_person_writes_nothing(ok, farley):
    run = farley("note", "dana", "hello", "--with", "nobody")
    assert run.code == 3
    assert notes_of(ok) == []


def test_the_editor_writes_the_note_when_there_is_no_text(tmp_path):
    from farley.cli.notes import _edit

    editor = tmp_path / "editor"
    editor.write_text('#!/bin/sh\nprintf "Lunch at Dishoom\\n" >> "$1"\n')
    editor.chmod(0o755)
    written = _edit(str(editor))
    assert written.startswith("\n# Write the note above.")
    assert written.endswith("Lunch at Dishoom\n")


def test_an_editor_that_fails_notes_nothing(tmp_path):
    from farley.cli.notes import _edit
    from farley.errors import InvalidInput

    with pytest.raises(InvalidInput, match="the editor exited with an error"):
        _edit("false")
