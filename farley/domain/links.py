"""Relationships between people, each read correctly from either side."""

from __future__ import annotations

from farley.domain.models import PersonRef, Relation
from farley.errors import InvalidInput, NotFound
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
    """Record that `other` is `person`'s <relation> (so person is other's inverse)."""
    relation = check_relation(relation)
    if person.id == other.id:
        raise InvalidInput("a person cannot be linked to themselves: name two people")
    with store.transaction():
        store.execute(
            """INSERT OR IGNORE INTO relationships (person_id, other_id, relation)
            VALUES (?, ?, ?)""",
            (person.id, other.id, relation),
        )
    return Relation(other, relation)


def unlink(
    store: Store, person: PersonRef, other: PersonRef, relation: str | None = None
) -> int:
    """Remove links between the two (only `relation`, when given); the count removed."""
    pairs = (person.id, other.id, other.id, person.id)
    sql = """DELETE FROM relationships WHERE
        ((person_id = ? AND other_id = ?) OR (person_id = ? AND other_id = ?))"""
    params: tuple = pairs
    if relation:
        relation = check_relation(relation)
        sql += """ AND ((person_id = ? AND relation = ?)
            OR (person_id = ? AND relation = ?))"""
        params = (*pairs, person.id, relation, other.id, INVERSE[relation])
    with store.transaction():
        removed = store.execute(sql, params).rowcount
    if not removed:
        raise NotFound(
            f"{person.name} and {other.name} are not linked: see farley show"
        )
    return removed


def relations_of(store: Store, person_id: int) -> list[Relation]:
    """Everyone linked to the person, with how they stand to them."""
    rows = store.query(
        """SELECT p.id, p.name, p.company, r.relation, 0 AS reverse FROM relationships r
            JOIN people p ON p.id = r.other_id WHERE r.person_id = ?
        UNION ALL
        SELECT p.id, p.name, p.company, r.relation, 1 FROM relationships r
            JOIN people p ON p.id = r.person_id WHERE r.other_id = ?""",
        (person_id, person_id),
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
