"""A person's whole record, as `farley show` presents it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from farley.domain.facts import facts_of
from farley.domain.links import relations_of
from farley.domain.meetings import next_meeting
from farley.domain.models import (
    Fact,
    ImportantDate,
    Meeting,
    Note,
    Person,
    Relation,
    Reminder,
)
from farley.domain.notes import count_notes, notes_of
from farley.domain.occasions import dates_of
from farley.domain.people import get_person
from farley.domain.reminders import open_reminders
from farley.store import Store

RECENT_NOTES = 5


@dataclass(slots=True)
class Profile:
    person: Person
    facts: list[Fact] = field(default_factory=list)
    dates: list[ImportantDate] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    note_count: int = 0
    reminders: list[Reminder] = field(default_factory=list)
    next_meeting: Meeting | None = None


def profile(store: Store, person_id: int, now: datetime) -> Profile:
    """Everything on file about one person, recent notes only."""
    return Profile(
        person=get_person(store, person_id),
        facts=facts_of(store, person_id),
        dates=dates_of(store, person_id),
        relations=relations_of(store, person_id),
        notes=notes_of(store, person_id, limit=RECENT_NOTES),
        note_count=count_notes(store, person_id),
        reminders=open_reminders(store, person_id),
        next_meeting=next_meeting(store, now, person_id),
    )
