"""Views of what is coming up: the agenda and the list of open reminders."""

from __future__ import annotations

from datetime import datetime

from farley.dates.format import format_date
from farley.domain.agenda import Agenda
from farley.domain.models import Meeting, Reminder
from farley.render.document import Document, Line, Section, Span, line
from farley.render.labels import (
    names,
    occasion_line,
    reminder_line,
    when_with_relative,
)


def agenda_document(agenda: Agenda, now: datetime) -> Document:
    heading = line(f"Agenda: {format_date(agenda.start)} to {format_date(agenda.end)}")
    document = Document(heading=heading)
    document.add(Section("Meetings", [meeting_line(m, now) for m in agenda.meetings]))
    reminders = [reminder_line(r, now) for r in agenda.reminders]
    reminders += _more(
        agenda.reminders_total, len(agenda.reminders), "farley reminders"
    )
    document.add(Section("Reminders due", reminders))
    dates = [occasion_line(o, now) for o in agenda.dates]
    dates += _more(agenda.dates_total, len(agenda.dates), "farley agenda --all")
    document.add(Section("Dates", dates))
    document.add(Section("Keep in touch", _touch_lines(agenda, now)))
    return document


def _more(total: int, shown: int, where: str) -> list[Line]:
    if total <= shown:
        return []
    return [line(Span(f"and {total - shown} more: see {where}", "dim"))]


def _touch_lines(agenda: Agenda, now: datetime) -> list[Line]:
    from farley.render.touch import touch_line

    lines = [touch_line(touch, now) for touch in agenda.touch]
    more = agenda.touch_total - len(agenda.touch)
    if more > 0:
        lines.append(line(Span(f"and {more} more: see farley stale", "dim")))
    return lines


def meeting_line(meeting: Meeting, now: datetime) -> Line:
    parts: list[Span | str] = [
        Span(when_with_relative(meeting.starts_at, now), "strong")
    ]
    parts.append(f" with {names(meeting.people)}")
    if meeting.topic:
        parts.append(f": {meeting.topic}")
    if meeting.place:
        parts.append(Span(f" @ {meeting.place}", "dim"))
    parts.append(Span(f"  #{meeting.id}", "dim"))
    return line(*parts)


def reminders_document(reminders: list[Reminder], now: datetime) -> Document:
    owed = [r for r in reminders if not r.they_owe]
    theirs = [r for r in reminders if r.they_owe]
    document = Document()
    document.add(Section("You owe", [reminder_line(r, now) for r in owed]))
    document.add(Section("They owe you", [reminder_line(r, now) for r in theirs]))
    return document
