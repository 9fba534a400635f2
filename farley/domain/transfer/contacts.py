"""Importing people: each row added, merged into someone on file, or skipped."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from farley.dates.format import to_iso
from farley.domain.transfer import bulk
from farley.domain.transfer.incoming import FILLABLE, Incoming
from farley.domain.transfer.keys import KeyIndex
from farley.domain.transfer.results import ImportReport, RowOutcome
from farley.domain.transfer.targets import Target, load_targets, merge
from farley.store import Store
from farley.store.bulk import BulkLoad

PEOPLE_COLUMNS = ("id", "name", *FILLABLE, "created_at", "updated_at")


@dataclass(slots=True)
class Placed:
    """Where a row goes: a person's id, and the key it matched them by (None: new)."""

    incoming: Incoming
    person_id: int
    key: str | None
    skip: bool = False


class ContactImport:
    """One import of people, in three steps: place the rows, merge them, write."""

    def __init__(
        self, store: Store, report: ImportReport, on_duplicate: str, now: datetime
    ) -> None:
        self.store = store
        self.report = report
        self.on_duplicate = on_duplicate
        self.now = now
        self.index = KeyIndex()
        self.first_new = bulk.first_free_id(store, "people")
        self.targets: dict[int, Target] = {}

    def place(self, rows: list[Incoming]) -> list[Placed]:
        """Decide, row by row, who each row is; later rows can match earlier ones."""
        self.index = KeyIndex.load(self.store, rows)
        placed: list[Placed] = []
        next_id = self.first_new
        match = None if self.on_duplicate == "new" else self.index.match
        remember, skip = self.index.remember, self.on_duplicate == "skip"
        for incoming in rows:
            found = match(incoming) if match else None
            if found is None:
                remember(incoming, next_id)
                placed.append(Placed(incoming, next_id, None))
                next_id += 1
            elif skip:
                placed.append(Placed(incoming, found[0], found[1], skip=True))
            else:
                remember(incoming, found[0])
                placed.append(Placed(incoming, found[0], found[1]))
        return placed

    def merge(self, placed: list[Placed]) -> None:
        """Build each person's final state: new people, others' gaps filled."""
        on_file = {p.person_id for p in placed if p.person_id < self.first_new}
        self.targets = load_targets(self.store, on_file)
        for row in placed:
            self._merge_row(row)
        kept = sum(target.kept_emails for target in self.targets.values())
        if kept:
            self.report.notices.append(kept_emails_notice(kept))

    def _merge_row(self, row: Placed) -> None:
        incoming, report = row.incoming, self.report
        target = self.targets.get(row.person_id)
        if row.skip:
            report.skipped += 1
            self._outcome(row, "skipped", "on file already")
        elif target is None:
            target = self.targets[row.person_id] = Target.new(row.person_id, incoming)
            if self.on_duplicate == "new":
                self._release_taken(target)
            report.added += 1
            self._outcome(row, "added")
        elif merge(target, incoming, report.format, self.index.owner):
            report.merged += 1
            self._outcome(row, "merged")
        else:
            report.skipped += 1
            self._outcome(row, "skipped", "nothing new")

    def _release_taken(self, target: Target) -> None:
        """Keep as facts the emails someone else has (only when adding regardless)."""
        owner = self.index.owner
        taken = [
            point
            for point in target.points
            if point[0] == "email" and owner(point[2]) not in (None, target.id)
        ]
        if taken:
            target.points = [point for point in target.points if point not in taken]
            target.kept_emails += len(taken)
            for point in taken:
                target.add_fact("other", "email", point[1])

    def _outcome(self, row: Placed, action: str, reason: str | None = None) -> None:
        if self.report.dry_run:
            incoming = row.incoming
            self.report.rows.append(
                RowOutcome(
                    incoming.line, action, incoming.name, row.key, row.person_id, reason
                )
            )

    def write(self, load: BulkLoad, batch: int) -> None:
        """Write every new row in bulk, and note it all in the batch."""
        stamp = to_iso(self.now)
        # New people come into `targets` in the order of their ids.
        new = [target for target in self.targets.values() if not target.on_file]
        on_file = sorted(
            (target for target in self.targets.values() if target.on_file),
            key=lambda target: target.id,
        )
        targets = on_file + new
        load.insert("people", PEOPLE_COLUMNS, [_person_row(t, stamp) for t in new])
        last_new = self.first_new + len(new) - 1
        bulk.record_range(self.store, batch, "people", self.first_new, last_new, stamp)
        self._write_filled(load, batch, [t for t in targets if t.filled], stamp)
        tags = [(target.id, tag) for target in targets for tag in target.tags]
        load.insert("tags", ("person_id", "tag"), tags)
        bulk.record_tags(self.store, batch, tags)

        for table, rows_of in (
            ("contact_points", _points),
            ("facts", self._facts),
            ("important_dates", _dates),
        ):
            self._write_owned(load, batch, table, rows_of, on_file, new)

    def _write_filled(
        self, load: BulkLoad, batch: int, targets: list[Target], stamp: str
    ) -> None:
        rows = [
            (target.id, *map(target.columns.get, FILLABLE), stamp) for target in targets
        ]
        load.update("people", (*FILLABLE, "updated_at"), rows)
        filled = [
            (target.id, column, old, target.columns[column])
            for target in targets
            for column, old in target.filled.items()
        ]
        filled += [
            (target.id, "updated_at", target.updated, stamp) for target in targets
        ]
        bulk.record_filled(self.store, batch, filled)

    def _write_owned(
        self,
        load: BulkLoad,
        batch: int,
        table: str,
        rows_of: RowsOf,
        on_file: list[Target],
        new: list[Target],
    ) -> None:
        """Write the rows of `table` for everyone, and note them in the batch.

        SQLite numbers them on from the last id, in order: those of people on
        file first, noted one by one, then new people's, noted as one range.
        """
        first = bulk.first_free_id(self.store, table)
        columns, rows = rows_of(on_file)
        theirs = load.insert(table, columns, rows)
        if theirs:
            bulk.record_inserted(self.store, batch, table, first, first + theirs - 1)
        first += theirs
        columns, rows = rows_of(new)
        last = first + load.insert(table, columns, rows) - 1
        bulk.record_range(self.store, batch, table, first, last, to_iso(self.now))

    def _facts(self, targets: list[Target]) -> tuple[tuple[str, ...], list[tuple]]:
        stamp, today = to_iso(self.now), to_iso(self.now.date())
        rows = [
            (target.id, category, key, value, learned or today, stamp)
            for target in targets
            for category, key, value, learned in target.facts
        ]
        return _FACT_COLUMNS, rows


def kept_emails_notice(count: int) -> str:
    """The summary's line about emails kept as facts, because others have them."""
    if count == 1:
        return "1 email was on file for someone else already: kept as a fact"
    return f"{count:,} emails were on file for someone else already: kept as facts"


RowsOf = Callable[[list[Target]], tuple[tuple[str, ...], list[tuple]]]
_POINT_COLUMNS = ("person_id", "kind", "value", "normalized", "label")
_FACT_COLUMNS = ("person_id", "category", "key", "value", "learned_on", "created_at")
_DATE_COLUMNS = ("person_id", "label", "month", "day", "year")


def _points(targets: list[Target]) -> tuple[tuple[str, ...], list[tuple]]:
    rows = [(target.id, *point) for target in targets for point in target.points]
    return _POINT_COLUMNS, rows


def _dates(targets: list[Target]) -> tuple[tuple[str, ...], list[tuple]]:
    rows = [
        (target.id, label, when.month, when.day, when.year)
        for target in targets
        for label, when in target.dates
    ]
    return _DATE_COLUMNS, rows


def _person_row(target: Target, stamp: str) -> tuple:
    get = target.columns.get
    return (target.id, target.name, *map(get, FILLABLE), stamp, stamp)
