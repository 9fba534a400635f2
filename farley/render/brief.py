"""The brief as a document: one screen to read before a meeting."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from farley.dates.format import format_date, format_relative, format_when
from farley.domain.brief import Brief, FactEntry, PersonBrief
from farley.domain.models import Meeting, Person, Reminder
from farley.domain.rapport import AT_MEETING, Around
from farley.render.conversations import Told, conversation_lines, note_homes
from farley.render.document import Document, Line, Section, Span, line, plain_text
from farley.render.fit import ELLIPSIS, SHORTEST_CUT, fill_rows, fit, pack
from farley.render.labels import (
    names,
    occasion_line,
    reminder_line,
    role,
    when_with_relative,
)
from farley.render.plain import MARKS
from farley.render.shown import (
    facts_left_out,
    left_out_text,
    new_facts,
    questions_left_out,
    shown_asks,
    shown_dates,
    shown_facts,
    shown_reminders,
    typed,
)

WIDTH = 80
INDENT = 2
# Rows a brief may fill before it stops showing more: one screen for one
# person, two for a group.
SCREEN_ROWS = 30
GROUP_ROWS = 48


# The records below are made without repr and eq: nothing prints or compares
# them, and each generated method costs every start of the brief.
@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Limits:
    """How many of each thing one person's part of a brief shows."""

    avoid: int
    facts: int
    dates: int
    notes: int
    reminders: int
    asks: int
    around: int
    other: int  # facts of category other, apart from the rest


# What is shown at least; more is shown while the brief is under its rows.
ALONE = Limits(
    avoid=3, facts=4, dates=2, notes=2, reminders=3, asks=2, around=3, other=0
)
PAIR = Limits(
    avoid=2, facts=2, dates=1, notes=1, reminders=2, asks=1, around=3, other=0
)
CROWD = Limits(
    avoid=1, facts=2, dates=1, notes=1, reminders=1, asks=1, around=2, other=0
)
# Markdown is pasted into a document, not read on a screen: nothing is capped.
EVERYTHING = Limits(*(10**6 for _ in range(8)))
# What gets room first when there is more to show: avoid-topics and facts; the
# last are the first to give it up. Facts of category other are trivia next to
# a promise or a date, so they get room only once everything else has had it.
GROWTH = ("avoid", "facts", "asks", "notes", "reminders", "dates", "around", "other")


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class View:
    """What one person's part is drawn for: the clock, the width and the limits."""

    now: datetime
    width: int | None
    limits: Limits
    group: bool
    # Where each note shared by several of them is drawn in full: person id.
    homes: dict[int, int] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)
    # Conversations drawn so far, by what they depend on: Ask about and the
    # closing line read them again, and fitting draws the brief many times.
    drawn: dict[tuple, list[Line]] = field(default_factory=dict)

    @property
    def inner(self) -> int | None:
        return None if self.width is None else self.width - INDENT


def limits_for(people: int) -> Limits:
    return ALONE if people == 1 else PAIR if people == 2 else CROWD


def brief_document(brief: Brief, width: int | None = WIDTH) -> Document:
    """The brief, each line fitted to `width`; None: all of it, lines uncut.

    On a screen, the limits are where it starts: more is shown while the brief
    is under its rows, less when it is over (see fill_rows).
    """
    if width is None:
        return _document(brief, width, EVERYTHING)
    return fill_rows(
        lambda limits: _document(brief, width, limits),
        limits_for(len(brief.people)),
        {name: _most(brief, name) for name in GROWTH},
        SCREEN_ROWS if len(brief.people) == 1 else GROUP_ROWS,
    )


def _most(brief: Brief, name: str) -> int:
    """The most of one kind that any person's part could show."""
    counts = {
        "avoid": lambda p: len(p.avoid),
        "facts": lambda p: sum(map(len, p.facts.values())) - len(_others(p)),
        "other": lambda p: len(_others(p)),
        "asks": lambda p: len(p.ask_about),
        "notes": lambda p: len(p.notes),
        "reminders": lambda p: len(p.you_owe) + len(p.they_owe),
        "dates": lambda p: len(p.dates),
        "around": lambda p: len(p.people_around),
    }
    return max(counts[name](p) for p in brief.people)


def _others(brief: PersonBrief) -> list[FactEntry]:
    return brief.facts.get("other", [])


def _document(brief: Brief, width: int | None, limits: Limits) -> Document:
    group = len(brief.people) > 1
    view = View(brief.generated_at, width, limits, group)
    if group:
        homes = note_homes(brief, limits.notes)
        named = {p.person.id: p.person.name for p in brief.people}
        view = replace(view, homes=homes, names=named)
    parts = [person_sections(p, view) for p in brief.people]
    sections: list[Section] = []
    if not group:
        sections.append(parts[0].pop(0))
    if brief.meeting:
        lines = _meeting_lines(brief.meeting, brief, view)
        sections.append(Section("Meeting", lines, inline=True))
    if brief.connections:
        sections.append(Section("How they are connected", _connections(brief)))
    for part in parts:
        sections += part
    if width is not None:
        sections.append(_closing(brief, view))
    document = Document(heading=_heading(brief, width), compact=True)
    for section in sections:
        document.add(_finish(section, width))
    return document


def _finish(section: Section, width: int | None) -> Section:
    """Fit the lines to the width; a short one-line section joins its title."""
    indent = INDENT if section.title else 0
    inner = None if width is None else width - indent
    section.lines = [fit(text, inner) for text in section.lines]
    if not section.title or width is None or len(section.lines) != 1:
        section.inline = False
    elif section.inline:
        title = len(MARKS.get(section.tone or "", "")) + len(section.title) + 2
        section.inline = title + len(plain_text(section.lines[0])) <= width
    return section


def _heading(brief: Brief, width: int | None) -> Line:
    """The first line, cut to the width as the others are: the role before the name."""
    if len(brief.people) > 1:
        return fit(line(f"Brief: {names([p.person.ref for p in brief.people])}"), width)
    person = brief.people[0].person
    title = f"Brief: {person.name}"
    described = f" — {role(person)}" if role(person) else ""
    room = None if width is None else width - len(title)
    if room is not None and len(described) > room >= SHORTEST_CUT:
        described = described[: room - len(ELLIPSIS)].rstrip() + ELLIPSIS
    return fit(line(title, Span(described, "dim")), width)


def _meeting_lines(meeting: Meeting, brief: Brief, view: View) -> list[Line]:
    head = [Span(when_with_relative(meeting.starts_at, view.now), "strong")]
    if meeting.topic:
        head.append(Span(f" — {meeting.topic}"))
    details = []
    if meeting.place:
        details.append(line(Span("where ", "dim"), meeting.place))
    briefed = {p.person.id for p in brief.people}
    others = [p for p in meeting.people if p.id not in briefed or view.group]
    if others:
        details.append(line(Span("with ", "dim"), names(others)))
    return [line(*head), *pack(details, view.inner)]


def _connections(brief: Brief) -> list[Line]:
    return [
        line(Span(f"{c.a.name} & {c.b.name}: ", "strong"), "; ".join(c.how))
        for c in brief.connections
    ]


def person_sections(brief: PersonBrief, view: View) -> list[Section]:
    """One person's part: who, what to avoid and remember, then what to say.

    Each thing is said once: a fact offered to ask about is not under
    Personal (the brief leaves it out there), and a question under Ask about
    leaves its note's preview.
    """
    name = brief.person.name
    title = (lambda text: f"{name} · {text}") if view.group else (lambda text: text)
    limits = view.limits
    asks = _asks(brief, view)
    return [
        Section(
            title("Who") if view.group else None,
            _who(brief.person, view),
            inline=True,
        ),
        Section(
            title("Avoid"),
            [_fact(e, view.now) for e in brief.avoid[: limits.avoid]],
            tone="danger",
        ),
        Section(title("Personal"), _facts(brief, view)),
        Section(
            title("Dates coming up"),
            [
                occasion_line(o, view.now, False)
                for o in shown_dates(brief, limits.dates)
            ],
            inline=True,
        ),
        Section(title("Conversations"), _conversations(brief, asks, view), inline=True),
        Section(title("Open reminders"), _reminders(brief, view), inline=True),
        Section(title("Ask about"), [line(a) for a in asks], bullets=True),
        Section(title("People around them"), _around(brief, view), inline=True),
    ]


def _who(person: Person, view: View) -> list[Line]:
    """How you know them; the role is in the heading unless this is a group, and
    who introduced you leads People around them."""
    pieces = []
    if view.group and role(person):
        pieces.append(line(role(person)))
    if person.met_how or person.met_on:
        met = [
            person.met_how or "",
            format_date(person.met_on) if person.met_on else "",
        ]
        pieces.append(line(Span("met ", "dim"), ", ".join(p for p in met if p)))
    if person.location:
        pieces.append(line(Span("based in ", "dim"), person.location))
    if person.tags:
        pieces.append(line(Span("tags ", "dim"), ", ".join(person.tags)))
    return pack(pieces, view.inner if view.group else view.width)


def _facts(brief: PersonBrief, view: View) -> list[Line]:
    new = new_facts(brief)
    return [
        _fact(e, view.now, prefix=f"{e.fact.category} · ", new=e.fact.id in new)
        for e in shown_facts(brief, view.limits.facts, view.limits.other)
    ]


def _fact(
    entry: FactEntry,
    now: datetime,
    tone: str | None = None,
    prefix: str = "",
    new: bool = False,
) -> Line:
    parts: list[Span | str] = []
    if prefix:
        parts.append(Span(prefix, "dim"))
    parts += [Span(f"{entry.fact.key}: ", "strong"), Span(entry.fact.value, tone)]
    if new:
        parts.append(Span(" (new)", "accent"))
    if entry.check:
        learned = format_relative(entry.fact.learned_on, now)
        parts.append(Span(f" (check: {learned.removesuffix(' ago')} old)", "warn"))
    return line(*parts)


def _asks(brief: PersonBrief, view: View) -> list[str]:
    """What Ask about shows: first what no note shows whole on the screen."""
    return shown_asks(brief, view.limits.asks, _previews(brief, [], view))


def _previews(brief: PersonBrief, asks: list[str], view: View) -> str:
    """The text of the Conversations lines as the screen shows them, cut."""
    lines = _conversations(brief, asks, view)
    return "\n".join(plain_text(fit(text, view.inner)) for text in lines)


def _conversations(brief: PersonBrief, asks: list[str], view: View) -> list[Line]:
    """The notes, less what Ask about, Open reminders and the other parts of a
    group say."""
    me = brief.person.id
    key = (me, tuple(asks), view.limits.notes, view.limits.reminders)
    if key not in view.drawn:
        elsewhere = {n: view.names[h] for n, h in view.homes.items() if h != me}
        reminded = {r.note_id for r in _shown_reminders(brief, view) if r.note_id}
        told = Told(set(asks), reminded, elsewhere)
        view.drawn[key] = conversation_lines(
            brief, view.limits.notes, told, view.now, view.group
        )
    return list(view.drawn[key])


def _reminders(brief: PersonBrief, view: View) -> list[Line]:
    return [
        reminder_line(r, view.now, show_person=False)
        for r in _shown_reminders(brief, view)
    ]


def _shown_reminders(brief: PersonBrief, view: View) -> list[Reminder]:
    return shown_reminders(brief, view.limits.reminders, view.now.date())


def _around(brief: PersonBrief, view: View) -> list[Line]:
    pieces = [
        line(Span(a.person.name, "strong"), Span(f" — {a.why}", "dim"))
        for a in _others_around(brief, view)[: view.limits.around]
    ]
    return pack(pieces, view.inner, separator="; ")


def _others_around(brief: PersonBrief, view: View) -> list[Around]:
    """The people around them, less those the brief is also on (the meeting and
    how they are connected say it) and those only at the meeting: its line
    names them."""
    return [
        a
        for a in brief.people_around
        if a.person.id not in view.names and a.why != AT_MEETING
    ]


def _closing(brief: Brief, view: View) -> Section:
    """The brief's last lines, after a blank one so that they close no section:
    what the limits kept out, and where to see it all."""
    lines = [_left_out(p, view) for p in brief.people]
    kept = [text for text in lines if text]
    return Section(None, [line(), *kept] if kept else [])


def _left_out(brief: PersonBrief, view: View) -> Line | None:
    """One line counting what the limits kept out of a person's part."""
    whose = f"More on {brief.person.name}" if view.group else "More on file"
    counts = _counts_left_out(brief, view)
    text = left_out_text(whose, counts, brief.person.ref, view.width)
    return line(Span(text, "dim")) if text else None


def _counts_left_out(brief: PersonBrief, view: View) -> list[tuple[int, str, str]]:
    """How many of each thing the limits kept out, with its names for one and many."""
    limits = view.limits
    asks = _asks(brief, view)
    hidden_facts = facts_left_out(brief, limits.facts, limits.other, asks)
    shown = len(_shown_reminders(brief, view))
    previews = _previews(brief, asks, view)
    return [
        (len(brief.avoid) - limits.avoid, "topic to avoid", "topics to avoid"),
        (hidden_facts, "fact", "facts"),
        (len(brief.dates) - limits.dates, "date", "dates"),
        (len(brief.you_owe) + len(brief.they_owe) - shown, "reminder", "reminders"),
        (questions_left_out(brief, asks, previews), "question", "questions"),
        (len(_others_around(brief, view)) - limits.around, "person", "people"),
    ]


def same_time_notice(brief: Brief) -> str | None:
    """One line naming the meetings at the same time that the brief is not for."""
    if not brief.meeting or not brief.same_time:
        return None
    others = "; ".join(_other_meeting(m) for m in brief.same_time)
    when = format_when(brief.meeting.starts_at, brief.generated_at)
    return f"This brief is for {_meeting_name(brief.meeting)}; also at {when}: {others}"


def _other_meeting(meeting: Meeting) -> str:
    if not meeting.people:
        return _meeting_name(meeting)
    command = f"farley brief {typed(meeting.people[0].name)}"
    return f"{_meeting_name(meeting)} with {names(meeting.people)}: {command}"


def _meeting_name(meeting: Meeting) -> str:
    topic = f" ({meeting.topic})" if meeting.topic else ""
    return f"meeting {meeting.id}{topic}"
