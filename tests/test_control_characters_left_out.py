"""Control characters (a bell, an escape) are left out of what is written, so that
printing a note or a name never makes the terminal act on them."""

from __future__ import annotations

import pytest
from helpers import dump

from farley.domain.notes import clean_text


@pytest.fixture(autouse=True)
def ann(ok):
    ok("add", "Ann Lee")


def test_a_bell_in_a_note_is_dropped_before_history_and_show_print_it(ok):
    assert ok("note", "ann", "ring\x07 ring\x1b[31m\nsecond\tline").out == (
        "Noted for Thu 3 Dec 2026 (note 1)\n"
    )
    run = ok("history", "ann")
    assert run.out == (
        "History: Ann Lee (1 entry)\n\n"
        "Thu 3 Dec 2026 (today) · meeting  #1\n"
        "  ring ring[31m\n"
        "  second\tline\n"
    )
    assert run.err == ""
    assert "\x07" not in ok("show", "ann").out


def test_carriage_returns_become_line_breaks(ok):
    ok("note", "ann", "one\r\ntwo\rthree")
    assert ok("history", "ann").out.endswith("  one\n  two\n  three\n")


def test_a_note_of_nothing_but_control_characters_is_empty_and_refused(
    farley, data_file
):
    before = dump(data_file)
    run = farley("note", "ann", "\x07\x1b")
    assert run.code == 2
    assert run.out == ""
    assert run.err == (
        'farley: the note is empty: write it as farley note dana "what was said"\n'
    )
    assert dump(data_file) == before


def test_a_to_do_line_with_a_bell_gives_a_clean_reminder(ok):
    assert ok("note", "ann", "call\n- [ ] send\x07 the deck by friday").out == (
        "Noted for Thu 3 Dec 2026 (note 1)\n"
        "Reminder 1: send the deck, due Fri 4 Dec 2026\n"
    )


def test_an_imported_note_loses_its_control_characters(ok, tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("date,person,text\n2026-11-02,Ann Lee,Lunch\x07 at\x1b noon\n")
    ok("import", str(path))
    assert ok("history", "ann").out.endswith("  Lunch at noon\n")


def test_a_name_loses_its_control_characters_too(ok):
    assert ok("add", "Bo\x07 Chen").out == "Added Bo Chen (id 2)\n"
    assert ok("edit", "2", "--name", "Bo\x1b Chan").out.startswith("Updated Bo Chan")


def test_clean_text_keeps_tabs_newlines_and_printable_letters():
    assert clean_text("  é\tü\n\x00ß\x7f\x85 ") == "é\tü\nß"
