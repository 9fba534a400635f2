"""An import reads all its numeric dates (04/05/1990) in one order, the file's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run where the test writes its files, so that messages name them briefly."""
    monkeypatch.chdir(tmp_path)


def write(name: str, *lines: str) -> str:
    Path(name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return name


def dates_of(ok, who: str) -> dict[str, tuple[int, int, int | None]]:
    found = json.loads(ok("show", who, "--json").out)["dates"]
    return {d["label"]: (d["year"], d["month"], d["day"]) for d in found}


def test_one_day_first_date_makes_the_whole_file_day_first(ok):
    write("people.csv", "name,birthday", "A One,25/12/1980", "B Two,04/05/1990")
    run = ok("import", "people.csv")
    assert run.err == "Dates read day first (line 2: 25/12/1980)\n"
    assert dates_of(ok, "A One") == {"birthday": (1980, 12, 25)}
    assert dates_of(ok, "B Two") == {"birthday": (1990, 5, 4)}


def test_one_month_first_date_makes_the_whole_file_month_first(ok):
    write("people.csv", "name,birthday", "A One,04/05/1990", "B Two,12/25/1980")
    run = ok("import", "people.csv")
    assert run.err == "Dates read month first (line 3: 12/25/1980)\n"
    assert dates_of(ok, "A One") == {"birthday": (1990, 4, 5)}


def test_a_file_with_both_orders_is_refused_and_nothing_is_written(farley, ok):
    write(
        "people.csv",
        "name,birthday,anniversary",
        "A One,25/12/1980,",
        "B Two,04/05/1990,",
        "C Three,,12/25/1980",
    )
    run = farley("import", "people.csv")
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        "farley: people.csv: line 2 has 25/12/1980 (day first) and line 4 has "
        "12/25/1980 (month first): write the dates of one file the same way\n"
    )
    assert json.loads(ok("list", "--json").out) == []


def test_dayfirst_reads_every_date_day_first_and_says_nothing(ok):
    write("people.csv", "name,birthday", "A One,04/05/1990", "B Two,12/11/1980")
    run = ok("import", "people.csv", "--dayfirst")
    assert run.err == ""
    assert dates_of(ok, "A One") == {"birthday": (1990, 5, 4)}
    assert dates_of(ok, "B Two") == {"birthday": (1980, 11, 12)}


def test_dotted_dates_are_read_day_first_when_nothing_else_decides(ok):
    write("leute.csv", "Name,Geburtstag", "Anna Berg,12.04.1970")
    run = ok("import", "leute.csv", "--map", "Geburtstag=birthday")
    assert run.err == (
        "Dates read day first, as dotted dates are written (line 2: 12.04.1970)\n"
    )
    assert dates_of(ok, "Anna Berg") == {"birthday": (1970, 4, 12)}


def test_slashed_dates_are_read_month_first_when_nothing_decides(ok):
    write("people.csv", "name,birthday", "A One,04/05/1990", "B Two,1/1/1980")
    run = ok("import", "people.csv")
    assert run.err == (
        "Dates read month first, as no date in the file says otherwise "
        "(line 2: 04/05/1990): --dayfirst reads them day first\n"
    )
    assert dates_of(ok, "A One") == {"birthday": (1990, 4, 5)}


def test_a_file_without_numeric_dates_says_nothing_about_them(ok):
    write("people.csv", "name,birthday", "A One,1980-12-25", "B Two,4 May 1990")
    assert ok("import", "people.csv").err == ""


def test_when_you_met_settles_the_order_of_a_birthday(ok):
    write("people.csv", "name,met on,birthday", "A One,31/01/2020,", "B Two,,3/4/80")
    ok("import", "people.csv")
    assert dates_of(ok, "B Two") == {"birthday": (1980, 4, 3)}


def test_a_notes_file_is_read_in_one_order(ok):
    ok("add", "Dana Whitfield")
    write(
        "notes.csv",
        "person,date,text",
        "Dana Whitfield,03/04/2026,Call about the budget",
        "Dana Whitfield,20/04/2026,Lunch in Leeds",
    )
    run = ok("import", "notes.csv")
    assert run.err == "Dates read day first (line 3: 20/04/2026)\n"
    notes = json.loads(ok("show", "Dana", "--json").out)["notes"]
    assert sorted(note["happened_at"] for note in notes) == ["2026-04-03", "2026-04-20"]


def test_reminders_due_dates_count_towards_the_order(farley):
    farley("add", "Dana Whitfield")
    write(
        "reminders.csv",
        "person,task,due",
        "Dana Whitfield,send the deck,13/01/2027",
        "Dana Whitfield,call back,01/13/2027",
    )
    run = farley("import", "reminders.csv")
    assert run.code == 2
    assert "line 2 has 13/01/2027 (day first) and line 3 has 01/13/2027" in run.err


@pytest.mark.parametrize("day", ["15", "15th", "the 3rd"])
def test_a_day_of_the_month_alone_is_no_date_in_a_file(farley, ok, day):
    ok("add", "A One")
    write("notes.csv", "person,date,text", f"A One,{day},Lunch")
    run = farley("import", "notes.csv")
    assert run.code == 2
    assert run.err == (
        f'farley: notes.csv line 2: "{day}" is a day without its month and year: '
        "give the whole date, e.g. 2026-11-15 (nothing was imported; --skip-bad "
        "imports the other rows)\n"
    )


def test_a_note_dated_after_today_is_a_bad_row(farley, ok):
    ok("add", "A One")
    write("notes.csv", "person,date,text", "A One,2027-01-01,Planned call")
    run = farley("import", "notes.csv")
    assert run.code == 2
    assert run.err == (
        'farley: notes.csv line 2: "2027-01-01" is after today: give a day up to '
        "today (nothing was imported; --skip-bad imports the other rows)\n"
    )


def test_a_birthday_with_a_year_to_come_is_a_bad_row(farley):
    write("people.csv", "name,birthday", "A One,2030-05-01")
    run = farley("import", "people.csv")
    assert run.code == 2
    assert "line 2: birthday: " in run.err
    assert '"2030-05-01" is after today' in run.err


def test_a_json_export_with_a_date_that_is_no_date_is_refused(farley, ok):
    ok("add", "A One")
    ok("note", "A One", "Lunch")
    export = json.loads(ok("export").out)
    export["tables"]["notes"][0]["happened_at"] = "garbage"
    Path("edited.json").write_text(json.dumps(export))
    ok("--db", "fresh.db", "list")
    run = farley("--db", "fresh.db", "import", "edited.json")
    assert run.code == 2
    assert run.err == (
        "farley: edited.json: notes row 1 has happened_at 'garbage', not a day or "
        "a time in ISO 8601: fix it or export again\n"
    )


@pytest.mark.parametrize(
    ("table", "column", "value", "shape"),
    [
        ("reminders", "due_on", "2026-12-08T10:00", "a day such as 2026-12-04"),
        ("meetings", "starts_at", "2026-12-04", "a time such as"),
    ],
)
def test_a_json_export_with_a_time_for_a_day_or_a_day_for_a_time_is_refused(
    farley, ok, table, column, value, shape
):
    ok("add", "A One")
    ok("remind", "A One", "send the deck", "--due", "2026-12-08")
    ok("meet", "A One", "--at", "tomorrow 3pm")
    export = json.loads(ok("export").out)
    export["tables"][table][0][column] = value
    Path("edited.json").write_text(json.dumps(export))
    run = farley("--db", "fresh.db", "import", "edited.json")
    assert run.code == 2
    assert f"{table} row 1 has {column} '{value}', not {shape}" in run.err


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [("notes", "happened_at", "2027-06-01"), ("facts", "learned_on", "2030-01-01")],
)
def test_a_json_export_dated_after_today_is_refused(farley, ok, table, column, value):
    ok("add", "A One")
    ok("note", "A One", "Lunch")
    ok("fact", "A One", "coffee", "flat white")
    export = json.loads(ok("export").out)
    export["tables"][table][0][column] = value
    Path("edited.json").write_text(json.dumps(export))
    run = farley("--db", "fresh.db", "import", "edited.json")
    assert run.code == 2
    assert f"{table} row 1 has {column} {value}, after today" in run.err


def test_dayfirst_refuses_a_file_with_a_date_that_reads_only_month_first(farley):
    write("people.csv", "name,birthday", "A One,04/05/1990", "B Two,12/25/1980")
    run = farley("import", "people.csv", "--dayfirst")
    assert run.code == 2
    assert run.err == (
        "farley: people.csv: line 3 has 12/25/1980, which reads only month first: "
        "leave out --dayfirst, or fix the file\n"
    )


def test_a_json_yearly_date_missing_its_month_is_one_line_not_a_crash(farley, ok):
    ok("add", "A One", "--birthday", "12 Apr 2026")
    export = json.loads(ok("export").out)
    export["tables"]["important_dates"][0]["month"] = None
    Path("edited.json").write_text(json.dumps(export))
    run = farley("--db", "fresh.db", "import", "edited.json")
    assert (run.code, run.out) == (2, "")
    assert run.err.startswith("farley: edited.json: the important_dates rows can't")
