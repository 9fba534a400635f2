"""Backups: a consistent copy of the data file, and putting one back in its place."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from farley.errors import Conflict, InvalidInput, NotFound, StoreError
from farley.store.core import (
    BUSY_TIMEOUT_MS,
    SQLITE_HEADER,
    Store,
    backup_to,
    describe_error,
)
from farley.store.schema import LATEST

SIDE_FILES = ("-wal", "-shm")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """A Farley file that was checked, with what it holds."""

    path: Path
    version: int
    people: int
    notes: int


def default_backup_path(data_path: Path, now: datetime) -> Path:
    """farley-YYYYMMDD-HHMMSS.db beside the data file."""
    return data_path.with_name(f"farley-{now:%Y%m%d-%H%M%S}.db")


def write_backup(store: Store, target: Path, force: bool = False) -> BackupInfo:
    """Copy the open data file to `target`, owner-readable only; all or nothing."""
    _check_target(store.path, target, force)
    temp = _temp_beside(target)
    try:
        backup_to(store, temp)
        # Checked before it takes its name, so that a bad copy leaves nothing.
        # The full integrity check reads every index too, three times as long.
        found = _inspect(temp, target, thorough=False)
        os.replace(temp, target)
    except sqlite3.Error as exc:
        raise describe_error(exc, target) from exc
    except OSError as exc:
        raise StoreError(f"can't write {target}: {_reason(exc)}") from exc
    finally:
        temp.unlink(missing_ok=True)
    return found


def _check_target(data_path: Path, target: Path, force: bool) -> None:
    if target.is_dir():
        raise InvalidInput(f"{target} is a folder: give the name of a file in it")
    if target.exists() and _same_file(target, data_path):
        raise InvalidInput(f"{target} is the data file itself: give another name")
    if target.exists() and not force:
        raise Conflict(f"{target} already exists: give another name, or add --force")


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def _temp_beside(target: Path) -> Path:
    """A new, empty, owner-only file in the target's folder, so replacing is atomic."""
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    except OSError as exc:
        raise StoreError(f"can't write {target}: {_reason(exc)}") from exc
    os.close(fd)
    return Path(name)


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def check_backup(
    path: Path, data_path: Path | None = None, thorough: bool = True
) -> BackupInfo:
    """Refuse a file that is not a sound Farley file of a version this one reads."""
    _check_source(path, data_path)
    return _inspect(path, path, thorough)


def _inspect(path: Path, shown: Path, thorough: bool) -> BackupInfo:
    """Check the file at `path`, naming it `shown` in what goes wrong."""
    try:
        with closing(_open_read_only(path)) as conn:
            _check_integrity(conn, shown, thorough)
            version = _check_version(conn, shown)
            people = conn.execute("SELECT count(*) FROM people").fetchone()[0]
            notes = conn.execute("SELECT count(*) FROM notes").fetchone()[0]
    except sqlite3.OperationalError as exc:
        raise describe_error(exc, shown) from exc
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{shown} is damaged ({exc}): use another backup") from exc
    return BackupInfo(shown, version, people, notes)


def _check_source(path: Path, data_path: Path | None) -> None:
    if path.is_dir():
        raise InvalidInput(f"{path} is a folder: give the path of a backup file")
    if not path.exists():
        raise NotFound(f"{path} does not exist: give the path of a backup file")
    if data_path is not None and _same_file(path, data_path):
        raise InvalidInput(f"{path} is the data file itself: give a backup of it")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"can't read {path}: {_reason(exc)}") from exc
    if header != SQLITE_HEADER:
        raise InvalidInput(f"{path} is not a Farley backup (not SQLite): check it")


def _open_read_only(path: Path) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + "?mode=ro"
    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)


def _check_integrity(conn: sqlite3.Connection, path: Path, thorough: bool) -> None:
    problems = _problems(conn, "integrity_check" if thorough else "quick_check")
    # SQLite 3.40's quick check reads the columns of a table WITHOUT ROWID
    # whose key does not come first in the wrong places, and finds NULLs in
    # sound files (meeting_people): what it finds is confirmed by the full one.
    if problems != ["ok"] and not thorough:
        problems = _problems(conn, "integrity_check")
    if problems != ["ok"]:
        raise StoreError(f"{path} is damaged ({problems[0]}): use another backup")


def _problems(conn: sqlite3.Connection, check: str) -> list[str]:
    return [row[0] for row in conn.execute(f"PRAGMA {check}")]


def _check_version(conn: sqlite3.Connection, path: Path) -> int:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > LATEST:
        raise StoreError(
            f"{path} was written by a newer Farley (schema {version}, "
            f"this one knows {LATEST}): upgrade Farley to restore it"
        )
    tables = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'people'"
    ).fetchone()[0]
    if version < 1 or not tables:
        raise InvalidInput(f"{path} is an SQLite file but not a Farley one: check it")
    return version


def restore_backup(found: BackupInfo, data_path: Path, now: datetime) -> Path | None:
    """Put a checked backup in place of the data file.

    Returns where a copy of the file as it was went, or None if there was none.
    """
    safety = None
    if data_path.exists():
        safety = _safety_copy(data_path, now)
        try:
            _copy_into(found.path, data_path)
            return safety
        except sqlite3.OperationalError as exc:
            raise describe_error(exc, data_path) from exc
        except sqlite3.DatabaseError:
            pass  # the file in place is no database at all: swap in a new one
    _replace_file(found.path, data_path)
    return safety


def _safety_copy(data_path: Path, now: datetime) -> Path:
    target = _unused(data_path.with_name(f"farley-before-restore-{now:%Y%m%d-%H%M%S}"))
    try:
        with closing(_connect(data_path)) as conn:
            backup_to(Store(data_path, conn), target)
    except sqlite3.DatabaseError:
        _copy_bytes(data_path, target)
    return target


def _unused(stem: Path) -> Path:
    """stem.db, or stem-2.db and on when that is taken."""
    candidate, number = stem.with_name(stem.name + ".db"), 1
    while candidate.exists():
        number += 1
        candidate = stem.with_name(f"{stem.name}-{number}.db")
    return candidate


def _copy_bytes(source: Path, target: Path) -> None:
    """Copy a damaged file as it is, its journal with it, owner-readable only."""
    for suffix in ("", *SIDE_FILES):
        side = Path(f"{source}{suffix}")
        if side.exists():
            copy = Path(f"{target}{suffix}")
            os.close(os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
            shutil.copyfile(side, copy)


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _copy_into(source: Path, data_path: Path) -> None:
    """Write the backup over the live file page by page, through SQLite's locks.

    Other programs that have the file open see the old content or the new,
    never a mix, which swapping the file under them could not promise.
    """
    with (
        closing(_open_read_only(source)) as backup,
        closing(_connect(data_path)) as live,
    ):
        live.execute("PRAGMA user_version").fetchone()
        wal = live.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        # A WAL file only takes pages of its own size.
        if wal and _page_size(live) != _page_size(backup):
            live.execute("PRAGMA journal_mode = DELETE")
        backup.backup(live)
        if wal:
            live.execute("PRAGMA journal_mode = WAL")


def _page_size(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA page_size").fetchone()[0]


def _replace_file(source: Path, data_path: Path) -> None:
    data_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temp = _temp_beside(data_path)
    try:
        with (
            closing(_open_read_only(source)) as backup,
            closing(_connect(temp)) as copy,
        ):
            backup.backup(copy)
        # A journal left by the old file would be replayed into the new one.
        for suffix in SIDE_FILES:
            with suppress(FileNotFoundError):
                os.remove(f"{data_path}{suffix}")
        os.replace(temp, data_path)
    finally:
        temp.unlink(missing_ok=True)
