"""Tags: putting them on people, taking them off, and how many carry each."""

from __future__ import annotations

from dataclasses import dataclass

from farley.domain.people import add_tags, check_tag
from farley.errors import InvalidInput, NotFound
from farley.store import Store


@dataclass(slots=True)
class TagCount:
    tag: str
    people: int
    cadence: str | None = None


def tag_person(store: Store, person_id: int, tags: list[str]) -> list[str]:
    """Put tags on a person; returns those they did not have yet."""
    if not tags:
        raise InvalidInput("no tag given: farley tag dana client")
    for tag in tags:
        check_tag(tag)
    with store.transaction():
        return add_tags(store, person_id, tags)


def untag_person(store: Store, person_id: int, tags: list[str]) -> list[str]:
    """Take tags off a person; returns those removed. None of them on: NotFound."""
    cleaned = [tag.strip().lstrip("#") for tag in tags]
    removed = []
    with store.transaction():
        for tag in cleaned:
            cursor = store.execute(
                "DELETE FROM tags WHERE person_id = ? AND tag = ?", (person_id, tag)
            )
            if cursor.rowcount:
                removed.append(tag)
    if not removed:
        raise NotFound(
            f"they have no tag {', '.join(cleaned)}: see farley show for their tags"
        )
    return removed


def tag_counts(store: Store) -> list[TagCount]:
    """Every tag in use (or with a cadence), most used first."""
    rows = store.query(
        """SELECT t.tag, t.people, c.cadence FROM (
            SELECT tag, count(*) AS people FROM tags GROUP BY tag
        ) t LEFT JOIN tag_cadences c ON c.tag = t.tag
        UNION ALL
        SELECT c.tag, 0, c.cadence FROM tag_cadences c
        WHERE NOT EXISTS (SELECT 1 FROM tags t WHERE t.tag = c.tag)
        ORDER BY 2 DESC, 1 COLLATE NOCASE"""
    )
    return [TagCount(r["tag"], r["people"], r["cadence"]) for r in rows]
