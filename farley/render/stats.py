"""The whole picture as a document: counts, a bar chart of notes, silences."""

from __future__ import annotations

from datetime import datetime

from farley.dates.format import MONTH_NAMES, format_date
from farley.domain.stats import Count, MonthCount, Promises, Stats
from farley.render.document import Document, Line, Section, Span, Table, line
from farley.render.touch import touch_line

BAR_WIDTH = 40
BAR = "█"


def stats_document(found: Stats, now: datetime, width: int = 80) -> Document:
    document = Document(heading=line(_heading(found)))
    document.add(_counts("tag", found.by_tag))
    document.add(_counts("company", found.by_company))
    bars = bar_lines(found.notes_per_month, max(10, min(BAR_WIDTH, width - 20)))
    document.add(Section("Notes per month", bars))
    document.add(Section("Keeping in touch", _cadence_lines(found)))
    document.add(
        Section(
            "Longest silences",
            [touch_line(t, now, due=False) for t in found.longest_silences],
        )
    )
    document.add(Section("Promises open", _promise_lines(found.promises)))
    return document


def _heading(found: Stats) -> str:
    tagged = f" tagged {found.tag}" if found.tag else ""
    people = "1 person" if found.people == 1 else f"{found.people} people"
    notes = "1 note" if found.notes == 1 else f"{found.notes} notes"
    return f"Stats: {people}{tagged}, {notes} since {format_date(found.since)}"


def _counts(what: str, counts: list[Count]) -> Table:
    table = Table([what, "people"], title=f"People by {what}")
    table.rows = [[line(c.name), line(str(c.count))] for c in counts]
    return table


def bar_lines(months: list[MonthCount], width: int) -> list[Line]:
    """One line per month: its name, a bar scaled to the busiest month, the count."""
    most = max((m.notes for m in months), default=0)
    lines = []
    for month in months:
        length = round(month.notes / most * width) if most else 0
        bar = BAR * max(length, 1 if month.notes else 0)
        label = f"{MONTH_NAMES[month.month.month - 1]} {month.month.year}"
        lines.append(line(f"{label}  ", Span(bar, "accent"), f" {month.notes}"))
    return lines


def _cadence_lines(found: Stats) -> list[Line]:
    if not found.with_cadence:
        return []
    share = round(100 * found.within_cadence / found.with_cadence)
    return [
        line(
            Span(f"{share}%", "strong"),
            f" of the {found.with_cadence} people with a cadence are within it",
            Span(f" ({found.with_cadence - found.within_cadence} overdue)", "dim"),
        )
    ]


def _promise_lines(promises: Promises) -> list[Line]:
    lines = []
    for who, count, late in (
        ("You owe", promises.you_owe, promises.you_owe_overdue),
        ("They owe you", promises.they_owe, promises.they_owe_overdue),
    ):
        if count:
            overdue = Span(f" ({late} overdue)", "danger") if late else Span("")
            lines.append(line(f"{who}: {count}", overdue))
    return lines
