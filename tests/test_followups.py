"""Follow-ups in notes: marked lines become reminders, dated when they say so."""

import json
from datetime import date

import pytest

from farley.domain.followups import FollowUp, find_follow_ups


@pytest.mark.parametrize(
    ("text", "follow_up"),
    [
        ("todo: send the deck by friday", ("send the deck", date(2026, 12, 4))),
        ("TODO: send the deck", ("send the deck", None)),
        ("  todo:call Tom", ("call Tom", None)),
        ("follow up: call back by next week.", ("call back", date(2026, 12, 10))),
        (
            "Follow-up: share the minutes by monday",
            ("share the minutes", date(2026, 12, 7)),
        ),
        ("followup: renewal before 15 Jan", ("renewal", date(2027, 1, 15))),
        (">> intro to Sam due 12 Jan", ("intro to Sam", date(2027, 1, 12))),
        ("todo: renewal due: 2027-01-15", ("renewal", date(2027, 1, 15))),
        ("todo: renewal due on 15 Jan", ("renewal", date(2027, 1, 15))),
        (">>intro to Sam", ("intro to Sam", None)),
        ("- [ ] book the venue by in 2 weeks", ("book the venue", date(2026, 12, 17))),
        ("- [ ] call her by tomorrow 3pm", ("call her", date(2026, 12, 4))),
        ("todo: ask about Leeds, by Dec 4th", ("ask about Leeds", date(2026, 12, 4))),
        ("todo: by tomorrow", ("by tomorrow", date(2026, 12, 4))),
        ("todo: pay by card by friday", ("pay by card", date(2026, 12, 4))),
        ("todo: intro to Sam on 12 Jan", ("intro to Sam", date(2027, 1, 12))),
        ("todo: send x on 12 Dec", ("send x", date(2026, 12, 12))),
        ("todo: call on friday 3pm", ("call", date(2026, 12, 4))),
        # A phrase at the end that can only be a time needs no keyword.
        ("todo: call her tomorrow", ("call her", date(2026, 12, 4))),
        ("todo: call her tonight", ("call her", date(2026, 12, 3))),
        ("todo: call her today.", ("call her", date(2026, 12, 3))),
        ("todo: ping her next week", ("ping her", date(2026, 12, 10))),
        ("todo: renewal next month", ("renewal", date(2027, 1, 3))),
        (">> check budget in 2 weeks", ("check budget", date(2026, 12, 17))),
        ("todo: chase legal in 3 days", ("chase legal", date(2026, 12, 6))),
        ("todo: call Sam monday", ("call Sam", date(2026, 12, 7))),
        ("todo: call Sam next Monday", ("call Sam", date(2026, 12, 7))),
        ("todo: send y 2026-12-10", ("send y", date(2026, 12, 10))),
        ("todo: tomorrow", ("tomorrow", date(2026, 12, 4))),
        # Only a due phrase at the end sets the day; anything else stays as written.
        ("todo: book flights for 12 Apr", ("book flights for 12 Apr", None)),
        ("todo: prep for tomorrow", ("prep for tomorrow", None)),
        ("todo: book hotel for next week", ("book hotel for next week", None)),
        ("todo: plan the sunday", ("plan the sunday", None)),
        ("todo: ask about mum's sunday", ("ask about mum's sunday", None)),
        ("todo: call back tomorrow morning", ("call back tomorrow morning", None)),
        ("todo: decide on March launch", ("decide on March launch", None)),
        ("todo: follow up on pricing", ("follow up on pricing", None)),
        ("todo: agree on 15", ("agree on 15", None)),
        ("todo: sum 12 Dec", ("sum 12 Dec", None)),
        ("todo: call back by 3", ("call back by 3", None)),
        ("todo: pay by card", ("pay by card", None)),
        ("todo: cut costs by 10%", ("cut costs by 10%", None)),
        ("todo: send it now", ("send it now", None)),
        ("todo: review the May numbers", ("review the May numbers", None)),
        ("todo: book a table for 4", ("book a table for 4", None)),
    ],
)
def test_a_marked_line_becomes_a_follow_up(text, follow_up, now):
    assert find_follow_ups(text, now) == [FollowUp(*follow_up, text.strip())]


@pytest.mark.parametrize(
    "text",
    [
        "We went over her todo list for the launch",
        "todo list is long this week",
        "Todo items: none",
        "Need to follow up with legal",
        "follow up on the pricing",
        "- [x] sent the deck",
        "- sent the deck",
        "> quoted email text",
        "a >> b",
        "todo:",
        ">>   ",
        "- [ ]",
    ],
)
def test_a_line_that_merely_mentions_todo_is_left_alone(text, now):
    assert find_follow_ups(text, now) == []


def test_a_realistic_note_gives_its_follow_ups_in_order(now):
    note = """Lunch at Hawksmoor with Dana.
Budget approved for Q1; she wants the todo list trimmed before launch.
Her son starts at Leeds in Sept.

todo: send the revised deck by friday
- [ ] intro to Sam Okafor
  >> ask about the Leeds move by next month
Follow up: pricing call before 12 Jan
"""
    assert [(f.text, f.due_on) for f in find_follow_ups(note, now)] == [
        ("send the revised deck", date(2026, 12, 4)),
        ("intro to Sam Okafor", None),
        ("ask about the Leeds move", date(2027, 1, 3)),
        ("pricing call", date(2027, 1, 12)),
    ]


def test_the_note_command_says_which_reminders_it_made(ok):
    ok("add", "Dana Whitfield")
    ok("add", "Tom Baker")
    text = "Budget approved.\ntodo: send the deck by friday\n>> intro to Sam"
    assert ok("note", "dana", text, "--with", "tom").out == (
        "Noted for Thu 3 Dec 2026 (note 1)\n"
        "Reminder 1: send the deck, due Fri 4 Dec 2026\n"
        "Reminder 2: intro to Sam\n"
    )
    reminders = json.loads(ok("reminders", "--json").out)
    assert [(r["person"]["name"], r["note_id"]) for r in reminders] == [
        ("Dana Whitfield", 1),
        ("Dana Whitfield", 1),
    ]
    assert ok("reminders", "tom").err == "No open reminders.\n"


def test_the_note_command_echoes_the_due_dates_read_from_the_ends_of_lines(ok):
    ok("add", "Dana Whitfield")
    text = (
        "Catch-up.\n"
        "todo: call her tomorrow\n"
        ">> check budget in 2 weeks\n"
        "todo: send y 2026-12-10\n"
        "todo: send x on 12 Dec\n"
        "todo: ping her next week\n"
        "todo: book flights for 12 Apr\n"
    )
    assert ok("note", "dana", input=text).out == (
        "Noted for Thu 3 Dec 2026 (note 1)\n"
        "Reminder 1: call her, due Fri 4 Dec 2026\n"
        "Reminder 2: check budget, due Thu 17 Dec 2026\n"
        "Reminder 3: send y, due Thu 10 Dec 2026\n"
        "Reminder 4: send x, due Sat 12 Dec 2026\n"
        "Reminder 5: ping her, due Thu 10 Dec 2026\n"
        "Reminder 6: book flights for 12 Apr\n"
    )


def test_a_note_without_follow_ups_makes_no_reminders(ok):
    ok("add", "Dana Whitfield")
    assert ok("note", "dana", "We went over her todo list").out == (
        "Noted for Thu 3 Dec 2026 (note 1)\n"
    )
    assert json.loads(ok("reminders", "--json").out) == []


def test_follow_ups_are_made_with_the_note_or_not_at_all(farley, ok, store):
    ok("add", "Dana Whitfield")
    run = farley("note", "dana", "   ", "--kind", "call")
    assert run.code == 2
    assert store.value("SELECT count(*) FROM reminders") == 0
    assert store.value("SELECT count(*) FROM notes") == 0


def test_the_brief_lists_them_under_open_reminders_until_done(ok):
    ok("add", "Dana Whitfield")
    ok("note", "dana", "Lunch.\ntodo: send the deck by friday")
    assert "#1 send the deck — due Fri 4 Dec 2026 (tomorrow)" in ok("brief", "dana").out
    ok("done", "1")
    assert "#1 send the deck" not in ok("brief", "dana").out


@pytest.mark.parametrize(
    ("line", "when"),
    [
        ("todo: send invoice by 31 feb", "31 feb"),
        ("todo: renewal due 2027-02-30", "2027-02-30"),
        ("- [ ] finish by friday the report", "friday the report"),
        ("todo: send x on 31 feb", "31 feb"),
        ("todo: send y 2026-02-30", "2026-02-30"),
    ],
)
def test_an_unreadable_due_date_refuses_the_whole_note(farley, ok, store, line, when):
    ok("add", "Dana Whitfield")
    run = farley("note", "dana", f"Lunch.\n{line}\ntodo: call Tom")
    assert run.code == 2
    assert run.out == ""
    assert run.err == (
        f'farley: can\'t read the date "{when}" in the to-do line "{line}": '
        "nothing was noted; end the line with a due date, "
        "e.g. by friday, by 12 Apr, by 2026-12-04\n"
    )
    assert store.value("SELECT count(*) FROM notes") == 0
    assert store.value("SELECT count(*) FROM reminders") == 0


def test_a_date_that_is_not_a_due_phrase_stays_in_the_reminder_text(ok):
    ok("add", "Dana Whitfield")
    run = ok("note", "dana", input="todo: book flights for 12 Apr\n")
    assert run.out == (
        "Noted for Thu 3 Dec 2026 (note 1)\nReminder 1: book flights for 12 Apr\n"
    )
    [reminder] = json.loads(ok("reminders", "--json").out)
    assert (reminder["text"], reminder["due_on"]) == ("book flights for 12 Apr", None)


def test_a_due_date_that_reads_both_ways_refuses_the_note_naming_its_line(farley, ok):
    ok("add", "Dana Whitfield")
    run = farley("note", "dana", "todo: send the deck by 04/12")
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        'farley: "04/12" could be 4 Dec or 12 Apr: write the month in words, e.g. '
        '4 Dec (in the to-do line "todo: send the deck by 04/12"; nothing was '
        "noted)\n"
    )
    assert ok("history", "dana").out == ""
