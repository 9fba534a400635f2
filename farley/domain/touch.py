"""Keeping in touch: cadences per person and per tag, who is due, snoozing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from farley.dates.format import from_iso, to_iso
from farley.domain.meetings import utc_key
from farley.domain.models import PersonRef
from farley.errors import InvalidInput, NotFound
from farley.store import Store
from farley.store.schema import TOUCH_REFRESH, TOUCH_STEP


# The records below are made without repr and eq: nothing prints or compares
# them, and each generated method costs every start of stale and the agenda.
@dataclass(slots=True, repr=False, eq=False)
class TagCadence:
    tag: str
    cadence: str
    people: int = 0


@dataclass(slots=True, repr=False, eq=False)
class Touch:
    """Someone due a touch: since when the clock runs, and by when it was due."""

    person: PersonRef
    cadence: str | None  # None when a number of days was asked for instead
    last_contact: date | datetime | None  # None: never, counted from `since`
    last_kind: str | None
    since: date
    due_on: date
    overdue_days: int


@dataclass(slots=True, repr=False, eq=False)
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
    if "," in cleaned:
        raise InvalidInput(f'a tag cannot hold a comma: "{tag}"; name one tag')
    return cleaned


# Cadences for tags


def set_tag_cadence(store: Store, tag: str, cadence: str) -> TagCadence:
    """Give everyone with `tag` a default cadence (their own one wins)."""
    # Here, not at the top: the parser brings dateutil, which stale never needs.
    from farley.dates.recur import parse_recurrence

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

    The clock runs from the last note or past meeting with them (by the day it
    happened, else the day they were added); they are due one cadence later.
    Their own cadence counts, else the shortest among their tags'; with `days`,
    everyone is due that many days on. Snoozed people are left out until the
    snooze ends.
    """
    found = TouchList(by, days=days, tag=clean_tag(tag) if tag else None)
    few = found.tag is not None and _few_have(store, found.tag)
    sql, params = _due_query(now, by, days, found.tag, limit, few)
    rows = store.query(sql, params)
    found.entries = [_touch(row, now) for row in rows]
    found.total = rows[0]["total"] if rows else 0
    return found


def refresh_touch(store: Store, people: Iterable[int] | None = None) -> None:
    """Work out afresh the touch clocks of these people (None: everyone).

    Triggers keep every clock right as rows are written; this is for rows
    written with them suspended (farley.store.bulk runs the same statement).
    """
    which, params = "1", {}
    if people is not None:
        import json

        which = "p.id IN (SELECT value FROM json_each(:ids))"
        params = {"ids": json.dumps(sorted(set(people)))}
    with store.transaction():
        store.execute(TOUCH_REFRESH.format(which=which), params)


def _due_query(
    now: datetime,
    by: date,
    days: int | None,
    tag: str | None,
    limit: int | None,
    few: bool = False,
) -> tuple[str, dict[str, Any]]:
    today = now.date()
    params: dict[str, Any] = {
        "today": to_iso(today),
        "tomorrow": to_iso(today + timedelta(days=1)),
        "now_utc": utc_key(now),
        "by": to_iso(by),
        "tag": tag,
        "limit": limit if limit else -1,
    }
    if days is None:
        parts = _BY_CADENCE
    else:
        parts = _BY_DAYS
        params |= {"shift": f"+{days} days", "cutoff": to_iso(by - timedelta(days))}
    return _DUE.format(**parts, **_tag_parts(tag, few), awake=_AWAKE), params


def _few_have(store: Store, tag: str) -> bool:
    found = store.value(
        "SELECT count(*) FROM (SELECT 1 FROM tags WHERE tag = ? LIMIT ?)",
        (tag, _FEW),
    )
    return found < _FEW


# Most overdue first with a tag many people have: down the index of due days,
# checking each for the tag. With a tag few have, from those people instead.
_FEW = 1000


def _tag_parts(tag: str | None, few: bool) -> dict[str, str]:
    if tag is None:
        return {"tagged": "", "tagged_rows": "", "counted": "touch_clocks k"}
    return {
        "tagged": _HAS_TAG,
        "tagged_rows": _AMONG_TAGGED if few else _HAS_TAG,
        "counted": _TAGGED_CLOCKS,
    }


_HAS_TAG = """AND EXISTS (
    SELECT 1 FROM tags t WHERE t.person_id = k.person_id AND t.tag = :tag)"""
_AMONG_TAGGED = "AND k.person_id IN (SELECT person_id FROM tags WHERE tag = :tag)"
_TAGGED_CLOCKS = """tags t
    JOIN touch_clocks k ON k.person_id = t.person_id AND t.tag = :tag"""


_AWAKE = "AND (k.snoozed_until IS NULL OR k.snoozed_until <= :today)"
_BY_CADENCE = {
    "key": "k.due_on",
    "bound": ":by",
    "cadence": "k.cadence",
    "stored_due": "k.due_on",
    "due": TOUCH_STEP.format(since="a.since", days="k.days", months="k.months"),
}
_BY_DAYS = {
    "key": "k.since",
    "bound": ":cutoff",
    "cadence": "NULL",
    "stored_due": "date(k.since, :shift)",
    "due": "date(a.since, :shift)",
}

# A contact still ahead (a meeting later today, a note dated tomorrow) is in
# the stored clock already: the few people with one are worked out afresh.
# The total counts the range along the index alone, then takes off the few
# snoozed or ahead: testing each of a hundred thousand rows costs more.
_DUE = """
WITH ahead_ids AS MATERIALIZED (
    SELECT mp.person_id AS id FROM meetings m
    JOIN meeting_people mp ON mp.meeting_id = m.id WHERE m.starts_utc >= :now_utc
    UNION
    SELECT np.person_id FROM notes n
    JOIN note_people np ON np.note_id = n.id WHERE n.happened_at >= :tomorrow
),
ahead AS MATERIALIZED (
    SELECT p.id, p.name, p.company, coalesce(substr(nullif(max(
        coalesce((SELECT max(np.happened_at) FROM note_people np
            WHERE np.person_id = p.id AND np.happened_at < :tomorrow), ''),
        coalesce((SELECT max(m.starts_at) FROM meeting_people mp
            JOIN meetings m ON m.id = mp.meeting_id
            WHERE mp.person_id = p.id AND m.starts_utc < :now_utc), '')
    ), ''), 1, 10), substr(p.created_at, 1, 10)) AS since
    FROM ahead_ids f JOIN touch_clocks k ON k.person_id = f.id
    JOIN people p ON p.id = k.person_id
    WHERE 1 {awake} {tagged}
),
ahead_due AS MATERIALIZED (
    SELECT a.*, {cadence} AS cadence, {due} AS due_on
    FROM ahead a JOIN touch_clocks k ON k.person_id = a.id
),
due AS (
    SELECT * FROM (
        SELECT p.id, p.name, p.company, k.since, {cadence} AS cadence,
            {stored_due} AS due_on
        FROM touch_clocks k JOIN people p ON p.id = k.person_id
        WHERE {key} <= {bound} AND k.person_id NOT IN ahead_ids {awake} {tagged_rows}
        ORDER BY {key}, p.name COLLATE NOCASE, p.id LIMIT :limit
    )
    UNION ALL
    SELECT id, name, company, since, cadence, due_on FROM ahead_due
    WHERE due_on <= :by
    ORDER BY due_on, name COLLATE NOCASE, id LIMIT :limit
)
SELECT d.*,
    (SELECT max(np.happened_at) FROM note_people np
        WHERE np.person_id = d.id AND np.happened_at < :tomorrow) AS last_note,
    (SELECT n.kind FROM note_people np JOIN notes n ON n.id = np.note_id
        WHERE np.person_id = d.id AND np.happened_at < :tomorrow
        ORDER BY np.happened_at DESC, n.id DESC LIMIT 1) AS last_kind,
    (SELECT max(m.starts_at) FROM meeting_people mp
        JOIN meetings m ON m.id = mp.meeting_id
        WHERE mp.person_id = d.id AND m.starts_utc < :now_utc) AS last_meeting,
    (SELECT count(*) FROM {counted} WHERE {key} <= {bound})
    - (SELECT count(*) FROM touch_clocks k WHERE {key} <= {bound} {tagged}
        AND (k.person_id IN ahead_ids OR k.snoozed_until > :today))
    + (SELECT count(*) FROM ahead_due WHERE due_on <= :by) AS total
FROM due d ORDER BY d.due_on, d.name COLLATE NOCASE, d.id
"""


def _touch(row: Any, now: datetime) -> Touch:
    last, kind = _last_contact(row)
    due_on = date.fromisoformat(row["due_on"])
    return Touch(
        person=PersonRef(row["id"], row["name"], row["company"]),
        cadence=row["cadence"],
        last_contact=last,
        last_kind=kind,
        since=date.fromisoformat(row["since"]),
        due_on=due_on,
        overdue_days=(now.date() - due_on).days,
    )


def _last_contact(row: Any) -> tuple[date | datetime | None, str | None]:
    note, meeting = row["last_note"], row["last_meeting"]
    if meeting and (not note or meeting >= note):
        return from_iso(meeting), "meeting"
    if note:
        return from_iso(note), row["last_kind"]
    return None, None
