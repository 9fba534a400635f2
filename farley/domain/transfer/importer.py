"""Importing a file: read it, turn its records into rows, write them as one batch."""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import datetime

from farley.domain.readers import BadRow, ReadResult
from farley.domain.transfer import dayorder, snapshot
from farley.domain.transfer.activity import import_notes, import_reminders
from farley.domain.transfer.batches import close_batch, open_batch
from farley.domain.transfer.contacts import ContactImport
from farley.domain.transfer.incoming import (
    DateReader,
    Incoming,
    Texts,
    prepare_contact,
)
from farley.domain.transfer.results import ON_DUPLICATE, ImportOptions, ImportReport
from farley.errors import InvalidInput
from farley.store import Store
from farley.store.bulk import BulkLoad, bulk_load

FORMATS = ("auto", "linkedin", "google", "outlook", "vcard", "csv", "json")
Progress = Callable[[int, int], None]
Work = Callable[[int, BulkLoad], None]
_STEP = 2000


class _DryRun(Exception):
    """Raised at the end of a dry run, so that the transaction is rolled back."""


class BadRows:
    """Stops the import at the first bad row, unless told to skip bad rows."""

    def __init__(self, report: ImportReport, skip: bool) -> None:
        self.report = report
        self.skip = skip

    def check(self, upto: int | None = None) -> None:
        """Raise for the first bad row found so far, up to line `upto` (all if None)."""
        if self.skip or not self.report.bad:
            return
        found = [b for b in self.report.bad if upto is None or b.line <= upto]
        if found:
            first = min(found, key=lambda bad: bad.line)
            raise InvalidInput(
                f"{self.report.source} line {first.line}: {first.reason} "
                "(nothing was imported; --skip-bad imports the other rows)"
            )

    def finish(self) -> None:
        self.check()
        self.report.bad.sort(key=lambda bad: bad.line)
        self.report.skipped += len(self.report.bad)


def check_options(options: ImportOptions) -> None:
    if options.format not in FORMATS:
        raise InvalidInput(
            f"unknown format {options.format!r}: use one of {', '.join(FORMATS)}"
        )
    if options.on_duplicate not in ON_DUPLICATE:
        raise InvalidInput(
            f"--on-duplicate {options.on_duplicate!r}: use merge, skip or new"
        )


def run_import(
    store: Store,
    data: bytes,
    options: ImportOptions,
    now: datetime,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a file's bytes as one batch, or check what it would do (dry run)."""
    check_options(options)
    # Rows make many small objects but no cycles: the cycle collector would
    # rescan them all every few thousand, and double the time of an import.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run(store, data, options, now, progress)
    finally:
        if collecting:
            gc.enable()


def _run(
    store: Store,
    data: bytes,
    options: ImportOptions,
    now: datetime,
    progress: Progress | None,
) -> ImportReport:
    if snapshot.is_snapshot(data, options.format):
        return _import_snapshot(store, data, options, now)

    from farley.domain.readers import read_import

    result = read_import(data, options.format, options.mapping, options.source)
    if result.kind != "contacts" and options.tags:
        raise InvalidInput(
            f"{options.source} holds {result.kind}, not people: --tag tags people"
        )
    order = dayorder.decide(result, options.source, options.dayfirst)
    report = ImportReport(options.source, result.format, result.kind, bad=result.bad)
    report.dry_run = options.dry_run
    if order.notice:
        report.notices.append(order.notice)
    dates = DateReader(now, order.dayfirst, order.dotted_dayfirst)

    def work(batch: int, load: BulkLoad) -> None:
        _import_records(load, result, report, options, dates, batch, progress)

    return in_batch(store, report, options, now, work)


def _import_snapshot(
    store: Store, data: bytes, options: ImportOptions, now: datetime
) -> ImportReport:
    tables = snapshot.read_snapshot(data, options)
    report = ImportReport(options.source, "json", "everything")
    report.dry_run = options.dry_run

    def work(batch: int, load: BulkLoad) -> None:
        snapshot.import_tables(load, tables, report, now, batch)

    return in_batch(store, report, options, now, work)


def in_batch(
    store: Store,
    report: ImportReport,
    options: ImportOptions,
    now: datetime,
    work: Work,
) -> ImportReport:
    """Do the work in one transaction as a batch; roll it all back for a dry run."""
    try:
        with store.transaction(), bulk_load(store) as load:
            batch = open_batch(store, options.source, report.format, now)
            work(batch, load)
            report.batch = close_batch(store, batch, report)
            if options.dry_run:
                # Raised inside the load, so the search index is not written.
                raise _DryRun
    except _DryRun:
        report.batch = None
    return report


def _import_records(
    load: BulkLoad,
    result: ReadResult,
    report: ImportReport,
    options: ImportOptions,
    dates: DateReader,
    batch: int,
    progress: Progress | None,
) -> None:
    bad = BadRows(report, options.skip_bad)
    if result.kind == "notes":
        import_notes(load, result.records, report, dates, batch, bad.check, progress)
    elif result.kind == "reminders":
        import_reminders(load, result.records, report, dates, batch, bad.check)
    else:
        rows = _prepare_all(result, report, dates, options.tags, progress)
        bad.check()
        job = ContactImport(load.store, report, options.on_duplicate, dates.now)
        job.merge(job.place(rows))
        job.write(load, batch)
    bad.finish()


def _prepare_all(
    result: ReadResult,
    report: ImportReport,
    dates: DateReader,
    tags: list[str],
    progress: Progress | None,
) -> list[Incoming]:
    rows: list[Incoming] = []
    total = len(result.records)
    texts = Texts()
    for number, record in enumerate(result.records, start=1):
        prepared = prepare_contact(record, dates, tags, texts)
        if isinstance(prepared, BadRow):
            report.bad.append(prepared)
        else:
            rows.append(prepared)
        if progress and number % _STEP == 0:
            progress(number, total)
    if progress:
        progress(total, total)
    return rows
