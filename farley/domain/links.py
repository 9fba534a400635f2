"""Relationships between people, each read correctly from either side."""

from __future__ import annotations

from typing import Any

from farley.domain.models import PersonRef, Relation
from farley.errors import Conflict, InvalidInput, NotFound
from farley.store import Store

# How B stands to A when A stands to B as the key: A is B's child, so B is A's parent.
INVERSE = {
    "spouse": "spouse",
    "partner": "partner",
    "child": "parent",
    "parent": "child",
    "colleague": "colleague",
    "manager": "report",
    "report": "manager",
    "friend": "friend",
    "introduced": "introduced by",
}
RELATIONS = tuple(INVERSE)


def check_relation(relation: str) -> str:
    cleaned = relation.strip().lower()
    if cleaned not in INVERSE:
        raise InvalidInput(
            f'"{relation}" is not a relation: use one of {", ".join(RELATIONS)}'
        )
    return cleaned


def link(store: Store, person: PersonRef, other: PersonRef, relation: str) -> Relation:
    """Record that `other` is `person`'s <relation> (so person is other's inverse).

    The same link from the other side is not stored twice, and the reverse of a
    one-way relation on file (each the other's manager) is a Conflict.
    """
    relation = check_relation(relation)
    if person.id == other.id:
        raise InvalidInput("a person cannot be linked to themselves: name two people")
    if relation == "introduced":
        return _introduce(store, person, other)
    on_file = _links_between(store, person, other)
    if any(_seen_from(person, row) == relation for row in on_file):
        return Relation(other, relation)
    reverse = INVERSE[relation]
    for row in on_file:
        if reverse != relation and _seen_from(person, row) == reverse:
            raise Conflict(
                f"{_stored_sentence(row, person, other)} already, so it cannot also "
                "be the other way round: unlink them first to turn it round"
            )
    with store.transaction():
        store.execute(
            """INSERT INTO relationships (person_id, other_id, relation)
            VALUES (?, ?, ?)""",
            (person.id, other.id, relation),
        )
    return Relation(other, relation)


def _introduce(store: Store, person: PersonRef, other: PersonRef) -> Relation:
    """Record that `other` introduced `person`: the introducer on their record."""
    # One place holds who introduced someone, whether given to add, edit or
    # link, so that two commands cannot name two introducers.
    current = store.one(
        """SELECT p.id, p.name FROM people p
        JOIN people them ON them.introduced_by = p.id WHERE them.id = ?""",
        (person.id,),
    )
    if current is not None and current["id"] != other.id:
        raise Conflict(
            f"{person.name} was introduced by {current['name']} already: "
            f"farley edit {person.id} --introduced-by {other.id} changes it"
        )
    if store.value("SELECT introduced_by FROM people WHERE id = ?", (other.id,)) == (
        person.id
    ):
        raise Conflict(
            f"{person.name} introduced {other.name} already, so it cannot also be "
            "the other way round: unlink them first to turn it round"
        )
    with store.transaction():
        store.execute(
            "UPDATE people SET introduced_by = ? WHERE id = ?", (other.id, person.id)
        )
    return Relation(other, "introduced")


def _links_between(store: Store, person: PersonRef, other: PersonRef) -> list[Any]:
    return store.query(
        """SELECT person_id, relation FROM relationships
        WHERE (person_id = ? AND other_id = ?) OR (person_id = ? AND other_id = ?)
        ORDER BY person_id = ? DESC, relation""",
        (person.id, other.id, other.id, person.id, person.id),
    )


def _seen_from(person: PersonRef, row: Any) -> str:
    """How the other person stands to `person` in a stored link."""
    relation = row["relation"]
    return relation if row["person_id"] == person.id else INVERSE[relation]


def _stored_sentence(row: Any, person: PersonRef, other: PersonRef) -> str:
    """A stored link as it was given: "Dana is Priya's manager"."""
    first, second = (
        (person, other) if row["person_id"] == person.id else (other, person)
    )
    return sentence(second.name, first.name, row["relation"])


def sentence(other: str, person: str, relation: str) -> str:
    """How `other` stands to `person`, as a sentence."""
    if relation == "introduced":
        return f"{other} introduced {person}"
    if relation == "introduced by":
        return f"{other} was introduced by {person}"
    return f"{other} is {person}'s {relation}"


def unlink(
    store: Store, person: PersonRef, other: PersonRef, relation: str | None = None
) -> int:
    """Remove links between the two (only `relation`, either way round); the count.

    Named from either side (manager or report) it is the same link.
    """
    relation = check_relation(relation) if relation else None
    introductions = _unintroduce(store, person, other, relation)
    on_file = _links_between(store, person, other)
    if introductions and not on_file:
        return introductions
    if not on_file:
        raise NotFound(
            f"{person.name} and {other.name} are not linked: see farley show"
        )
    sql = """DELETE FROM relationships WHERE
        ((person_id = ? AND other_id = ?) OR (person_id = ? AND other_id = ?))"""
    params: tuple = (person.id, other.id, other.id, person.id)
    if relation:
        sql += " AND relation IN (?, ?)"
        params = (*params, relation, INVERSE[relation])
    with store.transaction():
        removed = store.execute(sql, params).rowcount + introductions
    if not removed:
        words = " and ".join(dict.fromkeys(row["relation"] for row in on_file))
        raise NotFound(
            f"{person.name} and {other.name} are linked as {words}, not {relation}"
        )
    return removed


def _unintroduce(
    store: Store, person: PersonRef, other: PersonRef, relation: str | None
) -> int:
    """Clear an introduction between the two, either way round; how many."""
    if relation not in (None, "introduced"):
        return 0
    with store.transaction():
        return store.execute(
            """UPDATE people SET introduced_by = NULL
            WHERE (id = ? AND introduced_by = ?) OR (id = ? AND introduced_by = ?)""",
            (person.id, other.id, other.id, person.id),
        ).rowcount


def relations_of(store: Store, person_id: int) -> list[Relation]:
    """Everyone linked to the person, with how they stand to them.

    The people they introduced are among them; who introduced them is on
    their own record.
    """
    rows = store.query(
        """SELECT p.id, p.name, p.company, r.relation, 0 AS reverse FROM relationships r
            JOIN people p ON p.id = r.other_id WHERE r.person_id = ?
        UNION ALL
        SELECT p.id, p.name, p.company, r.relation, 1 FROM relationships r
            JOIN people p ON p.id = r.person_id WHERE r.other_id = ?
        UNION ALL
        SELECT p.id, p.name, p.company, 'introduced', 1 FROM people p
            WHERE p.introduced_by = ?""",
        (person_id, person_id, person_id),
    )
    relations = [
        Relation(
            PersonRef(row["id"], row["name"], row["company"]),
            INVERSE[row["relation"]] if row["reverse"] else row["relation"],
        )
        for row in rows
    ]
    return sorted(
        relations, key=lambda r: (RELATION_ORDER.get(r.relation, 99), r.other.name)
    )


RELATION_ORDER = {
    name: index for index, name in enumerate([*RELATIONS, "introduced by"])
}

# How a relation reads in a sentence about the other person: "Tom: reports to them".
PHRASES = {
    "report": "reports to them",
    "introduced": "introduced them",
    "introduced by": "was introduced by them",
}


def describe_relation(relation: str) -> str:
    return PHRASES.get(relation, relation)
