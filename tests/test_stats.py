"""Stats: the whole picture, as data and as a chart."""

import json
from datetime import date

import pytest

from farley.domain.stats import MonthCount
from farley.render.plain import write_plain
from farley.render.stats import bar_lines


@pytest.fixture
def file(ok):
    ok("add", "Dana Whitfield", "--company", "Acme", "--tag", "client")
    ok("add", "Tom Baker", "--company", "ACME", "--tag", "client", "--tag", "friend")
    ok("add", "Sam Lee", "--company", "Globex")
    ok("edit", "dana", "--every", "2 weeks")
    ok("edit", "tom", "--every", "1 year")
    ok("note", "dana", "Lunch", "--on", "2026-10-01")
    ok("note", "dana", "Call", "--on", "2026-11-10", "--with", "tom")
    ok("note", "sam", "Coffee", "--on", "2026-11-11")
    ok("note", "sam", "Old news", "--on", "2025-06-01")
    ok("remind", "dana", "send the deck", "--due", "2026-12-01")
    ok("remind", "dana", "book lunch")
    ok("remind", "tom", "sign the NDA", "--they-owe")


@pytest.mark.usefixtures("file")
def test_stats_counts_people_notes_cadences_and_promises(ok):
    found = json.loads(ok("stats", "--json").out)
    assert found["since"] == "2026-01-01"
    assert (found["people"], found["notes"]) == (3, 3)
    assert found["by_tag"] == [
        {"name": "client", "count": 2},
        {"name": "friend", "count": 1},
    ]
    assert found["by_company"] == [
        {"name": "Acme", "count": 2},
        {"name": "Globex", "count": 1},
    ]
    assert len(found["notes_per_month"]) == 12
    assert found["notes_per_month"][-2:] == [
        {"month": "2026-11-01", "notes": 2},
        {"month": "2026-12-01", "notes": 0},
    ]
    assert (found["with_cadence"], found["within_cadence"]) == (2, 1)
    assert [t["person"]["name"] for t in found["longest_silences"]] == [
        "Dana Whitfield",
        "Tom Baker",
        "Sam Lee",
    ]
    assert found["promises"] == {
        "you_owe": 2,
        "you_owe_overdue": 1,
        "they_owe": 1,
        "they_owe_overdue": 0,
    }


@pytest.mark.usefixtures("file")
def test_stats_for_a_tag_counts_only_those_people(ok):
    found = json.loads(ok("stats", "--tag", "client", "--json").out)
    assert (found["people"], found["notes"]) == (2, 2)
    assert found["by_company"] == [{"name": "Acme", "count": 2}]
    assert found["promises"]["you_owe"] == 2 and found["promises"]["they_owe"] == 1
    assert [t["person"]["name"] for t in found["longest_silences"]] == [
        "Dana Whitfield",
        "Tom Baker",
    ]


@pytest.mark.usefixtures("file")
def test_since_moves_the_start_of_the_chart(ok):
    found = json.loads(ok("stats", "--since", "2025-06-01", "--json").out)
    assert found["notes"] == 4
    assert len(found["notes_per_month"]) == 19
    assert found["notes_per_month"][0] == {"month": "2025-06-01", "notes": 1}


@pytest.mark.usefixtures("file")
def test_stats_prints_every_section(ok):
    out = ok("stats").out
    assert out.startswith("Stats: 3 people, 3 notes since Thu 1 Jan 2026\n")
    assert "People by company\ncompany  people\nAcme     2\nGlobex   1\n" in out
    assert "  Nov 2026  " + "█" * 40 + " 2\n" in out
    assert "  Oct 2026  " + "█" * 20 + " 1\n" in out
    assert "50% of the 2 people with a cadence are within it (1 overdue)" in out
    assert "Longest silences\n  Dana Whitfield (Acme) — last met Tue 10 Nov 2026" in out
    assert "You owe: 2 (1 overdue)\n  They owe you: 1\n" in out


def test_bars_are_scaled_to_the_busiest_month_and_never_vanish():
    months = [
        MonthCount(date(2026, 1, 1), 100),
        MonthCount(date(2026, 2, 1), 1),
        MonthCount(date(2026, 3, 1), 0),
    ]
    from farley.render.document import Document, Section

    text = write_plain(Document(blocks=[Section(None, bar_lines(months, 10))]))
    assert text == ("Jan 2026  ██████████ 100\nFeb 2026  █ 1\nMar 2026   0\n")


def test_stats_of_an_empty_file(ok):
    found = json.loads(ok("stats", "--json").out)
    assert found["people"] == 0 and found["longest_silences"] == []
    run = ok("stats")
    assert run.out == ""
    assert run.err == "No one yet: add someone with farley add NAME\n"


def test_stats_for_a_tag_no_one_has_says_so_on_stderr(ok):
    ok("add", "Dana Whitfield")
    run = ok("stats", "--tag", "nosuchtag")
    assert (run.out, run.err) == ("", "No one is tagged nosuchtag.\n")


@pytest.mark.usefixtures("file")
def test_months_before_the_first_note_are_left_out(ok):
    found = json.loads(ok("stats", "--since", "1 Jan 1900", "--json").out)
    assert found["since"] == "1900-01-01" and found["notes"] == 4
    assert len(found["notes_per_month"]) == 19
    assert found["notes_per_month"][0] == {"month": "2025-06-01", "notes": 1}
    out = ok("stats", "--since", "1 Jan 1900").out
    assert "Notes per month\n  Jun 2025  " in out and "2024" not in out


def test_a_meeting_before_any_note_starts_the_chart(ok):
    ok("add", "Dana Whitfield")
    ok("note", "dana", "Call", "--on", "2026-11-10")
    ok("meet", "dana", "--at", "2026-10-05 10:00")
    found = json.loads(ok("stats", "--since", "2000-01-01", "--json").out)
    assert [m["month"] for m in found["notes_per_month"]] == [
        "2026-10-01",
        "2026-11-01",
        "2026-12-01",
    ]


def test_with_no_notes_or_meetings_the_chart_is_left_out(ok):
    ok("add", "Dana Whitfield")
    assert json.loads(ok("stats", "--json").out)["notes_per_month"] == []
    assert "Notes per month" not in ok("stats").out


def test_since_must_be_a_day_up_to_today(farley):
    run = farley("stats", "--since", "tomorrow")
    assert run.code == 2
    assert run.out == ""
    assert run.err.startswith("farley: --since tomorrow is after today: ")
