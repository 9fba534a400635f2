"""A person's history: every note, past meeting and done reminder, newest first."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from farley.domain.meetings import meetings_of
from farley.domain.models import Meeting, Note, PersonRef, Reminder
from farley.domain.notes import count_notes, notes_of
from farley.domain.reminders import done_reminders
from farley.store import Store


@dataclass(slots=True)
class HistoryEntry:
    """One thing that happened: `kind` says which of note, meeting or reminder."""

    kind: str
    on: date | datetime
    item: Note | Meeting | Reminder


@dataclass(slots=True)
class History:
    person: PersonRef
    entries: list[HistoryEntry] = field(default_factory=list)
    total: int = 0


def history(
    store: Store, person: PersonRef, now: datetime, limit: int | None = None
) -> History:
    """What happened with someone, newest first; at most `limit` entries."""
    notes = notes_of(store, person.id, limit)
    meetings = [m for m in meetings_of(store, person.id) if m.starts_at < now]
    done = done_reminders(store, person.id)
    entries = [HistoryEntry("note", n.happened_at, n) for n in notes]
    entries += [HistoryEntry("meeting", m.starts_at, m) for m in meetings]
    entries += [HistoryEntry("reminder", r.done_at, r) for r in done if r.done_at]
    entries.sort(
        key=lambda entry: (_moment(entry.on, now), entry.item.id), reverse=True
    )
    total = count_notes(store, person.id) + len(meetings) + len(done)
    return History(person, entries[:limit] if limit else entries, total)


def _moment(value: date | datetime, now: datetime) -> datetime:
    """A date without a time sorts as midday of that day, in now's zone."""
    if isinstance(value, datetime):
        return value.astimezone(now.tzinfo)
    return datetime.combine(value, time(12), tzinfo=now.tzinfo)
