"""Meetings: what is coming up, when and where, and who will be there."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from farley.dates.format import from_iso, to_iso
from farley.domain.models import Meeting, PersonRef
from farley.errors import InvalidInput, NotFound
from farley.store import Store


def utc_key(moment: datetime) -> str:
    """The sortable UTC form meetings are indexed by."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def add_meeting(
    store: Store,
    people: list[PersonRef],
    starts_at: datetime,
    now: datetime,
    topic: str | None = None,
    place: str | None = None,
) -> Meeting:
    """Put a meeting on the agenda with everyone who will attend."""
    if starts_at.tzinfo is None:
        raise InvalidInput("a meeting time needs a time zone")
    with store.transaction():
        meeting_id = store.insert(
            "meetings",
            {
                "starts_at": to_iso(starts_at),
                "starts_utc": utc_key(starts_at),
                "place": (place or "").strip() or None,
                "topic": (topic or "").strip() or None,
                "created_at": to_iso(now),
            },
        )
        store.executemany(
            "INSERT INTO meeting_people (meeting_id, person_id) VALUES (?, ?)",
            [(meeting_id, person.id) for person in people],
        )
    return Meeting(meeting_id, starts_at, place, topic, list(people))


def next_meeting(
    store: Store, now: datetime, person_id: int | None = None
) -> Meeting | None:
    """The first meeting that has not yet ended (started within the last hour)."""
    since = utc_key(now - timedelta(hours=1))
    if person_id is None:
        row = store.one(
            """SELECT * FROM meetings WHERE starts_utc >= ?
            ORDER BY starts_utc, id LIMIT 1""",
            (since,),
        )
    else:
        row = store.one(
            """SELECT m.* FROM meeting_people mp JOIN meetings m ON m.id = mp.meeting_id
            WHERE mp.person_id = ? AND m.starts_utc >= ?
            ORDER BY m.starts_utc, m.id LIMIT 1""",
            (person_id, since),
        )
    return _with_people(store, [_meeting(row)])[0] if row else None


def meetings_between(store: Store, start: datetime, end: datetime) -> list[Meeting]:
    rows = store.query(
        """SELECT * FROM meetings WHERE starts_utc >= ? AND starts_utc < ?
        ORDER BY starts_utc, id""",
        (utc_key(start), utc_key(end)),
    )
    return _with_people(store, [_meeting(row) for row in rows])


def meetings_of(
    store: Store, person_id: int, limit: int | None = None
) -> list[Meeting]:
    """A person's meetings, latest first."""
    rows = store.query(
        f"""SELECT m.* FROM meeting_people mp JOIN meetings m ON m.id = mp.meeting_id
        WHERE mp.person_id = ? ORDER BY m.starts_utc DESC
        {"LIMIT ?" if limit else ""}""",
        (person_id, limit) if limit else (person_id,),
    )
    return _with_people(store, [_meeting(row) for row in rows])


def get_meeting(store: Store, meeting_id: int) -> Meeting:
    row = store.by_id("SELECT * FROM meetings WHERE id = ?", meeting_id)
    if row is None:
        raise NotFound(f"no meeting has id {meeting_id}: see farley agenda for ids")
    return _with_people(store, [_meeting(row)])[0]


def _meeting(row) -> Meeting:
    return Meeting(row["id"], from_iso(row["starts_at"]), row["place"], row["topic"])


def _with_people(store: Store, meetings: list[Meeting]) -> list[Meeting]:
    if not meetings:
        return meetings
    by_id = {meeting.id: meeting for meeting in meetings}
    marks = ", ".join("?" for _ in by_id)
    rows = store.query(
        f"""SELECT mp.meeting_id, p.id, p.name, p.company FROM meeting_people mp
        JOIN people p ON p.id = mp.person_id WHERE mp.meeting_id IN ({marks})
        ORDER BY p.name""",
        list(by_id),
    )
    for row in rows:
        by_id[row["meeting_id"]].people.append(
            PersonRef(row["id"], row["name"], row["company"])
        )
    return meetings
