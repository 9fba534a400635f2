"""Short phrases used by several views: names, relations, reminder states."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from farley.dates.format import format_date, format_relative, format_when
from farley.domain.models import Person, PersonRef, Reminder
from farley.render.document import Line, Span, line

if TYPE_CHECKING:
    from farley.domain.occasions import Occasion


def who(person: PersonRef | Person) -> str:
    return f"{person.name} ({person.company})" if person.company else person.name


def names(people: list[PersonRef]) -> str:
    return ", ".join(person.name for person in people)


def role(person: Person) -> str:
    """'Title, Company' or whichever of them is known."""
    return ", ".join(part for part in (person.title, person.company) if part)


def when_with_relative(value: date | datetime, now: datetime) -> str:
    return f"{format_when(value, now)} ({format_relative(value, now)})"


def reminder_line(reminder: Reminder, now: datetime, show_person: bool = True) -> Line:
    """'#12 send the deck: due Fri 4 Dec 2026 (tomorrow)', overdue ones flagged."""
    today = now.date()
    parts: list[Span | str] = [Span(f"#{reminder.id} ", "dim")]
    if reminder.they_owe:
        parts.append(Span("they owe: ", "accent"))
    parts.append(reminder.text)
    if show_person:
        parts.append(Span(f" ({reminder.person.name})", "dim"))
    if reminder.due_on is not None:
        relative = format_relative(reminder.due_on, now)
        due = f" — due {format_date(reminder.due_on)} ({relative})"
        overdue = reminder.is_overdue(today)
        parts.append(
            Span(
                (" OVERDUE:" + due[2:]) if overdue else due,
                "danger" if overdue else None,
            )
        )
    if reminder.recurrence:
        parts.append(Span(f" [{reminder.recurrence}]", "dim"))
    return line(*parts)


def met_text(person: Person) -> str:
    """'Leeds conference, Tue 3 Mar 2026' from how and when you met."""
    parts = [person.met_how or "", format_date(person.met_on) if person.met_on else ""]
    return ", ".join(part for part in parts if part)


def occasion_line(occasion: Occasion, now: datetime, with_name: bool = True) -> Line:
    """ "Dana Whitfield's birthday, Tue 8 Dec (in 5 days), turns 46"."""
    when = f"{format_date(occasion.on)} ({format_relative(occasion.on, now)})"
    label = (
        f"{occasion.person.name}'s {occasion.label}" if with_name else occasion.label
    )
    extra = ""
    if occasion.years is not None:
        turns = occasion.is_birthday
        extra = f", turns {occasion.years}" if turns else f", {occasion.years} years"
    return line(Span(label, "strong"), f", {when}{extra}")
