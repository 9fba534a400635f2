"""Imports write rows in bulk, the index triggers off: the index comes out the same."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from farley.store import Store, open_store
from farley.store import bulk as store_bulk
from farley.store.bulk import bulk_load

STAMP = "2026-12-03T10:00:00+01:00"
PEOPLE = ("id", "name", "nickname", "company", "title", "created_at", "updated_at")
# Rows in the order a load writes them: (table, columns, rows).
WRITES = [
    (
        "people",
        PEOPLE,
        [
            (2, "Tomasz Nowicki", None, "Brightwater", "Director", STAMP, STAMP),
            (3, "Zoë Fairbanks", "Zo", None, None, STAMP, STAMP),
            (4, "Ines Duarte", None, "Lisbon Labs", None, STAMP, STAMP),
        ],
    ),
    ("tags", ("person_id", "tag"), [(1, "vip"), (2, "Client"), (2, "école")]),
    (
        "facts",
        ("person_id", "category", "key", "value", "learned_on", "created_at"),
        [(1, "family", "son", "starts at Leeds", "2026-12-03", STAMP)],
    ),
    (
        "notes",
        ("id", "kind", "happened_at", "text", "created_at"),
        [(1, "call", "2026-11-30", "Budget approved", STAMP)],
    ),
    ("note_people", ("note_id", "person_id", "happened_at"), [(1, 2, "2026-11-30")]),
    (
        "reminders",
        ("person_id", "text", "due_on", "created_at"),
        [(3, "send the deck", "2026-12-10", STAMP)],
    ),
    (
        "meetings",
        ("id", "starts_at", "starts_utc", "topic", "created_at"),
        [(1, "2026-11-20T15:00:00+01:00", "2026-11-20T14:00:00Z", "Q1", STAMP)],
    ),
    ("meeting_people", ("meeting_id", "person_id"), [(1, 1), (1, 3)]),
]
# What a merge changes of Dana, who is on file.
CHANGES = ("title", "cadence", "snoozed_until")
DANA = (1, "Head of Procurement", "every 2 weeks", "2026-12-20")


def open_file(path: Path) -> Store:
    """A file holding Dana, tagged, with a fact: what a load finds on file."""
    store = open_store(path)
    with store.transaction():
        store.execute(
            """INSERT INTO people (id, name, company, created_at, updated_at)
            VALUES (1, 'Dana Whitfield', 'Harlow & Finch', ?, ?)""",
            (STAMP, STAMP),
        )
        store.execute("INSERT INTO tags VALUES (1, 'clients')")
        store.execute("INSERT INTO tag_cadences VALUES ('client', 'every month')")
        store.execute(
            """INSERT INTO facts (person_id, category, key, value, learned_on,
            created_at) VALUES (1, 'avoid', 'topic', 'politics', '2026-01-01', ?)""",
            (STAMP,),
        )
    return store


def index_rows(store: Store) -> list[tuple]:
    sql = "SELECT rowid, title, body FROM search_index ORDER BY rowid"
    return [tuple(row) for row in store.query(sql)]


def schema(store: Store) -> list[tuple]:
    sql = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
    return [tuple(row) for row in store.query(sql)]


def write_one_by_one(store: Store) -> None:
    """The same rows through plain INSERTs, so that the triggers index them."""
    with store.transaction():
        for table, columns, rows in WRITES:
            marks = ", ".join("?" for _ in columns)
            store.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows
            )
        store.execute(
            "UPDATE people SET title = ?, cadence = ?, snoozed_until = ? WHERE id = ?",
            (*DANA[1:], DANA[0]),
        )


def write_in_bulk(store: Store) -> None:
    with store.transaction(), bulk_load(store) as load:
        for table, columns, rows in WRITES:
            load.insert(table, columns, rows)
        load.update("people", CHANGES, [DANA])


@pytest.fixture
def files(tmp_path: Path):
    one, other = open_file(tmp_path / "one.db"), open_file(tmp_path / "other.db")
    yield one, other
    one.close()
    other.close()


def test_a_bulk_load_indexes_rows_as_the_triggers_would(files):
    by_triggers, in_bulk = files
    write_one_by_one(by_triggers)
    write_in_bulk(in_bulk)
    assert index_rows(in_bulk) == index_rows(by_triggers)
    dana = (4, "Dana Whitfield", " Harlow & Finch Head of Procurement  clients vip")
    assert dana in index_rows(in_bulk)


def test_a_bulk_load_sets_touch_clocks_as_the_triggers_would(files):
    by_triggers, in_bulk = files
    write_one_by_one(by_triggers)
    write_in_bulk(in_bulk)
    clocks = "SELECT * FROM touch_clocks ORDER BY person_id"
    assert [tuple(row) for row in in_bulk.query(clocks)] == [
        tuple(row) for row in by_triggers.query(clocks)
    ]
    assert in_bulk.value("SELECT count(*) FROM touch_clocks") == 4


def test_a_bulk_load_puts_back_the_triggers_it_took_off(files):
    store, _ = files
    before = schema(store)
    write_in_bulk(store)
    assert schema(store) == before
    with store.transaction():
        store.execute(
            """INSERT INTO people (id, name, created_at, updated_at)
            VALUES (9, 'Grace Mwangi', ?, ?)""",
            (STAMP, STAMP),
        )
    assert (36, "Grace Mwangi", "    ") in index_rows(store)


def test_a_failed_bulk_load_leaves_the_file_as_it_was(files):
    store, _ = files
    before = schema(store), index_rows(store)
    with (
        pytest.raises(sqlite3.IntegrityError),
        store.transaction(),
        bulk_load(store) as load,
    ):
        load.insert(*WRITES[0])
        load.insert(
            "people",
            ("id", "name", "created_at", "updated_at"),
            [(1, "Dana again", STAMP, STAMP)],
        )
    assert (schema(store), index_rows(store)) == before
    assert store.value("SELECT count(*) FROM people") == 1


def test_a_load_that_writes_nothing_leaves_the_schema_alone(files):
    store, _ = files
    version = store.value("PRAGMA schema_version")
    with store.transaction(), bulk_load(store) as load:
        load.insert("people", PEOPLE, [])
    assert store.value("PRAGMA schema_version") == version


def test_links_written_without_their_date_take_their_notes(files):
    store, _ = files
    with store.transaction(), bulk_load(store) as load:
        load.insert(*WRITES[0])
        load.insert(*WRITES[3])
        load.insert("note_people", ("note_id", "person_id"), [(1, 1), (1, 2)])
    dates = store.query("SELECT happened_at FROM note_people ORDER BY person_id")
    assert [row[0] for row in dates] == ["2026-11-30", "2026-11-30"]


def test_a_row_may_refer_to_one_written_after_it(files, monkeypatch):
    monkeypatch.setattr(store_bulk, "ROWS_PER_STATEMENT", 1)
    store, _ = files
    columns = ("id", "name", "introduced_by", "created_at", "updated_at")
    rows = [(5, "Sam Okafor", 6, STAMP, STAMP), (6, "Ade Okafor", None, STAMP, STAMP)]
    with store.transaction(), bulk_load(store) as load:
        load.insert("people", columns, rows)
    assert store.value("SELECT introduced_by FROM people WHERE id = 5") == 6


def test_a_column_with_a_default_is_not_left_out_when_empty(files):
    store, _ = files
    columns = ("person_id", "text", "they_owe", "created_at")
    with (
        pytest.raises(sqlite3.IntegrityError, match="NOT NULL"),
        store.transaction(),
        bulk_load(store) as load,
    ):
        load.insert("reminders", columns, [(1, "call back", None, STAMP)])


def test_a_bulk_load_runs_inside_a_transaction(files):
    store, _ = files
    with pytest.raises(RuntimeError), bulk_load(store):
        pass
