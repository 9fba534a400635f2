"""The JSON export: every table of the file, and reading it back in."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from farley.dates.format import from_iso, is_after_today, to_iso
from farley.domain.transfer import bulk
from farley.domain.transfer.results import ImportOptions, ImportReport, RowOutcome
from farley.errors import DateError, InvalidInput
from farley.store import Store
from farley.store.bulk import BulkLoad
from farley.store.schema import LATEST

VERSION = 1
# Every table that holds what the user put in, in an order that keeps each
# reference after what it refers to. The search index is rebuilt by the
# triggers, and the import log belongs to this file alone.
TABLES = (
    "people",
    "contact_points",
    "facts",
    "important_dates",
    "tags",
    "relationships",
    "notes",
    "note_people",
    "meetings",
    "meeting_people",
    "reminders",
    "tag_cadences",
)
_IDS = "(SELECT value FROM json_each(:ids))"
_CHOSEN = {
    "people": f"id IN {_IDS}",
    "relationships": f"person_id IN {_IDS} AND other_id IN {_IDS}",
    "notes": f"id IN (SELECT note_id FROM note_people WHERE person_id IN {_IDS})",
    "meetings": (
        f"id IN (SELECT meeting_id FROM meeting_people WHERE person_id IN {_IDS})"
    ),
    "tag_cadences": f"tag IN (SELECT tag FROM tags WHERE person_id IN {_IDS})",
}
# Tables without row ids, in the order of their keys.
_ORDER = {
    "tags": "person_id, tag",
    "relationships": "person_id, other_id, relation",
    "note_people": "note_id, person_id",
    "meeting_people": "meeting_id, person_id",
}
Tables = dict[str, list[dict[str, Any]]]


def export_snapshot(
    store: Store, now: datetime, people: list[int] | None = None
) -> Iterator[str]:
    """The JSON text, piece by piece, so that a large file is never whole in memory."""
    head = {
        "version": VERSION,
        "schema": store.value("PRAGMA user_version"),
        "exported_at": to_iso(now),
    }
    yield '{\n  "farley": ' + json.dumps(head) + ',\n  "tables": {'
    for number, table in enumerate(TABLES):
        yield ("," if number else "") + f"\n    {json.dumps(table)}: ["
        rows = table_rows(store, table, people)
        for index, batch in enumerate(_batched(rows)):
            yield ("," if index else "") + "\n      " + ",\n      ".join(batch)
        yield "\n    ]"
    yield "\n  }\n}\n"


def _batched(rows: Iterator[dict[str, Any]], size: int = 1000) -> Iterator[list[str]]:
    """Rows as JSON in lists of `size`, so that output goes out in few pieces."""
    batch: list[str] = []
    for row in rows:
        batch.append(json.dumps(row, ensure_ascii=False))
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def table_rows(
    store: Store, table: str, people: list[int] | None
) -> Iterator[dict[str, Any]]:
    """A table's rows as dicts, only those about `people` when given."""
    where, params = "", {}
    if people is not None:
        where = "WHERE " + _CHOSEN.get(table, f"person_id IN {_IDS}")
        params = {"ids": json.dumps(people)}
    order = _ORDER.get(table, "rowid")
    cursor = bulk.tuples(
        store, f"SELECT * FROM {table} {where} ORDER BY {order}", params
    )
    names = [column[0] for column in cursor.description]
    outside = _outside(store, table, people)
    for values in cursor:
        row = dict(zip(names, values, strict=True))
        if outside:
            column, kept = outside
            if row[column] not in kept:
                row[column] = None
        yield row


def _outside(
    store: Store, table: str, people: list[int] | None
) -> tuple[str, set[int]] | None:
    """For some people only: the reference that may point past them, and its scope."""
    if people is None:
        return None
    if table == "people":
        return "introduced_by", set(people)
    if table == "reminders":
        rows = bulk.tuples(
            store,
            f"SELECT note_id FROM note_people WHERE person_id IN {_IDS}",
            {"ids": json.dumps(people)},
        )
        return "note_id", {row[0] for row in rows}
    return None


def is_snapshot(data: bytes, format: str) -> bool:
    """Tell whether the bytes are (or are said to be) a Farley JSON export."""
    if format != "auto":
        return format == "json"
    return data[:256].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def read_snapshot(data: bytes, options: ImportOptions) -> Tables:
    """The tables of a JSON export, checked for shape."""
    name = options.source
    if options.mapping or options.tags:
        raise InvalidInput(
            f"{name} is a JSON export: --map and --tag are for CSV files"
        )
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InvalidInput(f"{name} is not UTF-8 JSON: export it again") from None
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            f"{name} line {exc.lineno}: not valid JSON ({exc.msg})"
        ) from None
    tables = document.get("tables") if isinstance(document, dict) else None
    if not isinstance(tables, dict) or "farley" not in document:
        raise InvalidInput(
            f"{name} is not a Farley export: make one with farley export --format json"
        )
    _check_schema(name, document["farley"])
    for table, rows in tables.items():
        _check_table(name, table, rows)
    return tables


def _check_schema(name: str, head: Any) -> None:
    """Refuse an export from a newer Farley, whose rows this one may misread."""
    schema = head.get("schema") if isinstance(head, dict) else None
    if isinstance(schema, int) and not isinstance(schema, bool) and schema > LATEST:
        raise InvalidInput(
            f"{name} was exported by a newer Farley (schema {schema}; "
            f"this one knows {LATEST}): upgrade Farley to import it"
        )


def _check_table(name: str, table: str, rows: Any) -> None:
    if table not in TABLES:
        raise InvalidInput(
            f"{name} has a table {table!r} this Farley does not know: upgrade Farley"
        )
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise InvalidInput(f"{name}: {table} should be a list of objects")
    for number, row in enumerate(rows, start=1):
        for column, value in row.items():
            if isinstance(value, dict | list):
                raise InvalidInput(f"{name}: {table} row {number} holds a nested value")
            if column.endswith(_TIME_COLUMNS) and value is not None:
                _check_time(name, table, number, column, value)


# Columns that hold a day or a moment. One that is not ISO 8601, or a moment
# where a day belongs (or the other way round), would stop every later
# command that reads it. A note may have happened on a day or at a time.
_TIME_COLUMNS = ("_at", "_on", "_until", "_utc")
_DAY_COLUMNS = ("_on", "_until")
_EITHER = frozenset({"happened_at"})


def _check_time(name: str, table: str, number: int, column: str, value: Any) -> None:
    try:
        found = from_iso(str(value))
    except DateError:
        found = None
    if (
        found is None
        or column not in _EITHER
        and (isinstance(found, datetime) == column.endswith(_DAY_COLUMNS))
    ):
        shape = "a day such as 2026-12-04"
        if not column.endswith(_DAY_COLUMNS):
            shape = "a time such as 2026-12-04T15:00:00+01:00"
        if column in _EITHER:
            shape = "a day or a time in ISO 8601"
        raise InvalidInput(
            f"{name}: {table} row {number} has {column} {value!r}, not {shape}: "
            "fix it or export again"
        )


# What cannot be in the future, as typed commands and other imports refuse it.
_NOT_AHEAD = {
    "notes": "happened_at",
    "note_people": "happened_at",
    "facts": "learned_on",
    "people": "met_on",
}


def check_not_ahead(name: str, tables: Tables, now: datetime) -> None:
    """Refuse notes, facts, met-on days and yearly dates dated after today."""
    today = now.date()
    for table, column in _NOT_AHEAD.items():
        for number, row in enumerate(tables.get(table, []), start=1):
            value = row.get(column)
            if value is not None and is_after_today(from_iso(str(value)), now):
                raise InvalidInput(
                    f"{name}: {table} row {number} has {column} {value}, after "
                    "today: what happened is a day up to today"
                )
    for number, row in enumerate(tables.get("important_dates", []), start=1):
        day = (row.get("year"), row.get("month"), row.get("day"))
        # A part missing or not a number is the table's own checks' to refuse.
        if all(isinstance(part, int) for part in day) and day > (
            today.year,
            today.month,
            today.day,
        ):
            raise InvalidInput(
                f"{name}: important_dates row {number} is in {day[0]}, after today: "
                "a birthday or an anniversary with a year is a day up to today"
            )


def is_empty(store: Store) -> bool:
    """Tell whether the file holds nothing an export would carry."""
    return not any(
        store.value(f"SELECT 1 FROM {table} LIMIT 1")
        for table in ("people", "notes", "meetings", "tag_cadences")
    )


def import_tables(
    load: BulkLoad, tables: Tables, report: ImportReport, now: datetime, batch: int
) -> None:
    """Copy an export in: as it was into an empty file, else matched and renumbered."""
    check_not_ahead(report.source, tables, now)
    if is_empty(load.store):
        copy_tables(load, tables, report, batch)
    else:
        from farley.domain.transfer.remap import import_remapped

        try:
            import_remapped(load, tables, report, now, batch)
        except KeyError as exc:
            raise InvalidInput(f"{report.source}: a row has no {exc}") from None


def copy_tables(
    load: BulkLoad, tables: Tables, report: ImportReport, batch: int
) -> None:
    """Write every row as it was, ids included, into a file that is empty."""
    store = load.store
    # References are checked once everything is in, so rows can come in any order.
    store.execute("PRAGMA defer_foreign_keys = ON")
    for table in TABLES:
        _copy_table(load, table, tables.get(table, []), report.source)
    _check_references(store, report.source)
    for table in ("people", "contact_points", "facts", "important_dates"):
        bulk.record_inserted(store, batch, table, 1)
    for table in ("notes", "meetings", "reminders"):
        bulk.record_inserted(store, batch, table, 1)
    bulk.record_tags(
        store, batch, bulk.tuples(store, "SELECT person_id, tag FROM tags")
    )
    bulk.record_inserted(store, batch, "tag_cadences", 1)
    people = tables.get("people", [])
    report.added = len(people)
    if report.dry_run:
        report.rows = [
            RowOutcome(number, "added", str(row.get("name")), person=row.get("id"))
            for number, row in enumerate(people, start=1)
        ]


def _copy_table(load: BulkLoad, table: str, rows: list[dict], name: str) -> None:
    columns = load.store.columns(table)
    known = set(columns)
    for number, row in enumerate(rows, start=1):
        unknown = set(row) - known
        if unknown:
            raise InvalidInput(
                f"{name}: {table} row {number} has a column {sorted(unknown)[0]!r} "
                "this Farley does not know: upgrade Farley"
            )
    values = [tuple(row.get(column) for column in columns) for row in rows]
    try:
        load.insert(table, columns, values)
    except sqlite3.IntegrityError as exc:
        raise InvalidInput(f"{name}: the {table} rows can't be stored: {exc}") from None


def _check_references(store: Store, name: str) -> None:
    problem = store.one("PRAGMA foreign_key_check")
    if problem is not None:
        table, rowid, parent = problem[0], problem[1], problem[2]
        raise InvalidInput(
            f"{name}: a row of {table} (rowid {rowid}) refers to a row of {parent} "
            "that is not in the file"
        )
