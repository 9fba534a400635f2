"""Writing many rows at once: the search index is filled in after them, in bulk."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from itertools import chain
from operator import itemgetter
from typing import Any

from farley.store.core import Store
from farley.store.schema import PERSON_BODY, TOUCH_REFRESH

# The triggers that index one row at a time as it is written. FTS5 writes out
# its pending words at the end of every statement, a trigger's too, so a row
# indexed by a trigger costs a small segment and a later merge: a load drops
# them and writes the rows it added to the index in one statement per kind.
# note_people_dated is dropped for the same reason: a load's links carry their
# dates already.
SUSPENDED = (
    "people_indexed",
    "people_reindexed",
    "tags_added",
    "facts_indexed",
    "notes_indexed",
    "reminders_indexed",
    "note_people_dated",
)
# The triggers that keep each person's touch clock as their rows come in: a
# load works out the clocks of the people it touched in one statement instead.
CLOCKS = (
    "people_clocked",
    "people_recadenced",
    "people_snoozed",
    "note_people_touched",
    "meeting_people_touched",
    "tags_recadenced",
)
# Tables whose rows move a person's clock, by their person_id.
_CLOCKED = frozenset({"tags", "note_people", "meeting_people"})
ROWS_PER_STATEMENT = 200
# The indexes a big load writes to outgrow SQLite's default page cache of
# 2 MB, and their pages would go back and forth to the write-ahead log. The
# cache grows only as pages are used, so a small load costs no more memory.
LOAD_CACHE_KIB = 65_536
# The columns of people that their search index row is made of, and those
# that their touch clock is worked out from.
INDEXED = frozenset({"name", "nickname", "company", "title", "location"})
CLOCK_INPUTS = frozenset({"created_at", "cadence", "snoozed_until"})
# The clocks of the people {which} picks out who have no note, meeting or
# cadence: what TOUCH_REFRESH gives them, without its subqueries, which would
# cost most of a big load's time for people who only need the day they came.
UNTOUCHED_CLOCKS = """
INSERT OR REPLACE INTO touch_clocks (person_id, since, snoozed_until)
SELECT p.id, substr(p.created_at, 1, 10), p.snoozed_until FROM people p
WHERE {which} AND p.cadence IS NULL
    AND NOT EXISTS (SELECT 1 FROM note_people WHERE person_id = p.id)
    AND NOT EXISTS (SELECT 1 FROM meeting_people WHERE person_id = p.id)
    AND NOT EXISTS (
        SELECT 1 FROM tags t JOIN tag_cadences c ON c.tag = t.tag
        WHERE t.person_id = p.id
    )
"""
# What the suspended triggers would have written for the rows of each table.
INDEX_ROWS = {
    "people": f"SELECT id * 4, name, {PERSON_BODY.format(p='people')} FROM people",
    "notes": "SELECT id * 4 + 1, '', text FROM notes",
    "facts": "SELECT id * 4 + 2, key, value FROM facts",
    "reminders": "SELECT id * 4 + 3, '', text FROM reminders",
}


class BulkLoad:
    """Rows written many at a time inside one transaction, indexed at the end.

    While rows are being written the triggers above are gone: a person on file
    whose fields or tags change other than through `update` and `insert` must
    be given to `reindex`.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._saved: list[str] | None = None
        self._last: dict[str, int] = {}
        self._people: set[int] = set()
        self._clocked: set[int] = set()
        self._clocks = False
        self._undated = False
        self._defaults: dict[str, dict[str, Any]] = {}
        self._cache: int | None = None

    def insert(
        self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
    ) -> int:
        """Insert rows given as tuples in the order of `columns`; return how many."""
        rows = rows if isinstance(rows, list) else list(rows)
        if not rows:
            return 0
        self._suspend()
        if table in _CLOCKED:
            self._clocked.update(map(itemgetter(columns.index("person_id")), rows))
        if table == "tags":
            self.reindex(row[columns.index("person_id")] for row in rows)
        elif table == "note_people":
            self._undated |= _undated(columns, rows)
        columns, rows = self._without_nulls(table, columns, rows)
        _insert(self.store, table, columns, rows)
        return len(rows)

    def _without_nulls(
        self, table: str, columns: Sequence[str], rows: list[Sequence[Any]]
    ) -> tuple[Sequence[str], list[Sequence[Any]]]:
        """Leave out the columns that are NULL in every row and NULL by default."""
        # Binding None costs the sqlite3 module a search for an adapter, each
        # time: for the empty columns of a hundred thousand rows, a third of
        # the time of the insert.
        defaults = self._defaults.get(table)
        if defaults is None:
            info = self.store.query(f"PRAGMA table_info({table})")
            defaults = self._defaults[table] = {row[1]: row[4] for row in info}
        keep = [
            at
            for at, column in enumerate(columns)
            if defaults.get(column) is not None or not _all_null(rows, at)
        ]
        if len(keep) == len(columns):
            return columns, rows
        # itemgetter of one position gives the value itself, not a tuple.
        pick = itemgetter(*keep) if len(keep) > 1 else lambda row: (row[keep[0]],)
        return [columns[at] for at in keep], list(map(pick, rows))

    def update(self, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
        """Set `columns` of existing rows; each row is (id, *values)."""
        if not rows:
            return
        self._suspend()
        names = ", ".join(columns)
        store = self.store
        store.execute("DROP TABLE IF EXISTS temp.bulk_updates")
        store.execute(
            f"CREATE TEMP TABLE bulk_updates (id INTEGER PRIMARY KEY, {names})"
        )
        try:
            marks = ", ".join("?" for _ in range(len(columns) + 1))
            store.executemany(f"INSERT INTO temp.bulk_updates VALUES ({marks})", rows)
            if table == "people":
                self.reindex(self._changing(columns, INDEXED))
                self._clocked.update(self._changing(columns, CLOCK_INPUTS))
            sets = ", ".join(f"{column} = u.{column}" for column in columns)
            store.execute(
                f"UPDATE {table} SET {sets} FROM temp.bulk_updates u "
                f"WHERE {table}.id = u.id"
            )
        finally:
            store.execute("DROP TABLE temp.bulk_updates")

    def _changing(self, columns: Sequence[str], among: frozenset[str]) -> list[int]:
        """The people whose update changes one of the columns `among`."""
        changed = [column for column in columns if column in among]
        if not changed:
            return []
        differs = " OR ".join(f"p.{column} IS NOT u.{column}" for column in changed)
        rows = self.store.query(
            f"""SELECT u.id FROM temp.bulk_updates u JOIN people p ON p.id = u.id
            WHERE {differs}"""
        )
        return [row[0] for row in rows]

    def reindex(self, people: Iterable[int]) -> None:
        """Have the index rows of these people rewritten at the end."""
        self._people.update(people)

    def finish(self) -> None:
        """Write the index rows of everything the load added or changed."""
        if self._saved is None:
            return
        for table, select in INDEX_ROWS.items():
            self.store.execute(
                f"INSERT INTO search_index (rowid, title, body) {select} WHERE id > ?",
                (self._last[table],),
            )
        self._reindex_people()
        if self._undated:
            self.store.execute(
                """UPDATE note_people SET happened_at = (
                    SELECT happened_at FROM notes WHERE id = note_people.note_id
                ) WHERE happened_at IS NULL"""
            )
        if self._clocks:
            self._refresh_clocks()
        self.restore()

    def restore(self) -> None:
        """Put the triggers and the page cache back, as they were."""
        if self._saved is not None:
            for sql in self._saved:
                self.store.execute(sql)
            self._saved = None
        if self._cache is not None:
            self.store.execute(f"PRAGMA cache_size = {self._cache}")
            self._cache = None

    def _suspend(self) -> None:
        if self._saved is not None:
            return
        store = self.store
        names = (*SUSPENDED, *CLOCKS)
        marks = ", ".join("?" for _ in names)
        found = store.query(
            f"""SELECT name, sql FROM sqlite_master
            WHERE type = 'trigger' AND name IN ({marks}) ORDER BY rowid""",
            names,
        )
        self._clocks = any(name in CLOCKS for name, _sql in found)
        for table in INDEX_ROWS:
            self._last[table] = store.value(f"SELECT max(id) FROM {table}") or 0
        for name, _sql in found:
            store.execute(f"DROP TRIGGER {name}")
        self._saved = [sql for _name, sql in found]
        self._cache = store.value("PRAGMA cache_size")
        store.execute(f"PRAGMA cache_size = -{LOAD_CACHE_KIB}")
        # Rows go in a few hundred to a statement: one may refer to a row that
        # a later statement writes, so references are checked at the commit.
        store.execute("PRAGMA defer_foreign_keys = ON")

    def _reindex_people(self) -> None:
        on_file = self._on_file(self._people)
        if not on_file:
            return
        with _ids(self.store, "bulk_reindex", on_file):
            self.store.execute(
                """DELETE FROM search_index
                WHERE rowid IN (SELECT id * 4 FROM temp.bulk_reindex)"""
            )
            self.store.execute(
                f"""INSERT INTO search_index (rowid, title, body) {INDEX_ROWS["people"]}
                WHERE id IN temp.bulk_reindex"""
            )

    def _refresh_clocks(self) -> None:
        """Work out afresh the touch clocks of new people and those touched."""
        new = f"p.id > {self._last['people']:d}"
        self.store.execute(UNTOUCHED_CLOCKS.format(which=new))
        with _ids(self.store, "bulk_clocked", self._on_file(self._clocked)):
            which = f"""(({new} AND NOT EXISTS (
                SELECT 1 FROM touch_clocks WHERE person_id = p.id
            )) OR p.id IN temp.bulk_clocked)"""
            self.store.execute(TOUCH_REFRESH.format(which=which))

    def _on_file(self, people: set[int]) -> list[int]:
        """The people among these that were on file before the load."""
        last = self._last["people"]
        return sorted(person for person in people if person <= last)


@contextmanager
def _ids(store: Store, name: str, ids: list[int]) -> Iterator[None]:
    """A temporary table of ids, for the while of a statement or two."""
    store.execute(f"DROP TABLE IF EXISTS temp.{name}")
    store.execute(f"CREATE TEMP TABLE {name} (id INTEGER PRIMARY KEY)")
    try:
        store.executemany(f"INSERT INTO temp.{name} VALUES (?)", ((i,) for i in ids))
        yield
    finally:
        store.execute(f"DROP TABLE temp.{name}")


def _insert(
    store: Store, table: str, columns: Sequence[str], rows: list[Sequence[Any]]
) -> None:
    """Insert the rows a few hundred to a statement.

    A statement opens and positions its cursors on the table and each of its
    indexes once: one row a statement pays for that every row.
    """
    one = "(" + ", ".join("?" for _ in columns) + ")"
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
    most = store.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    size = max(1, min(ROWS_PER_STATEMENT, most // len(columns)))
    whole = len(rows) - len(rows) % size
    flat = chain.from_iterable
    if whole:
        store.executemany(
            head + ", ".join([one] * size),
            (tuple(flat(rows[at : at + size])) for at in range(0, whole, size)),
        )
    if whole < len(rows):
        rest = rows[whole:]
        store.execute(head + ", ".join([one] * len(rest)), tuple(flat(rest)))


def _all_null(rows: list[Sequence[Any]], at: int) -> bool:
    if rows[0][at] is not None:
        return False
    return list(map(itemgetter(at), rows)).count(None) == len(rows)


def _undated(columns: Sequence[str], rows: list[Sequence[Any]]) -> bool:
    """Tell whether some links lack the date their note happened on."""
    if "happened_at" not in columns:
        return True
    at = columns.index("happened_at")
    return any(row[at] is None for row in rows)


@contextmanager
def bulk_load(store: Store) -> Iterator[BulkLoad]:
    """A load inside the current transaction; an error must roll that back."""
    if not store.conn.in_transaction:
        raise RuntimeError("a bulk load runs inside a transaction")
    load = BulkLoad(store)
    try:
        yield load
    except BaseException:
        # The rows written so far go unindexed: only the triggers are put back,
        # if SQLite has not rolled the transaction back already. The rollback
        # that follows takes them back too, so a failure here is not the story.
        if store.conn.in_transaction:
            with suppress(sqlite3.Error):
                load.restore()
        raise
    load.finish()
