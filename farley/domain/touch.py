"""Keeping in touch: cadences per person and per tag, who is due, snoozing."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from farley.dates.format import from_iso, to_iso
from farley.dates.recur import Recurrence, parse_recurrence
from farley.domain.meetings import utc_key
from farley.domain.models import PersonRef
from farley.errors import InvalidInput, NotFound
from farley.store import Store


@dataclass(slots=True)
class TagCadence:
    tag: str
    cadence: str
    people: int = 0


@dataclass(slots=True)
class Touch:
    """Someone due a touch: since when the clock runs, and by when it was due."""

    person: PersonRef
    cadence: str | None  # None when a number of days was asked for instead
    last_contact: date | datetime | None  # None: never, counted from `since`
    last_kind: str | None
    since: date
    due_on: date
    overdue_days: int


@dataclass(slots=True)
class TouchList:
    """The people due a touch, most overdue first; `total` counts them all."""

    by: date
    entries: list[Touch] = field(default_factory=list)
    total: int = 0
    days: int | None = None
    tag: str | None = None


def clean_tag(tag: str) -> str:
    cleaned = tag.strip().lstrip("#").strip()
    if not cleaned:
        raise InvalidInput("an empty tag was given: tags are words like client")
    return cleaned


# Cadences for tags


def set_tag_cadence(store: Store, tag: str, cadence: str) -> TagCadence:
    """Give everyone with `tag` a default cadence (their own one wins)."""
    tag, rule = clean_tag(tag), parse_recurrence(cadence).describe()
    with store.transaction():
        store.execute(
            """INSERT INTO tag_cadences (tag, cadence) VALUES (?, ?)
            ON CONFLICT (tag) DO UPDATE SET cadence = excluded.cadence""",
            (tag, rule),
        )
    return tag_cadence(store, tag)


def clear_tag_cadence(store: Store, tag: str) -> TagCadence:
    found = tag_cadence(store, tag)
    with store.transaction():
        store.execute("DELETE FROM tag_cadences WHERE tag = ?", (found.tag,))
    return found


def tag_cadences(store: Store) -> list[TagCadence]:
    """Every tag's default cadence, with how many people have the tag."""
    rows = store.query(f"{_TAG_CADENCES} GROUP BY c.tag ORDER BY c.tag COLLATE NOCASE")
    return [TagCadence(r["tag"], r["cadence"], r["people"]) for r in rows]


_TAG_CADENCES = """SELECT c.tag, c.cadence, count(t.person_id) AS people
    FROM tag_cadences c LEFT JOIN tags t ON t.tag = c.tag"""


def tag_cadence(store: Store, tag: str) -> TagCadence:
    """The cadence set for a tag; NotFound when none is."""
    tag = clean_tag(tag)
    row = store.one(f"{_TAG_CADENCES} WHERE c.tag = ? GROUP BY c.tag", (tag,))
    if row is None:
        raise NotFound(
            f'no cadence is set for the tag "{tag}": see farley cadence for those set'
        )
    return TagCadence(row["tag"], row["cadence"], row["people"])


# Snoozing


def snooze(store: Store, person_id: int, until: date | None, now: datetime) -> None:
    """Leave someone out of who is due until `until` (None: wake them now)."""
    if until is not None and until <= now.date():
        raise InvalidInput(
            f"{until.isoformat()} is not in the future: snooze until a later date"
        )
    with store.transaction():
        store.execute(
            "UPDATE people SET snoozed_until = ?, updated_at = ? WHERE id = ?",
            (to_iso(until) if until else None, to_iso(now), person_id),
        )


# Who is due


def stale(
    store: Store,
    now: datetime,
    days: int | None = None,
    tag: str | None = None,
    limit: int | None = None,
) -> TouchList:
    """People whose last contact is older than their cadence (or `days`)."""
    return due_by(store, now, now.date() - timedelta(days=1), days, tag, limit)


def due_by(
    store: Store,
    now: datetime,
    by: date,
    days: int | None = None,
    tag: str | None = None,
    limit: int | None = None,
) -> TouchList:
    """People due a touch on or before `by`, most overdue first.

    Due means the last note or past meeting with them (by the day it happened,
    else the day they were added) is at least their cadence before `by`. Their
    own cadence counts, else the shortest among their tags'; with `days`,
    everyone counts. Snoozed people are left out until the snooze ends.
    """
    rules = _rules(store, by, days)
    found = TouchList(by, days=days, tag=clean_tag(tag) if tag else None)
    if not rules:
        return found
    rows = store.query(*_due_query(rules, now, found.tag, days is not None, limit))
    kinds = _last_kinds(store, [row["id"] for row in rows], now)
    found.entries = [_touch(row, rules, kinds, now) for row in rows]
    found.total = rows[0]["total"] if rows else 0
    return found


@dataclass(frozen=True, slots=True)
class _Rule:
    """A cadence as the query uses it: due when the clock started by `cutoff`."""

    name: str | None
    step: Recurrence | None  # None: a plain number of days
    days: float
    cutoff: date

    def due_on(self, since: date) -> date:
        if self.step is None:
            return since + timedelta(days=self.days)
        return self.step.add_to(since)


def _rules(store: Store, by: date, days: int | None) -> dict[str | None, _Rule]:
    """Each cadence in use, read once; one rule for everyone when days are given."""
    if days is not None:
        return {None: _Rule(None, None, days, by - timedelta(days=days))}
    rules: dict[str | None, _Rule] = {}
    names = store.query(
        """SELECT DISTINCT cadence FROM people WHERE cadence IS NOT NULL
        UNION SELECT cadence FROM tag_cadences"""
    )
    for row in names:
        try:
            step = parse_recurrence(row["cadence"])
        except InvalidInput:
            continue
        cutoff = step.add_to(by, -1)
        rules[row["cadence"]] = _Rule(row["cadence"], step, step.approx_days(), cutoff)
    return rules


def _due_query(
    rules: dict[str | None, _Rule],
    now: datetime,
    tag: str | None,
    everyone: bool,
    limit: int | None,
) -> tuple[str, dict[str, Any]]:
    values = ", ".join(f"(:n{i}, :d{i}, :c{i})" for i in range(len(rules)))
    params: dict[str, Any] = {
        "today": to_iso(now.date()),
        "tomorrow": to_iso(now.date() + timedelta(days=1)),
        "now_utc": utc_key(now),
        "tag": tag,
        "limit": limit if limit else -1,
    }
    for i, rule in enumerate(rules.values()):
        params |= {f"n{i}": rule.name, f"d{i}": rule.days}
        params[f"c{i}"] = to_iso(rule.cutoff)
    cadence = "NULL" if everyone else _EFFECTIVE_CADENCE
    join = "rules r" if everyone else "rules r ON r.cadence = w.cadence"
    tagged = "AND p.id IN (SELECT person_id FROM tags WHERE tag = :tag)" if tag else ""
    sql = _DUE.format(values=values, cadence=cadence, join=join, tagged=tagged)
    return sql, params


# Own cadence first, else the shortest of their tags' (a client also tagged
# friend is kept in touch with as often as the more demanding of the two).
_EFFECTIVE_CADENCE = """coalesce(
    (SELECT cadence FROM rules WHERE cadence = p.cadence),
    (SELECT r.cadence FROM (
        SELECT r.cadence, min(r.days) FROM tags t JOIN tag_cadences c ON c.tag = t.tag
        JOIN rules r ON r.cadence = c.cadence WHERE t.person_id = p.id) r))"""

# One pass over people: the last note per person comes from the index on
# note_people (person_id, happened_at), never from reading the notes.
_DUE = """
WITH rules (cadence, days, cutoff) AS (VALUES {values}),
wanted AS MATERIALIZED (
    SELECT p.id, p.name, p.company, p.created_at, {cadence} AS cadence
    FROM people p
    WHERE (p.snoozed_until IS NULL OR p.snoozed_until <= :today) {tagged}
),
contacts AS MATERIALIZED (
    SELECT w.*, r.days, r.cutoff,
        (SELECT max(np.happened_at) FROM note_people np
         WHERE np.person_id = w.id AND np.happened_at < :tomorrow) AS last_note,
        (SELECT max(m.starts_at) FROM meeting_people mp
         JOIN meetings m ON m.id = mp.meeting_id
         WHERE mp.person_id = w.id AND m.starts_utc < :now_utc) AS last_meeting
    FROM wanted w JOIN {join}
),
clocks AS (
    SELECT *, coalesce(
        nullif(max(coalesce(last_note, ''), coalesce(last_meeting, '')), ''),
        created_at) AS clock
    FROM contacts
)
SELECT id, name, company, cadence, last_note, last_meeting, clock,
    count(*) OVER () AS total
FROM clocks WHERE substr(clock, 1, 10) <= cutoff
ORDER BY julianday(substr(clock, 1, 10)) + days, name COLLATE NOCASE, id
LIMIT :limit
"""


def _last_kinds(store: Store, ids: list[int], now: datetime) -> dict[int, str]:
    """How each person was last spoken to: the kind of their latest note."""
    rows = store.query(
        """SELECT j.value AS id, (
            SELECT n.kind FROM note_people np JOIN notes n ON n.id = np.note_id
            WHERE np.person_id = j.value AND np.happened_at < ?
            ORDER BY np.happened_at DESC, n.id DESC LIMIT 1) AS kind
        FROM json_each(?) j""",
        (to_iso(now.date() + timedelta(days=1)), json.dumps(ids)),
    )
    return {row["id"]: row["kind"] for row in rows if row["kind"]}


def _touch(
    row: Any, rules: dict[str | None, _Rule], kinds: dict[int, str], now: datetime
) -> Touch:
    rule = rules[row["cadence"]]
    last, kind = _last_contact(row, kinds)
    since = _day(from_iso(row["clock"]))
    due_on = rule.due_on(since)
    return Touch(
        person=PersonRef(row["id"], row["name"], row["company"]),
        cadence=row["cadence"],
        last_contact=last,
        last_kind=kind,
        since=since,
        due_on=due_on,
        overdue_days=(now.date() - due_on).days,
    )


def _last_contact(
    row: Any, kinds: dict[int, str]
) -> tuple[date | datetime | None, str | None]:
    note, meeting = row["last_note"], row["last_meeting"]
    if meeting and (not note or meeting >= note):
        return from_iso(meeting), "meeting"
    if note:
        return from_iso(note), kinds.get(row["id"])
    return None, None


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value
