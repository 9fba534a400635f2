"""The brief: what to remember before talking to someone, assembled as data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from farley.dates.format import from_iso
from farley.domain.facts import facts_of
from farley.domain.links import relations_of
from farley.domain.meetings import meetings_between, next_meeting, utc_key
from farley.domain.models import Fact, Meeting, Note, Person, PersonRef, Reminder
from farley.domain.notes import notes_of
from farley.domain.occasions import Occasion, upcoming
from farley.domain.people import get_person
from farley.domain.rapport import (
    Around,
    Connection,
    ask_about,
    connections_between,
    people_around,
)
from farley.domain.reminders import open_reminders
from farley.domain.resolve import resolve_all
from farley.errors import NotFound
from farley.store import Store

RECENT_NOTES = 3
# Notes enough to know what was last said and what is new since the last meeting.
NOTES_READ = 40
DATES_WINDOW_DAYS = 14
FACT_CHECK_AFTER_DAYS = 365


# The records below are made without repr and eq: nothing prints or compares
# them, and each generated method costs every start of the brief.
@dataclass(slots=True, repr=False, eq=False)
class FactEntry:
    fact: Fact
    check: bool  # learned long ago: worth confirming it still holds


@dataclass(slots=True, repr=False, eq=False)
class LastContact:
    on: date | datetime
    kind: str
    days_ago: int


@dataclass(slots=True, repr=False, eq=False)
class SinceLastMet:
    """What is new since the last meeting with them."""

    last_met: date | datetime
    days: int
    notes: list[Note] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    reminders: list[Reminder] = field(default_factory=list)


@dataclass(slots=True, repr=False, eq=False)
class PersonBrief:
    person: Person
    since_last_met: SinceLastMet | None
    avoid: list[FactEntry]
    facts: dict[str, list[FactEntry]]
    dates: list[Occasion]
    last_contact: LastContact | None
    notes: list[Note]
    you_owe: list[Reminder]
    they_owe: list[Reminder]
    ask_about: list[str]
    people_around: list[Around]


@dataclass(slots=True, repr=False, eq=False)
class Brief:
    generated_at: datetime
    meeting: Meeting | None
    people: list[PersonBrief]
    connections: list[Connection] = field(default_factory=list)
    # Other meetings that start when the briefed one does: the brief names them.
    same_time: list[Meeting] = field(default_factory=list)


def brief_for(store: Store, names: list[str], now: datetime) -> Brief:
    """The brief for the named people, or for the next meeting when none are named."""
    if names:
        people = resolve_all(store, names)
        meeting = _shared_meeting(store, people, now)
    else:
        meeting = next_meeting(store, now)
        if meeting is None:
            raise NotFound("no meeting coming up: name someone, e.g. farley brief dana")
        found = build_brief(store, meeting.people, meeting, now)
        found.same_time = _starting_with(store, meeting)
        return found
    return build_brief(store, people, meeting, now)


def _starting_with(store: Store, meeting: Meeting) -> list[Meeting]:
    """The other meetings that start at the same moment as this one."""
    start = meeting.starts_at
    together = meetings_between(store, start, start + timedelta(seconds=1))
    return [m for m in together if m.id != meeting.id]


def _shared_meeting(
    store: Store, people: list[PersonRef], now: datetime
) -> Meeting | None:
    """The next meeting of the first person that all the named people attend."""
    meeting = next_meeting(store, now, people[0].id)
    if meeting is None:
        return None
    attending = {p.id for p in meeting.people}
    return meeting if all(p.id in attending for p in people) else None


def build_brief(
    store: Store, people: list[PersonRef], meeting: Meeting | None, now: datetime
) -> Brief:
    others = meeting.people if meeting else []
    briefs = [_person_brief(store, ref, meeting, others, now) for ref in people]
    connections = connections_between(store, people) if len(people) > 1 else []
    return Brief(now, meeting, briefs, connections)


def _person_brief(
    store: Store,
    ref: PersonRef,
    meeting: Meeting | None,
    attendees: list[PersonRef],
    now: datetime,
) -> PersonBrief:
    person = get_person(store, ref.id)
    facts = facts_of(store, ref.id)
    # Each note's people come with the person it is about first.
    notes = notes_of(store, ref.id, limit=NOTES_READ)
    reminders = open_reminders(store, ref.id)
    asks, asked_facts = ask_about(ref.id, notes, facts, reminders, now)
    entries = _fact_entries(facts, asked_facts, now)
    day = meeting.starts_at.date() if meeting else now.date()
    return PersonBrief(
        person=person,
        since_last_met=_since_last_met(store, ref.id, notes, facts, reminders, now),
        avoid=[e for e in entries if e.fact.category == "avoid"],
        facts=_grouped([e for e in entries if e.fact.category != "avoid"]),
        dates=_dates_near(store, ref.id, day, now.date()),
        last_contact=_last_contact(notes, now),
        notes=notes[:RECENT_NOTES],
        you_owe=[r for r in reminders if not r.they_owe],
        they_owe=[r for r in reminders if r.they_owe],
        ask_about=asks,
        people_around=people_around(
            store, person, notes, attendees, relations_of(store, ref.id)
        ),
    )


def _fact_entries(facts: list[Fact], asked: set[int], now: datetime) -> list[FactEntry]:
    """The facts, less those offered to ask about: the brief says each once."""
    return [FactEntry(f, _worth_checking(f, now)) for f in facts if f.id not in asked]


def _worth_checking(fact: Fact, now: datetime) -> bool:
    return (now.date() - fact.learned_on).days > FACT_CHECK_AFTER_DAYS


def _grouped(entries: list[FactEntry]) -> dict[str, list[FactEntry]]:
    groups: dict[str, list[FactEntry]] = {}
    for entry in entries:
        groups.setdefault(entry.fact.category, []).append(entry)
    return groups


def _dates_near(store: Store, person_id: int, day: date, today: date) -> list[Occasion]:
    """Yearly dates from a week before the meeting (or today) to two weeks after."""
    start = max(today, day - timedelta(days=7))
    days = (day + timedelta(days=DATES_WINDOW_DAYS) - start).days
    return upcoming(store, start, days, [person_id])


def _last_contact(notes: list[Note], now: datetime) -> LastContact | None:
    past = [n for n in notes if _day(n.happened_at) <= now.date()]
    if not past:
        return None
    last = past[0]
    return LastContact(
        last.happened_at, last.kind, (now.date() - _day(last.happened_at)).days
    )


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _since_last_met(
    store: Store,
    person_id: int,
    notes: list[Note],
    facts: list[Fact],
    reminders: list[Reminder],
    now: datetime,
) -> SinceLastMet | None:
    met = _last_met(store, person_id, notes, now)
    if met is None:
        return None
    day = _day(met)
    return SinceLastMet(
        last_met=met,
        days=(now.date() - day).days,
        notes=[n for n in notes if _day(n.happened_at) > day and n.kind != "meeting"],
        facts=[f for f in facts if f.learned_on > day],
        reminders=[r for r in reminders if r.created_at.date() > day],
    )


def _last_met(
    store: Store, person_id: int, notes: list[Note], now: datetime
) -> date | datetime | None:
    """The last meeting that took place: a meeting note or a past agenda entry."""
    today = now.date()
    meeting_notes = (n for n in notes if n.kind == "meeting")
    noted = next(
        (n.happened_at for n in meeting_notes if _day(n.happened_at) <= today), None
    )
    held = store.value(
        """SELECT m.starts_at FROM meeting_people mp
        JOIN meetings m ON m.id = mp.meeting_id
        WHERE mp.person_id = ? AND m.starts_utc < ?
        ORDER BY m.starts_utc DESC LIMIT 1""",
        (person_id, utc_key(now)),
    )
    candidates = [value for value in (noted, from_iso(held) if held else None) if value]
    return max(candidates, key=_day) if candidates else None
