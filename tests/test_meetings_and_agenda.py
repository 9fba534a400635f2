"""Putting meetings on the agenda and reading what is coming up."""

import json


def test_a_meeting_leans_to_the_future_and_echoes_its_time(ok):
    ok("add", "Dana Whitfield")
    assert ok("meet", "dana", "--at", "friday 3pm").out == (
        "Meeting on Fri 4 Dec 2026 15:00 (meeting 1)\n"
    )
    meeting = json.loads(ok("show", "dana", "--json").out)["next_meeting"]
    assert meeting["starts_at"] == "2026-12-04T15:00:00+01:00"


def test_a_meeting_needs_at(ok, farley):
    ok("add", "Dana Whitfield")
    run = farley("meet", "dana")
    assert run.code == 2
    assert run.err == "farley: missing option '--at': see farley meet --help\n"


def test_a_meeting_time_without_a_time_of_day_is_refused(ok, farley):
    ok("add", "Dana Whitfield")
    run = farley("meet", "dana", "--at", "friday")
    assert run.code == 2
    assert run.err == (
        'farley: "friday" has no time of day: add one, e.g. "friday 3pm" or '
        '"2026-12-04 15:30"\n'
    )


def test_the_agenda_lists_meetings_reminders_and_dates_in_the_window(ok):
    ok("add", "Dana Whitfield", "--birthday", "8 Dec 1980")
    ok("add", "Priya Shah")
    ok(
        "meet",
        "dana",
        "--at",
        "tomorrow 15:00",
        "--with",
        "priya",
        "--topic",
        "Q1 plan",
    )
    ok("meet", "dana", "--at", "2026-12-20 10:00")
    ok("remind", "dana", "send the deck", "--due", "monday")
    ok("remind", "priya", "overdue thing", "--due", "2026-11-30")
    ok("remind", "priya", "later", "--due", "2026-12-24")
    assert ok("agenda").out == (
        "Agenda: Thu 3 Dec 2026 to Thu 10 Dec 2026\n"
        "\n"
        "Meetings\n"
        "  Fri 4 Dec 2026 15:00 (tomorrow) with Dana Whitfield, Priya Shah: "
        "Q1 plan  #1\n"
        "\n"
        "Reminders due\n"
        "  #2 overdue thing (Priya Shah) OVERDUE: due Mon 30 Nov 2026 (3 days ago)\n"
        "  #1 send the deck (Dana Whitfield) — due Mon 7 Dec 2026 (in 4 days)\n"
        "\n"
        "Dates\n"
        "  Dana Whitfield's birthday, Tue 8 Dec 2026 (in 5 days), turns 46\n"
    )


def test_the_agenda_days_option_widens_the_window(ok):
    ok("add", "Dana Whitfield")
    ok("meet", "dana", "--at", "2026-12-20 10:00")
    data = json.loads(ok("agenda", "--days", "30", "--json").out)
    assert [m["starts_at"] for m in data["meetings"]] == ["2026-12-20T10:00:00+01:00"]
    assert data["end"] == "2027-01-02"


def test_an_empty_agenda_says_so(ok):
    run = ok("agenda")
    assert (run.out, run.err) == ("", "Nothing coming up in the next 7 days.\n")


def test_a_long_agenda_shows_the_first_twenty_of_a_section_and_how_many_more(ok):
    for n in range(25):
        ok("add", f"Person {n:02d}", "--birthday", "5 Dec 1990")
    lines = ok("agenda").out.splitlines()
    dates = lines[lines.index("Dates") + 1 :]
    assert len(dates) == 21
    assert dates[-1] == "  and 5 more: see farley agenda --all"
    everything = ok("agenda", "--all").out.splitlines()
    assert len(everything[everything.index("Dates") + 1 :]) == 25
