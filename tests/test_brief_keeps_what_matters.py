"""What a crowded brief keeps: both sides' promises, birthdays, facts before 'other'."""

from datetime import date, timedelta

import pytest
from test_brief_fits_a_screen import plenty

from farley.dates.format import PartialDate
from farley.domain.facts import set_fact
from farley.domain.occasions import set_date
from farley.domain.people import NewPerson, add_person
from farley.domain.reminders import add_reminder, complete


@pytest.fixture(autouse=True)
def eighty_columns(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")


def section(text: str, title: str) -> list[str]:
    """The indented lines under one section title of a plain brief."""
    lines = text.splitlines()
    start = lines.index(title) + 1
    end = next(
        (i for i in range(start, len(lines)) if not lines[i].startswith("  ")),
        len(lines),
    )
    return lines[start:end]


def test_what_they_owe_you_keeps_a_line_when_promises_crowd_the_brief(ok, store, now):
    dana = plenty(store, now)
    add_reminder(store, dana, "the signed contract", now, they_owe=True)
    assert section(ok("brief", "dana").out, "Open reminders") == [
        "  #1 promise number 1 OVERDUE: due Sun 29 Nov 2026 (4 days ago)",
        "  #2 promise number 2 OVERDUE: due Wed 2 Dec 2026 (yesterday)",
        "  #7 they owe: the signed contract",
    ]
    assert ok("brief", "dana").out.endswith(
        "More on file: 5 facts, 1 date, 4 reminders, 1 person — farley show 2\n"
    )


def test_what_you_owe_keeps_a_line_when_their_promises_crowd_the_brief(ok, store, now):
    dana = plenty(store, now)
    for overdue in (1, 2):
        complete(store, overdue, now)
    for number in range(4):
        due = now.date() - timedelta(days=number + 1)
        add_reminder(store, dana, f"their part {number}", now, due, they_owe=True)
    shown = section(ok("brief", "dana").out, "Open reminders")
    assert [line.split()[1:3] for line in shown] == [
        ["they", "owe:"],
        ["they", "owe:"],
        ["promise", "number"],
    ]


def test_a_birthday_ranks_before_a_nearer_date_of_another_kind(ok, store, now):
    dana = plenty(store, now)
    soon = now.date() + timedelta(days=2)
    set_date(store, dana.id, "date1", PartialDate(soon.month, soon.day))
    assert section(ok("brief", "dana").out, "Dates coming up") == [
        "  birthday, Tue 8 Dec 2026 (in 5 days), turns 46",
        "  anniversary, Sat 12 Dec 2026 (in 9 days), 46 years",
    ]


def test_a_fact_of_category_other_gives_way_first_even_when_new(ok, store, now):
    dana = plenty(store, now)
    set_fact(store, dana.id, "diet", "none", "other", now.date(), now)
    shown = ok("brief", "dana").out
    assert "other · diet" not in shown
    assert "  interests · running: training for the York half marathon\n" in shown


def test_with_room_a_fact_of_category_other_is_shown(ok):
    ok("add", "Dana Whitfield")
    ok("fact", "dana", "diet", "none", "-c", "other")
    assert ok("brief", "dana").out == (
        "Brief: Dana Whitfield\n"
        "Personal\n"
        "  other · diet: none\n"
        "Conversations: You have not met yet.\n"
    )


def test_a_long_first_line_is_cut_to_the_width(ok, store, now):
    add_person(
        store,
        NewPerson(
            "Dana Whitfield",
            title="Senior Vice President of Global Finance and Strategy",
            company="Acme Manufacturing and Logistics International",
            met_on=date(2025, 3, 23),
        ),
        now,
    )
    shown = ok("brief", "dana").out
    assert shown.splitlines()[0] == (
        "Brief: Dana Whitfield — "
        "Senior Vice President of Global Finance and Strategy, A…"
    )
    assert max(len(line) for line in shown.splitlines()) <= 80


def test_a_long_first_line_of_a_group_brief_is_cut_to_the_width(ok):
    for first in ("Alexandra", "Bartholomew", "Constantine", "Dominique", "Evangeline"):
        ok("add", f"{first} Montgomery-Smythe")
    shown = ok("brief", "alex", "bart", "cons", "dom", "evan").out
    assert shown.splitlines()[0] == (
        "Brief: Alexandra Montgomery-Smythe, "
        "Bartholomew Montgomery-Smythe, Constantine…"
    )


def test_markdown_keeps_the_whole_first_line(ok):
    ok("add", "Dana Whitfield", "--title", "Head " * 20, "--company", "Acme")
    first = ok("brief", "dana", "--markdown").out.splitlines()[0]
    assert first.endswith("Head, Acme") and "…" not in first
