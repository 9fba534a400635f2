"""A person's history as a document, and as terminal text for a pager."""

from __future__ import annotations

import io
from datetime import datetime

from farley.domain.history import History, HistoryEntry
from farley.domain.models import Meeting, Note, Reminder
from farley.render.document import Document, Line, Section, Span, line
from farley.render.labels import names, when_with_relative
from farley.render.notes import note_lines


def history_document(found: History, now: datetime) -> Document:
    shown, total = len(found.entries), found.total
    count = f"{total} entries" if total != 1 else "1 entry"
    if shown < total:
        count = f"the latest {shown} of {total} entries"
    heading = line(f"History: {found.person.name}", Span(f" ({count})", "dim"))
    document = Document(heading=heading)
    lines = [ln for entry in found.entries for ln in entry_lines(entry, found, now)]
    document.add(Section(None, lines or [line("Nothing yet.")]))
    return document


def entry_lines(entry: HistoryEntry, found: History, now: datetime) -> list[Line]:
    item = entry.item
    if isinstance(item, Note):
        return note_lines(item, now, others_than=found.person.id)
    if isinstance(item, Meeting):
        return [_meeting_line(item, found, now)]
    return [_reminder_line(item, now)]


def _meeting_line(meeting: Meeting, found: History, now: datetime) -> Line:
    others = [p for p in meeting.people if p.id != found.person.id]
    with_whom = f" with {names(others)}" if others else ""
    parts: list[Span | str] = [
        Span(when_with_relative(meeting.starts_at, now), "strong"),
        Span(f" · meeting on the agenda{with_whom}", "dim"),
        Span(f"  #{meeting.id}", "dim"),
    ]
    if meeting.topic or meeting.place:
        about = " @ ".join(part for part in (meeting.topic, meeting.place) if part)
        parts.insert(2, Span(f": {about}"))
    return line(*parts)


def _reminder_line(reminder: Reminder, now: datetime) -> Line:
    done = reminder.done_at or now
    what = "they did" if reminder.they_owe else "done"
    return line(
        Span(when_with_relative(done, now), "strong"),
        Span(f" · {what}: ", "dim"),
        reminder.text,
        Span(f"  #{reminder.id}", "dim"),
    )


def terminal_text(document: Document, width: int) -> str:
    """The document as a terminal shows it, colours and all, to hand to a pager."""
    from rich.console import Console

    from farley.render.terminal import write_rich

    out = io.StringIO()
    console = Console(
        file=out, width=width, force_terminal=True, highlight=False, soft_wrap=False
    )
    write_rich(document, console)
    return out.getvalue()
