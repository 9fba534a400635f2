"""Who is due a touch: cadences per person and per tag, the clock, snoozing."""

import json
from datetime import timedelta

import pytest

from farley.domain import touch
from farley.domain.notes import add_note
from farley.domain.people import NewPerson, add_person


def _stale_names(ok, *args):
    found = json.loads(ok("stale", *args, "--json").out)
    return [entry["person"]["name"] for entry in found["entries"]]


def test_someone_past_their_cadence_is_listed_with_when_and_how(ok):
    ok("add", "Dana Whitfield", "--company", "Acme")
    ok("edit", "dana", "--every", "6 weeks")
    ok("note", "dana", "Budget call", "--on", "2026-10-15", "--kind", "call")
    assert ok("stale").out == (
        "1 person due a touch\n"
        "\n"
        "Dana Whitfield (Acme) — last call Thu 15 Oct 2026 (7 weeks ago); "
        "every 6 weeks, 1 week overdue\n"
    )


def test_someone_within_their_cadence_is_not_listed(ok):
    ok("add", "Dana Whitfield")
    ok("edit", "dana", "--every", "6 weeks")
    ok("note", "dana", "Lunch", "--on", "2026-10-23")
    run = ok("stale")
    assert (run.out, run.err) == ("", "No one is due a touch.\n")


def test_due_exactly_today_is_not_yet_stale(ok):
    ok("add", "Dana Whitfield")
    ok("edit", "dana", "--every", "6 weeks")
    ok("note", "dana", "Lunch", "--on", "2026-10-22")
    assert _stale_names(ok) == []
    ok("note", "dana", "Earlier lunch", "--on", "2026-10-21")
    assert _stale_names(ok) == []


def test_a_backdated_note_counts_from_when_it_happened_not_when_typed(ok):
    ok("add", "Dana Whitfield")
    ok("edit", "dana", "--every", "1 month")
    ok("note", "dana", "Last month's lunch", "--on", "2026-10-01")
    found = json.loads(ok("stale", "--json").out)
    assert found["entries"][0]["last_contact"] == "2026-10-01"
    assert found["entries"][0]["due_on"] == "2026-11-01"
    assert found["entries"][0]["overdue_days"] == 32


def test_a_new_note_restarts_the_clock(ok):
    ok("add", "Dana Whitfield")
    ok("edit", "dana", "--every", "1 month")
    ok("note", "dana", "Lunch", "--on", "2026-09-01")
    assert _stale_names(ok) == ["Dana Whitfield"]
    ok("note", "dana", "Quick call", "--kind", "call")
    assert _stale_names(ok) == []


def test_a_past_meeting_counts_and_a_future_one_does_not(ok):
    ok("add", "Dana Whitfield")
    ok("edit", "dana", "--every", "2 weeks")
    ok("note", "dana", "Lunch", "--on", "2026-10-01")
    ok("meet", "dana", "--at", "2026-12-20 15:00")
    assert _stale_names(ok) == ["Dana Whitfield"]
    ok("meet", "dana", "--at", "2026-11-25 15:00")
    found = json.loads(ok("stale", "--days", "7", "--json").out)
    assert found["entries"][0]["last_kind"] == "meeting"
    assert found["entries"][0]["last_contact"] == "2026-11-25T15:00:00+01:00"
    assert _stale_names(ok) == []


def test_never_in_touch_counts_from_when_they_were_added(store, now):
    added = now - timedelta(days=40)
    dana = add_person(store, NewPerson("Dana Whitfield"), added)
    add_person(store, NewPerson("Tom Baker"), now - timedelta(days=5))
    with store.transaction():
        store.execute("UPDATE people SET cadence = 'every month'")
    found = touch.stale(store, now)
    assert [entry.person.id for entry in found.entries] == [dana.id]
    entry = found.entries[0]
    assert entry.last_contact is None and entry.last_kind is None
    assert entry.since == added.date()


def test_never_in_touch_reads_as_never(ok, store, now):
    add_person(store, NewPerson("Dana Whitfield"), now - timedelta(days=40))
    assert ok("stale", "--days", "30").out == (
        "1 person not in touch for over 30 days\n"
        "\n"
        "Dana Whitfield — never in touch (added Sat 24 Oct 2026, 5 weeks ago), "
        "10 days overdue\n"
    )


def test_people_without_a_cadence_are_left_out_unless_days_are_given(ok):
    ok("add", "Dana Whitfield")
    ok("note", "dana", "Lunch", "--on", "2026-06-01")
    assert _stale_names(ok) == []
    assert _stale_names(ok, "--days", "30") == ["Dana Whitfield"]
    assert _stale_names(ok, "--days", "300") == []


def test_days_apply_to_everyone_even_with_a_cadence(ok):
    ok("add", "Dana Whitfield")
    ok("edit", "dana", "--every", "1 year")
    ok("note", "dana", "Lunch", "--on", "2026-11-01")
    assert _stale_names(ok) == []
    assert _stale_names(ok, "--days", "14") == ["Dana Whitfield"]


def test_a_tag_cadence_applies_to_everyone_with_the_tag(ok):
    ok("add", "Dana Whitfield", "--tag", "client")
    ok("add", "Tom Baker", "--tag", "friend")
    for who in ("dana", "tom"):
        ok("note", who, "Lunch", "--on", "2026-10-01")
    ok("cadence", "client", "1 month")
    assert _stale_names(ok) == ["Dana Whitfield"]


def test_their_own_cadence_wins_over_their_tags(ok):
    ok("add", "Dana Whitfield", "--tag", "client")
    ok("note", "dana", "Lunch", "--on", "2026-10-01")
    ok("cadence", "client", "1 month")
    ok("edit", "dana", "--every", "1 year")
    assert _stale_names(ok) == []


def test_the_shortest_of_their_tags_cadences_counts(ok):
    ok("add", "Dana Whitfield", "--tag", "client", "--tag", "friend")
    ok("note", "dana", "Lunch", "--on", "2026-11-12")
    ok("cadence", "client", "3 months")
    ok("cadence", "friend", "2 weeks")
    found = json.loads(ok("stale", "--json").out)
    assert found["entries"][0]["cadence"] == "every 2 weeks"


def test_most_overdue_come_first_across_cadences(ok):
    ok("add", "Weekly Wendy")
    ok("add", "Yearly Yves")
    ok("add", "Monthly Mo")
    ok("edit", "wendy", "--every", "1 week")
    ok("edit", "yves", "--every", "1 year")
    ok("edit", "mo", "--every", "1 month")
    ok("note", "wendy", "hi", "--on", "2026-11-20")  # due 27 Nov
    ok("note", "yves", "hi", "--on", "2025-11-01")  # due 1 Nov
    ok("note", "mo", "hi", "--on", "2026-10-15")  # due 15 Nov
    assert _stale_names(ok) == ["Yearly Yves", "Monthly Mo", "Weekly Wendy"]


def test_tag_filter_and_limit(ok):
    for name in ("Ann Client", "Bob Client", "Cy Friend"):
        ok("add", name, "--tag", name.split()[1].lower())
        ok("note", name, "hi", "--on", "2026-01-01")
    assert _stale_names(ok, "--days", "30", "--tag", "client") == [
        "Ann Client",
        "Bob Client",
    ]
    run = ok("stale", "--days", "30", "--limit", "1")
    assert run.out.startswith(
        "3 people not in touch for over 30 days: the 1 most overdue (--limit for more)"
    )


def test_snoozed_people_are_left_out_until_the_date(ok, farley, monkeypatch):
    ok("add", "Dana Whitfield")
    ok("note", "dana", "Lunch", "--on", "2026-06-01")
    assert ok("snooze", "dana", "2026-12-10").out == (
        "Snoozed Dana Whitfield until Thu 10 Dec 2026\n"
    )
    assert _stale_names(ok, "--days", "30") == []
    monkeypatch.setenv("FARLEY_NOW", "2026-12-10T09:00:00+01:00")
    assert _stale_names(ok, "--days", "30") == ["Dana Whitfield"]


def test_a_snooze_can_be_cleared(ok):
    ok("add", "Dana Whitfield")
    ok("note", "dana", "Lunch", "--on", "2026-06-01")
    ok("snooze", "dana", "in 3 weeks")
    assert (
        ok("snooze", "dana", "--clear").out == "Dana Whitfield is no longer snoozed\n"
    )
    assert _stale_names(ok, "--days", "30") == ["Dana Whitfield"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("snooze", "dana", "2026-12-01"), 2, "is not in the future"),
        (("snooze", "dana"), 2, "give a date or --clear"),
        (("snooze", "dana", "someday"), 2, "can't read the date"),
        (("cadence", "client", "sometimes"), 2, "can't read the repeat"),
        (("cadence", "nobody-has-it", "--clear"), 3, "no cadence is set"),
        (("cadence", "client", "1 month", "--clear"), 2, "not both"),
    ],
)
def test_mistakes_are_one_line(ok, farley, args, code, message):
    ok("add", "Dana Whitfield")
    run = farley(*args)
    assert run.code == code, run
    assert message in run.err and run.err.count("\n") == 1
    assert run.out == ""


def test_cadences_are_listed_shown_and_cleared(ok):
    ok("add", "Dana Whitfield", "--tag", "client")
    assert ok("cadence", "client", "every month").out == (
        "Keep in touch with everyone tagged client every month (1 person)\n"
    )
    ok("cadence", "#press", "quarterly")
    assert ok("cadence").out == (
        "tag     keep in touch   people\n"
        "client  every month     1\n"
        "press   every 3 months  0\n"
    )
    assert ok("cadence", "CLIENT").out == "client: every month (1 person)\n"
    assert ok("cadence", "client", "--clear").out == (
        "Tag client no longer has a cadence (was every month)\n"
    )
    assert json.loads(ok("cadence", "--json").out) == [
        {"tag": "press", "cadence": "every 3 months", "people": 0}
    ]


def test_agenda_lists_who_is_due_a_touch_in_the_window(ok):
    ok("add", "Dana Whitfield")
    ok("add", "Tom Baker")
    ok("edit", "dana", "--every", "1 month")
    ok("edit", "tom", "--every", "1 month")
    ok("note", "dana", "Lunch", "--on", "2026-11-06")  # due 6 Dec
    ok("note", "tom", "Lunch", "--on", "2026-10-01")  # overdue
    out = ok("agenda").out
    assert out.endswith(
        "Keep in touch\n"
        "  Tom Baker — last met Thu 1 Oct 2026 (2 months ago); every month, "
        "4 weeks overdue\n"
        "  Dana Whitfield — last met Fri 6 Nov 2026 (3 weeks ago); every month, "
        "due Sun 6 Dec 2026\n"
    )
    assert "Dana" not in ok("agenda", "--days", "2").out


def test_agenda_shows_the_first_few_and_how_many_more(store, now, monkeypatch):
    from farley.domain import agenda

    monkeypatch.setattr(agenda, "TOUCHES_SHOWN", 2)
    for number in range(3):
        add_person(store, NewPerson(f"Person {number}"), now - timedelta(days=60))
    with store.transaction():
        store.execute("UPDATE people SET cadence = 'every month'")
    found = agenda.agenda(store, now)
    assert len(found.touch) == 2 and found.touch_total == 3


def test_note_dates_beside_their_people_follow_edits(store, now):
    dana = add_person(store, NewPerson("Dana Whitfield"), now)
    note = add_note(store, [dana.ref], "Lunch", now.date(), now)
    with store.transaction():
        store.execute(
            "UPDATE notes SET happened_at = '2026-01-05' WHERE id = ?", (note.id,)
        )
    assert store.value("SELECT happened_at FROM note_people") == "2026-01-05"


def test_no_one_due_with_a_tag_is_a_note_on_stderr(ok):
    ok("add", "Dana Whitfield", "--tag", "client")
    run = ok("stale", "--tag", "client")
    assert (run.out, run.err) == ("", "No one tagged client is due a touch.\n")
    assert json.loads(ok("stale", "--tag", "client", "--json").out)["total"] == 0
