"""Dates as commands take them: future days refused where they make no sense, every
date echoed as understood, and a bare day of the month ("the 15th")."""

import json

import pytest
from helpers import dump


@pytest.fixture(autouse=True)
def people(ok):
    ok("add", "Dana Whitfield")
    ok("add", "Sean O'Brien")


# Future days where only a past one makes sense

NOTE_AHEAD = (
    "is still to come: a note records what happened, so give --on a day up to "
    "today (for what is coming, use farley remind or farley meet)\n"
)


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("in 2 weeks", "Thu 17 Dec 2026"),
        ("tomorrow", "Fri 4 Dec 2026"),
        ("next friday 3pm", "Fri 4 Dec 2026 15:00"),
        ("2027-01-01", "Fri 1 Jan 2027"),
    ],
)
def test_a_note_dated_after_today_is_refused_and_nothing_is_written(
    farley, data_file, typed, shown
):
    before = dump(data_file)
    run = farley("note", "dana", "quick call", "--on", typed)
    assert run.code == 2
    assert run.out == ""
    assert run.err == f"farley: {shown} {NOTE_AHEAD}"
    assert dump(data_file) == before


def test_a_refused_note_date_is_refused_before_the_text_is_asked_for(farley):
    run = farley("note", "dana", "--on", "tomorrow", input="what was said\n")
    assert run.code == 2
    assert run.out == ""
    assert run.err == f"farley: Fri 4 Dec 2026 {NOTE_AHEAD}"


def test_a_note_later_today_or_on_a_bare_weekday_is_still_taken(ok):
    assert ok("note", "dana", "call", "--on", "today 5pm").out == (
        "Noted for Thu 3 Dec 2026 17:00 (note 1)\n"
    )
    assert ok("note", "dana", "lunch", "--on", "friday").out == (
        "Noted for Fri 27 Nov 2026 (note 2)\n"
    )


def test_a_fact_learned_after_today_is_refused(farley, data_file):
    before = dump(data_file)
    run = farley("fact", "dana", "k", "v", "--learned", "in 3 years")
    assert run.code == 2
    assert run.out == ""
    assert run.err == (
        "farley: Mon 3 Dec 2029 is still to come: a fact was learned on a day up "
        "to today, so give --learned one (or leave it out for today)\n"
    )
    assert dump(data_file) == before


def test_a_met_on_day_after_today_is_refused_by_edit_and_add(farley, data_file):
    before = dump(data_file)
    run = farley("edit", "sean", "--met-on", "next year")
    assert run.code == 2
    assert run.out == ""
    assert run.err == (
        "farley: Fri 3 Dec 2027 is still to come: you met on a day up to today, "
        "so give --met-on one\n"
    )
    run = farley("add", "Priya Shah", "--met-on", "tomorrow")
    assert run.code == 2
    assert run.out == ""
    assert run.err.startswith("farley: Fri 4 Dec 2026 is still to come: you met on")
    assert dump(data_file) == before


def test_a_birthday_with_a_year_after_today_is_refused(farley, data_file):
    before = dump(data_file)
    run = farley("add", "I", "--birthday", "2030-01-01")
    assert run.code == 2
    assert run.out == ""
    assert run.err == (
        "farley: 1 Jan 2030 is still to come: a birthday with a year is not in the "
        "future, so give the year they were born, or no year (--birthday 1 Jan)\n"
    )
    assert dump(data_file) == before


def test_a_birthday_today_or_without_a_year_is_taken(ok):
    assert ok("add", "Baby", "--birthday", "2026-12-03").out == (
        "Added Baby (id 3), birthday 3 Dec 2026\n"
    )
    assert ok("add", "Priya Shah", "--birthday", "Jan 1").out == (
        "Added Priya Shah (id 4), birthday 1 Jan\n"
    )


def test_a_reminder_due_in_the_past_is_taken_and_said_to_be_overdue(ok):
    run = ok("remind", "dana", "send the deck", "--due", "last friday")
    assert run.out == (
        "Reminder 1 for Dana Whitfield, due Fri 27 Nov 2026 (overdue: 6 days ago)\n"
    )
    assert run.err == ""
    assert ok("remind", "dana", "call", "--due", "today").out == (
        "Reminder 2 for Dana Whitfield, due Thu 3 Dec 2026\n"
    )


# Every date echoed as understood


def test_add_echoes_the_birthday_and_the_day_you_met(ok):
    run = ok(
        "add", "Priya Shah", "--birthday", "12 Apr 1980", "--met-on", "last friday"
    )
    assert run.out == (
        "Added Priya Shah (id 3), birthday 12 Apr 1980, met on Fri 27 Nov 2026\n"
    )
    assert run.err == ""


def test_edit_echoes_the_day_you_met_and_clearing_it_echoes_none(ok):
    assert ok("edit", "sean", "--met-on", "3 Mar").out == (
        "Updated Sean O'Brien (id 2), met on Tue 3 Mar 2026\n"
    )
    assert ok("edit", "sean", "--met-on", "").out == "Updated Sean O'Brien (id 2)\n"
    assert json.loads(ok("show", "sean", "--json").out)["person"]["met_on"] is None


def test_fact_echoes_the_day_it_was_learned(ok):
    run = ok("fact", "dana", "spouse", "Tom", "-c", "family", "--learned", "friday")
    assert run.out == (
        "Noted Dana Whitfield's spouse (family), learned Fri 27 Nov 2026\n"
    )
    facts = json.loads(ok("show", "dana", "--json").out)["facts"]
    assert facts[0]["learned_on"] == "2026-11-27"


# A bare day of the month (now is Thu 3 Dec 2026)


@pytest.mark.parametrize(
    ("typed", "due"),
    [
        ("15", "Tue 15 Dec 2026"),
        ("15th", "Tue 15 Dec 2026"),
        ("the 15th", "Tue 15 Dec 2026"),
        ("3", "Thu 3 Dec 2026"),
        ("2nd", "Sat 2 Jan 2027"),
        ("the 31st", "Thu 31 Dec 2026"),
    ],
)
def test_a_reminder_due_on_a_bare_day_is_the_next_one_today_included(ok, typed, due):
    assert ok("remind", "dana", "x", "--due", typed).out == (
        f"Reminder 1 for Dana Whitfield, due {due}\n"
    )


@pytest.mark.parametrize(
    ("typed", "on"),
    [
        ("the 15th", "Sun 15 Nov 2026"),
        ("15", "Sun 15 Nov 2026"),
        ("3rd", "Thu 3 Dec 2026"),
        # November has no 31st: the last month that had one is October.
        ("31", "Sat 31 Oct 2026"),
    ],
)
def test_a_note_on_a_bare_day_is_the_last_one_today_included(ok, typed, on):
    assert ok("note", "dana", "x", "--on", typed).out == f"Noted for {on} (note 1)\n"


def test_a_meeting_on_a_bare_day_with_a_time_is_the_next_one(ok):
    assert ok("meet", "dana", "--at", "the 15th 3pm").out == (
        "Meeting on Tue 15 Dec 2026 15:00 (meeting 1)\n"
    )


def test_a_bare_day_a_month_lacks_goes_to_the_next_month_that_has_it(ok, monkeypatch):
    monkeypatch.setenv("FARLEY_NOW", "2026-11-05T10:00:00+01:00")
    assert ok("remind", "dana", "x", "--due", "31").out == (
        "Reminder 1 for Dana Whitfield, due Thu 31 Dec 2026\n"
    )


@pytest.mark.parametrize("typed", ["0", "32", "the 32nd", "15st"])
def test_a_day_no_month_has_is_refused(farley, typed):
    run = farley("remind", "dana", "x", "--due", typed)
    assert run.code == 2
    assert run.out == ""
    assert run.err.startswith(f'farley: can\'t read the date "{typed}": try ')


# Every form the README's Dates section lists


@pytest.mark.parametrize(
    ("typed", "due"),
    [
        ("2026-12-04", "Fri 4 Dec 2026"),
        ("2026-12-04 15:30", "Fri 4 Dec 2026"),
        ("4 Dec 2026", "Fri 4 Dec 2026"),
        ("Dec 4", "Fri 4 Dec 2026"),
        ("friday 3pm", "Fri 4 Dec 2026"),
        ("today", "Thu 3 Dec 2026"),
        ("tomorrow", "Fri 4 Dec 2026"),
        ("next friday", "Fri 4 Dec 2026"),
        ("in 2 weeks", "Thu 17 Dec 2026"),
        ("friday", "Fri 4 Dec 2026"),
        ("the 15th", "Tue 15 Dec 2026"),
    ],
)
def test_every_form_the_readme_lists_reads_as_a_reminder_date(ok, typed, due):
    assert ok("remind", "dana", "x", "--due", typed).out == (
        f"Reminder 1 for Dana Whitfield, due {due}\n"
    )


@pytest.mark.parametrize(
    ("typed", "on"),
    [
        ("yesterday", "Wed 2 Dec 2026"),
        ("3 days ago", "Mon 30 Nov 2026"),
        ("friday", "Fri 27 Nov 2026"),
        ("Dec 4", "Thu 4 Dec 2025"),
    ],
)
def test_the_readme_forms_that_look_back_read_as_a_note_date(ok, typed, on):
    assert ok("note", "dana", "x", "--on", typed).out == f"Noted for {on} (note 1)\n"


@pytest.mark.parametrize(
    ("typed", "every"),
    [
        ("every week", "every week"),
        ("every 2 weeks", "every 2 weeks"),
        ("every 3 months", "every 3 months"),
        ("monthly", "every month"),
        ("yearly", "every year"),
    ],
)
def test_every_repeat_the_readme_lists_reads(ok, typed, every):
    assert ok("remind", "dana", "x", "--due", "friday", "--every", typed).out == (
        f"Reminder 1 for Dana Whitfield, due Fri 4 Dec 2026, {every}\n"
    )


@pytest.mark.parametrize(
    ("typed", "shown"), [("--04-12", "12 Apr"), ("12 Apr", "12 Apr")]
)
def test_a_birthday_without_a_year_reads_as_the_readme_says(ok, typed, shown):
    assert ok("add", "Priya Shah", "--birthday", typed).out == (
        f"Added Priya Shah (id 3), birthday {shown}\n"
    )
