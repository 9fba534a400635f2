"""Listing everyone, or those a tag or a company picks out, in reading order."""

from __future__ import annotations

from typing import Any

from farley.domain.models import ContactPoint, Person
from farley.domain.people import person_from_row
from farley.domain.resolve import fits_forms, fold, name_forms
from farley.errors import InvalidInput
from farley.store import Store


def list_people(
    store: Store, tag: str | None = None, company: str | None = None
) -> list[Person]:
    """Everyone (or those with the tag / at the company), by name.

    Both filters fold accents and case as names do; the company may be part of one.
    Names sort as they are compared, so "Élodie" comes among the e's.
    """
    _refuse_empty_filters(tag, company)
    where, params = [], []
    if tag:
        where.append(
            """id IN (SELECT person_id FROM tags
            WHERE tag IN (SELECT value FROM json_each(?)))"""
        )
        params.append(_json_list(_tags_like(store, tag)))
    if company:
        where.append("company IN (SELECT value FROM json_each(?))")
        params.append(_json_list(_companies_like(store, company)))
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    rows = store.query(
        f"""SELECT *,
            (SELECT group_concat(tag, char(31)) FROM tags
             WHERE person_id = people.id) AS tag_list,
            (SELECT group_concat(
                kind || char(30) || coalesce(label, '') || char(30) || value, char(31)
             ) FROM contact_points WHERE person_id = people.id) AS contact_list
        FROM people {clause}""",
        params,
    )
    people = [_listed_person(row) for row in rows]
    people.sort(key=lambda person: (_sort_key(person.name), person.id))
    return people


def _refuse_empty_filters(tag: str | None, company: str | None) -> None:
    # An empty filter would list everyone, which is never what was asked.
    if tag is not None and not tag.strip().lstrip("#"):
        raise InvalidInput("--tag is empty: give a tag, e.g. --tag client")
    if company is not None and not company.strip():
        raise InvalidInput("--company is empty: give a company or part of one")


def _json_list(values: list[str]) -> str:
    # json costs every command that imports people a millisecond at start.
    import json

    return json.dumps(values)


def _tags_like(store: Store, tag: str) -> list[str]:
    """The tags on file that are `tag`, accents and case aside."""
    wanted = fold(tag.strip().lstrip("#"))
    rows = store.query("SELECT DISTINCT tag FROM tags")
    return [row["tag"] for row in rows if fold(row["tag"]) == wanted]


def _companies_like(store: Store, company: str) -> list[str]:
    """The companies on file that hold `company`, as a name holds part of one."""
    needles = name_forms(" ".join(company.split()))
    rows = store.query("SELECT DISTINCT company FROM people WHERE company IS NOT NULL")
    return [row["company"] for row in rows if fits_forms(needles, row["company"])]


def anyone_on_file(store: Store) -> bool:
    return bool(store.value("SELECT EXISTS (SELECT 1 FROM people)"))


def _listed_person(row: Any) -> Person:
    person = person_from_row(row)
    person.tags = sorted(row["tag_list"].split("\x1f")) if row["tag_list"] else []
    contacts = row["contact_list"].split("\x1f") if row["contact_list"] else []
    person.contacts = [_listed_point(item) for item in contacts]
    return person


def _listed_point(item: str) -> ContactPoint:
    kind, label, value = item.split("\x1e", 2)
    return ContactPoint(kind, value, label or None)


def _sort_key(name: str) -> str:
    """A name as it is compared, its punctuation left out: O'Brien among the ob's."""
    return "".join(c for c in fold(name) if c.isalnum() or c.isspace())
