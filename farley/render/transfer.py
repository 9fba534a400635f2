"""Views of imports: the summary, a dry run row by row, the log, and progress."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from farley.dates.format import format_datetime
from farley.domain.transfer.results import Batch, ImportReport, RowOutcome, UndoReport
from farley.render.document import Document, Span, Table, line

_NOUNS = {
    "people": ("person", "people"),
    "notes": ("note", "notes"),
    "meetings": ("meeting", "meetings"),
    "reminders": ("reminder", "reminders"),
}


def _count(number: int, table: str) -> str:
    one, many = _NOUNS[table]
    return f"1 {one}" if number == 1 else f"{number:,} {many}"


def summary(report: ImportReport) -> str:
    """One line: what the import did (or would do), with counts."""
    counts = (
        f"{report.added:,} added, {report.merged:,} merged, {report.skipped:,} skipped"
    )
    what = f"{report.source} ({report.format})"
    if report.dry_run:
        return f"Dry run of {what}: {counts}; nothing was written"
    if report.batch is None:
        return f"Nothing new in {what}: {counts}"
    return (
        f"Imported {what}: {counts} (batch {report.batch}; "
        f"farley import undo {report.batch} takes it back out)"
    )


def import_document(report: ImportReport) -> Document:
    """The summary, and for a dry run a table of every row."""
    document = Document(heading=line(summary(report)))
    if report.dry_run:
        table = Table(["line", "action", "name", "detail"])
        for outcome in _rows_in_order(report):
            table.rows.append(_row_cells(outcome))
        document.add(table)
    return document


def _rows_in_order(report: ImportReport) -> list[RowOutcome]:
    bad = [RowOutcome(b.line, "skipped", "", reason=b.reason) for b in report.bad]
    return sorted([*report.rows, *bad], key=lambda outcome: outcome.line)


def _row_cells(outcome: RowOutcome) -> list[list[Span]]:
    style = {"added": "good", "merged": "accent", "skipped": "dim"}[outcome.action]
    return [
        line(str(outcome.line)),
        line(Span(outcome.action, style)),
        line(outcome.name),
        line(_detail(outcome)),
    ]


def _detail(outcome: RowOutcome) -> str:
    parts = []
    if outcome.action == "merged" and outcome.person is not None:
        parts.append(f"into #{outcome.person}")
    if outcome.reason:
        parts.append(outcome.reason)
    if outcome.key:
        parts.append(f"(matched on {outcome.key})")
    return " ".join(parts)


def skipped_lines(report: ImportReport) -> list[str]:
    """The bad rows an import left out, one line each, for standard error."""
    return [f"skipped line {bad.line}: {bad.reason}" for bad in report.bad]


def import_data(report: ImportReport) -> dict[str, Any]:
    """The import as JSON: counts, and for a dry run each row."""
    return {
        "batch": report.batch,
        "file": report.source,
        "format": report.format,
        "kind": report.kind,
        "dry_run": report.dry_run,
        "added": report.added,
        "merged": report.merged,
        "skipped": report.skipped,
        "rows": [
            {
                "line": row.line,
                "action": row.action,
                "name": row.name,
                "key": row.key,
                "person": row.person,
                "reason": row.reason,
            }
            for row in report.rows
        ],
        "bad": [{"line": bad.line, "reason": bad.reason} for bad in report.bad],
        # What was also said on stderr: the order dates were read in, and the like.
        "notices": report.notices,
    }


def log_document(batches: list[Batch]) -> Document:
    """Every import, as a table."""
    if not batches:
        return Document(heading=line("No imports yet: farley import FILE"))
    table = Table(
        ["batch", "when", "file", "format", "added", "merged", "skipped", "undone"]
    )
    for batch in batches:
        undone = format_datetime(batch.undone) if batch.undone else ""
        cells = [
            str(batch.id),
            format_datetime(batch.when),
            batch.file,
            batch.format,
            f"{batch.added:,}",
            f"{batch.merged:,}",
            f"{batch.skipped:,}",
            undone,
        ]
        table.rows.append([line(cell) for cell in cells])
    document = Document()
    document.add(table)
    return document


def log_data(batches: list[Batch]) -> list[dict[str, Any]]:
    return [
        {
            "id": batch.id,
            "when": batch.when.isoformat(),
            "file": batch.file,
            "format": batch.format,
            "added": batch.added,
            "merged": batch.merged,
            "skipped": batch.skipped,
            "undone": batch.undone.isoformat() if batch.undone else None,
        }
        for batch in batches
    ]


def undo_message(report: UndoReport) -> str:
    batch = report.batch
    removed = [_count(n, table) for table, n in report.removed.items() if n]
    if report.dry_run:
        message = f"Undoing batch {batch.id} ({batch.file}) would remove "
        put, back = "put", "back as they were (nothing was changed)"
    else:
        message = f"Undid batch {batch.id} ({batch.file}): removed "
        put, back = "put", "back as they were"
    message += ", ".join(removed) or "nothing"
    if report.restored:
        message += f", {put} {_count(report.restored, 'people')} {back}"
    elif report.dry_run:
        message += " (nothing was changed)"
    return message


def undo_data(report: UndoReport) -> dict[str, Any]:
    return {
        "batch": report.batch.id,
        "file": report.batch.file,
        "removed": report.removed,
        "restored": report.restored,
        "dry_run": report.dry_run,
    }


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on standard error; yields the function that moves it."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield advance
