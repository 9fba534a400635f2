"""The judgement parts of a brief: what to ask about and who is around a person."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from farley.domain.links import describe_relation
from farley.domain.models import Fact, Note, Person, PersonRef, Relation, Reminder
from farley.store import Store

ASK_LIMIT = 5
# Facts offered to ask about, besides the questions left in notes.
ASK_FACTS = 2
# Questions come from this many of a person's own latest notes.
ASK_NOTES = 2
COLLEAGUES_SHOWN = 5
RECENT_DAYS = 180
# Lines of a note that leave a question open for next time. To-do lines are
# not among them: they became reminders, shown as such for whom they are about.
# Nor is "follow up with legal": a task, though no marker made it a to-do.
_OPEN_LINE = re.compile(r"^(ask\b|next time\b|check\b|find out\b)", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{4,}")
# A list mark the writer typed; every output adds its own bullet.
_BULLET = re.compile(r"^\s*(?:[-*+•·–]\s+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
_ASK = re.compile(r"^ask\b(?:\s+about\b)?\s*:?\s*", re.IGNORECASE)
# Why someone is around when the brief's other lines may say it already.
INTRODUCED_YOU = "introduced you"
AT_MEETING = "also at the meeting"
# Facts one asks after ("how is Jake?"); preferences are to remember, not ask.
TOPIC_CATEGORIES = ("family", "interests")


# The records below are made without repr and eq: nothing prints or compares
# them, and each generated method costs every start of the brief.
@dataclass(slots=True, repr=False, eq=False)
class Around:
    """Someone in a person's circle, and why they matter here."""

    person: PersonRef
    why: str


@dataclass(slots=True, repr=False, eq=False)
class Connection:
    """How two of the people being briefed on are connected."""

    a: PersonRef
    b: PersonRef
    how: list[str]


def ask_about(
    person_id: int,
    notes: list[Note],
    facts: list[Fact],
    reminders: list[Reminder],
    now: datetime,
) -> tuple[list[str], set[int]]:
    """Open questions from their last own notes, then facts not mentioned lately,
    with the ids of the facts offered: the brief lists them here, not twice.

    A note's questions are for its first person, as its to-do lines are: a
    question to Alice noted with Bob there is not one to ask Bob. A question
    that repeats an open reminder is left out: the reminder says it.
    """
    owed = [r.text.casefold() for r in reminders]
    own = [n for n in notes if n.people and n.people[0].id == person_id]
    asks = [
        ask
        for ask in _open_lines(own[:ASK_NOTES])
        if not any(_same(ask.casefold(), text) for text in owed)
    ]
    asks = list(dict.fromkeys(asks))[:ASK_LIMIT]
    room = min(ASK_FACTS, ASK_LIMIT - len(asks))
    topics = [
        f for f in _untouched_facts(notes, facts, now) if fact_topic(f) not in asks
    ]
    offered = topics[: max(room, 0)]
    return [*asks, *map(fact_topic, offered)], {f.id for f in offered}


def _same(ask: str, reminder: str) -> bool:
    return reminder in ask or ask.rstrip("?") in reminder


def _open_lines(notes: list[Note]) -> list[str]:
    found = []
    for note in notes:
        for text in note.text.splitlines():
            question = split_question(text)[1]
            if question:
                found.append(question)
    return found


def split_question(text: str) -> tuple[str, str | None]:
    """A note's line as what was said and the question it leaves open, if any.

    "She liked the pricing. Will her CEO sign off?" gives both halves; a line
    opening with "ask", "next time"... is a question as a whole.
    """
    # Imported on first use: at the top it would cost every start of the brief.
    from farley.domain.followups import is_follow_up

    if is_follow_up(text):
        return text, None
    bare = _BULLET.sub("", text, count=1).strip()
    if _OPEN_LINE.match(bare):
        return "", _ASK.sub("", bare, count=1) or bare
    if not bare.endswith("?"):
        return text, None
    sentences = _SENTENCE_END.split(bare)
    said = len(sentences)
    while said > 0 and sentences[said - 1].endswith("?"):
        said -= 1
    question = " ".join(sentences[said:])
    return " ".join(sentences[:said]), _ASK.sub("", question, count=1) or question


def _untouched_facts(notes: list[Note], facts: list[Fact], now: datetime) -> list[Fact]:
    """Facts learned long ago that no recent note mentions, oldest learned first."""
    since = now.date() - timedelta(days=RECENT_DAYS)
    recent = " ".join(n.text for n in notes if _day(n.happened_at) >= since).casefold()
    untouched = [
        fact
        for fact in facts
        if fact.category in TOPIC_CATEGORIES
        and fact.learned_on < since
        and not _mentioned(fact, recent)
    ]
    untouched.sort(key=lambda fact: fact.learned_on)
    return untouched


def fact_topic(fact: Fact) -> str:
    """A fact as something to ask about."""
    return f"{fact.key}: {fact.value}"


def _mentioned(fact: Fact, text: str) -> bool:
    words = _WORD.findall(f"{fact.key} {fact.value}".casefold())
    return any(word in text for word in words)


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def people_around(
    store: Store,
    person: Person,
    notes: list[Note],
    attendees: list[PersonRef],
    relations: list[Relation],
) -> list[Around]:
    """Who introduced you, linked people, colleagues, people in notes, co-attendees.

    Each is there for what says most about them: how they are linked, and
    that they introduced you, else being a colleague or in notes with them,
    and being at the meeting only when nothing else is known.
    """
    around: dict[int, Around] = {}

    def note_down(ref: PersonRef, why: str, also: bool = False) -> None:
        if ref.id == person.id:
            return
        if ref.id not in around:
            around[ref.id] = Around(ref, why)
        elif also and why not in around[ref.id].why:
            around[ref.id].why += f", {why}"

    for relation in relations:
        note_down(relation.other, describe_relation(relation.relation))
    if person.introduced_by:
        note_down(person.introduced_by, INTRODUCED_YOU, also=True)
    for ref in _colleagues(store, person):
        note_down(ref, f"colleague at {person.company}")
    for ref, count in _in_notes_with(notes, person.id):
        note_down(ref, f"in {count} recent note{'s' if count > 1 else ''} with them")
    for ref in attendees:
        note_down(ref, AT_MEETING)
    # Who introduced you leads: only this part of the brief says it.
    introducer = person.introduced_by.id if person.introduced_by else None
    return sorted(around.values(), key=lambda a: a.person.id != introducer)


def _colleagues(store: Store, person: Person) -> list[PersonRef]:
    if not person.company:
        return []
    rows = store.query(
        """SELECT id, name, company FROM people WHERE company = ? COLLATE NOCASE
        AND id <> ? ORDER BY updated_at DESC LIMIT ?""",
        (person.company, person.id, COLLEAGUES_SHOWN),
    )
    return [PersonRef(row["id"], row["name"], row["company"]) for row in rows]


def _in_notes_with(notes: list[Note], person_id: int) -> list[tuple[PersonRef, int]]:
    counts: dict[int, tuple[PersonRef, int]] = {}
    for note in notes:
        for ref in note.people:
            if ref.id != person_id:
                seen = counts.get(ref.id, (ref, 0))
                counts[ref.id] = (ref, seen[1] + 1)
    return sorted(counts.values(), key=lambda pair: -pair[1])


def connections_between(store: Store, people: list[PersonRef]) -> list[Connection]:
    """For each pair of people: links, shared company, introductions, shared notes."""
    found = []
    for index, a in enumerate(people):
        for b in people[index + 1 :]:
            how = _how_connected(store, a, b)
            if how:
                found.append(Connection(a, b, how))
    return found


def _how_connected(store: Store, a: PersonRef, b: PersonRef) -> list[str]:
    how = []
    rows = store.query(
        """SELECT person_id, relation FROM relationships
        WHERE (person_id = ? AND other_id = ?) OR (person_id = ? AND other_id = ?)""",
        (a.id, b.id, b.id, a.id),
    )
    for row in rows:
        holder, other = (a, b) if row["person_id"] == a.id else (b, a)
        if row["relation"] == "introduced":
            how.append(f"{other.name} introduced {holder.name}")
        else:
            how.append(f"{other.name} is {holder.name}'s {row['relation']}")
    if a.company and b.company and a.company.casefold() == b.company.casefold():
        how.append(f"both at {a.company}")
    introduced = store.query(
        """SELECT id, introduced_by FROM people
        WHERE id IN (?, ?) AND introduced_by IN (?, ?)""",
        (a.id, b.id, a.id, b.id),
    )
    for row in introduced:
        introducer, introduced_person = (
            (a, b) if row["introduced_by"] == a.id else (b, a)
        )
        how.append(f"{introducer.name} introduced you to {introduced_person.name}")
    shared = store.value(
        """SELECT count(*) FROM note_people x
        JOIN note_people y ON x.note_id = y.note_id
        WHERE x.person_id = ? AND y.person_id = ?""",
        (a.id, b.id),
    )
    if shared:
        how.append(f"together in {shared} note{'s' if shared > 1 else ''}")
    return how
