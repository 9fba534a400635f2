"""A numeric date typed whose day and month could be swapped is refused, never guessed.

Imports decide one order per file, so they still read such dates as told.
"""

from datetime import date, datetime, timedelta, timezone

import pytest
from helpers import dump

from farley.dates.parse import AmbiguousDate, parse_partial_date, parse_when
from farley.errors import InvalidInput

NOW = datetime(2026, 12, 3, 10, 0, tzinfo=timezone(timedelta(hours=1)))
APRIL_OR_DECEMBER = (
    'farley: "04/12/2026" could be 4 Dec or 12 Apr: write 2026-12-04 or 4 Dec 2026\n'
)


@pytest.fixture(autouse=True)
def ann(ok):
    ok("add", "Ann Lee")


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("04/12/2026", "could be 4 Dec or 12 Apr: write 2026-12-04 or 4 Dec 2026"),
        ("1/2/2026", "could be 1 Feb or 2 Jan: write 2026-02-01 or 1 Feb 2026"),
        ("12/4/2026", "could be 12 Apr or 4 Dec: write 2026-04-12 or 12 Apr 2026"),
        ("04.12.26", "could be 4 Dec or 12 Apr: write 2026-12-04 or 4 Dec 2026"),
        ("4-12-2026", "could be 4 Dec or 12 Apr: write 2026-12-04 or 4 Dec 2026"),
        ("4/12", "could be 4 Dec or 12 Apr: write the month in words, e.g. 4 Dec"),
    ],
)
def test_a_due_date_that_reads_both_ways_is_refused_and_nothing_is_written(
    farley, data_file, typed, message
):
    before = dump(data_file)
    run = farley("remind", "ann", "x", "--due", typed)
    assert run.code == 2
    assert run.out == ""
    assert run.err == f'farley: "{typed}" {message}\n'
    assert dump(data_file) == before


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("13/12/2026", "Sun 13 Dec 2026"),
        ("12/13/2026", "Sun 13 Dec 2026"),
        ("05/05/2027", "Wed 5 May 2027"),
        ("31.12.2026", "Thu 31 Dec 2026"),
        ("4 Dec 2026", "Fri 4 Dec 2026"),
    ],
)
def test_a_due_date_that_reads_one_way_only_is_read_that_way(ok, typed, shown):
    run = ok("remind", "ann", "x", "--due", typed)
    assert run.out == f"Reminder 1 for Ann Lee, due {shown}\n"
    assert run.err == ""


def test_a_note_dated_one_of_two_ways_is_refused(farley):
    run = farley("note", "ann", "x", "--on", "1/2/2026")
    assert run.code == 2
    assert run.out == ""
    assert run.err == (
        'farley: "1/2/2026" could be 1 Feb or 2 Jan: write 2026-02-01 or 1 Feb 2026\n'
    )


def test_a_meeting_at_a_date_of_two_readings_is_refused(farley):
    run = farley("meet", "ann", "--at", "04/12/2026 3pm")
    assert run.code == 2
    assert run.out == ""
    assert run.err == APRIL_OR_DECEMBER


def test_a_birthday_of_two_readings_is_refused(farley):
    run = farley("add", "Bo", "--birthday", "04-12")
    assert run.code == 2
    assert run.out == ""
    assert run.err == (
        'farley: "04-12" could be 4 Dec or 12 Apr: '
        "write the month in words, e.g. 4 Dec\n"
    )


def test_a_to_do_line_due_on_a_date_of_two_readings_is_refused_with_no_note(
    farley, data_file
):
    before = dump(data_file)
    run = farley("note", "ann", "call\n- [ ] send the deck by 04/12/2026")
    assert run.code == 2
    assert run.out == ""
    assert run.err == APRIL_OR_DECEMBER.replace(
        "\n",
        ' (in the to-do line "- [ ] send the deck by 04/12/2026"; nothing was noted)\n',
    )
    assert dump(data_file) == before


def test_a_to_do_line_due_on_a_date_of_one_reading_becomes_a_reminder(ok):
    run = ok("note", "ann", "call\n- [ ] send the deck by 13/12/2026")
    assert run.out == (
        "Noted for Thu 3 Dec 2026 (note 1)\n"
        "Reminder 1: send the deck, due Sun 13 Dec 2026\n"
    )


def test_an_import_reads_such_dates_in_the_order_asked(ok, tmp_path, data_file):
    path = tmp_path / "notes.csv"
    path.write_text("date,person,text\n04/12/2025,Ann Lee,Lunch\n")
    ok("import", str(path), "--dayfirst")
    assert ok("history", "ann").out == (
        "History: Ann Lee (1 entry)\n\nThu 4 Dec 2025 (11 months ago) · other  #1\n"
        "  Lunch\n"
    )


def test_the_parser_refuses_only_when_no_order_is_given():
    with pytest.raises(AmbiguousDate):
        parse_when("04/12/2026", NOW)
    assert parse_when("04/12/2026", NOW, dayfirst=True) == date(2026, 12, 4)
    assert parse_when("04/12/2026", NOW, dayfirst=False) == date(2026, 4, 12)
    assert parse_partial_date("04/12/1980", dayfirst=True).month == 12


def test_the_refusal_is_invalid_input_but_not_a_date_error():
    # Follow-ups read a phrase that is no date as text: this must not be one.
    from farley.errors import DateError

    assert issubclass(AmbiguousDate, InvalidInput)
    assert not issubclass(AmbiguousDate, DateError)
