"""The brief as a document: one screen to read before a meeting."""

from __future__ import annotations

from datetime import date, datetime

from farley.dates.format import format_date, format_relative, format_span
from farley.domain.brief import Brief, FactEntry, PersonBrief, SinceLastMet
from farley.domain.models import Meeting, Note
from farley.render.document import Document, Line, Section, Span, line
from farley.render.labels import (
    met_text,
    names,
    occasion_line,
    reminder_line,
    role,
    when_with_relative,
)

NOTE_WIDTH = 110


def brief_document(brief: Brief) -> Document:
    now = brief.generated_at
    document = Document(heading=_heading(brief), compact=True)
    if brief.meeting:
        document.add(Section("Meeting", _meeting_lines(brief.meeting, brief, now)))
    if brief.connections:
        document.add(Section("How they are connected", _connections(brief)))
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


def _meeting_lines(meeting: Meeting, brief: Brief, now: datetime) -> list[Line]:
    head = [Span(when_with_relative(meeting.starts_at, now), "strong")]
    if meeting.topic:
        head.append(Span(f" — {meeting.topic}"))
    lines = [line(*head)]
    if meeting.place:
        lines.append(line(Span("where ", "dim"), meeting.place))
    briefed = {p.person.id for p in brief.people}
    others = [p for p in meeting.people if p.id not in briefed or len(brief.people) > 1]
    if others:
        lines.append(line(Span("with ", "dim"), names(others)))
    return lines


def _connections(brief: Brief) -> list[Line]:
    return [
        line(Span(f"{c.a.name} & {c.b.name}: ", "strong"), "; ".join(c.how))
        for c in brief.connections
    ]


def person_sections(brief: PersonBrief, now: datetime, group: bool) -> list[Section]:
    """The sections about one person: who, then what is new, then the rest."""
    name = brief.person.name
    title = (lambda text: f"{name} · {text}") if group else (lambda text: text)
    return [
        Section(title("Who"), _who(brief, group)),
        Section(
            title("Since you last met"), _since(brief.since_last_met, now), side=True
        ),
        Section(
            title("Avoid"),
            [_fact(e, now, "danger") for e in brief.avoid],
            tone="danger",
        ),
        Section(title("Personal"), _facts(brief, now)),
        Section(
            title("Dates coming up"),
            [occasion_line(o, now, with_name=False) for o in brief.dates],
        ),
        Section(title("Conversations"), _conversations(brief, now, group), side=True),
        Section(title("Open reminders"), _reminders(brief, now), side=True),
        Section(
            title("Ask about"),
            [line("• " + text) for text in brief.ask_about],
            side=True,
        ),
        Section(title("People around them"), _around(brief)),
    ]


def _who(brief: PersonBrief, group: bool) -> list[Line]:
    """How you know them; the role is in the heading unless this is a group."""
    person = brief.person
    lines = []
    if group and role(person):
        lines.append(line(role(person)))
    if met := met_text(person):
        lines.append(line(Span("met ", "dim"), met))
    if person.introduced_by:
        lines.append(line(Span("introduced by ", "dim"), person.introduced_by.name))
    if person.location:
        lines.append(line(Span("based in ", "dim"), person.location))
    if person.tags:
        lines.append(line(Span("tags ", "dim"), ", ".join(person.tags)))
    return lines


def _since(since: SinceLastMet | None, now: datetime) -> list[Line]:
    if since is None:
        return [line(Span("You have not met yet.", "strong"))]
    ago = f"{format_span(since.days)} ago" if since.days else "today"
    lines = [
        line(Span(f"Last met {format_date(_day(since.last_met))} ({ago})", "strong"))
    ]
    for note in since.notes:
        when = format_relative(note.happened_at, now)
        lines.append(
            line(Span("+ ", "accent"), f"{note.kind} {when}: {_first_line(note.text)}")
        )
    for fact in since.facts:
        lines.append(line(Span("+ ", "accent"), f"learned {fact.key}: {fact.value}"))
    if since.reminders:
        count = len(since.reminders)
        lines.append(
            line(
                Span("+ ", "accent"), f"{count} new reminder{'s' if count > 1 else ''}"
            )
        )
    return lines


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _first_line(text: str, width: int = NOTE_WIDTH) -> str:
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first if len(first) <= width else first[: width - 1] + "…"


def _facts(brief: PersonBrief, now: datetime) -> list[Line]:
    return [
        _fact(entry, now, prefix=f"{category} · ")
        for category, entries in brief.facts.items()
        for entry in entries
    ]


def _fact(
    entry: FactEntry, now: datetime, tone: str | None = None, prefix: str = ""
) -> Line:
    parts: list[Span | str] = []
    if prefix:
        parts.append(Span(prefix, "dim"))
    parts += [Span(f"{entry.fact.key}: ", "strong"), Span(entry.fact.value, tone)]
    if entry.check:
        learned = format_relative(entry.fact.learned_on, now)
        parts.append(Span(f" (learned {learned}: check)", "warn"))
    return line(*parts)


def _conversations(brief: PersonBrief, now: datetime, group: bool) -> list[Line]:
    if brief.last_contact is None:
        return []
    last = brief.last_contact
    lines = [
        line(
            Span(
                f"Last spoke {when_with_relative(last.on, now)}, by {last.kind}",
                "strong",
            )
        )
    ]
    for note in brief.notes[: 1 if group else None]:
        lines.append(_note_line(note, brief.person.id, now))
    return lines


def _note_line(note: Note, person_id: int, now: datetime) -> Line:
    others = [p for p in note.people if p.id != person_id]
    with_whom = f" with {names(others)}" if others else ""
    head = f"{format_date(_day(note.happened_at))} {note.kind}{with_whom}: "
    text = " / ".join(part.strip() for part in note.text.splitlines() if part.strip())
    return line(Span(head, "dim"), _first_line(text, NOTE_WIDTH * 2))


def _reminders(brief: PersonBrief, now: datetime) -> list[Line]:
    today = now.date()
    ordered = sorted(brief.you_owe, key=lambda r: not r.is_overdue(today))
    lines = [reminder_line(r, now, show_person=False) for r in ordered]
    theirs = sorted(brief.they_owe, key=lambda r: not r.is_overdue(today))
    return lines + [reminder_line(r, now, show_person=False) for r in theirs]


def _around(brief: PersonBrief) -> list[Line]:
    return [
        line(Span(a.person.name, "strong"), Span(f" — {a.why}", "dim"))
        for a in brief.people_around
    ]
