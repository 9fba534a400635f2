"""Opening the data file: checks, pragmas, migrations and transactions."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from farley.errors import StoreError
from farley.store.paths import user_data_dir
from farley.store.schema import LATEST, MIGRATIONS

if TYPE_CHECKING:
    import sqlite_utils

MAX_ID = 2**63 - 1
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000

Notice = Callable[[str], None]


def _ignore(message: str) -> None:
    pass


class Store:
    """One open data file. Use `transaction()` around every change."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self._db: sqlite_utils.Database | None = None

    @property
    def db(self) -> sqlite_utils.Database:
        """The sqlite-utils view of the same connection, imported on first use."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """Everything inside is written together or not at all."""
        if self.conn.in_transaction:
            yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.conn.rollback()
            raise
        self.conn.commit()

    def query(self, sql: str, params: Sequence[Any] | dict = ()) -> list[sqlite3.Row]:
        """All rows of a SELECT."""
        return self.conn.execute(sql, params).fetchall()

    def one(self, sql: str, params: Sequence[Any] | dict = ()) -> sqlite3.Row | None:
        """The first row of a SELECT, or None."""
        return self.conn.execute(sql, params).fetchone()

    def by_id(self, sql: str, row_id: int) -> sqlite3.Row | None:
        """The row a one-parameter SELECT finds for an id, or None.

        A number SQLite cannot hold as an integer (a typo of many digits)
        names no row, rather than failing as the query is bound.
        """
        if not 0 < row_id <= MAX_ID:
            return None
        return self.one(sql, (row_id,))

    def value(self, sql: str, params: Sequence[Any] | dict = ()) -> Any:
        """The first column of the first row, or None."""
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def execute(self, sql: str, params: Sequence[Any] | dict = ()) -> sqlite3.Cursor:
        """Run one statement; inside a transaction when it writes."""
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> sqlite3.Cursor:
        """Run one statement for many rows."""
        return self.conn.executemany(sql, rows)

    def insert(self, table: str, row: dict[str, Any]) -> int:
        """Insert one row and return its id."""
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
        return self.conn.execute(sql, tuple(row.values())).lastrowid or 0

    def scrub(self) -> None:
        """Empty the write-ahead log: it keeps old copies of what was deleted.

        Until then the main file, too, may hold the old pages, if another
        program has it open. Outside a transaction only.
        """
        if not self.conn.in_transaction:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()

    def columns(self, table: str) -> list[str]:
        """The names of a table's columns, in order."""
        return [column.name for column in self.db[table].columns]

    def close(self) -> None:
        self.conn.close()


def open_store(path: Path, notice: Notice = _ignore, create: bool = True) -> Store:
    """Open (creating on first use) and upgrade the data file at `path`."""
    _check_path(path, create)
    conn = _connect(path)
    store = Store(path, conn)
    try:
        _configure(conn)
        # Refused before WAL mode changes the header: another's file, a newer one.
        _check_ours(store)
        _version(store)
        _use_wal(conn)
        _migrate(store, notice)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise describe_error(exc, path) from exc
    except BaseException:
        conn.close()
        raise
    return store


def _check_path(path: Path, create: bool) -> None:
    if path.is_dir():
        raise StoreError(f"{path} is a folder: give the path of a file with --db")
    if path.exists():
        _check_header(path)
        if not path.stat().st_size:
            # An empty file is made a Farley file: owner-only, as a new one is.
            _owner_only(path)
        return
    if not create:
        raise StoreError(f"{path} does not exist: check the path")
    if not path.parent.is_dir() and path.parent != user_data_dir():
        # A folder that is not there is more likely a typo than a wish for one.
        raise StoreError(
            f"the folder {path.parent} does not exist: check the path, or create "
            "the folder first"
        )
    _create_file(path)


def _owner_only(path: Path) -> None:
    try:
        os.chmod(path, 0o600)
    except OSError as exc:
        raise StoreError(f"can't make {path} private: {exc.strerror.lower()}") from exc


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except PermissionError as exc:
        raise StoreError(f"{path} cannot be read: check its permissions") from exc
    if header and header != SQLITE_HEADER:
        raise StoreError(
            f"{path} is not a Farley file (not SQLite): give another path with --db"
        )
    if path.stat().st_size and path.stat().st_size < 512:
        raise StoreError(f"{path} is truncated: restore it from a backup")


def _create_file(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
    except FileExistsError:
        return
    except OSError as exc:
        raise StoreError(f"can't create {path}: {exc.strerror.lower()}") from exc
    os.chmod(path, 0o600)


def _connect(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
        )
    except sqlite3.Error as exc:
        raise describe_error(exc, path) from exc
    conn.row_factory = sqlite3.Row
    return conn


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    # Freed pages are zeroed, so that removed people leave no trace in the file.
    conn.execute("PRAGMA secure_delete = ON")


def _use_wal(conn: sqlite3.Connection) -> None:
    """WAL lets one terminal write while another reads."""
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        _switch_to_wal(conn)
    conn.execute("PRAGMA synchronous = NORMAL")


def _switch_to_wal(conn: sqlite3.Connection) -> None:
    # SQLite does not wait on its busy timeout for this switch, and two programs
    # opening a new file at once both make it: wait here instead.
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


def _migrate(store: Store, notice: Notice) -> None:
    version = _version(store)
    if version == LATEST:
        return
    if version > 0:
        backup = _free_name(store.path, f".v{version}.bak")
        backup_to(store, backup)
        notice(f"Upgrading {store.path} to schema {LATEST}; a copy is in {backup}")
    # Another process may have upgraded the file meanwhile: look again, locked.
    with store.transaction():
        version = _version(store)
        for number in range(version, LATEST):
            _run_script(store.conn, MIGRATIONS[number])
        store.execute(f"PRAGMA user_version = {LATEST}")


# Tables every Farley file has had since its first schema.
FIRST_TABLES = frozenset({"people", "contact_points", "facts", "notes", "note_people"})


def _check_ours(store: Store) -> None:
    """Refuse another program's SQLite file, numbered by it or not."""
    # Farley's first migration numbers the file in the transaction that makes
    # its tables: a Farley file has both or, new, neither. Other programs
    # number their files too, so the number alone does not make one ours.
    tables = {row[0] for row in store.query("SELECT name FROM sqlite_master")}
    version = store.value("PRAGMA user_version")
    if (version == 0 and tables) or (version > 0 and not FIRST_TABLES.issubset(tables)):
        raise StoreError(
            f"{store.path} is another program's SQLite file, not a Farley one: "
            "give another path with --db"
        )


def _version(store: Store) -> int:
    version = store.value("PRAGMA user_version")
    if version > LATEST:
        raise StoreError(
            f"{store.path} was written by a newer Farley (schema {version}, "
            f"this one knows {LATEST}): upgrade Farley to open it"
        )
    return version


def _free_name(path: Path, suffix: str) -> Path:
    """A name beside `path` that no file has yet, so no earlier copy is lost."""
    candidate = path.with_name(path.name + suffix)
    number = 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(
            f"{path.name}{suffix.removesuffix('.bak')}.{number}.bak"
        )
    return candidate


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    # executescript() would commit first; split so the migration stays atomic.
    for statement in _statements(script):
        conn.execute(statement)


def _statements(script: str) -> Iterator[str]:
    buffer = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--") and not buffer.strip():
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer
            buffer = ""
    if buffer.strip():
        yield buffer


def backup_to(store: Store, target: Path) -> None:
    """Write a consistent copy of the file to `target`, owner-readable only."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)
    os.chmod(target, 0o600)
    copy = sqlite3.connect(target)
    try:
        store.conn.backup(copy)
        # The copy would inherit WAL mode; one self-contained file is a better copy.
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()


def describe_error(exc: sqlite3.Error, path: Path) -> StoreError:
    """The one-line message for a database failure the user can act on."""
    text = str(exc).lower()
    if getattr(exc, "sqlite_errorname", "") == "SQLITE_READONLY_DIRECTORY":
        return StoreError(
            f"the folder of {path} is read-only, and Farley writes its journal "
            "beside the file: check the folder's permissions"
        )
    if "readonly" in text or "read-only" in text:
        return StoreError(f"{path} is read-only: check its permissions")
    if "full" in text:
        return StoreError(f"the disk holding {path} is full: free space and retry")
    if "disk i/o error" in text:
        # A write refused for want of space (EFBIG, quotas) arrives as I/O error.
        return StoreError(
            f"{path} could not be written (disk I/O error): check the disk has "
            "free space and works, then retry"
        )
    if "locked" in text or "busy" in text:
        return StoreError(f"{path} is busy in another program: try again")
    if "not a database" in text or "malformed" in text:
        return StoreError(
            f"{path} is damaged or not a Farley file: "
            "restore a backup with farley restore FILE"
        )
    if "unable to open" in text:
        return StoreError(f"can't open {path}: check the folder exists and is yours")
    return StoreError(f"{path}: {exc}")
