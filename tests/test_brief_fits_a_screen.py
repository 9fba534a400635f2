"""The brief fits one screen: sections capped, lines cut to the width, at 80 columns."""

from datetime import date, timedelta
from io import StringIO

import pytest

from farley.dates.format import PartialDate
from farley.domain.brief import brief_for
from farley.domain.facts import set_fact
from farley.domain.links import link
from farley.domain.meetings import add_meeting
from farley.domain.notes import add_note
from farley.domain.occasions import set_date
from farley.domain.people import NewPerson, add_person
from farley.domain.reminders import add_reminder
from farley.render.brief import brief_document
from farley.render.terminal import make_console, write_rich

SCREEN = 80


@pytest.fixture(autouse=True)
def eighty_columns(monkeypatch):
    monkeypatch.setenv("COLUMNS", str(SCREEN))


def rows(text: str, width: int = SCREEN) -> int:
    """How many rows of a terminal the text takes, long lines wrapping."""
    return sum(max(1, -(-len(line) // width)) for line in text.splitlines())


FACTS = [
    ("family", "spouse", "Tom, a cardiologist at St James's", 500),
    ("family", "son", "Jake, starts at Leeds University in September", 20),
    ("family", "daughter", "Amy, 9, plays the cello", 300),
    ("interests", "running", "training for the York half marathon", 60),
    ("interests", "wine", "collects Rioja, visited Haro in 2024", 400),
    ("interests", "reading", "crime novels, Ian Rankin above all", 250),
    ("preferences", "coffee", "flat white, no sugar", 500),
    ("preferences", "meetings", "mornings, never on Fridays", 100),
    ("work", "reports to", "the CFO, Martin Hale", 200),
    ("work", "budget", "signs off up to 250k alone", 90),
    ("avoid", "football", "Leeds United fan: not after a loss", 500),
    ("avoid", "politics", "strongly held views on Brexit", 300),
]
NOTES = [
    ("Quarterly review: numbers up 4%.\nAsk how Amy's cello exam went?", 6, "call"),
    ("Lunch: budget approved.\nnext time: the Leeds site visit", 24, "meeting"),
    ("Emailed the proposal draft.", 40, "email"),
    ("Intro call, talked about Haro.", 90, "meeting"),
    ("Coffee at the summit.", 200, "meeting"),
]


def plenty(store, now, name="Dana Whitfield", company="Acme Manufacturing"):
    """Someone with many facts, notes, reminders, dates and people around."""
    today = now.date()
    surname = name.split()[-1]
    sam = add_person(store, NewPerson(f"Sam {surname}"), now).ref
    dana = add_person(
        store,
        NewPerson(
            name,
            company=company,
            title="VP Finance",
            location="Leeds",
            met_how="Leeds finance summit",
            met_on=date(2025, 3, 23),
            introduced_by=sam.id,
            tags=["client", "finance", "board"],
        ),
        now,
    ).ref
    for category, key, value, days in FACTS:
        set_fact(store, dana.id, key, value, category, today - timedelta(days), now)
    for text, days, kind in NOTES:
        add_note(store, [dana], text, today - timedelta(days), now, kind=kind)
    for label, days in (("birthday", 5), ("anniversary", 9), ("work anniversary", 12)):
        on = today + timedelta(days)
        set_date(store, dana.id, label, PartialDate(on.month, on.day, 1980))
    for number in range(6):
        due = today + timedelta(days=number * 3 - 4)
        add_reminder(store, dana, f"promise number {number + 1}", now, due)
    for first in ("Tom", "Ana", "Lee", "Bo", "Kim"):
        other = NewPerson(f"{first} {surname}", company=company)
        link(store, dana, add_person(store, other, now).ref, "colleague")
    return dana


PLENTY = (
    "Brief: Dana Whitfield — VP Finance, Acme Manufacturing\n"
    "met Leeds finance summit, Sun 23 Mar 2025 · based in Leeds\n"
    "tags board, client, finance\n"
    "Meeting\n"
    "  Fri 4 Dec 2026 10:00 (tomorrow) — Q1 plan\n"
    "  where Acme HQ · with Priya Shah\n"
    "!! Avoid\n"
    "  football: Leeds United fan: not after a loss (check: 16 months old)\n"
    "  politics: strongly held views on Brexit\n"
    "Personal\n"
    "  family · daughter: Amy, 9, plays the cello\n"
    "  family · son: Jake, starts at Leeds University in September (new)\n"
    "  interests · wine: collects Rioja, visited Haro in 2024 (check: 13 months old)\n"
    "  interests · running: training for the York half marathon\n"
    "Dates coming up\n"
    "  birthday, Tue 8 Dec 2026 (in 5 days), turns 46\n"
    "  anniversary, Sat 12 Dec 2026 (in 9 days), 46 years\n"
    "Conversations\n"
    "  6 days ago, call: Quarterly review: numbers up 4%.\n"
    "  3 weeks ago, meeting: Lunch: budget approved.\n"
    "Open reminders\n"
    "  #1 promise number 1 OVERDUE: due Sun 29 Nov 2026 (4 days ago)\n"
    "  #2 promise number 2 OVERDUE: due Wed 2 Dec 2026 (yesterday)\n"
    "  #3 promise number 3 — due Sat 5 Dec 2026 (in 2 days)\n"
    "Ask about\n"
    "  • how Amy's cello exam went?\n"
    "  • next time: the Leeds site visit\n"
    "People around them: Sam Whitfield — introduced you; Ana Whitfield — colleague\n"
    "\n"
    "More on file: 6 facts, 1 date, 3 reminders, 4 people — farley show 2\n"
)


@pytest.fixture
def meeting_of_two(store, now):
    """Two people with plenty on file, meeting tomorrow."""
    dana = plenty(store, now)
    priya = plenty(store, now, "Priya Shah")
    add_meeting(
        store, [dana, priya], now + timedelta(days=1), now, "Q1 plan", "Acme HQ"
    )


def test_the_demo_fits_in_24_lines_at_80_columns(ok):
    shown = ok("demo").out
    assert shown == (
        "Brief: Dana Whitfield — VP Finance, Acme Manufacturing\n"
        "met Leeds finance summit, over the coffee queue, Sun 23 Mar 2025\n"
        "tags client, finance\n"
        "Meeting\n"
        "  Fri 4 Dec 2026 15:00 (tomorrow) — Q1 budget review\n"
        "  where Acme HQ, Leeds · with Priya Shah\n"
        "!! Avoid\n"
        "  football: Leeds United fan: not after a loss (check: 16 months old)\n"
        "Personal\n"
        "  family · son: Jake, starts at Leeds University in September (new)\n"
        "  interests · running: training for the York half marathon\n"
        "  preferences · coffee: flat white, no sugar (check: 16 months old)\n"
        "Dates coming up: birthday, Tue 8 Dec 2026 (in 5 days), turns 46\n"
        "Conversations\n"
        "  6 days ago, call: Quick call: legal is reviewing the contract.\n"
        "  3 weeks ago, meeting with Priya Shah: "
        "Budget for the pilot approved at 120k.…\n"
        "Open reminders\n"
        "  #2 they owe: Signed contract OVERDUE: due Mon 30 Nov 2026 (3 days ago)\n"
        "  #1 Send the revised proposal deck — due Fri 4 Dec 2026 (tomorrow)\n"
        "Ask about\n"
        "  • how the York half marathon training is going?\n"
        "  • spouse: Tom, a cardiologist at St James's\n"
        "People around them: Tom Whitfield — spouse; Priya Shah — colleague\n"
    )
    assert rows(shown) == 23


@pytest.mark.usefixtures("meeting_of_two")
def test_a_brief_on_someone_with_plenty_on_file_stays_within_30_lines(ok):
    shown = ok("brief", "dana").out
    assert rows(shown) <= 30
    assert max(len(line) for line in shown.splitlines()) <= SCREEN
    assert shown == PLENTY


@pytest.mark.usefixtures("meeting_of_two")
def test_on_a_terminal_the_same_brief_also_stays_within_30_lines(store, now):
    screen = StringIO()
    write_rich(
        brief_document(brief_for(store, ["dana"], now)), make_console(screen, 80)
    )
    shown = screen.getvalue()
    assert rows(shown) <= 30
    assert shown.endswith(
        "\nMore on file: 6 facts, 1 date, 3 reminders, 4 people — farley show 2\n"
    )


@pytest.mark.usefixtures("meeting_of_two")
def test_a_brief_on_two_people_with_plenty_on_file_stays_within_two_screens(ok):
    shown = ok("brief").out
    assert rows(shown) <= 48
    assert max(len(line) for line in shown.splitlines()) <= SCREEN
    lines = shown.splitlines()
    dana, priya = lines.index("Dana Whitfield · Who"), lines.index("Priya Shah · Who")
    assert priya - dana <= 21
    # Counted one by one, what is left out would not fit: the command stays whole.
    assert lines[-3:] == [
        "",
        'More on Dana Whitfield: 16 more — farley show "Dana Whitfield"',
        'More on Priya Shah: 20 more — farley show "Priya Shah"',
    ]


def test_a_long_line_is_cut_at_the_width_keeping_its_due_date(ok):
    ok("add", "Dana Whitfield")
    ok("remind", "dana", "send " + "the very long proposal " * 4, "--due", "friday")
    shown = ok("brief", "dana").out
    assert (
        "Open reminders\n"
        "  #1 send the very long proposal the very long…"
        " — due Fri 4 Dec 2026 (tomorrow)\n"
    ) in shown
