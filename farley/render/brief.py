"""The brief as a document: one screen to read before a meeting."""

from __future__ import annotations

from datetime import datetime

from farley.dates.format import format_date, format_relative, format_span
from farley.domain.brief import Brief, FactEntry, PersonBrief, SinceLastMet
from farley.domain.models import Meeting
from farley.render.agenda import occasion_line
from farley.render.document import Document, Line, Section, Span, line
from farley.render.labels import names, reminder_line, role, when_with_relative
from farley.render.notes import note_lines
from farley.render.people import met_text

CATEGORY_TITLES = {
    "family": "Family",
    "interests": "Interests",
    "preferences": "Preferences",
    "work": "Work",
    "other": "Other",
}
NOTE_TEXT_LINES = 2


def brief_document(brief: Brief) -> Document:
    now = brief.generated_at
    document = Document(heading=_heading(brief))
    if brief.meeting:
        document.add(Section("Meeting", _meeting_lines(brief.meeting, now)))
    if brief.connections:
        lines = [
            line(Span(f"{c.a.name} & {c.b.name}: ", "strong"), "; ".join(c.how))
            for c in brief.connections
        ]
        document.add(Section("How they are connected", lines))
    group = len(brief.people) > 1
    for person_brief in brief.people:
        for section in person_sections(person_brief, now, group):
            document.add(section)
    return document


def _heading(brief: Brief) -> Line:
    if len(brief.people) == 1:
        person = brief.people[0].person
        described = role(person)
        return line(
            f"Brief: {person.name}", Span(f" — {described}" if described else "", "dim")
        )
    return line(f"Brief: {names([p.person.ref for p in brief.people])}")


def _meeting_lines(meeting: Meeting, now: datetime) -> list[Line]:
    lines = [line(Span(when_with_relative(meeting.starts_at, now), "strong"))]
    if meeting.topic:
        lines.append(line(Span("topic ", "dim"), meeting.topic))
    if meeting.place:
        lines.append(line(Span("where ", "dim"), meeting.place))
    lines.append(line(Span("with ", "dim"), names(meeting.people)))
    return lines


def person_sections(brief: PersonBrief, now: datetime, group: bool) -> list[Section]:
    """The sections about one person, in the order they are read."""
    prefix = f"{brief.person.name}: " if group else ""
    sections = [
        Section(prefix + "Who" if group else "Who", _who(brief)),
        Section(prefix + "Since you last met", _since(brief.since_last_met, now)),
        Section(
            prefix + "Avoid",
            [_fact(e, now, "danger") for e in brief.avoid],
            tone="danger",
        ),
    ]
    for category, entries in brief.facts.items():
        sections.append(
            Section(
                prefix + CATEGORY_TITLES[category], [_fact(e, now) for e in entries]
            )
        )
    sections += [
        Section(
            prefix + "Dates coming up", [occasion_line(o, now) for o in brief.dates]
        ),
        Section(prefix + "Last spoke", _conversation(brief, now)),
        Section(prefix + "Open reminders", _reminders(brief, now)),
        Section(prefix + "Ask about", [line(text) for text in brief.ask_about]),
        Section(
            prefix + "People around them",
            [
                line(Span(a.person.name, "strong"), Span(f" — {a.why}", "dim"))
                for a in brief.people_around
            ],
        ),
    ]
    return sections


def _who(brief: PersonBrief) -> list[Line]:
    person = brief.person
    lines = []
    if group_role := role(person):
        lines.append(line(group_role))
    if met := met_text(person):
        lines.append(line(Span("met ", "dim"), met))
    if person.introduced_by:
        lines.append(line(Span("introduced by ", "dim"), person.introduced_by.name))
    if person.location:
        lines.append(line(Span("in ", "dim"), person.location))
    if person.tags:
        lines.append(line(Span("tags ", "dim"), ", ".join(person.tags)))
    return lines


def _since(since: SinceLastMet | None, now: datetime) -> list[Line]:
    if since is None:
        return []
    lines = [
        line(
            Span(f"Last met {format_date(_date(since.last_met))}", "strong"),
            f" ({format_span(since.days)} ago)" if since.days else " (today)",
        )
    ]
    for note in since.notes:
        lines.append(
            line(
                Span("+ ", "accent"),
                f"{note.kind} {format_relative(note.happened_at, now)}: ",
                _first_line(note.text),
            )
        )
    for fact in since.facts:
        lines.append(line(Span("+ ", "accent"), f"learned {fact.key}: {fact.value}"))
    for reminder in since.reminders:
        lines.append(line(Span("+ ", "accent"), f"reminder: {reminder.text}"))
    return lines


def _date(value):
    return value.date() if isinstance(value, datetime) else value


def _first_line(text: str) -> str:
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first if len(first) <= 100 else first[:99] + "…"


def _fact(entry: FactEntry, now: datetime, tone: str | None = None) -> Line:
    parts: list[Span | str] = [
        Span(f"{entry.fact.key}: ", "strong"),
        Span(entry.fact.value, tone),
    ]
    if entry.check:
        parts.append(
            Span(
                f" (learned {format_relative(entry.fact.learned_on, now)}: check it still holds)",
                "warn",
            )
        )
    return line(*parts)


def _conversation(brief: PersonBrief, now: datetime) -> list[Line]:
    if brief.last_contact is None:
        return []
    last = brief.last_contact
    lines = [
        line(Span(f"{when_with_relative(last.on, now)}", "strong"), f" by {last.kind}")
    ]
    for note in brief.notes:
        head, *text = note_lines(note, now, others_than=brief.person.id)
        lines.append(head)
        lines += text[:NOTE_TEXT_LINES]
    return lines


def _reminders(brief: PersonBrief, now: datetime) -> list[Line]:
    today = now.date()
    ordered = sorted(brief.you_owe, key=lambda r: not r.is_overdue(today))
    lines = [reminder_line(r, now, show_person=False) for r in ordered]
    theirs = sorted(brief.they_owe, key=lambda r: not r.is_overdue(today))
    lines += [reminder_line(r, now, show_person=False) for r in theirs]
    return lines
