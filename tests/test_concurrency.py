"""Several programs writing to one data file at once all succeed, and lose nothing."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from farley.store.schema import LATEST

# One writer: waits at the barrier, then opens the file (perhaps creating it)
# and adds a person and their notes, each note its own transaction.
DRIVER = """
import sys, time
from datetime import datetime, timezone
from pathlib import Path
from farley.domain.notes import add_note
from farley.domain.people import NewPerson, add_person
from farley.store import open_store

path, name, barrier = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[4])
count = int(sys.argv[3])
now = datetime(2026, 12, 3, 10, tzinfo=timezone.utc)
(barrier / name).touch()
while not (barrier / "go").exists():
    time.sleep(0.001)
store = open_store(path)
person = add_person(store, NewPerson(name), now)
for number in range(count):
    add_note(store, [person.ref], f"{name} note {number}", now.date(), now)
"""


def count(path: Path, sql: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def start_together(commands: list[list[str]], barrier: Path) -> list[subprocess.Popen]:
    """Start the programs, and let them go once every one is ready."""
    procs = [
        subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for c in commands
    ]
    deadline = time.monotonic() + 20
    while len(list(barrier.iterdir())) < len(commands):
        assert time.monotonic() < deadline, "the writers did not start"
        time.sleep(0.005)
    (barrier / "go").touch()
    return procs


def finish(procs: list[subprocess.Popen]) -> list[tuple[int, str]]:
    results = []
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        results.append((proc.returncode, err))
    return results


def test_two_programs_adding_200_notes_each_to_a_new_file_both_succeed(tmp_path):
    data, barrier = tmp_path / "farley.db", tmp_path / "barrier"
    barrier.mkdir()
    writers = [
        [sys.executable, "-c", DRIVER, str(data), name, "200", str(barrier)]
        for name in ("Ada", "Grace")
    ]

    results = finish(start_together(writers, barrier))

    assert results == [(0, ""), (0, "")]
    assert count(data, "SELECT count(*) FROM notes") == 400
    assert count(data, "SELECT count(*) FROM note_people") == 400
    assert count(data, "SELECT count(*) FROM people") == 2
    assert count(data, "SELECT count(*) FROM search_index") == 402


CLI_WAITING = """
import os, runpy, sys, time
from pathlib import Path
barrier = Path(sys.argv.pop(1))
(barrier / str(os.getpid())).touch()
while not (barrier / "go").exists():
    time.sleep(0.001)
sys.argv[0] = "farley"
runpy.run_module("farley", run_name="__main__")
"""


def cli_at_barrier(barrier: Path, *args: str) -> list[str]:
    """The real command line, held until the barrier opens."""
    return [sys.executable, "-c", CLI_WAITING, str(barrier), *args]


@pytest.mark.parametrize("round", range(3))
def test_programs_creating_the_file_at_the_same_moment_all_succeed(
    tmp_path, monkeypatch, round
):
    # The default file, whose folder each of them may be the first to make.
    data, barrier = tmp_path / "share" / "farley" / "farley.db", tmp_path / "barrier"
    barrier.mkdir()
    monkeypatch.delenv("FARLEY_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    adds = [cli_at_barrier(barrier, "add", f"Person {n}") for n in range(4)]

    results = finish(start_together(adds, barrier))

    assert [code for code, _ in results] == [0] * 4, results
    assert [err for _, err in results] == [""] * 4
    assert count(data, "SELECT count(*) FROM people") == 4
    assert data.stat().st_mode & 0o777 == 0o600


def test_notes_from_several_terminals_at_once_are_all_kept(ok, tmp_path, data_file):
    ok("add", "Dana Whitfield")
    barrier = tmp_path / "barrier"
    barrier.mkdir()
    notes = [cli_at_barrier(barrier, "note", "dana", f"call {n}") for n in range(6)]

    results = finish(start_together(notes, barrier))

    assert [code for code, _ in results] == [0] * 6, results
    texts = {f"call {n}" for n in range(6)}
    conn = sqlite3.connect(data_file)
    assert {row[0] for row in conn.execute("SELECT text FROM notes")} == texts
    conn.close()


def test_programs_opening_an_old_file_at_once_upgrade_it_once(tmp_path, monkeypatch):
    data, barrier = tmp_path / "farley.db", tmp_path / "barrier"
    barrier.mkdir()
    fixture = Path(__file__).parent / "fixtures" / "schema-v1.db"
    data.write_bytes(fixture.read_bytes())
    monkeypatch.setenv("FARLEY_DB", str(data))
    notes = [cli_at_barrier(barrier, "note", "dana", f"call {n}") for n in range(3)]

    results = finish(start_together(notes, barrier))

    assert [code for code, _ in results] == [0] * 3, results
    assert count(data, "PRAGMA user_version") == LATEST
    assert count(data, "SELECT count(*) FROM notes") == 4
    assert count(data, "SELECT count(*) FROM people") == 2
