"""Facts: the Farley file proper, the personal things worth remembering."""

from __future__ import annotations

from datetime import date, datetime

from farley.dates.format import format_date, from_iso, is_after_today, to_iso
from farley.domain.models import FACT_CATEGORIES, Fact
from farley.errors import InvalidInput, NotFound
from farley.store import Store


def check_category(category: str) -> str:
    cleaned = category.strip().lower()
    if cleaned not in FACT_CATEGORIES:
        raise InvalidInput(
            f'"{category}" is not a fact category: '
            f"use one of {', '.join(FACT_CATEGORIES)}"
        )
    return cleaned


def set_fact(
    store: Store,
    person_id: int,
    key: str,
    value: str,
    category: str,
    learned_on: date,
    now: datetime,
) -> tuple[Fact, bool]:
    """Record a fact; the same key in the same category is updated. True if new."""
    category = check_category(category)
    if is_after_today(learned_on, now):
        raise InvalidInput(
            f"{format_date(learned_on)} is still to come: a fact was learned on a "
            "day up to today, so give --learned one (or leave it out for today)"
        )
    key, value = " ".join(key.split()), value.strip()
    if not key or not value:
        raise InvalidInput(
            'a fact needs a key and a value: farley fact dana spouse "Tom"'
        )
    with store.transaction():
        existing = store.one(
            """SELECT id, key FROM facts
            WHERE person_id = ? AND category = ? AND key = ? COLLATE NOCASE""",
            (person_id, category, key),
        )
        if existing:
            fact_id, key = existing["id"], existing["key"]
            store.execute(
                "UPDATE facts SET value = ?, learned_on = ? WHERE id = ?",
                (value, to_iso(learned_on), fact_id),
            )
        else:
            fact_id = store.insert(
                "facts",
                {
                    "person_id": person_id,
                    "category": category,
                    "key": key,
                    "value": value,
                    "learned_on": to_iso(learned_on),
                    "created_at": to_iso(now),
                },
            )
    return Fact(fact_id, person_id, category, key, value, learned_on), not existing


def facts_of(store: Store, person_id: int) -> list[Fact]:
    """A person's facts, in category order, oldest learned first within one."""
    rows = store.query(
        "SELECT * FROM facts WHERE person_id = ? ORDER BY learned_on, id", (person_id,)
    )
    facts = [_fact(row) for row in rows]
    order = {category: index for index, category in enumerate(FACT_CATEGORIES)}
    return sorted(facts, key=lambda fact: order[fact.category])


def _fact(row) -> Fact:
    learned = from_iso(row["learned_on"])
    learned = learned.date() if isinstance(learned, datetime) else learned
    return Fact(
        row["id"], row["person_id"], row["category"], row["key"], row["value"], learned
    )


def get_fact(store: Store, fact_id: int) -> Fact:
    row = store.by_id("SELECT * FROM facts WHERE id = ?", fact_id)
    if row is None:
        raise NotFound(f"no fact has id {fact_id}: see farley show PERSON for fact ids")
    return _fact(row)


def remove_fact(store: Store, fact_id: int) -> Fact:
    """Delete a fact, leaving no trace of it in the search index or the file."""
    fact = get_fact(store, fact_id)
    with store.transaction():
        store.execute("DELETE FROM facts WHERE id = ?", (fact_id,))
        # Merging the index segments drops the deleted words from the file.
        store.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")
    store.scrub()
    return fact
