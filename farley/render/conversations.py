"""The Conversations part of a brief: the last notes, each said once on the screen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from farley.dates.format import format_date, format_relative
from farley.domain.brief import Brief, PersonBrief
from farley.domain.followups import is_follow_up
from farley.domain.models import Note
from farley.domain.rapport import split_question
from farley.render.document import Line, Span, line
from farley.render.labels import names


# The records below are made without repr and eq: nothing prints or compares
# them, and each generated method costs every start of the brief.
@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Told:
    """What the rest of the screen already says, so that a note need not."""

    asked: set[str] = field(default_factory=set)  # questions under Ask about
    reminded: set[int] = field(default_factory=set)  # notes of reminders shown
    # Notes drawn in full in someone else's part of a group brief: their name.
    elsewhere: dict[int, str] = field(default_factory=dict)


def note_homes(brief: Brief, shown: int) -> dict[int, int]:
    """For each note shown, whose part draws it in full: its first person's when
    they are briefed and it is among their shown notes, else the first part's."""
    notes = {p.person.id: {n.id for n in p.notes[:shown]} for p in brief.people}
    homes: dict[int, int] = {}
    for part in brief.people:
        for note in part.notes[:shown]:
            owner = note.people[0].id if note.people else None
            if owner is not None and note.id in notes.get(owner, set()):
                homes.setdefault(note.id, owner)
            homes.setdefault(note.id, part.person.id)
    return homes


def conversation_lines(
    brief: PersonBrief, shown: int, told: Told, now: datetime, group: bool
) -> list[Line]:
    """The last notes, led by when you last met or spoke unless a note says it.

    In a group, the notes alone say it, to keep each person's part short.
    """
    notes = brief.notes[:shown]
    lines = [_note_line(note, brief.person.id, told, now) for note in notes]
    lead = None if group and lines else _lead(brief, notes, now)
    return [lead, *lines] if lead else lines


def _lead(brief: PersonBrief, notes: list[Note], now: datetime) -> Line | None:
    """When you last met, or last spoke if you have never met, or that you have not.

    Never a line the notes below contradict: "not met yet" only with nothing
    noted, and not when who they are says how you met.
    """
    since, last = brief.since_last_met, brief.last_contact
    if since is None and last is not None:
        if any(_says(n, last.on, last.kind) for n in notes):
            return None
        ago = format_relative(_day(last.on), now)
        return line(Span(f"Last spoke {ago} ({last.kind})", "strong"))
    if since is None:
        met = brief.person.met_how or brief.person.met_on
        return None if met else line(Span("You have not met yet.", "strong"))
    if any(_says(n, since.last_met, "meeting") for n in notes):
        return None
    met_day = _day(since.last_met)
    ago = format_relative(met_day, now)
    return line(Span(f"Last met {format_date(met_day)} ({ago})", "strong"))


def _says(note: Note, on: date | datetime, kind: str) -> bool:
    """Whether a shown note says when and how you last met or spoke."""
    return note.kind == kind and _day(note.happened_at) == _day(on)


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _note_line(note: Note, person_id: int, told: Told, now: datetime) -> Line:
    others = [p for p in note.people if p.id != person_id]
    with_whom = f" with {names(others)}" if others else ""
    head = Span(
        f"{format_relative(note.happened_at, now)}, {note.kind}{with_whom}: ", "dim"
    )
    if note.id in told.elsewhere:
        return line(head, Span(f"shown under {told.elsewhere[note.id]}", "dim"))
    lines = [part.strip() for part in note.text.splitlines() if part.strip()]
    # To-do lines became reminders: a note of nothing else is said by its
    # to-dos only when no reminder of it is shown (done, or left out).
    rest = [part for part in lines if not is_follow_up(part)]
    if not rest and note.id in told.reminded:
        return line(head, Span("to-dos, under Open reminders", "dim"))
    owner = note.people[0] if note.people else None
    if owner is None or owner.id == person_id:
        said = " / ".join(_said(rest or lines, lambda q: q in told.asked))
        return line(head, said or Span("see Ask about", "dim"))
    # Its questions are for the person it is about, as its to-do lines are.
    said = " / ".join(_said(rest or lines, lambda q: True))
    return line(head, said or Span(f"questions for {owner.name}", "dim"))


def _said(lines: list[str], left_out: Callable[[str], bool]) -> list[str]:
    """A note's lines, less the questions `left_out` picks (shown under Ask
    about, or not ours to ask)."""
    said = []
    for part in lines:
        rest, question = split_question(part)
        kept = rest.strip() if question and left_out(question) else part
        if kept:
            said.append(kept)
    return said
