"""Deleting a single note, meeting or reminder, leaving no trace of its text."""

from __future__ import annotations

from farley.domain.meetings import get_meeting
from farley.domain.models import Meeting, Note, Reminder
from farley.domain.notes import get_note
from farley.domain.reminders import get_reminder
from farley.store import Store


def delete_note(store: Store, note_id: int) -> Note:
    """Delete a note; reminders made from it stay, no longer tied to it."""
    note = get_note(store, note_id)
    _delete(store, "DELETE FROM notes WHERE id = ?", note_id)
    return note


def delete_meeting(store: Store, meeting_id: int) -> Meeting:
    meeting = get_meeting(store, meeting_id)
    _delete(store, "DELETE FROM meetings WHERE id = ?", meeting_id)
    return meeting


def delete_reminder(store: Store, reminder_id: int) -> Reminder:
    reminder = get_reminder(store, reminder_id)
    _delete(store, "DELETE FROM reminders WHERE id = ?", reminder_id)
    return reminder


def _delete(store: Store, sql: str, row_id: int) -> None:
    with store.transaction():
        store.execute(sql, (row_id,))
        # Merging the index segments drops the deleted words from the file.
        store.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")
    store.scrub()
