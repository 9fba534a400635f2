"""Sample people, notes and a meeting, so that a new user can see a brief at once."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from farley.dates.format import PartialDate
from farley.domain.facts import set_fact
from farley.domain.links import link
from farley.domain.meetings import add_meeting
from farley.domain.models import PersonRef
from farley.domain.notes import add_note
from farley.domain.occasions import set_date
from farley.domain.people import NewPerson, add_person
from farley.domain.reminders import add_reminder
from farley.store import Store


def fill_sample(store: Store, now: datetime) -> None:
    """Three people around an upcoming meeting, with facts, notes and promises."""
    today = now.date()
    with store.transaction():
        dana, tom, priya = _people(store, now, today)
        _facts(store, dana, priya, now, today)
        _notes(store, dana, priya, now, today)
        starts = datetime.combine(
            today + timedelta(days=1), time(15, 0), tzinfo=now.tzinfo
        )
        add_meeting(
            store,
            [dana, priya],
            starts,
            now,
            topic="Q1 budget review",
            place="Acme HQ, Leeds",
        )
        add_reminder(
            store,
            dana,
            "Send the revised proposal deck",
            now,
            today + timedelta(days=1),
        )
        add_reminder(
            store,
            dana,
            "Signed contract",
            now,
            today - timedelta(days=3),
            they_owe=True,
        )
        add_reminder(
            store, priya, "Intro to our data team", now, today + timedelta(days=10)
        )


def _people(store: Store, now: datetime, today: date) -> tuple[PersonRef, ...]:
    dana = add_person(
        store,
        NewPerson(
            "Dana Whitfield",
            emails=["dana.whitfield@acme.example"],
            company="Acme Manufacturing",
            title="VP Finance",
            met_how="Leeds finance summit, over the coffee queue",
            met_on=today - timedelta(days=620),
            tags=["client", "finance"],
        ),
        now,
    ).ref
    tom = add_person(store, NewPerson("Tom Whitfield", title="Cardiologist"), now).ref
    priya = add_person(
        store,
        NewPerson(
            "Priya Shah",
            emails=["priya.shah@acme.example"],
            company="Acme Manufacturing",
            title="Head of Operations",
            introduced_by=dana.id,
            tags=["client"],
        ),
        now,
    ).ref
    link(store, dana, tom, "spouse")
    link(store, dana, priya, "colleague")
    birthday = today + timedelta(days=5)
    set_date(
        store, dana.id, "birthday", PartialDate(birthday.month, birthday.day, 1980)
    )
    return dana, tom, priya


def _facts(
    store: Store, dana: PersonRef, priya: PersonRef, now: datetime, today: date
) -> None:
    long_ago = today - timedelta(days=500)
    facts = [
        (dana, "family", "spouse", "Tom, a cardiologist at St James's", long_ago),
        (
            dana,
            "family",
            "son",
            "Jake, starts at Leeds University in September",
            today - timedelta(days=20),
        ),
        (
            dana,
            "interests",
            "running",
            "training for the York half marathon",
            today - timedelta(days=60),
        ),
        (dana, "preferences", "coffee", "flat white, no sugar", long_ago),
        (
            dana,
            "avoid",
            "football",
            "Leeds United fan: not after a loss",
            long_ago,
        ),
        (
            priya,
            "interests",
            "climbing",
            "bouldering on Thursday evenings",
            today - timedelta(days=90),
        ),
        (
            priya,
            "avoid",
            "early calls",
            "school run until 9:15",
            today - timedelta(days=90),
        ),
    ]
    for person, category, key, value, learned in facts:
        set_fact(store, person.id, key, value, category, learned, now)


def _notes(
    store: Store, dana: PersonRef, priya: PersonRef, now: datetime, today: date
) -> None:
    add_note(
        store,
        [dana, priya],
        "Budget for the pilot approved at 120k.\n"
        "Jake got his Leeds offer; she is proud.\n"
        "Ask how the York half marathon training is going?",
        today - timedelta(days=24),
        now,
    )
    add_note(
        store,
        [dana],
        "Quick call: legal is reviewing the contract.",
        today - timedelta(days=6),
        now,
        kind="call",
    )
