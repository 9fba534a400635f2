"""Reminders: what is owed to whom by when, both ways, and recurring ones."""

from __future__ import annotations

from datetime import date, datetime

from farley.dates.format import from_iso, to_iso
from farley.domain.models import PersonRef, Reminder
from farley.errors import Conflict, InvalidInput, NotFound
from farley.store import Store

_SELECT = """SELECT r.*, p.name, p.company FROM reminders r
    JOIN people p ON p.id = r.person_id"""
# Open reminders: those with a date first, soonest first, then undated ones.
_OPEN_ORDER = "ORDER BY r.due_on IS NULL, r.due_on, r.id"


def add_reminder(
    store: Store,
    person: PersonRef,
    text: str,
    now: datetime,
    due_on: date | None = None,
    recurrence: str | None = None,
    they_owe: bool = False,
    note_id: int | None = None,
) -> Reminder:
    """Record something you owe `person` (or, with they_owe, they owe you)."""
    text = text.strip()
    if not text:
        raise InvalidInput('the reminder is empty: farley remind dana "send the deck"')
    if recurrence and due_on is None:
        due_on = now.date()
    with store.transaction():
        reminder_id = store.insert(
            "reminders",
            {
                "person_id": person.id,
                "text": text,
                "due_on": to_iso(due_on) if due_on else None,
                "anchor_on": to_iso(due_on) if due_on else None,
                "recurrence": recurrence,
                "they_owe": int(they_owe),
                "note_id": note_id,
                "created_at": to_iso(now),
            },
        )
    return get_reminder(store, reminder_id)


def get_reminder(store: Store, reminder_id: int) -> Reminder:
    row = store.by_id(f"{_SELECT} WHERE r.id = ?", reminder_id)
    if row is None:
        raise NotFound(
            f"no reminder has id {reminder_id}: see farley reminders for ids"
        )
    return _reminder(row)


def open_reminders(store: Store, person_id: int | None = None) -> list[Reminder]:
    """Reminders not yet done, soonest first, undated last."""
    if person_id is None:
        rows = store.query(f"{_SELECT} WHERE r.done_at IS NULL {_OPEN_ORDER}")
    else:
        rows = store.query(
            f"{_SELECT} WHERE r.person_id = ? AND r.done_at IS NULL {_OPEN_ORDER}",
            (person_id,),
        )
    return [_reminder(row) for row in rows]


def due_by(store: Store, last_day: date, limit: int | None = None) -> list[Reminder]:
    """Open reminders due on or before `last_day`, overdue ones included."""
    rows = store.query(
        f"""{_SELECT} WHERE r.done_at IS NULL AND r.due_on <= ? {_OPEN_ORDER}
        {"LIMIT ?" if limit is not None else ""}""",
        (to_iso(last_day), *([limit] if limit is not None else [])),
    )
    return [_reminder(row) for row in rows]


def count_due_by(store: Store, last_day: date) -> int:
    sql = "SELECT count(*) FROM reminders WHERE done_at IS NULL AND due_on <= ?"
    return store.value(sql, (to_iso(last_day),))


def done_reminders(store: Store, person_id: int) -> list[Reminder]:
    rows = store.query(
        f"""{_SELECT} WHERE r.person_id = ? AND r.done_at IS NOT NULL
        ORDER BY r.done_at DESC""",
        (person_id,),
    )
    return [_reminder(row) for row in rows]


def complete(
    store: Store, reminder_id: int, now: datetime
) -> tuple[Reminder, Reminder | None]:
    """Mark a reminder done; a recurring one comes back at its next date."""
    reminder = get_reminder(store, reminder_id)
    if reminder.done_at is not None:
        raise Conflict(f"reminder {reminder_id} is already done")
    row = store.one("SELECT anchor_on FROM reminders WHERE id = ?", (reminder_id,))
    with store.transaction():
        store.execute(
            "UPDATE reminders SET done_at = ? WHERE id = ?", (to_iso(now), reminder_id)
        )
        following = _recur(store, reminder, row["anchor_on"], now)
    return get_reminder(store, reminder_id), following


def _recur(
    store: Store, reminder: Reminder, anchor: str | None, now: datetime
) -> Reminder | None:
    if not reminder.recurrence or reminder.due_on is None:
        return None
    from farley.dates.recur import parse_recurrence

    rule = parse_recurrence(reminder.recurrence)
    start = from_iso(anchor) if anchor else reminder.due_on
    after = max(reminder.due_on, now.date())
    next_due = rule.next_after(start, after)
    next_id = store.insert(
        "reminders",
        {
            "person_id": reminder.person.id,
            "text": reminder.text,
            "due_on": to_iso(next_due),
            "anchor_on": anchor or to_iso(reminder.due_on),
            "recurrence": reminder.recurrence,
            "they_owe": int(reminder.they_owe),
            "created_at": to_iso(now),
        },
    )
    return get_reminder(store, next_id)


def _reminder(row) -> Reminder:
    return Reminder(
        id=row["id"],
        person=PersonRef(row["person_id"], row["name"], row["company"]),
        text=row["text"],
        due_on=from_iso(row["due_on"]) if row["due_on"] else None,
        recurrence=row["recurrence"],
        they_owe=bool(row["they_owe"]),
        done_at=from_iso(row["done_at"]) if row["done_at"] else None,
        created_at=from_iso(row["created_at"]),
        note_id=row["note_id"],
    )
