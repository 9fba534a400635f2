"""Views of notes: one note as a dated line with its text."""

from __future__ import annotations

from datetime import datetime

from farley.domain.models import Note
from farley.render.document import Line, Span, line
from farley.render.labels import names, when_with_relative


def note_lines(note: Note, now: datetime, others_than: int | None = None) -> list[Line]:
    """A heading line (when, kind, with whom) and the text's lines."""
    others = [p for p in note.people if p.id != others_than] if others_than else []
    with_whom = f" with {names(others)}" if others else ""
    head = line(
        Span(when_with_relative(note.happened_at, now), "strong"),
        Span(f" · {note.kind}{with_whom}", "dim"),
        Span(f"  #{note.id}", "dim"),
    )
    return [
        head,
        *(line("  " + text) for text in note.text.splitlines() if text.strip()),
    ]
