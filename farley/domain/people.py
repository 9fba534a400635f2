"""People: adding, reading, listing, editing and removing them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from farley.dates.format import (
    PartialDate,
    format_date,
    format_partial_date,
    from_iso,
    is_after_today,
    to_iso,
)
from farley.domain.models import ContactPoint, Person, PersonRef
from farley.domain.notes import without_controls
from farley.errors import Conflict, InvalidInput, NotFound
from farley.store import Store

EDITABLE = ("name", "nickname", "company", "title", "location", "met_how", "met_on")


@dataclass(slots=True)
class NewPerson:
    """What `add` knows about someone; only the name is required."""

    name: str
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    company: str | None = None
    title: str | None = None
    nickname: str | None = None
    location: str | None = None
    met_how: str | None = None
    met_on: date | None = None
    introduced_by: int | None = None
    tags: list[str] = field(default_factory=list)
    birthday: PartialDate | None = None


# Longer than any name, short enough that one slip does not widen every list.
LONGEST_NAME = 200


def check_name(name: str) -> str:
    cleaned = " ".join(without_controls(name).split())
    if not cleaned:
        raise InvalidInput('a person needs a name: farley add "Dana Whitfield"')
    if len(cleaned) > LONGEST_NAME:
        raise InvalidInput(
            f"a name of {len(cleaned):,} characters is too long: give one of at "
            f"most {LONGEST_NAME} (a fact or a note can hold the rest)"
        )
    return cleaned


def check_met_on(met_on: date | None, now: datetime) -> None:
    """Refuse a day you met that is still to come."""
    if met_on is not None and is_after_today(met_on, now):
        raise InvalidInput(
            f"{format_date(met_on)} is still to come: you met on a day up to "
            "today, so give --met-on one"
        )


def check_birthday(birthday: PartialDate | None, now: datetime) -> None:
    """Refuse a birthday whose year puts it after today."""
    if birthday is None or birthday.year is None:
        return
    day = date(birthday.year, birthday.month, birthday.day)
    if is_after_today(day, now):
        raise InvalidInput(
            f"{format_partial_date(birthday)} is still to come: a birthday with a "
            "year is not in the future, so give the year they were born, or no "
            f"year (--birthday {format_partial_date(_yearless(birthday))})"
        )


def _yearless(birthday: PartialDate) -> PartialDate:
    return PartialDate(birthday.month, birthday.day)


def namesakes(
    store: Store, name: str, other_than: int | None = None
) -> list[PersonRef]:
    """The people on file with exactly this name, in any case."""
    rows = store.query(
        """SELECT id, name, company FROM people
        WHERE name = ? COLLATE NOCASE AND id IS NOT ? ORDER BY id""",
        (check_name(name), other_than),
    )
    return [PersonRef(row["id"], row["name"], row["company"]) for row in rows]


def add_person(store: Store, new: NewPerson, now: datetime) -> Person:
    """Create a person with their contact points, tags and birthday; one transaction."""
    from farley.domain.occasions import set_date

    name = check_name(new.name)
    check_met_on(new.met_on, now)
    check_birthday(new.birthday, now)
    stamp = to_iso(now)
    with store.transaction():
        person_id = store.insert(
            "people",
            {
                "name": name,
                "nickname": _clean(new.nickname),
                "company": _clean(new.company),
                "title": _clean(new.title),
                "location": _clean(new.location),
                "met_how": _clean(new.met_how),
                "met_on": to_iso(new.met_on) if new.met_on else None,
                "introduced_by": new.introduced_by,
                "created_at": stamp,
                "updated_at": stamp,
            },
        )
        for email in new.emails:
            add_contact(store, person_id, "email", email)
        for phone in new.phones:
            add_contact(store, person_id, "phone", phone)
        for url in new.urls:
            add_contact(store, person_id, "url", url)
        add_tags(store, person_id, new.tags)
        if new.birthday is not None:
            set_date(store, person_id, "birthday", new.birthday)
    return get_person(store, person_id)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    return " ".join(value.split()) or None


def add_contact(store: Store, person_id: int, kind: str, value: str) -> None:
    """Attach an email, phone or URL; an email already on file is a Conflict."""
    # Here, not at the top: brief, show and agenda read people but add none.
    from farley.domain.contacts import check_email, normalize

    if kind == "email":
        value = check_email(value)
    elif not value.strip():
        raise InvalidInput(f"an empty {kind} was given: leave the option out instead")
    key = normalize(kind, value)
    if kind == "email":
        _refuse_taken_email(store, person_id, value, key)
    exists = store.value(
        """SELECT 1 FROM contact_points
        WHERE person_id = ? AND kind = ? AND normalized = ?""",
        (person_id, kind, key),
    )
    if not exists:
        store.insert(
            "contact_points",
            {
                "person_id": person_id,
                "kind": kind,
                "value": value.strip(),
                "normalized": key,
            },
        )


def _refuse_taken_email(store: Store, person_id: int, email: str, key: str) -> None:
    owner = store.one(
        """SELECT p.id, p.name FROM contact_points c JOIN people p ON p.id = c.person_id
        WHERE c.kind = 'email' AND c.normalized = ?""",
        (key,),
    )
    if owner and owner["id"] != person_id:
        raise Conflict(
            f"{email} is already on file for {owner['name']} (id {owner['id']}): "
            f"use farley edit {owner['id']} to change them instead"
        )


def check_tag(tag: str) -> str:
    """A tag as typed, refused if it holds a comma: lists and CSV split on them."""
    if "," in tag:
        words = " ".join(part.strip() for part in tag.split(",") if part.strip())
        raise InvalidInput(
            f'a tag cannot hold a comma: "{tag}"; give each tag as its own word'
            + (f" ({words})" if words else "")
        )
    return tag


def add_tags(store: Store, person_id: int, tags: list[str]) -> list[str]:
    """Tag a person; returns the tags that were new to them."""
    added = []
    for tag in tags:
        cleaned = check_tag(tag).strip().lstrip("#")
        if not cleaned:
            raise InvalidInput("an empty tag was given: tags are words like client")
        cursor = store.execute(
            "INSERT OR IGNORE INTO tags (person_id, tag) VALUES (?, ?)",
            (person_id, cleaned),
        )
        if cursor.rowcount:
            added.append(cleaned)
    return added


def get_person(store: Store, person_id: int) -> Person:
    """Everything on the person's own record: fields, contact points, tags."""
    row = store.one("SELECT * FROM people WHERE id = ?", (person_id,))
    if row is None:
        raise NotFound(f"no person has id {person_id}: see farley list for ids")
    person = person_from_row(row)
    person.contacts = [
        ContactPoint(r["kind"], r["value"], r["label"])
        for r in store.query(
            """SELECT kind, value, label FROM contact_points
            WHERE person_id = ? ORDER BY id""",
            (person_id,),
        )
    ]
    person.tags = tags_of(store, person_id)
    if row["introduced_by"] is not None:
        person.introduced_by = _ref(store, row["introduced_by"])
    return person


def tags_of(store: Store, person_id: int) -> list[str]:
    sql = "SELECT tag FROM tags WHERE person_id = ? ORDER BY tag"
    return [r["tag"] for r in store.query(sql, (person_id,))]


def _ref(store: Store, person_id: int) -> PersonRef | None:
    row = store.one("SELECT id, name, company FROM people WHERE id = ?", (person_id,))
    return PersonRef(row["id"], row["name"], row["company"]) if row else None


def person_from_row(row: Any) -> Person:
    """A person from a row of people (and its snoozed_until, when read)."""
    keys = row.keys()
    return Person(
        id=row["id"],
        name=row["name"],
        nickname=row["nickname"],
        company=row["company"],
        title=row["title"],
        location=row["location"],
        met_how=row["met_how"],
        met_on=_date_or_none(row["met_on"]),
        cadence=row["cadence"],
        snoozed_until=_date_or_none(row["snoozed_until"])
        if "snoozed_until" in keys
        else None,
        created_at=_datetime_or_none(row["created_at"]),
        updated_at=_datetime_or_none(row["updated_at"]),
    )


def _date_or_none(text: str | None) -> date | None:
    if not text:
        return None
    value = from_iso(text)
    return value.date() if isinstance(value, datetime) else value


def _datetime_or_none(text: str | None) -> datetime | None:
    value = from_iso(text) if text else None
    return value if isinstance(value, datetime) else None


def edit_person(
    store: Store,
    person_id: int,
    changes: dict[str, Any],
    now: datetime,
    add_emails: list[str] | None = None,
    remove_emails: list[str] | None = None,
) -> Person:
    """Change fields of a person's record; None in `changes` clears a field."""
    get_person(store, person_id)
    check_met_on(changes.get("met_on"), now)
    if changes.get("introduced_by") == person_id:
        raise InvalidInput(
            "no one introduces themselves: give --introduced-by the person who "
            "introduced them"
        )
    updates = {key: _edited_value(key, value) for key, value in changes.items()}
    with store.transaction():
        if updates:
            updates["updated_at"] = to_iso(now)
            sets = ", ".join(f"{key} = ?" for key in updates)
            store.execute(
                f"UPDATE people SET {sets} WHERE id = ?", (*updates.values(), person_id)
            )
        for email in add_emails or []:
            add_contact(store, person_id, "email", email)
        for email in remove_emails or []:
            _remove_email(store, person_id, email)
    return get_person(store, person_id)


def _edited_value(key: str, value: Any) -> Any:
    if key not in (*EDITABLE, "introduced_by", "cadence", "snoozed_until"):
        raise InvalidInput(f"{key} cannot be edited")
    if key == "name":
        return check_name(value)
    if isinstance(value, date):
        return to_iso(value)
    return _clean(value) if isinstance(value, str) else value


def _remove_email(store: Store, person_id: int, email: str) -> None:
    from farley.domain.contacts import normalize

    cursor = store.execute(
        """DELETE FROM contact_points
        WHERE person_id = ? AND kind = 'email' AND normalized = ?""",
        (person_id, normalize("email", email)),
    )
    if not cursor.rowcount:
        raise NotFound(f"{email} is not on file for this person: see farley show")


def remove_person(store: Store, person_id: int) -> Person:
    """Delete a person and everything about them; shared notes stay without them."""
    person = get_person(store, person_id)
    with store.transaction():
        store.execute(
            """DELETE FROM notes WHERE id IN (
                SELECT note_id FROM note_people WHERE person_id = ?
            ) AND NOT EXISTS (
                SELECT 1 FROM note_people o
                WHERE o.note_id = notes.id AND o.person_id <> ?
            )""",
            (person_id, person_id),
        )
        store.execute(
            """DELETE FROM meetings WHERE id IN (
                SELECT meeting_id FROM meeting_people WHERE person_id = ?
            ) AND NOT EXISTS (
                SELECT 1 FROM meeting_people o
                WHERE o.meeting_id = meetings.id AND o.person_id <> ?
            )""",
            (person_id, person_id),
        )
        store.execute(
            """DELETE FROM import_changes
            WHERE table_name = 'people' AND row_id = ? AND last_id IS NULL""",
            (person_id,),
        )
        store.execute("DELETE FROM people WHERE id = ?", (person_id,))
        # Merging the index segments drops the removed rows' words from the file.
        store.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")
    store.scrub()
    return person
