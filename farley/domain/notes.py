"""Notes: what happened in a meeting, call, email or message, and with whom."""

from __future__ import annotations

import re
from datetime import date, datetime

from farley.dates.format import format_when, from_iso, is_after_today, to_iso
from farley.domain.models import NOTE_KINDS, Note, PersonRef
from farley.errors import InvalidInput, NotFound
from farley.store import Store

# C0 and C1 controls and DEL, tab and newline aside: a terminal acts on them
# (a bell, a cursor move) when a note is printed.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def without_controls(text: str) -> str:
    """Text with its line breaks as newlines and no other control characters."""
    if text.isprintable():
        # Most notes: quicker to check than to search, over a million imported.
        return text
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def clean_text(text: str) -> str:
    """A note's text as it is stored: no control characters, no blank ends."""
    return without_controls(text).strip()


def check_kind(kind: str) -> str:
    cleaned = kind.strip().lower()
    if cleaned not in NOTE_KINDS:
        raise InvalidInput(
            f'"{kind}" is not a kind of note: use one of {", ".join(NOTE_KINDS)}'
        )
    return cleaned


def check_happened(happened_at: date | datetime, now: datetime) -> None:
    """Refuse a note dated after today: a note records what has happened."""
    if is_after_today(happened_at, now):
        raise InvalidInput(
            f"{format_when(happened_at, now)} is still to come: a note records what "
            "happened, so give --on a day up to today (for what is coming, use "
            "farley remind or farley meet)"
        )


def add_note(
    store: Store,
    people: list[PersonRef],
    text: str,
    happened_at: date | datetime,
    now: datetime,
    kind: str = "meeting",
) -> Note:
    """Record a note about one or more people (the first is the main one)."""
    kind, text = check_kind(kind), clean_text(text)
    check_happened(happened_at, now)
    if not text:
        raise InvalidInput(
            'the note is empty: write it as farley note dana "what was said"'
        )
    with store.transaction():
        note_id = store.insert(
            "notes",
            {
                "kind": kind,
                "happened_at": to_iso(happened_at),
                "text": text,
                "created_at": to_iso(now),
            },
        )
        store.executemany(
            """INSERT INTO note_people (note_id, person_id, secondary)
            VALUES (?, ?, ?)""",
            [(note_id, person.id, at > 0) for at, person in enumerate(people)],
        )
    return Note(note_id, kind, happened_at, text, now, list(people))


def notes_of(store: Store, person_id: int, limit: int | None = None) -> list[Note]:
    """A person's notes, newest first by when they happened."""
    rows = store.query(
        f"""SELECT n.* FROM note_people np JOIN notes n ON n.id = np.note_id
        WHERE np.person_id = ? ORDER BY n.happened_at DESC, n.id DESC
        {"LIMIT ?" if limit else ""}""",
        (person_id, limit) if limit else (person_id,),
    )
    notes = [_note(row) for row in rows]
    _attach_people(store, notes)
    return notes


def count_notes(store: Store, person_id: int) -> int:
    sql = "SELECT count(*) FROM note_people WHERE person_id = ?"
    return store.value(sql, (person_id,))


def get_note(store: Store, note_id: int) -> Note:
    row = store.by_id("SELECT * FROM notes WHERE id = ?", note_id)
    if row is None:
        raise NotFound(f"no note has id {note_id}: see farley history PERSON")
    note = _note(row)
    _attach_people(store, [note])
    return note


def _note(row) -> Note:
    created = from_iso(row["created_at"])
    return Note(
        row["id"], row["kind"], from_iso(row["happened_at"]), row["text"], created
    )


def _attach_people(store: Store, notes: list[Note]) -> None:
    if not notes:
        return
    by_id = {note.id: note for note in notes}
    marks = ", ".join("?" for _ in by_id)
    rows = store.query(
        f"""SELECT np.note_id, p.id, p.name, p.company FROM note_people np
        JOIN people p ON p.id = np.person_id WHERE np.note_id IN ({marks})
        ORDER BY np.note_id, np.secondary, p.id""",
        list(by_id),
    )
    for row in rows:
        by_id[row["note_id"]].people.append(
            PersonRef(row["id"], row["name"], row["company"])
        )
