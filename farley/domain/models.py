"""The plain objects the domain hands to the command line and to rendering."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

FACT_CATEGORIES = ("family", "interests", "work", "preferences", "avoid", "other")
NOTE_KINDS = ("meeting", "call", "email", "message", "other")


# Made without repr and eq: nothing prints records, code compares their ids,
# and each generated method costs every command's start.
@dataclass(slots=True, repr=False, eq=False)
class ContactPoint:
    kind: str
    value: str
    label: str | None = None


@dataclass(slots=True, repr=False, eq=False)
class Fact:
    id: int
    person_id: int
    category: str
    key: str
    value: str
    learned_on: date


@dataclass(slots=True, repr=False, eq=False)
class ImportantDate:
    id: int
    person_id: int
    label: str
    month: int
    day: int
    year: int | None = None


@dataclass(slots=True, repr=False, eq=False)
class PersonRef:
    """Enough of a person to name them in a list."""

    id: int
    name: str
    company: str | None = None


@dataclass(slots=True, repr=False, eq=False)
class Person:
    id: int
    name: str
    nickname: str | None = None
    company: str | None = None
    title: str | None = None
    location: str | None = None
    met_how: str | None = None
    met_on: date | None = None
    introduced_by: PersonRef | None = None
    cadence: str | None = None
    snoozed_until: date | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    contacts: list[ContactPoint] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    @property
    def emails(self) -> list[str]:
        return [c.value for c in self.contacts if c.kind == "email"]

    @property
    def ref(self) -> PersonRef:
        return PersonRef(self.id, self.name, self.company)


@dataclass(slots=True, repr=False, eq=False)
class Note:
    id: int
    kind: str
    happened_at: date | datetime
    text: str
    created_at: datetime
    people: list[PersonRef] = field(default_factory=list)


@dataclass(slots=True, repr=False, eq=False)
class Meeting:
    id: int
    starts_at: datetime
    place: str | None
    topic: str | None
    people: list[PersonRef] = field(default_factory=list)


@dataclass(slots=True, repr=False, eq=False)
class Reminder:
    id: int
    person: PersonRef
    text: str
    due_on: date | None
    recurrence: str | None
    they_owe: bool
    done_at: datetime | None
    created_at: datetime
    note_id: int | None = None

    def is_overdue(self, today: date) -> bool:
        return self.done_at is None and self.due_on is not None and self.due_on < today


@dataclass(slots=True, repr=False, eq=False)
class Relation:
    """How `other` stands to a person, read from that person's side."""

    other: PersonRef
    relation: str
