"""Views for keeping in touch: who is due, cadences, tags and yearly dates."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from farley.dates.format import format_date, format_relative, format_span
from farley.domain.occasions import Occasion
from farley.domain.touch import TagCadence, Touch, TouchList
from farley.render.agenda import occasion_line
from farley.render.document import Document, Line, Section, Span, Table, line

if TYPE_CHECKING:
    from farley.domain.tags import TagCount

SPOKEN = {"meeting": "met", "call": "call", "email": "email", "message": "message"}


def stale_document(found: TouchList, now: datetime) -> Document:
    document = Document(heading=line(_stale_heading(found)))
    document.add(Section(None, [touch_line(t, now) for t in found.entries]))
    return document


def _stale_heading(found: TouchList) -> str:
    tagged = f" tagged {found.tag}" if found.tag else ""
    if not found.total:
        return f"No one{tagged} is due a touch."
    who = "1 person" if found.total == 1 else f"{found.total} people"
    what = (
        f"not in touch for over {found.days} days"
        if found.days is not None
        else "due a touch"
    )
    heading = f"{who}{tagged} {what}"
    if len(found.entries) < found.total:
        heading += f": the {len(found.entries)} most overdue (--limit for more)"
    return heading


def touch_line(touch: Touch, now: datetime, due: bool = True) -> Line:
    """'Dana Whitfield (Acme) — last call Tue 1 Sep 2026 (3 months ago); ...'."""
    parts: list[Span | str] = [Span(touch.person.name, "strong")]
    if touch.person.company:
        parts.append(Span(f" ({touch.person.company})", "dim"))
    parts.append(f" — {_last(touch, now)}")
    if due and touch.cadence:
        parts.append(Span(f"; {touch.cadence}", "dim"))
    if due:
        parts.append(_due(touch, now))
    return line(*parts)


def _last(touch: Touch, now: datetime) -> str:
    if touch.last_contact is None:
        added = format_date(touch.since)
        return f"never in touch (added {added}, {format_relative(touch.since, now)})"
    how = SPOKEN.get(touch.last_kind or "", "note")
    when = format_date(touch.since)
    return f"last {how} {when} ({format_relative(touch.since, now)})"


def _due(touch: Touch, now: datetime) -> Span:
    if touch.overdue_days > 0:
        return Span(f", {format_span(touch.overdue_days)} overdue", "warn")
    if touch.overdue_days == 0:
        return Span(", due today", "warn")
    return Span(f", due {format_date(touch.due_on)}")


def cadences_document(cadences: list[TagCadence]) -> Document:
    table = Table(["tag", "keep in touch", "people"])
    for item in cadences:
        table.rows.append([line(item.tag), line(item.cadence), line(str(item.people))])
    document = Document()
    document.add(table)
    return document


def tags_document(tags: list[TagCount]) -> Document:
    table = Table(["tag", "people", "keep in touch"])
    for item in tags:
        table.rows.append(
            [line(item.tag), line(str(item.people)), line(item.cadence or "")]
        )
    document = Document()
    document.add(table)
    return document


def dates_document(
    occasions: list[Occasion], now: datetime, person: str | None = None
) -> Document:
    """Yearly dates by when they next come round."""
    heading = f"Dates: {person}" if person else "Dates in the coming year"
    document = Document(heading=line(heading))
    lines = [occasion_line(o, now, with_name=person is None) for o in occasions]
    document.add(Section(None, lines))
    return document
