"""What an import, an undo and the import log report: plain data for rendering."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from farley.domain.readers import BadRow

ON_DUPLICATE = ("merge", "skip", "new")


@dataclass(slots=True)
class ImportOptions:
    """How to read a file and what to do with rows that match someone on file."""

    source: str = "the file"
    format: str = "auto"
    mapping: dict[str, str] | None = None
    tags: list[str] = field(default_factory=list)
    on_duplicate: str = "merge"
    dry_run: bool = False
    skip_bad: bool = False
    dayfirst: bool = False


@dataclass(slots=True)
class RowOutcome:
    """What became of one row: added, merged or skipped, and why."""

    line: int
    action: str
    name: str
    key: str | None = None
    person: int | None = None
    reason: str | None = None


@dataclass(slots=True)
class ImportReport:
    """The counts of an import; the rows one by one only for a dry run."""

    source: str
    format: str
    kind: str
    batch: int | None = None
    added: int = 0
    merged: int = 0
    skipped: int = 0
    dry_run: bool = False
    rows: list[RowOutcome] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)
    # Lines for standard error: how the file was read, what was kept otherwise.
    notices: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Batch:
    """One import as the log keeps it."""

    id: int
    when: datetime
    file: str
    format: str
    added: int
    merged: int
    skipped: int
    undone: datetime | None = None


@dataclass(slots=True)
class UndoReport:
    """A batch taken back out: rows removed and columns put back."""

    batch: Batch
    removed: dict[str, int]
    restored: int
    dry_run: bool = False  # counted only: nothing was changed
