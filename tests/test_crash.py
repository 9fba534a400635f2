"""A command killed half-way through leaves the data file exactly as it was."""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROWS = 12_000


def dump(path: Path) -> list[str]:
    """Every table's rows and the schema, as SQL text."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def write_contacts(path: Path, rows: int) -> Path:
    with path.open("w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["Name", "Email", "Company", "Title", "Tags", "Spouse"])
        for n in range(rows):
            out.writerow(
                [f"Person {n}", f"p{n}@example.com", f"Co {n % 97}", "CFO", "vip", "Al"]
            )
    return path


def kill_once_writing(proc: subprocess.Popen, wal: Path) -> None:
    """SIGKILL the program as soon as its transaction has grown past 400 kB."""
    deadline = time.monotonic() + 30
    while not (wal.exists() and wal.stat().st_size > 400_000):
        assert proc.poll() is None, "the import ended before it could be killed"
        assert time.monotonic() < deadline, "the import never started writing"
        time.sleep(0.002)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


def test_an_import_killed_half_way_changes_nothing_and_farley_carries_on(
    ok, tmp_path, data_file
):
    ok("add", "Dana Whitfield", "--email", "dana@acme.com")
    ok("note", "dana", "Budget approved")
    before = dump(data_file)
    contacts = write_contacts(tmp_path / "contacts.csv", ROWS)

    proc = subprocess.Popen(
        [sys.executable, "-m", "farley", "import", str(contacts)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    kill_once_writing(proc, Path(f"{data_file}-wal"))

    assert proc.returncode == -signal.SIGKILL
    assert dump(data_file) == before
    listed = json.loads(ok("list", "--json").out)
    assert [person["name"] for person in listed] == ["Dana Whitfield"]
    assert ok("add", "Sam Okafor").out == "Added Sam Okafor (id 2)\n"
    assert ok("note", "sam", "Met at the conference").code == 0
    small = write_contacts(tmp_path / "small.csv", 3)
    assert "3 added" in ok("import", str(small)).out
    conn = sqlite3.connect(data_file)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
