"""The brief, as data and as printed: each section present with data, absent without."""

import json
from datetime import date, datetime, timedelta

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
from farley.errors import NotFound
from farley.render.brief import brief_document
from farley.render.plain import write_plain


def person(store, now, name, **fields):
    return add_person(store, NewPerson(name, **fields), now).ref


@pytest.fixture
def dana(store, now):
    return person(store, now, "Dana Whitfield", company="Acme", title="VP Finance")


def test_a_brief_on_someone_with_only_a_name_has_no_empty_sections(store, now, dana):
    brief = brief_for(store, ["dana"], now)
    [about] = brief.people
    assert brief.meeting is None
    assert about.since_last_met is None
    assert (about.avoid, about.facts, about.dates, about.notes) == ([], {}, [], [])
    assert (about.you_owe, about.they_owe, about.ask_about, about.people_around) == (
        [],
        [],
        [],
        [],
    )
    text = write_plain(brief_document(brief))
    assert text == (
        "Brief: Dana Whitfield — VP Finance, Acme\n"
        "Conversations: You have not met yet.\n"
    )


def test_avoid_facts_stand_apart_from_the_other_facts(store, now, dana):
    set_fact(store, dana.id, "football", "not after a loss", "avoid", now.date(), now)
    set_fact(store, dana.id, "spouse", "Tom", "family", now.date(), now)
    [about] = brief_for(store, ["dana"], now).people
    assert [e.fact.key for e in about.avoid] == ["football"]
    assert list(about.facts) == ["family"]
    text = write_plain(brief_document(brief_for(store, ["dana"], now)))
    assert "!! Avoid\n  football: not after a loss\n" in text


def test_facts_learned_long_ago_are_marked_worth_checking(store, now, dana):
    set_fact(
        store, dana.id, "coffee", "flat white", "preferences", date(2024, 6, 1), now
    )
    set_fact(store, dana.id, "son", "Jake", "family", now.date(), now)
    [about] = brief_for(store, ["dana"], now).people
    assert about.facts["preferences"][0].check is True
    assert about.facts["family"][0].check is False
    text = write_plain(brief_document(brief_for(store, ["dana"], now)))
    assert "preferences · coffee: flat white (check: 2 years old)" in text


def test_the_brief_leads_with_what_is_new_since_the_last_meeting(store, now, dana):
    add_note(store, [dana], "Kick-off", date(2026, 11, 5), now)
    add_note(store, [dana], "Phoned about terms", date(2026, 11, 20), now, kind="call")
    set_fact(
        store, dana.id, "son", "starts at Leeds", "family", date(2026, 11, 21), now
    )
    set_fact(store, dana.id, "spouse", "Tom", "family", date(2026, 10, 1), now)
    [about] = brief_for(store, ["dana"], now).people
    since = about.since_last_met
    assert (since.last_met, since.days) == (date(2026, 11, 5), 28)
    assert [n.text for n in since.notes] == ["Phoned about terms"]
    assert [f.key for f in since.facts] == ["son"]
    assert write_plain(brief_document(brief_for(store, ["dana"], now))) == (
        "Brief: Dana Whitfield — VP Finance, Acme\n"
        "Personal\n"
        "  family · spouse: Tom\n"
        "  family · son: starts at Leeds (new)\n"
        "Conversations\n"
        "  13 days ago, call: Phoned about terms\n"
        "  4 weeks ago, meeting: Kick-off\n"
    )


def test_the_last_few_notes_come_newest_first_with_how_you_last_spoke(store, now, dana):
    for day in range(1, 6):
        add_note(store, [dana], f"note {day}", date(2026, 11, day), now, kind="email")
    [about] = brief_for(store, ["dana"], now).people
    assert [n.text for n in about.notes] == ["note 5", "note 4", "note 3"]
    assert (about.last_contact.on, about.last_contact.kind) == (
        date(2026, 11, 5),
        "email",
    )


def test_a_scheduled_meeting_is_shown_with_who_else_comes(store, now, dana):
    priya = person(store, now, "Priya Shah")
    starts = now + timedelta(days=1)
    add_meeting(store, [dana, priya], starts, now, topic="Q1 plan", place="Acme HQ")
    brief = brief_for(store, ["dana"], now)
    assert brief.meeting.topic == "Q1 plan"
    assert write_plain(brief_document(brief)) == (
        "Brief: Dana Whitfield — VP Finance, Acme\n"
        "Meeting\n"
        "  Fri 4 Dec 2026 10:00 (tomorrow) — Q1 plan\n"
        "  where Acme HQ · with Priya Shah\n"
        "Conversations: You have not met yet.\n"
    )


def test_with_no_one_named_the_brief_is_for_everyone_at_the_next_meeting(
    store, now, dana
):
    priya = person(store, now, "Priya Shah", company="Acme")
    sam = person(store, now, "Sam Okafor")
    add_meeting(store, [sam], now + timedelta(days=3), now)
    add_meeting(store, [dana, priya], now + timedelta(hours=2), now)
    brief = brief_for(store, [], now)
    assert [p.person.name for p in brief.people] == ["Dana Whitfield", "Priya Shah"]
    assert brief.connections[0].how == ["both at Acme"]


def test_with_no_one_named_and_no_meeting_the_brief_says_what_to_do(store, now):
    with pytest.raises(NotFound, match="no meeting coming up: name someone"):
        brief_for(store, [], now)


def test_a_birthday_near_the_meeting_is_shown_with_the_age(store, now, dana):
    set_date(store, dana.id, "birthday", PartialDate(12, 10, 1980))
    set_date(store, dana.id, "anniversary", PartialDate(6, 1, 2005))
    [about] = brief_for(store, ["dana"], now).people
    assert [(o.label, o.on, o.years) for o in about.dates] == [
        ("birthday", date(2026, 12, 10), 46),
    ]


def test_open_reminders_show_both_sides_with_overdue_flagged(store, now, dana):
    add_reminder(store, dana, "send the deck", now, date(2026, 12, 10))
    add_reminder(store, dana, "signed contract", now, date(2026, 11, 30), they_owe=True)
    [about] = brief_for(store, ["dana"], now).people
    assert [r.text for r in about.you_owe] == ["send the deck"]
    assert [r.text for r in about.they_owe] == ["signed contract"]
    text = write_plain(brief_document(brief_for(store, ["dana"], now)))
    assert (
        "#2 they owe: signed contract OVERDUE: due Mon 30 Nov 2026 (3 days ago)" in text
    )


def test_questions_left_in_the_last_notes_and_untouched_facts_are_things_to_ask(
    store, now, dana
):
    set_fact(
        store,
        dana.id,
        "running",
        "York half marathon",
        "interests",
        date(2026, 1, 1),
        now,
    )
    add_note(
        store,
        [dana],
        "Budget approved.\nAsk how Jake settles in?",
        date(2026, 11, 30),
        now,
    )
    [about] = brief_for(store, ["dana"], now).people
    assert about.ask_about == ["how Jake settles in?", "running: York half marathon"]


def test_the_people_around_them_include_links_introducers_and_colleagues(store, now):
    sam = person(store, now, "Sam Okafor")
    dana = add_person(
        store, NewPerson("Dana Whitfield", company="Acme", introduced_by=sam.id), now
    ).ref
    tom = person(store, now, "Tom Whitfield")
    priya = person(store, now, "Priya Shah", company="acme")
    link(store, dana, tom, "spouse")
    [about] = brief_for(store, ["dana"], now).people
    assert [(a.person.name, a.why) for a in about.people_around] == [
        ("Sam Okafor", "introduced you"),
        ("Tom Whitfield", "spouse"),
        ("Priya Shah", "colleague at Acme"),
    ]
    assert priya


def test_a_group_brief_says_how_the_people_are_connected(store, now, dana):
    tom = person(store, now, "Tom Whitfield")
    link(store, dana, tom, "spouse")
    add_note(store, [dana, tom], "Dinner", date(2026, 11, 1), now)
    brief = brief_for(store, ["dana", "tom"], now)
    assert [c.how for c in brief.connections] == [
        ["Tom Whitfield is Dana Whitfield's spouse", "together in 1 note"]
    ]


def test_brief_json_has_the_same_content_as_data(ok):
    ok("add", "Dana Whitfield", "--company", "Acme")
    ok("fact", "dana", "football", "not after a loss", "-c", "avoid")
    data = json.loads(ok("brief", "dana", "--json").out)
    assert sorted(data) == [
        "connections",
        "generated_at",
        "meeting",
        "people",
        "same_time",
    ]
    about = data["people"][0]
    assert sorted(about) == sorted(
        [
            "person",
            "since_last_met",
            "avoid",
            "facts",
            "dates",
            "last_contact",
            "notes",
            "you_owe",
            "they_owe",
            "ask_about",
            "people_around",
        ]
    )
    assert about["avoid"][0]["fact"]["value"] == "not after a loss"
    assert data["generated_at"] == "2026-12-03T10:00:00+01:00"


def test_brief_markdown_is_text_to_paste(ok):
    ok("add", "Dana Whitfield", "--company", "Acme")
    ok("fact", "dana", "football", "not after a loss", "-c", "avoid")
    assert ok("brief", "dana", "--markdown").out == (
        "# Brief: Dana Whitfield — Acme\n\n"
        "## ⚠ Avoid\n- **football:** not after a loss\n\n"
        "## Conversations\n- **You have not met yet.**\n"
    )


def test_brief_with_no_meeting_and_no_one_named_exits_non_zero(farley):
    run = farley("brief")
    assert run.code == 3
    assert (
        run.err
        == "farley: no meeting coming up: name someone, e.g. farley brief dana\n"
    )


def test_a_past_meeting_on_the_agenda_counts_as_the_last_meeting(store, now, dana):
    add_meeting(store, [dana], datetime(2026, 11, 25, 9, 0, tzinfo=now.tzinfo), now)
    [about] = brief_for(store, ["dana"], now).people
    assert about.since_last_met.days == 8
