"""Important dates: set with or without a year, listed, removed; 29 February."""

import json
from datetime import date

import pytest

from farley.dates.format import PartialDate
from farley.domain.occasions import falls_on, set_date, upcoming
from farley.domain.people import NewPerson, add_person


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("--04-12", "12 Apr"),
        ("12 Apr", "12 Apr"),
        ("April 12th", "12 Apr"),
        ("1980-04-12", "12 Apr 1980"),
        ("12 Apr 1980", "12 Apr 1980"),
    ],
)
def test_a_date_is_recorded_with_or_without_its_year(ok, typed, shown):
    ok("add", "Dana Whitfield")
    assert ok("date", "dana", "birthday", typed).out == (
        f"Dana Whitfield's birthday: {shown}\n"
    )


def test_any_label_works_and_setting_it_again_replaces_it(ok):
    ok("add", "Dana Whitfield")
    ok("date", "dana", "Work  Anniversary", "3 Mar 2019")
    ok("date", "dana", "work anniversary", "4 Mar 2019")
    ok("date", "dana", "child's birthday", "--06-01")
    assert json.loads(ok("dates", "dana", "--json").out) == [
        {
            "person": {"id": 1, "name": "Dana Whitfield", "company": None},
            "label": "work anniversary",
            "on": "2027-03-04",
            "years": 8,
        },
        {
            "person": {"id": 1, "name": "Dana Whitfield", "company": None},
            "label": "child's birthday",
            "on": "2027-06-01",
            "years": None,
        },
    ]


def test_dates_lists_everyone_by_when_they_next_come_round(ok):
    ok("add", "Dana Whitfield")
    ok("add", "Tom Baker")
    ok("date", "dana", "birthday", "1980-04-12")
    ok("date", "tom", "anniversary", "8 Dec 2010")
    ok("date", "tom", "birthday", "--12-03")
    assert ok("dates").out == (
        "Dates in the coming year\n"
        "\n"
        "Tom Baker's birthday, Thu 3 Dec 2026 (today)\n"
        "Tom Baker's anniversary, Tue 8 Dec 2026 (in 5 days), 16 years\n"
        "Dana Whitfield's birthday, Mon 12 Apr 2027 (in 4 months), turns 47\n"
    )
    assert ok("dates", "tom").out.startswith("Dates: Tom Baker\n\nbirthday, Thu 3 Dec")


def test_a_date_can_be_removed(ok, farley):
    ok("add", "Dana Whitfield")
    ok("date", "dana", "birthday", "12 Apr")
    assert ok("date", "dana", "Birthday", "--remove").out == (
        "Removed Dana Whitfield's birthday\n"
    )
    assert ok("dates").err == "No dates on file: farley date dana birthday 12 Apr\n"
    run = farley("date", "dana", "birthday", "--remove")
    assert run.code == 3 and 'no date called "birthday"' in run.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("date", "dana", "birthday"), "give a date or --remove"),
        (("date", "dana", "birthday", "12 Apr", "--remove"), "give a date or --remove"),
        (("date", "dana", "birthday", "31 Feb"), "can't read the date"),
        (("date", "dana", "birthday", "--13-01"), "can't read the date"),
        (("date", "dana", "birthday", "soon"), "can't read the date"),
        (("date", "dana", "birthday", "1981-02-29"), "can't read the date"),
        (("date", "dana", " ", "12 Apr"), "a date needs a label"),
    ],
)
def test_a_date_that_cannot_be_read_is_one_line(ok, farley, args, message):
    ok("add", "Dana Whitfield")
    run = farley(*args)
    assert run.code == 2, run
    assert message in run.err and run.err.count("\n") == 1


@pytest.mark.parametrize(
    ("year", "day"),
    [(2027, date(2027, 2, 28)), (2028, date(2028, 2, 29)), (2100, date(2100, 2, 28))],
)
def test_29_february_falls_on_the_28th_in_other_years(year, day):
    assert falls_on(2, 29, year) == day


def test_a_leap_day_birthday_is_on_the_agenda_on_28_february(ok, monkeypatch):
    ok("add", "Dana Whitfield")
    ok("date", "dana", "birthday", "1980-02-29")
    monkeypatch.setenv("FARLEY_NOW", "2027-02-25T09:00:00+01:00")
    assert "Dana Whitfield's birthday, Sun 28 Feb 2027 (in 3 days), turns 47" in (
        ok("agenda").out
    )
    monkeypatch.setenv("FARLEY_NOW", "2028-02-25T09:00:00+01:00")
    agenda = ok("agenda").out
    assert "Tue 29 Feb 2028 (in 4 days), turns 48" in agenda
    assert "28 Feb 2028" not in agenda


def test_a_leap_day_comes_once_a_year_in_the_domain(store, now):
    dana = add_person(store, NewPerson("Dana Whitfield"), now)
    set_date(store, dana.id, "birthday", PartialDate(2, 29, 1980))
    [one] = upcoming(store, date(2027, 2, 1), 365)
    assert (one.on, one.years) == (date(2027, 2, 28), 47)
    assert upcoming(store, date(2027, 3, 1), 363) == []
    [leap] = upcoming(store, date(2028, 2, 28), 1)
    assert leap.on == date(2028, 2, 29)


def test_a_yearless_leap_day_is_accepted_and_listed(ok):
    ok("add", "Dana Whitfield")
    assert ok("date", "dana", "birthday", "--02-29").out == (
        "Dana Whitfield's birthday: 29 Feb\n"
    )
    assert ok("dates", "dana").out == (
        "Dates: Dana Whitfield\n\nbirthday, Sun 28 Feb 2027 (in 2 months)\n"
    )


def test_the_brief_shows_a_birthday_coming_up_with_the_age(ok):
    ok("add", "Dana Whitfield")
    ok("date", "dana", "birthday", "1980-12-08")
    assert "turns 46" in ok("brief", "dana").out


@pytest.mark.parametrize(
    ("words", "shown"),
    [
        (["12", "Apr", "1980"], "12 Apr 1980"),
        (["12", "Apr"], "12 Apr"),
        (["April", "12th,", "1980"], "12 Apr 1980"),
        (["12 Apr 1980"], "12 Apr 1980"),
    ],
)
def test_the_date_takes_the_rest_of_the_words_unquoted(ok, words, shown):
    ok("add", "Dana Whitfield")
    run = ok("date", "dana", "birthday", *words)
    assert run.out == f"Dana Whitfield's birthday: {shown}\n"
    assert run.err == ""


def test_the_hint_for_someone_without_dates_works_as_written(ok):
    ok("add", "Dana Whitfield")
    hint = ok("dates").err.split(": ", 1)[1].split()
    assert hint[:2] == ["farley", "date"]
    ok(*hint[1:])
    assert "birthday, Mon 12 Apr 2027" in ok("dates", "dana").out


@pytest.mark.parametrize("typed", ["2030-05-01", "1 May 2030", "20 Dec 2026"])
def test_a_date_with_a_year_still_to_come_is_refused(ok, farley, typed):
    ok("add", "Sean Murphy")
    run = farley("date", "sean", "wedding", *typed.split())
    assert run.code == 2
    assert run.out == ""
    assert run.err.endswith(
        " is in the future: an important date is one that has happened; "
        "for what is coming, use farley remind\n"
    )
    assert run.err.count("\n") == 1
    assert ok("dates").out == ""


def test_a_date_earlier_today_or_without_a_year_is_accepted(ok):
    ok("add", "Sean Murphy")
    assert ok("date", "sean", "wedding", "3 Dec 2026").out == (
        "Sean Murphy's wedding: 3 Dec 2026\n"
    )
    assert ok("date", "sean", "anniversary", "20 Dec").out == (
        "Sean Murphy's anniversary: 20 Dec\n"
    )


def test_dates_never_print_a_negative_age(ok, store, now):
    sean = add_person(store, NewPerson("Sean Murphy"), now)
    set_date(store, sean.id, "wedding", PartialDate(5, 1, 2030))
    assert ok("dates").out == (
        "Dates in the coming year\n"
        "\n"
        "Sean Murphy's wedding, Sat 1 May 2027 (in 4 months)\n"
    )
    [entry] = json.loads(ok("dates", "--json").out)
    assert entry["years"] is None


def test_a_label_of_two_words_typed_without_quotes_gets_the_command_with_them(
    farley, ok
):
    ok("add", "Ingrid Berg")
    run = farley("date", "ingrid", "work", "anniversary", "1", "Dec", "2015")
    assert (run.code, run.err) == (
        2,
        'farley: a label of two words needs quotes: farley date ingrid "work '
        'anniversary" 1 Dec 2015\n',
    )
    run = farley("date", "ingrid", "birthday", "31", "feb")
    assert run.err.startswith('farley: can\'t read the date "31 feb"')
