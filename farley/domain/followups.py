"""Follow-ups found in a note's lines ("todo: send the deck by friday")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from farley.dates.parse import parse_date
from farley.domain.models import Note, PersonRef, Reminder
from farley.errors import DateError
from farley.store import Store

# Only a line that begins with a marker counts: "we spoke about her todo list"
# or "todo list is long" are left alone.
_MARKER = re.compile(
    r"^\s*(?:(?:todo|follow[ -]?up)\s*:|-\s*\[ \]|>>)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_KEYWORDS = ("by", "on", "before")
_LONGEST_PHRASE = 6
_TRAILING = " \t,;:.-–—"
# Words that on their own say a time of day, not a day: "call back at 3".
_CLOCK_WORD = re.compile(
    r"at|noon|midnight|[ap]m|\d{1,2}(:\d{2})?([ap]m)?|now", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A reminder proposed by one line of a note."""

    text: str
    due_on: date | None
    line: str


def find_follow_ups(text: str, now: datetime) -> list[FollowUp]:
    """The follow-ups in a note, in the order their lines appear."""
    found = []
    for line in text.splitlines():
        match = _MARKER.match(line)
        rest = match["rest"].strip().rstrip(_TRAILING) if match else ""
        if rest:
            found.append(_follow_up(rest, line.strip(), now))
    return found


def _follow_up(rest: str, line: str, now: datetime) -> FollowUp:
    words = rest.split()
    for size in range(min(_LONGEST_PHRASE, len(words)), 0, -1):
        due = _trailing_date(words[-size:], now)
        if due is not None:
            left = " ".join(words[:-size]).rstrip(_TRAILING)
            return FollowUp(left or rest, due, line)
    return FollowUp(rest, None, line)


def _trailing_date(words: list[str], now: datetime) -> date | None:
    """The day the words name, if they are a date phrase not in the past."""
    if words[0].lower() in _KEYWORDS:
        words = words[1:]
    phrase = " ".join(words).rstrip(_TRAILING)
    if not phrase or all(_CLOCK_WORD.fullmatch(w) for w in phrase.split()):
        return None
    try:
        due = parse_date(phrase, now, lean="future")
    except DateError:
        return None
    return due if due >= now.date() else None


def add_note_with_follow_ups(
    store: Store,
    people: list[PersonRef],
    text: str,
    happened_at: date | datetime,
    now: datetime,
    kind: str = "meeting",
) -> tuple[Note, list[Reminder]]:
    """Record a note and, in the same transaction, a reminder per follow-up line.

    The reminders are about the note's main (first) person and point at the note.
    """
    from farley.domain.notes import add_note

    with store.transaction():
        note = add_note(store, people, text, happened_at, now, kind=kind)
        reminders = _remind(store, people[0], find_follow_ups(note.text, now), note)
    return note, reminders


def _remind(
    store: Store, person: PersonRef, follow_ups: Sequence[FollowUp], note: Note
) -> list[Reminder]:
    from farley.domain.reminders import add_reminder

    return [
        add_reminder(store, person, f.text, note.created_at, f.due_on, note_id=note.id)
        for f in follow_ups
    ]
