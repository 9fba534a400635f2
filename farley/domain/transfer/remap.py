"""A JSON export into a file that already has people: matched, merged, renumbered."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from farley.dates.format import PartialDate, to_iso
from farley.domain.contacts import normalize
from farley.domain.transfer import bulk
from farley.domain.transfer.contacts import ContactImport
from farley.domain.transfer.incoming import FILLABLE, Incoming, add_fact, clean_tags
from farley.domain.transfer.results import ImportReport
from farley.errors import InvalidInput
from farley.store import Store
from farley.store.bulk import BulkLoad

Tables = dict[str, list[dict[str, Any]]]
Ids = dict[int, int]


def import_remapped(
    load: BulkLoad, tables: Tables, report: ImportReport, now: datetime, batch: int
) -> None:
    """People merge as any import's do; notes, meetings, reminders come once."""
    store = load.store
    people = _people(tables, report.source)
    job = ContactImport(store, report, "merge", now)
    placed = job.place([incoming for incoming, _ in people])
    ids = {old: row.person_id for (_, old), row in zip(people, placed, strict=True)}
    introducers = {
        row["id"]: row.get("introduced_by") for row in tables.get("people", [])
    }
    for incoming, old in people:
        introducer = ids.get(introducers.get(old))
        if introducer is not None and introducer != ids[old]:
            incoming.fields["introduced_by"] = introducer
    job.merge(placed)
    job.write(load, batch)

    stamp = to_iso(now)
    notes = _copy_notes(load, tables, ids, stamp, batch)
    _copy_meetings(load, tables, ids, stamp, batch)
    _copy_reminders(load, tables, ids, notes, stamp, batch)
    _copy_links(store, tables, ids, batch)


def _people(tables: Tables, name: str) -> list[tuple[Incoming, int]]:
    """Each exported person as an incoming row, with their id in the export."""
    grouped: dict[str, dict[int, list[dict]]] = {}
    for table in ("contact_points", "facts", "important_dates", "tags"):
        grouped[table] = defaultdict(list)
        for row in tables.get(table, []):
            grouped[table][row.get("person_id")].append(row)
    people = []
    for number, row in enumerate(tables.get("people", []), start=1):
        if not isinstance(row.get("id"), int) or not str(row.get("name") or "").strip():
            raise InvalidInput(f"{name}: people row {number} needs an id and a name")
        people.append((_incoming(number, row, grouped), row["id"]))
    return people


def _incoming(
    number: int, row: dict, grouped: dict[str, dict[int, list[dict]]]
) -> Incoming:
    person = row["id"]
    fields = {
        column: row[column]
        for column in FILLABLE
        if column != "introduced_by" and row.get(column) not in (None, "")
    }
    incoming = Incoming(number, " ".join(str(row["name"]).split()), fields)
    for point in grouped["contact_points"][person]:
        kind, value = point["kind"], point["value"]
        incoming.points.append(
            (kind, value, normalize(kind, value), point.get("label"))
        )
    incoming.tags = clean_tags([tag["tag"] for tag in grouped["tags"][person]])
    for fact in grouped["facts"][person]:
        category, key, value = fact["category"], fact["key"], fact["value"]
        add_fact(incoming, category, key, value, fact.get("learned_on"))
    incoming.dates = [
        _date(number, when) for when in grouped["important_dates"][person]
    ]
    return incoming.keyed()


def _date(number: int, row: dict) -> tuple[str, PartialDate]:
    try:
        return row["label"], PartialDate(row["month"], row["day"], row.get("year"))
    except (TypeError, ValueError):
        raise InvalidInput(f"people row {number}: {row['label']} is no date") from None


def _members(rows: list[dict], key: str, ids: Ids) -> dict[int, list[int]]:
    """The people of each note or meeting, renumbered; those not imported left out."""
    members: dict[int, list[int]] = defaultdict(list)
    for row in rows:
        person = ids.get(row.get("person_id"))
        if person is not None:
            members[row.get(key)].append(person)
    return members


def _copy_notes(
    load: BulkLoad, tables: Tables, ids: Ids, stamp: str, batch: int
) -> Ids:
    """Add the notes not already on file; returns export id -> id on file."""
    store = load.store
    on_file = {
        (person, happened, text): note
        for note, person, happened, text in bulk.tuples(
            store,
            """SELECT n.id, np.person_id, n.happened_at, n.text
            FROM notes n JOIN note_people np ON np.note_id = n.id""",
        )
    }
    links_in = tables.get("note_people", [])
    members = _members(links_in, "note_id", ids)
    # Who each note was written with, besides the person it is about.
    secondary = {
        (row.get("note_id"), ids.get(row.get("person_id")))
        for row in links_in
        if row.get("secondary")
    }
    first = next_id = bulk.first_free_id(store, "notes")
    notes, links, mapped = [], [], {}
    for row in tables.get("notes", []):
        people = members.get(row["id"], [])
        keys = [(person, row["happened_at"], row["text"]) for person in people]
        known = next((on_file[key] for key in keys if key in on_file), None)
        if known is not None:
            mapped[row["id"]] = known
            continue
        mapped[row["id"]] = next_id
        notes.append((next_id, row["kind"], row["happened_at"], row["text"], stamp))
        links.extend(
            (next_id, person, row["happened_at"], (row["id"], person) in secondary)
            for person in dict.fromkeys(people)
        )
        next_id += 1
    load.insert("notes", ("id", "kind", "happened_at", "text", "created_at"), notes)
    columns = ("note_id", "person_id", "happened_at", "secondary")
    load.insert("note_people", columns, links)
    bulk.record_range(store, batch, "notes", first, next_id - 1, stamp)
    return mapped


def _copy_meetings(
    load: BulkLoad, tables: Tables, ids: Ids, stamp: str, batch: int
) -> None:
    store = load.store
    on_file = set(
        bulk.tuples(
            store,
            "SELECT starts_utc, coalesce(topic, ''), coalesce(place, '') FROM meetings",
        )
    )
    members = _members(tables.get("meeting_people", []), "meeting_id", ids)
    first = next_id = bulk.first_free_id(store, "meetings")
    meetings, links = [], []
    for row in tables.get("meetings", []):
        key = (row["starts_utc"], row.get("topic") or "", row.get("place") or "")
        if key in on_file:
            continue
        on_file.add(key)
        meetings.append(
            (
                next_id,
                row["starts_at"],
                row["starts_utc"],
                row.get("place"),
                row.get("topic"),
                stamp,
            )
        )
        links.extend((next_id, p) for p in dict.fromkeys(members.get(row["id"], [])))
        next_id += 1
    columns = ("id", "starts_at", "starts_utc", "place", "topic", "created_at")
    load.insert("meetings", columns, meetings)
    load.insert("meeting_people", ("meeting_id", "person_id"), links)
    bulk.record_range(store, batch, "meetings", first, next_id - 1, stamp)


def _copy_reminders(
    load: BulkLoad, tables: Tables, ids: Ids, notes: Ids, stamp: str, batch: int
) -> None:
    store = load.store
    on_file = set(bulk.tuples(store, "SELECT person_id, text, due_on FROM reminders"))
    first = next_id = bulk.first_free_id(store, "reminders")
    rows = []
    for row in tables.get("reminders", []):
        person = ids.get(row.get("person_id"))
        key = (person, row.get("text"), row.get("due_on"))
        if person is None or key in on_file:
            continue
        on_file.add(key)
        rows.append(
            (
                next_id,
                person,
                row["text"],
                row.get("due_on"),
                row.get("anchor_on"),
                row.get("recurrence"),
                row.get("they_owe") or 0,
                row.get("done_at"),
                notes.get(row.get("note_id")),
                stamp,
            )
        )
        next_id += 1
    columns = ("id", "person_id", "text", "due_on", "anchor_on", "recurrence")
    columns += ("they_owe", "done_at", "note_id", "created_at")
    load.insert("reminders", columns, rows)
    bulk.record_range(store, batch, "reminders", first, next_id - 1, stamp)


def _copy_links(store: Store, tables: Tables, ids: Ids, batch: int) -> None:
    """Relationships between imported people, and cadences of tags not yet set."""
    links = [
        (ids[row["person_id"]], ids[row["other_id"]], row["relation"])
        for row in tables.get("relationships", [])
        if row.get("person_id") in ids and row.get("other_id") in ids
    ]
    store.executemany(
        """INSERT OR IGNORE INTO relationships (person_id, other_id, relation)
        VALUES (?, ?, ?)""",
        [link for link in links if link[0] != link[1]],
    )
    last = store.value("SELECT max(rowid) FROM tag_cadences") or 0
    store.executemany(
        "INSERT OR IGNORE INTO tag_cadences (tag, cadence) VALUES (?, ?)",
        [(row["tag"], row["cadence"]) for row in tables.get("tag_cadences", [])],
    )
    bulk.record_inserted(store, batch, "tag_cadences", last + 1)
