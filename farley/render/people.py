"""Views of people: the profile `show` prints and the table `list` prints."""

from __future__ import annotations

from datetime import datetime

from farley.dates.format import PartialDate, format_partial_date
from farley.domain.links import describe_relation
from farley.domain.models import Fact, ImportantDate, Person
from farley.domain.profile import Profile
from farley.render.document import Document, Line, Section, Span, Table, line
from farley.render.labels import (
    met_text,
    reminder_line,
    role,
    when_with_relative,
)
from farley.render.notes import note_lines


def profile_document(profile: Profile, now: datetime) -> Document:
    person = profile.person
    document = Document(heading=line(person.name, Span(f"  #{person.id}", "dim")))
    document.add(Section(None, _identity(person)))
    document.add(
        Section(
            "Contact",
            [
                line(
                    f"{c.kind}: {c.value}",
                    Span(f" ({c.label})" if c.label else "", "dim"),
                )
                for c in person.contacts
            ],
        )
    )
    document.add(Section("Facts", [ln for f in profile.facts for ln in _fact_lines(f)]))
    document.add(Section("Dates", [line(_date_text(d)) for d in profile.dates]))
    document.add(
        Section(
            "People",
            [
                line(r.other.name, Span(f" — {describe_relation(r.relation)}", "dim"))
                for r in profile.relations
            ],
        )
    )
    if profile.next_meeting:
        meeting = profile.next_meeting
        text = when_with_relative(meeting.starts_at, now)
        document.add(
            Section(
                "Next meeting",
                [line(text, f" — {meeting.topic}" if meeting.topic else "")],
            )
        )
    document.add(
        Section(
            "Open reminders", [reminder_line(r, now, False) for r in profile.reminders]
        )
    )
    title = (
        f"Notes ({len(profile.notes)} of {profile.note_count})"
        if profile.note_count > len(profile.notes)
        else "Notes"
    )
    notes = [ln for n in profile.notes for ln in note_lines(n, now, person.id)]
    document.add(Section(title, notes))
    return document


def _identity(person: Person) -> list:
    lines = []
    if role(person):
        lines.append(line(role(person)))
    if person.nickname:
        lines.append(line(Span("goes by ", "dim"), person.nickname))
    if person.location:
        lines.append(line(Span("in ", "dim"), person.location))
    met = met_text(person)
    if met:
        lines.append(line(Span("met ", "dim"), met))
    if person.introduced_by:
        lines.append(line(Span("introduced by ", "dim"), person.introduced_by.name))
    if person.tags:
        lines.append(line(Span("tags ", "dim"), ", ".join(person.tags)))
    if person.cadence:
        lines.append(line(Span("keep in touch ", "dim"), person.cadence))
    return lines


def _fact_lines(fact: Fact) -> list[Line]:
    """The fact on one line; a value of several lines goes on under it, indented."""
    tone = "danger" if fact.category == "avoid" else None
    first, *rest = [text for text in fact.value.splitlines() if text.strip()] or [""]
    head = line(
        Span(f"{fact.category}: ", "dim"),
        Span(f"{fact.key}: ", "strong"),
        Span(first, tone),
        Span(f"  #{fact.id}", "dim"),
    )
    return [head, *(line(Span("  " + text, tone)) for text in rest)]


def _date_text(item: ImportantDate) -> str:
    when = PartialDate(item.month, item.day, item.year)
    return f"{item.label}: {format_partial_date(when)}"


def people_table(people: list[Person]) -> Document:
    table = Table(["id", "name", "company", "title", "email", "tags"])
    for person in people:
        emails = person.emails
        table.rows.append(
            [
                line(str(person.id)),
                line(person.name),
                line(person.company or ""),
                line(person.title or ""),
                line(emails[0] if emails else ""),
                line(", ".join(person.tags)),
            ]
        )
    document = Document()
    document.add(table)
    return document
