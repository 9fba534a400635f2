"""Import batches: the log of imports, and taking one back out."""

from __future__ import annotations

from datetime import datetime

from farley.dates.format import format_datetime, from_iso, to_iso
from farley.domain.transfer.bulk import owner_of, stamp_of
from farley.domain.transfer.incoming import FILLABLE
from farley.domain.transfer.results import Batch, ImportReport, UndoReport
from farley.errors import Conflict, InvalidInput, NotFound
from farley.store import Store

# Removed in this order: what hangs off people and notes before them.
_ROW_TABLES = (
    "facts",
    "contact_points",
    "important_dates",
    "reminders",
    "notes",
    "meetings",
    "people",
)
_RESTORABLE = frozenset({*FILLABLE, "updated_at"})
# The people the batch added or filled in, one by one or as a range.
_NOTED_PEOPLE = """SELECT row_id FROM import_changes
    WHERE batch_id = :batch AND table_name = 'people' AND last_id IS NULL
    UNION ALL SELECT p.id FROM import_changes c
    JOIN people p ON p.id BETWEEN c.row_id AND c.last_id
    WHERE c.batch_id = :batch AND c.table_name = 'people' AND c.last_id IS NOT NULL
    AND p.created_at = c.old_value"""


def _ours(table: str, alias: str | None = None) -> str:
    """Where the rows of `table` the batch inserted are: by id and owner, or range."""
    alias = alias or table
    one_by_one = f"""({alias}.rowid, {owner_of(table, alias)})
        IN (SELECT row_id, old_value FROM import_changes
            WHERE batch_id = :batch AND table_name = '{table}'
            AND column_name IS NULL AND last_id IS NULL)"""
    stamp = stamp_of(table, "x")
    if stamp is None:
        return one_by_one
    return f"""({one_by_one}
        OR {alias}.rowid IN (SELECT x.rowid FROM import_changes c
            JOIN {table} x ON x.rowid BETWEEN c.row_id AND c.last_id
            WHERE c.batch_id = :batch AND c.table_name = '{table}'
            AND c.last_id IS NOT NULL AND {stamp} = c.old_value))"""


def _added_since() -> list[tuple[str, str]]:
    """What may be tied to a person the batch added without being the batch's own.

    Each is (what it is, a query for such a person).
    """
    owned = [
        (
            what,
            f"""SELECT person_id FROM {table} WHERE person_id IN temp.undo_people
            AND NOT {_ours(table)}""",
        )
        for what, table in (
            ("facts", "facts"),
            ("emails, phones or web addresses", "contact_points"),
            ("dates", "important_dates"),
            ("reminders", "reminders"),
        )
    ]
    return [
        *owned,
        (
            "tags",
            """SELECT person_id FROM tags WHERE person_id IN temp.undo_people
            AND (person_id, tag) NOT IN (SELECT row_id, old_value FROM import_changes
                WHERE batch_id = :batch AND table_name = 'tags')""",
        ),
        (
            "notes",
            f"""SELECT person_id FROM note_people WHERE person_id IN temp.undo_people
            AND note_id NOT IN (
                SELECT n.id FROM notes n WHERE {_ours("notes", "n")})""",
        ),
        (
            "meetings",
            f"""SELECT person_id FROM meeting_people
            WHERE person_id IN temp.undo_people AND meeting_id NOT IN (
                SELECT m.id FROM meetings m WHERE {_ours("meetings", "m")})""",
        ),
        (
            "links to people the batch did not add",
            """SELECT person_id FROM relationships
            WHERE (person_id IN temp.undo_people) <> (other_id IN temp.undo_people)""",
        ),
        (
            "people they introduced",
            """SELECT introduced_by FROM people
            WHERE introduced_by IN temp.undo_people AND id NOT IN temp.undo_people""",
        ),
    ]


def open_batch(store: Store, source: str, format: str, now: datetime) -> int:
    return store.insert(
        "import_batches",
        {"source": source, "format": format, "created_at": to_iso(now)},
    )


def close_batch(store: Store, batch: int, report: ImportReport) -> int | None:
    """Keep the counts; a batch that changed nothing is not kept at all."""
    if not report.added and not report.merged:
        store.execute("DELETE FROM import_batches WHERE id = ?", (batch,))
        return None
    store.execute(
        "UPDATE import_batches SET added = ?, merged = ?, skipped = ? WHERE id = ?",
        (report.added, report.merged, report.skipped, batch),
    )
    return batch


def list_batches(store: Store) -> list[Batch]:
    """Every import, oldest first."""
    return [
        _batch(row) for row in store.query("SELECT * FROM import_batches ORDER BY id")
    ]


def _batch(row) -> Batch:
    undone = from_iso(row["undone_at"]) if row["undone_at"] else None
    return Batch(
        row["id"],
        from_iso(row["created_at"]),
        row["source"],
        row["format"],
        row["added"],
        row["merged"],
        row["skipped"],
        undone,
    )


def undo_batch(
    store: Store, batch_id: int | None, now: datetime, dry_run: bool = False
) -> UndoReport:
    """Take a batch back out: remove what it added, put back what it filled in.

    A dry run makes the same checks and counts, and changes nothing.
    """
    with store.transaction():
        batch = _pick(store, batch_id)
        _check_undoable(store, batch)
        params = {"batch": batch.id}
        removed = {table: _count_ours(store, table, batch.id) for table in _COUNTED}
        restored = store.value(_COUNT_RESTORED, params)
        if dry_run:
            return UndoReport(batch, removed, restored, dry_run=True)
        _remove_inserted(store, batch.id)
        _restore_filled(store, batch.id)
        store.execute(
            "UPDATE import_batches SET undone_at = ? WHERE id = ?",
            (to_iso(now), batch.id),
        )
        store.execute("DELETE FROM import_changes WHERE batch_id = ?", (batch.id,))
        # Merging the index segments drops the removed rows' words from the file.
        store.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")
    batch.undone = now
    return UndoReport(batch, removed, restored)


_COUNTED = ("people", "notes", "meetings", "reminders")
_COUNT_RESTORED = """SELECT count(DISTINCT row_id) FROM import_changes
    WHERE batch_id = :batch AND table_name = 'people' AND column_name IS NOT NULL"""


def _count_ours(store: Store, table: str, batch: int) -> int:
    sql = f"SELECT count(*) FROM {table} WHERE {_ours(table)}"
    return store.value(sql, {"batch": batch})


def _pick(store: Store, batch_id: int | None) -> Batch:
    if batch_id is None:
        row = store.one(
            "SELECT * FROM import_batches WHERE undone_at IS NULL ORDER BY id DESC"
        )
        if row is None:
            raise NotFound("there is no import to undo: see farley import log")
        return _batch(row)
    row = store.by_id("SELECT * FROM import_batches WHERE id = ?", batch_id)
    if row is None:
        raise NotFound(f"no import batch {batch_id}: see farley import log for ids")
    if row["undone_at"]:
        when = format_datetime(from_iso(row["undone_at"]))
        raise Conflict(f"batch {batch_id} was undone already, on {when}")
    return _batch(row)


def _check_undoable(store: Store, batch: Batch) -> None:
    """Refuse when undoing would throw away changes made after the batch."""
    params = {"batch": batch.id, "when": to_iso(batch.when)}
    later = store.value(
        f"""SELECT min(c.batch_id) FROM import_changes c
        JOIN import_batches b ON b.id = c.batch_id
        WHERE c.batch_id > :batch AND b.undone_at IS NULL AND c.table_name = 'people'
        AND c.column_name IS NOT NULL AND c.row_id IN ({_NOTED_PEOPLE})""",
        params,
    )
    if later:
        raise Conflict(
            f"batch {batch.id} can't be undone: batch {later} changed the same "
            f"people after it; undo batch {later} first"
        )
    _check_filled_unchanged(store, batch)
    edited = store.one(
        f"""SELECT id, name FROM people WHERE id IN ({_NOTED_PEOPLE})
        AND id NOT IN ({_FILLED_KNOWN})
        AND julianday(updated_at) > julianday(:when)""",
        params,
    )
    if edited:
        raise Conflict(
            f"batch {batch.id} can't be undone: {edited['name']} (id {edited['id']}) "
            "was edited after it; change them back by hand with farley edit"
        )
    _check_added_since(store, batch)


# People the batch filled in whose new values it noted: their columns are
# checked one by one, so that an edit of any other column does not stand in
# the way. Batches from before new values were noted go by the time instead.
_FILLED_KNOWN = """SELECT row_id FROM import_changes
    WHERE batch_id = :batch AND table_name = 'people'
    AND column_name = 'updated_at' AND new_value IS NOT NULL"""


def _check_filled_unchanged(store: Store, batch: Batch) -> None:
    """Refuse when someone changed a column the batch filled in, since."""
    for column in _filled_columns(store, batch.id):
        if column == "updated_at":
            continue
        changed = store.one(
            f"""SELECT p.id, p.name, p.{column} AS now FROM import_changes c
            JOIN people p ON p.id = c.row_id
            WHERE c.batch_id = ? AND c.table_name = 'people'
            AND c.column_name = ? AND c.new_value IS NOT NULL
            AND p.{column} IS NOT c.new_value""",
            (batch.id, column),
        )
        if changed:
            what = column.replace("_", " ")
            raise Conflict(
                f"batch {batch.id} can't be undone: {changed['name']} "
                f"(id {changed['id']}) has had their {what} changed since "
                f"(now {changed['now'] or 'empty'}); change it back by hand with "
                "farley edit, or leave the batch"
            )


def _check_added_since(store: Store, batch: Batch) -> None:
    store.execute("DROP TABLE IF EXISTS temp.undo_people")
    ours = _ours("people")
    store.execute(
        f"CREATE TEMP TABLE undo_people AS SELECT id FROM people WHERE {ours}",
        {"batch": batch.id},
    )
    try:
        for what, query in _added_since():
            person = store.value(f"{query} LIMIT 1", {"batch": batch.id})
            if person is not None:
                name = store.value("SELECT name FROM people WHERE id = ?", (person,))
                raise Conflict(
                    f"batch {batch.id} can't be undone: {name} (id {person}) has "
                    f"{what} from after it, by hand or by a later import; undo "
                    "later imports or remove those first"
                )
    finally:
        store.execute("DROP TABLE temp.undo_people")


def _remove_inserted(store: Store, batch: int) -> None:
    store.execute(
        """DELETE FROM tags WHERE (person_id, tag) IN (SELECT row_id, old_value
        FROM import_changes WHERE batch_id = ? AND table_name = 'tags')""",
        (batch,),
    )
    for table in (*_ROW_TABLES, "tag_cadences"):
        store.execute(f"DELETE FROM {table} WHERE {_ours(table)}", {"batch": batch})


def _filled_columns(store: Store, batch: int) -> list[str]:
    """The columns of people the batch filled in, each checked to be one of ours."""
    columns = [
        row[0]
        for row in store.query(
            """SELECT DISTINCT column_name FROM import_changes
            WHERE batch_id = ? AND table_name = 'people' AND column_name IS NOT NULL""",
            (batch,),
        )
    ]
    for column in columns:
        if column not in _RESTORABLE:
            raise InvalidInput(
                f"batch {batch} changed {column!r}, which can't be undone"
            )
    return columns


def _restore_filled(store: Store, batch: int) -> None:
    for column in _filled_columns(store, batch):
        # One statement per column: the search index is rewritten once, not per
        # row. A column someone has changed since keeps its value: only the
        # time of the last change can be that, the others were checked.
        store.execute(
            f"""UPDATE people SET {column} = c.old_value FROM import_changes c
            WHERE c.batch_id = ? AND c.table_name = 'people'
            AND c.column_name = ? AND c.row_id = people.id
            AND (c.new_value IS NULL OR people.{column} IS c.new_value)""",
            (batch, column),
        )
