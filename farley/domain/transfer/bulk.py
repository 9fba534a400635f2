"""Writing many rows at once, and noting them in the batch that can take them out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from farley.store import Store

# Tables whose triggers keep the search index. The index writes out its pending
# words at the end of every statement, so one INSERT ... SELECT of all the rows
# is several times faster than one INSERT per row.
INDEXED = frozenset({"people", "facts", "notes", "reminders", "tags"})


def tuples(store: Store, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple]:
    """The rows of a SELECT as plain tuples, read as they come: quicker than Rows."""
    cursor = store.conn.cursor()
    cursor.row_factory = None
    return cursor.execute(sql, params)


def first_free_id(store: Store, table: str) -> int:
    """The id the next row of `table` would get: rows are numbered ahead of time."""
    return (store.value(f"SELECT max(id) FROM {table}") or 0) + 1


def insert_rows(
    store: Store, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """Insert rows given as tuples in the order of `columns`."""
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    if table not in INDEXED:
        store.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
        return
    staged = f"staged_{table}"
    store.execute(f"DROP TABLE IF EXISTS temp.{staged}")
    store.execute(f"CREATE TEMP TABLE {staged} ({names})")
    try:
        store.executemany(f"INSERT INTO temp.{staged} VALUES ({marks})", rows)
        store.execute(
            f"INSERT INTO main.{table} ({names}) "
            f"SELECT {names} FROM temp.{staged} ORDER BY rowid"
        )
    finally:
        store.execute(f"DROP TABLE temp.{staged}")


def update_people(store: Store, columns: Sequence[str], rows: list[tuple]) -> None:
    """Set `columns` of existing people; each row is (id, *values)."""
    if not rows:
        return
    names = ", ".join(columns)
    store.execute("DROP TABLE IF EXISTS temp.staged_updates")
    store.execute(f"CREATE TEMP TABLE staged_updates (id INTEGER PRIMARY KEY, {names})")
    try:
        marks = ", ".join("?" for _ in range(len(columns) + 1))
        store.executemany(f"INSERT INTO temp.staged_updates VALUES ({marks})", rows)
        sets = ", ".join(f"{column} = s.{column}" for column in columns)
        store.execute(
            f"UPDATE people SET {sets} FROM temp.staged_updates s "
            "WHERE people.id = s.id"
        )
    finally:
        store.execute("DROP TABLE temp.staged_updates")


def owner_of(table: str) -> str:
    """What is noted beside each inserted row, and checked again before undo."""
    # A row id is given again once its row is gone; the owner tells the row
    # the batch added from a later one with the same id. A person's id can
    # come round again too, so their row's creation time goes with it.
    if table in _OWNERS:
        return _OWNERS[table]
    return (
        f"{table}.person_id || ' ' || "
        f"(SELECT created_at FROM people WHERE people.id = {table}.person_id)"
    )


_OWNERS = {
    "people": "created_at",
    "notes": "created_at",
    "meetings": "created_at",
    "tag_cadences": "tag",
}


def record_inserted(store: Store, batch: int, table: str, first_id: int) -> None:
    """Note every row of `table` from `first_id` on as inserted by the batch."""
    store.execute(
        f"""INSERT INTO import_changes (batch_id, table_name, row_id, old_value)
        SELECT ?, ?, rowid, {owner_of(table)} FROM {table} WHERE rowid >= ?""",
        (batch, table, first_id),
    )


def record_tags(store: Store, batch: int, tags: Iterable[tuple[int, str]]) -> None:
    # Tags have no row id: the person is the row, the tag rides in old_value.
    store.executemany(
        """INSERT INTO import_changes (batch_id, table_name, row_id, old_value)
        VALUES (?, 'tags', ?, ?)""",
        ((batch, person_id, tag) for person_id, tag in tags),
    )


def record_filled(
    store: Store, batch: int, filled: Iterable[tuple[int, str, Any]]
) -> None:
    """Note the columns of people the batch filled in, with what was there before."""
    store.executemany(
        """INSERT INTO import_changes
        (batch_id, table_name, row_id, column_name, old_value)
        VALUES (?, 'people', ?, ?, ?)""",
        ((batch, person_id, column, old) for person_id, column, old in filled),
    )
