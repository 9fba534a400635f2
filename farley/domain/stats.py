"""The whole picture: people by tag and company, notes by month, who is in touch."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from farley.dates.format import to_iso
from farley.domain.touch import Touch, clean_tag, due_by, stale
from farley.store import Store

TOP = 10
SILENCES = 5
MONTHS_SHOWN = 12
# Far enough ahead that everyone with a cadence is "due" by then: a count of them.
_EVERYONE_BY = date(9000, 1, 1)


@dataclass(slots=True)
class Count:
    name: str
    count: int


@dataclass(slots=True)
class MonthCount:
    month: date  # the first of the month
    notes: int


@dataclass(slots=True)
class Promises:
    you_owe: int = 0
    you_owe_overdue: int = 0
    they_owe: int = 0
    they_owe_overdue: int = 0


@dataclass(slots=True)
class Stats:
    since: date
    tag: str | None
    people: int = 0
    notes: int = 0  # since `since`
    by_tag: list[Count] = field(default_factory=list)
    by_company: list[Count] = field(default_factory=list)
    notes_per_month: list[MonthCount] = field(default_factory=list)
    with_cadence: int = 0
    within_cadence: int = 0
    longest_silences: list[Touch] = field(default_factory=list)
    promises: Promises = field(default_factory=Promises)


def stats(
    store: Store, now: datetime, since: date | None = None, tag: str | None = None
) -> Stats:
    """Counts over everyone (or those with `tag`); notes from `since` on.

    By default notes are counted from the first of the month eleven months ago,
    so that the chart shows the last twelve months.
    """
    tag = clean_tag(tag) if tag else None
    start = since or _months_back(now.date(), MONTHS_SHOWN - 1)
    found = Stats(start, tag)
    who, params = _tagged(tag)
    found.people = store.value(f"SELECT count(*) FROM people p WHERE 1 {who}", params)
    found.by_tag = _by_tag(store, tag)
    found.by_company = _by_company(store, who, params)
    found.notes_per_month = _notes_per_month(store, start, now.date(), tag)
    found.notes = sum(month.notes for month in found.notes_per_month)
    _cadence_share(store, now, found)
    found.longest_silences = stale(store, now, 0, tag, SILENCES).entries
    found.promises = _promises(store, now.date(), tag)
    return found


def _months_back(today: date, months: int) -> date:
    index = today.year * 12 + today.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def _tagged(tag: str | None) -> tuple[str, list[Any]]:
    """A condition on `p.id` keeping only people with the tag, and its parameter."""
    if tag is None:
        return "", []
    return "AND p.id IN (SELECT person_id FROM tags WHERE tag = ?)", [tag]


def _by_tag(store: Store, tag: str | None) -> list[Count]:
    """The most used tags (among people with `tag`, when given)."""
    where = "WHERE person_id IN (SELECT person_id FROM tags WHERE tag = ?)"
    rows = store.query(
        f"""SELECT tag, count(*) AS n FROM tags {where if tag else ""}
        GROUP BY tag ORDER BY n DESC, tag LIMIT {TOP}""",
        [tag] if tag else [],
    )
    return [Count(row["tag"], row["n"]) for row in rows]


def _by_company(store: Store, who: str, params: list[Any]) -> list[Count]:
    rows = store.query(
        f"""SELECT company, count(*) AS n FROM people p
        WHERE company IS NOT NULL {who}
        GROUP BY company COLLATE NOCASE ORDER BY n DESC, company LIMIT {TOP}""",
        params,
    )
    return [Count(row["company"], row["n"]) for row in rows]


def _notes_per_month(
    store: Store, start: date, today: date, tag: str | None
) -> list[MonthCount]:
    """Every month from `start`'s to this one, months without notes included.

    Months before the first note or meeting are left out: a --since decades
    back would otherwise be a page of empty months.
    """
    firsts, month = [], max(start.replace(day=1), _first_month(store, today))
    while month <= today:
        firsts.append(month)
        month = _months_back(month, -1)
    if not firsts:
        return []
    if tag is None:
        counts = _monthly_counts(store, max(start, firsts[0]), today, firsts)
    else:
        counts = _monthly_counts_tagged(store, start, today, tag)
    return [MonthCount(first, counts.get(first.isoformat()[:7], 0)) for first in firsts]


def _first_month(store: Store, today: date) -> date:
    """The first of the month of the first note or meeting (next month if none)."""
    first = store.value(
        """SELECT min(first) FROM (SELECT min(happened_at) AS first FROM notes
        UNION ALL SELECT min(starts_utc) FROM meetings)"""
    )
    if first is None:
        return _months_back(today, -1)
    return date(int(first[:4]), int(first[5:7]), 1)


def _monthly_counts(
    store: Store, start: date, today: date, firsts: list[date]
) -> dict[str, int]:
    """Notes a month, each month counted along the index of note dates."""
    # Grouping by month cuts and sorts every date in the range; counting
    # between two dates only steps along the index.
    bounds = [start, *firsts[1:], today + timedelta(days=1)]
    ranges = [
        (to_iso(low)[:7], to_iso(low), to_iso(high))
        for low, high in zip(bounds, bounds[1:], strict=False)
    ]
    rows = store.query(
        """SELECT month, (SELECT count(*) FROM notes
            WHERE happened_at >= low AND happened_at < high) AS n
        FROM (SELECT json_extract(value, '$[0]') AS month,
            json_extract(value, '$[1]') AS low, json_extract(value, '$[2]') AS high
            FROM json_each(?))""",
        (json.dumps(ranges),),
    )
    return {row["month"]: row["n"] for row in rows}


def _monthly_counts_tagged(
    store: Store, start: date, today: date, tag: str
) -> dict[str, int]:
    rows = store.query(
        """SELECT substr(np.happened_at, 1, 7) AS month,
            count(DISTINCT np.note_id) AS n
        FROM tags t JOIN note_people np ON np.person_id = t.person_id
        WHERE t.tag = ? AND np.happened_at >= ? AND np.happened_at < ?
        GROUP BY month""",
        (tag, to_iso(start), to_iso(today + timedelta(days=1))),
    )
    return {row["month"]: row["n"] for row in rows}


def _cadence_share(store: Store, now: datetime, found: Stats) -> None:
    """How many have a cadence (snoozed people aside), and how many are within it."""
    found.with_cadence = due_by(store, now, _EVERYONE_BY, tag=found.tag, limit=1).total
    overdue = stale(store, now, tag=found.tag, limit=1).total
    found.within_cadence = found.with_cadence - overdue


def _promises(store: Store, today: date, tag: str | None) -> Promises:
    """Open reminders either way, from the index of open ones by who owes."""
    tagged = "AND person_id IN (SELECT person_id FROM tags WHERE tag = ?)"
    rows = store.query(
        f"""SELECT they_owe, count(*) AS n, sum(due_on < ?) AS late FROM reminders
        WHERE done_at IS NULL {tagged if tag else ""} GROUP BY they_owe""",
        [to_iso(today), tag] if tag else [to_iso(today)],
    )
    promises = Promises()
    for row in rows:
        if row["they_owe"]:
            promises.they_owe, promises.they_owe_overdue = row["n"], row["late"] or 0
        else:
            promises.you_owe, promises.you_owe_overdue = row["n"], row["late"] or 0
    return promises
