"""Reminders both ways: what you owe, what they owe, done, and recurring ones."""

import json

import pytest


@pytest.fixture(autouse=True)
def people(ok):
    ok("add", "Dana Whitfield")


def test_remind_echoes_the_due_date(ok):
    assert ok("remind", "dana", "send the deck", "--due", "friday").out == (
        "Reminder 1 for Dana Whitfield, due Fri 4 Dec 2026\n"
    )


def test_reminders_lists_both_sides_soonest_first_with_overdue_marked(ok):
    ok("remind", "dana", "later", "--due", "in 2 weeks")
    ok("remind", "dana", "undated")
    ok("remind", "dana", "soon", "--due", "tomorrow")
    ok("remind", "dana", "contract", "--due", "2026-11-30", "--they-owe")
    assert ok("reminders").out == (
        "You owe\n"
        "  #3 soon (Dana Whitfield) — due Fri 4 Dec 2026 (tomorrow)\n"
        "  #1 later (Dana Whitfield) — due Thu 17 Dec 2026 (in 2 weeks)\n"
        "  #2 undated (Dana Whitfield)\n"
        "\n"
        "They owe you\n"
        "  #4 they owe: contract (Dana Whitfield) "
        "OVERDUE: due Mon 30 Nov 2026 (3 days ago)\n"
    )


def test_done_closes_a_reminder(ok):
    ok("remind", "dana", "send the deck")
    assert ok("done", "1").out == "Done: send the deck (Dana Whitfield)\n"
    assert json.loads(ok("reminders", "--json").out) == []


def test_a_recurring_reminder_comes_back_at_its_next_date(ok):
    ok("remind", "dana", "check in", "--due", "2026-10-31", "--every", "monthly")
    assert ok("done", "1").out == (
        "Done: check in (Dana Whitfield)\n"
        "Next one (reminder 2) is due Thu 31 Dec 2026\n"
    )
    [open_one] = json.loads(ok("reminders", "--json").out)
    assert (open_one["due_on"], open_one["recurrence"]) == ("2026-12-31", "every month")


def test_every_month_from_the_31st_lands_on_the_last_day_of_shorter_months(ok):
    ok("remind", "dana", "invoice", "--due", "2026-12-31", "--every", "every month")
    ok("done", "1")
    [following] = json.loads(ok("reminders", "--json").out)
    assert following["due_on"] == "2027-01-31"
    ok("done", str(following["id"]))
    [after] = json.loads(ok("reminders", "--json").out)
    assert after["due_on"] == "2027-02-28"


def test_done_with_an_unknown_id_says_where_ids_are(farley):
    run = farley("done", "42")
    assert run.code == 3
    assert run.err == "farley: no reminder has id 42: see farley reminders for ids\n"


def test_done_twice_is_refused(ok, farley):
    ok("remind", "dana", "x")
    ok("done", "1")
    run = farley("done", "1")
    assert run.code == 5
    assert run.err == "farley: reminder 1 is already done\n"


def test_an_unreadable_repeat_is_refused_and_nothing_is_saved(ok, farley):
    run = farley("remind", "dana", "x", "--every", "sometimes")
    assert run.code == 2
    assert "can't read the repeat" in run.err
    assert json.loads(ok("reminders", "--json").out) == []


def test_a_reminder_date_leans_to_the_future(ok):
    ok("remind", "dana", "x", "--due", "Dec 1")
    assert json.loads(ok("reminders", "--json").out)[0]["due_on"] == "2027-12-01"


def test_done_with_a_number_too_large_for_an_id_is_not_found(farley):
    run = farley("done", "99999999999999999999999")
    assert run.code == 3
    assert run.err.startswith("farley: no reminder has id 99999999999999999999999")
