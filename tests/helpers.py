"""Helpers shared by several test files: table dumps and a fresh data file."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from functools import cache
from pathlib import Path

from hypothesis.stateful import RuleBasedStateMachine

from farley.store import open_store


def dump(path: Path, with_log: bool = False) -> dict[str, list]:
    """Every row of every table, the search index included; the import log if asked."""
    skip_log = "" if with_log else "AND name NOT LIKE 'import_%'"
    conn = sqlite3.connect(path)
    try:
        names = [
            row[0]
            for row in conn.execute(
                f"""SELECT name FROM sqlite_master WHERE type = 'table'
                AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index_%'
                {skip_log}"""
            )
        ]
        select = {"search_index": "SELECT rowid, title, body FROM search_index"}
        return {
            name: sorted(
                conn.execute(select.get(name, f"SELECT * FROM {name}")), key=repr
            )
            for name in names
        }
    finally:
        conn.close()


@cache
def empty_file() -> Path:
    """A new data file, made once: copying it is faster than migrating anew."""
    path = Path(tempfile.mkdtemp()) / "empty.db"
    open_store(path).close()
    return path


class FreshStore(RuleBasedStateMachine):
    """A state machine whose every run starts on an empty data file of its own."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp())
        shutil.copy(empty_file(), self.folder / "farley.db")
        self.store = open_store(self.folder / "farley.db")

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.folder)
