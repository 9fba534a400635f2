"""A crowded brief gives room to promises, dates and notes before trivia."""

import pytest
from test_brief_keeps_what_matters import section


@pytest.fixture(autouse=True)
def eighty_columns(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")


@pytest.fixture
def crowded(ok):
    """Someone with many facts of every kind, promises, dates and notes, and a
    meeting with a friend tomorrow."""
    ok("add", "Bea Big")
    ok("add", "friend 1")
    for number in range(1, 6):
        ok("fact", "big", f"avoid{number}", f"topic {number}", "-c", "avoid")
    for category in ("family", "interests", "other"):
        for number in range(1, 7):
            ok("fact", "big", f"{category}{number}", f"value {number}", "-c", category)
    for number in range(1, 7):
        ok("remind", "big", f"promise {number}", "--due", f"in {number} days")
    for number in (1, 2):
        ok("remind", "big", f"their promise {number}", "--they-owe")
    for day in range(5, 10):
        ok("date", "big", f"date{day}", f"{day} Dec")
    for day in (1, 2, 3):
        ok("note", "big", f"Talked about plan {day}", "--on", f"{day} days ago")
    for number in range(1, 4):
        ok("remind", "friend", f"send part {number}")
    ok("meet", "big", "--at", "tomorrow 3pm", "--with", "friend 1", "--topic", "Q1")


@pytest.mark.usefixtures("crowded")
def test_a_crowded_brief_shows_promises_dates_and_notes_before_other_facts(ok):
    shown = ok("brief", "big", "friend 1").out
    assert len(shown.splitlines()) <= 48
    assert "other · " not in shown
    assert len(section(shown, "Bea Big · Open reminders")) == 8
    assert len(section(shown, "Bea Big · Dates coming up")) == 4
    assert section(shown, "Bea Big · Conversations") == [
        "  yesterday, meeting: Talked about plan 1",
        "  2 days ago, meeting: Talked about plan 2",
        "  3 days ago, meeting: Talked about plan 3",
    ]
    assert shown.endswith(
        '\n\nMore on Bea Big: 6 facts, 1 date — farley show "Bea Big"\n'
    )


def test_facts_of_category_other_fill_the_room_left_over(ok):
    ok("add", "Dana Whitfield")
    for number in range(1, 6):
        ok("fact", "dana", f"other{number}", f"value {number}", "-c", "other")
    ok("fact", "dana", "son", "Jake", "-c", "family")
    ok("remind", "dana", "send the deck")
    assert ok("brief", "dana").out == (
        "Brief: Dana Whitfield\n"
        "Personal\n"
        "  family · son: Jake\n"
        "  other · other1: value 1\n"
        "  other · other2: value 2\n"
        "  other · other3: value 3\n"
        "  other · other4: value 4\n"
        "  other · other5: value 5\n"
        "Conversations: You have not met yet.\n"
        "Open reminders: #1 send the deck\n"
    )
