"""Each person's touch clock: kept by the file itself, read from one index."""

import json
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from farley.dates.recur import UNITS, Recurrence
from farley.domain import touch
from farley.domain.people import NewPerson, add_person, edit_person
from farley.store import open_store
from farley.store.schema import TOUCH_CLOCKS

FIXTURE = Path(__file__).parent / "fixtures" / "schema-v1.db"


def _stale(ok, *args):
    found = json.loads(ok("stale", *args, "--json").out)
    return [(e["person"]["name"], e["due_on"]) for e in found["entries"]]


def _clock(store, person_id):
    return store.one("SELECT * FROM touch_clocks WHERE person_id = ?", (person_id,))


@settings(
    max_examples=200,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    since=st.dates(date(1990, 1, 1), date(2090, 12, 31)),
    count=st.integers(1, 40),
    unit=st.sampled_from(UNITS),
)
def test_a_due_day_steps_on_as_recurrence_does(store, now, since, count, unit):
    step = Recurrence(count, unit)
    dana = store.value("SELECT id FROM people") or _add(store, now)
    with store.transaction():
        store.execute(
            "UPDATE people SET cadence = ?, created_at = ? WHERE id = ?",
            (step.describe(), f"{since.isoformat()}T09:00:00+01:00", dana),
        )
    assert _clock(store, dana)["due_on"] == step.add_to(since).isoformat()


def _add(store, now) -> int:
    return add_person(store, NewPerson("Dana Whitfield"), now).id


def test_a_month_after_31_january_falls_due_on_28_february(ok, monkeypatch):
    ok("add", "Dana Whitfield")
    ok("edit", "dana", "--every", "1 month")
    ok("note", "dana", "Lunch", "--on", "2026-01-31")
    monkeypatch.setenv("FARLEY_NOW", "2026-02-28T09:00:00+01:00")
    assert _stale(ok) == []
    monkeypatch.setenv("FARLEY_NOW", "2026-03-01T09:00:00+01:00")
    assert _stale(ok) == [("Dana Whitfield", "2026-02-28")]


def test_a_meeting_later_today_counts_once_it_has_begun(ok, monkeypatch):
    ok("add", "Dana Whitfield")
    ok("edit", "dana", "--every", "1 month")
    ok("note", "dana", "Lunch", "--on", "2026-10-01")
    ok("meet", "dana", "--at", "2026-12-03 15:00")
    assert _stale(ok) == [("Dana Whitfield", "2026-11-01")]
    monkeypatch.setenv("FARLEY_NOW", "2026-12-03T15:30:00+01:00")
    assert _stale(ok) == []


def test_a_note_dated_ahead_counts_from_its_day(ok, store, monkeypatch):
    ok("add", "Dana Whitfield")
    ok("note", "dana", "Lunch", "--on", "2026-10-01")
    # note and imports refuse a note dated ahead; a file from before may hold one.
    with store.transaction():
        store.execute(
            """INSERT INTO notes (id, kind, happened_at, text, created_at)
            VALUES (9, 'call', '2026-12-20', 'Planned call', '2026-12-03')"""
        )
        store.execute("INSERT INTO note_people (note_id, person_id) VALUES (9, 1)")
    assert _stale(ok, "--days", "30") == [("Dana Whitfield", "2026-10-31")]
    monkeypatch.setenv("FARLEY_NOW", "2027-01-25T09:00:00+01:00")
    assert _stale(ok, "--days", "30") == [("Dana Whitfield", "2027-01-19")]


def test_deleting_the_last_note_or_meeting_puts_the_clock_back(ok):
    ok("add", "Dana Whitfield")
    ok("note", "dana", "Lunch", "--on", "2026-09-01")
    ok("note", "dana", "Call", "--on", "2026-11-20")
    ok("meet", "dana", "--at", "2026-11-25 10:00")
    assert _stale(ok, "--days", "30") == []
    ok("delete", "meeting", "1", "--yes")
    ok("delete", "note", "2", "--yes")
    assert _stale(ok, "--days", "30") == [("Dana Whitfield", "2026-10-01")]


def test_tag_cadences_reach_everyone_with_the_tag_and_leave_with_it(store, now):
    dana = add_person(store, NewPerson("Dana Whitfield", tags=["client"]), now)
    touch.set_tag_cadence(store, "client", "every 2 weeks")
    assert _clock(store, dana.id)["cadence"] == "every 2 weeks"
    touch.set_tag_cadence(store, "Client", "every month")
    assert _clock(store, dana.id)["due_on"] == "2027-01-03"
    touch.clear_tag_cadence(store, "client")
    assert _clock(store, dana.id)["due_on"] is None


def test_a_cadence_not_written_as_farley_writes_it_is_none(store, now):
    dana = add_person(store, NewPerson("Dana Whitfield"), now)
    edit_person(store, dana.id, {"cadence": "monthly"}, now)
    assert _clock(store, dana.id)["due_on"] is None


def test_removing_someone_removes_their_clock(ok, store):
    ok("add", "Dana Whitfield")
    ok("note", "dana", "Lunch")
    ok("rm", "dana", "--yes")
    assert store.value("SELECT count(*) FROM touch_clocks") == 0


def test_refresh_works_out_clocks_written_without_the_triggers(store, now):
    dana = add_person(store, NewPerson("Dana Whitfield"), now - timedelta(days=90))
    with store.transaction():
        for name in re.findall(r"CREATE TRIGGER (\w+)", TOUCH_CLOCKS):
            store.execute(f"DROP TRIGGER {name}")
        store.execute("DELETE FROM touch_clocks")
        store.execute("UPDATE people SET cadence = 'every month'")
    touch.refresh_touch(store, [dana.id])
    assert tuple(_clock(store, dana.id)) == (
        dana.id,
        None,
        "2026-09-04",
        "every month",
        0,
        1,
        "2026-10-04",
        None,
    )


def test_an_upgraded_file_has_a_clock_for_everyone(data_file):
    shutil.copy(FIXTURE, data_file)
    store = open_store(data_file)
    try:
        people = store.value("SELECT count(*) FROM people")
        assert store.value("SELECT count(*) FROM touch_clocks") == people > 0
        before = [tuple(r) for r in store.query("SELECT * FROM touch_clocks")]
        touch.refresh_touch(store)
        assert [tuple(r) for r in store.query("SELECT * FROM touch_clocks")] == before
    finally:
        store.close()


# The tables a due query may read only through an index.
_TABLES = r"(people|notes|note_people|meetings|meeting_people|tags|touch_clocks)"
_ALIASES = r"(p|n|np|m|mp|t|k)"


@pytest.mark.parametrize(
    ("days", "tag", "index"),
    [
        (None, None, "touch_clocks_by_due"),
        (30, None, "touch_clocks_by_since"),
        (None, "client", "touch_clocks_by_due"),
    ],
)
def test_the_due_query_reads_clocks_by_index_and_scans_no_table(
    store, now, days, tag, index
):
    sql, params = touch._due_query(now, now.date(), days, tag, 50)
    plan = [row["detail"] for row in store.query(f"EXPLAIN QUERY PLAN {sql}", params)]
    assert any(index in step for step in plan)
    scans = re.compile(rf"SCAN ({_TABLES}|{_ALIASES})\b")
    assert [step for step in plan if scans.match(step)] == []


def test_json_keeps_its_keys(ok, store, now):
    add_person(store, NewPerson("Dana Whitfield"), now - timedelta(days=3))
    entry = json.loads(ok("stale", "--days", "0", "--json").out)["entries"][0]
    assert sorted(entry) == [
        "cadence",
        "due_on",
        "last_contact",
        "last_kind",
        "overdue_days",
        "person",
        "since",
    ]
