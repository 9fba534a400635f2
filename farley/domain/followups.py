"""Follow-ups found in a note's lines ("todo: send the deck by friday")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import NamedTuple

from farley.domain.models import Note, PersonRef, Reminder
from farley.errors import DateError, InvalidInput
from farley.store import Store

# Only a line that begins with a marker counts: "we spoke about her todo list"
# or "todo list is long" are left alone.
_MARKER = re.compile(
    r"^\s*(?:(?:todo|follow[ -]?up)\s*:|-\s*\[ \]|>>)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# The patterns below are compiled when a note is read, not when the brief
# imports this module for its markers: re keeps them once compiled.
# Only a due phrase at the end sets the day: "book flights for 12 Apr" is a
# task about a date, not one due on it. The last keyword wins ("pay by card by friday").
_DUE = (
    r"(?i)^(?:(?P<text>.*)\s+)?(?P<keyword>by|before|on|due(?:\s+(?:by|on|before))?)"
    r"\s*:?\s+(?P<when>\S.*)$"
)
_WEEKDAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# A phrase with no keyword that can only be a time ("call her tomorrow"), unless a
# word such as "for" makes it part of the task ("prep for tomorrow").
_BARE_WHEN = (
    r"(?i)^(?:(?P<text>.*?\S)\s+)?(?P<when>today|tomorrow|tonight|next\s+(?:week|month)"
    rf"|in\s+\d+\s+(?:days?|weeks?|months?)|(?:(?:next|this)\s+)?(?:{_WEEKDAY})"
    r"|\d{4}-\d{2}-\d{2})$"
)
_BINDING = (
    r"(?i)(?:for|of|the|a|an|from|since|until|till|after|about|to|at|in|than|every"
    r"|each|per|and|or|with|last|this|next|\S+'s)"
)
_TRAILING = " \t,;:.-–—"
# Words that on their own say a time of day, not a day: "call back by 3".
_CLOCK_WORD = r"(?i)at|noon|midnight|[ap]m|\d{1,2}(:\d{2})?([ap]m)?|now"
# A phrase that tries to be a date, so that failing to read it is a mistake to
# report ("by 31 feb"), unlike "by email" or "by 10%".
_NUMERIC_DATE = r"(?i)\d+[/.-]\d+|\d+(st|nd|rd|th)\b"
# "on" is mostly not about time ("decide on March launch"): it sets a day only
# when every word after it could be part of a date.
_DATE_WORD = (
    r"(?i)\d+|\d+(st|nd|rd|th)|\d+[/.-]\d+([/.-]\d+)?|next|this|the|of|at|noon"
    r"|\d{1,2}(:\d{2})?[ap]m"
)
_DAY_WORDS = {"today", "tomorrow", "tonight", "yesterday"}
DUE_FORMS = "end the line with a due date, e.g. by friday, by 12 Apr, by 2026-12-04"


class FollowUp(NamedTuple):
    """A reminder proposed by one line of a note."""

    # A named tuple, not a frozen dataclass: the brief imports this module,
    # and a dataclass costs its start half a millisecond.

    text: str
    due_on: date | None
    line: str


def is_follow_up(line: str) -> bool:
    """Whether a note's line is one that becomes a reminder."""
    match = _MARKER.match(line)
    return bool(match and match["rest"].strip().rstrip(_TRAILING))


def find_follow_ups(
    text: str, now: datetime, dayfirst: bool | None = None
) -> list[FollowUp]:
    """The follow-ups in a note, in the order their lines appear.

    `dayfirst` is the order an imported file's numeric dates are read in; None
    (typed) refuses a numeric date that reads both ways.

    A due phrase that tries to name a day and cannot be read is an error, so
    that a note is never saved with a reminder silently left undated.
    """
    found = []
    for line in text.splitlines():
        match = _MARKER.match(line)
        rest = match["rest"].strip().rstrip(_TRAILING) if match else ""
        if rest:
            found.append(_follow_up(rest, line.strip(), now, dayfirst))
    return found


def _follow_up(rest: str, line: str, now: datetime, dayfirst: bool | None) -> FollowUp:
    """The reminder a marked line asks for: a due phrase at its end dates it."""
    for found in (
        _keyword_due(rest, line, now, dayfirst),
        _bare_due(rest, line, now, dayfirst),
    ):
        if found is not None:
            left, due = found
            return FollowUp(left or rest, due, line)
    return FollowUp(rest, None, line)


def _keyword_due(
    rest: str, line: str, now: datetime, dayfirst: bool | None
) -> tuple[str, date] | None:
    """The text and day of a line ending "by friday", "due 12 Jan", "on 4 Dec"."""
    match = re.match(_DUE, rest)
    if match is None:
        return None
    when = match["when"].rstrip(_TRAILING)
    if match["keyword"].casefold() == "on" and not _could_be_a_date(when):
        return None
    due = _due_on(when, line, now, dayfirst)
    if due is None:
        return None
    left = re.sub(r"\s+due$", "", match["text"] or "", flags=re.IGNORECASE)
    return left.rstrip(_TRAILING), due


def _bare_due(
    rest: str, line: str, now: datetime, dayfirst: bool | None
) -> tuple[str, date] | None:
    """The text and day of a line ending in a time alone: "call her tomorrow"."""
    match = re.match(_BARE_WHEN, rest)
    if match is None:
        return None
    left = match["text"] or ""
    if left and re.fullmatch(_BINDING, left.split()[-1]):
        return None
    due = _due_on(match["when"], line, now, dayfirst)
    return (left.rstrip(_TRAILING), due) if due else None


def _could_be_a_date(phrase: str) -> bool:
    from farley.dates.written import MONTHS, WEEKDAYS

    words = re.split(r"[\s,]+", phrase.casefold())
    known = MONTHS.keys() | WEEKDAYS.keys() | _DAY_WORDS
    every = all(w in known or re.fullmatch(_DATE_WORD, w) for w in words)
    return every and _looks_like_a_date(phrase)


def _due_on(when: str, line: str, now: datetime, dayfirst: bool | None) -> date | None:
    """The day a due phrase names; None when it is not a date at all."""
    from farley.dates.parse import AmbiguousDate, parse_date

    if all(re.fullmatch(_CLOCK_WORD, word) for word in when.split()):
        return None
    # The date reader knows today but not tonight, which is the same day here.
    read = re.sub(r"\btonight\b", "today", when, flags=re.IGNORECASE)
    try:
        return parse_date(read, now, lean="future", dayfirst=dayfirst)
    except AmbiguousDate as exc:
        raise InvalidInput(
            f'{exc} (in the to-do line "{line}"; nothing was noted)'
        ) from None
    except DateError:
        if _looks_like_a_date(when):
            raise DateError(
                f'can\'t read the date "{when}" in the to-do line "{line}": '
                f"nothing was noted; {DUE_FORMS}"
            ) from None
        return None


def _looks_like_a_date(phrase: str) -> bool:
    from farley.dates.parse import MONTHS, WEEKDAYS

    words = re.split(r"[\s,]+", phrase.casefold())
    named = any(w in MONTHS or w in WEEKDAYS or w in _DAY_WORDS for w in words)
    return named or bool(re.search(_NUMERIC_DATE, phrase))


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
    The follow-ups are read first: a line that cannot be read writes nothing.
    """
    from farley.domain.notes import add_note

    follow_ups = find_follow_ups(text, now)
    with store.transaction():
        note = add_note(store, people, text, happened_at, now, kind=kind)
        reminders = _remind(store, people[0], follow_ups, note)
    return note, reminders


def _remind(
    store: Store, person: PersonRef, follow_ups: Sequence[FollowUp], note: Note
) -> list[Reminder]:
    from farley.domain.reminders import add_reminder

    return [
        add_reminder(store, person, f.text, note.created_at, f.due_on, note_id=note.id)
        for f in follow_ups
    ]
