"""Reading rows quickly, and noting what a batch wrote, so that undo can take it out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from farley.store import Store


def tuples(store: Store, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple]:
    """The rows of a SELECT as plain tuples, read as they come: quicker than Rows."""
    cursor = store.conn.cursor()
    cursor.row_factory = None
    return cursor.execute(sql, params)


def first_free_id(store: Store, table: str) -> int:
    """The id the next row of `table` would get: rows are numbered ahead of time."""
    return (store.value(f"SELECT max(id) FROM {table}") or 0) + 1


def owner_of(table: str, alias: str | None = None) -> str:
    """What is noted beside each inserted row, and checked again before undo."""
    # A row id is given again once its row is gone; the owner tells the row
    # the batch added from a later one with the same id. A person's id can
    # come round again too, so their row's creation time goes with it.
    alias = alias or table
    if table in _OWNERS:
        return f"{alias}.{_OWNERS[table]}"
    return (
        f"{alias}.person_id || ' ' || "
        f"(SELECT created_at FROM people WHERE people.id = {alias}.person_id)"
    )


_OWNERS = {
    "people": "created_at",
    "notes": "created_at",
    "meetings": "created_at",
    "tag_cadences": "tag",
}


def stamp_of(table: str, alias: str | None = None) -> str | None:
    """When a row of `table` was made: what a range of rows is checked by on undo.

    None for a table whose rows are never noted as a range.
    """
    alias = alias or table
    if table in _STAMPED:
        return f"{alias}.created_at"
    if table in _BY_PERSON:
        return f"(SELECT created_at FROM people WHERE people.id = {alias}.person_id)"
    return None


# Tables whose rows keep the time they were made, and those that go by their
# person's: a range of these is a new person's.
_STAMPED = frozenset({"people", "notes", "meetings", "reminders"})
_BY_PERSON = frozenset({"contact_points", "facts", "important_dates"})


def record_inserted(
    store: Store, batch: int, table: str, first_id: int, last_id: int | None = None
) -> None:
    """Note each row of `table` from `first_id` (to `last_id`) as the batch's."""
    store.execute(
        f"""INSERT INTO import_changes (batch_id, table_name, row_id, old_value)
        SELECT ?, ?, rowid, {owner_of(table)} FROM {table}
        WHERE rowid >= ? AND rowid <= ?""",
        (batch, table, first_id, last_id if last_id is not None else 2**63 - 1),
    )


def record_range(
    store: Store, batch: int, table: str, first_id: int, last_id: int, stamp: str
) -> None:
    """Note rows `first_id` to `last_id`, all made at `stamp`, as the batch's.

    One row stands for them all; a person's contact points, facts and dates
    are theirs when the person was made at `stamp`.
    """
    if last_id < first_id:
        return
    store.execute(
        """INSERT INTO import_changes
        (batch_id, table_name, row_id, old_value, last_id) VALUES (?, ?, ?, ?, ?)""",
        (batch, table, first_id, stamp, last_id),
    )


def record_tags(store: Store, batch: int, tags: Iterable[tuple[int, str]]) -> None:
    # Tags have no row id: the person is the row, the tag rides in old_value.
    store.executemany(
        """INSERT INTO import_changes (batch_id, table_name, row_id, old_value)
        VALUES (?, 'tags', ?, ?)""",
        ((batch, person_id, tag) for person_id, tag in tags),
    )


def record_filled(
    store: Store, batch: int, filled: Iterable[tuple[int, str, Any, Any]]
) -> None:
    """Note the columns of people the batch filled in: what was there, what it put.

    Each is (person id, column, old value, new value). Undo puts the old value
    back only while the new one is still there.
    """
    store.executemany(
        """INSERT INTO import_changes
        (batch_id, table_name, row_id, column_name, old_value, new_value)
        VALUES (?, 'people', ?, ?, ?, ?)""",
        ((batch, *change) for change in filled),
    )
