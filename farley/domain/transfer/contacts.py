"""Importing people: each row added, merged into someone on file, or skipped."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from farley.dates.format import to_iso
from farley.domain.transfer import bulk
from farley.domain.transfer.incoming import FILLABLE, Incoming
from farley.domain.transfer.keys import KeyIndex
from farley.domain.transfer.results import ImportReport, RowOutcome
from farley.domain.transfer.targets import Target, load_targets, merge
from farley.store import Store

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
        self.index = KeyIndex.load(store)
        self.first_new = bulk.first_free_id(store, "people")
        self.targets: dict[int, Target] = {}

    def place(self, rows: list[Incoming]) -> list[Placed]:
        """Decide, row by row, who each row is; later rows can match earlier ones."""
        placed: list[Placed] = []
        next_id = self.first_new
        for incoming in rows:
            found = None if self.on_duplicate == "new" else self.index.match(incoming)
            if found is not None and self.on_duplicate == "skip":
                placed.append(Placed(incoming, found[0], found[1], skip=True))
                continue
            if found is None:
                found, next_id = (next_id, None), next_id + 1
            self.index.remember(incoming, found[0])
            placed.append(Placed(incoming, *found))
        return placed

    def merge(self, placed: list[Placed]) -> None:
        """Build each person's final state: new people, others' gaps filled."""
        on_file = {p.person_id for p in placed if p.person_id < self.first_new}
        self.targets = load_targets(self.store, on_file)
        for row in placed:
            self._merge_row(row)

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
            for point in taken:
                target.add_fact("other", "email", point[1])

    def _outcome(self, row: Placed, action: str, reason: str | None = None) -> None:
        if self.report.dry_run:
            self.report.rows.append(
                RowOutcome(
                    row.incoming.line,
                    action,
                    row.incoming.name,
                    row.key,
                    row.person_id,
                    reason,
                )
            )

    def write(self, batch: int) -> None:
        """Write every new row in bulk, and note it all in the batch."""
        stamp, today = to_iso(self.now), to_iso(self.now.date())
        targets = sorted(self.targets.values(), key=lambda target: target.id)
        new = [target for target in targets if not target.on_file]
        # Tags before their people, so the search index gets each person once,
        # tags included; the check that the people exist waits for the commit.
        self.store.execute("PRAGMA defer_foreign_keys = ON")
        self._write_tags(batch, targets)
        bulk.insert_rows(
            self.store,
            "people",
            PEOPLE_COLUMNS,
            [_person_row(target, stamp) for target in new],
        )
        bulk.record_inserted(self.store, batch, "people", self.first_new)
        self._write_filled(batch, [t for t in targets if t.filled], stamp)
        self._write_points(batch, targets)
        self._write_facts(batch, targets, stamp, today)
        self._write_dates(batch, targets)

    def _write_tags(self, batch: int, targets: list[Target]) -> None:
        rows = [(target.id, tag) for target in targets for tag in target.tags]
        bulk.insert_rows(self.store, "tags", ("person_id", "tag"), rows)
        bulk.record_tags(self.store, batch, rows)

    def _write_filled(self, batch: int, targets: list[Target], stamp: str) -> None:
        rows = [
            (target.id, *(target.columns.get(c) for c in FILLABLE), stamp)
            for target in targets
        ]
        bulk.update_people(self.store, (*FILLABLE, "updated_at"), rows)
        filled = [
            (target.id, column, old)
            for target in targets
            for column, old in (*target.filled.items(), ("updated_at", target.updated))
        ]
        bulk.record_filled(self.store, batch, filled)

    def _write_points(self, batch: int, targets: list[Target]) -> None:
        first = bulk.first_free_id(self.store, "contact_points")
        rows = [
            (number, target.id, *point)
            for number, (target, point) in enumerate(
                ((t, p) for t in targets for p in t.points), start=first
            )
        ]
        columns = ("id", "person_id", "kind", "value", "normalized", "label")
        bulk.insert_rows(self.store, "contact_points", columns, rows)
        bulk.record_inserted(self.store, batch, "contact_points", first)

    def _write_facts(
        self, batch: int, targets: list[Target], stamp: str, today: str
    ) -> None:
        first = bulk.first_free_id(self.store, "facts")
        rows = [
            (number, target.id, category, key, value, learned or today, stamp)
            for number, (target, (category, key, value, learned)) in enumerate(
                ((t, f) for t in targets for f in t.facts), start=first
            )
        ]
        columns = ("id", "person_id", "category", "key", "value")
        columns += ("learned_on", "created_at")
        bulk.insert_rows(self.store, "facts", columns, rows)
        bulk.record_inserted(self.store, batch, "facts", first)

    def _write_dates(self, batch: int, targets: list[Target]) -> None:
        first = bulk.first_free_id(self.store, "important_dates")
        rows = [
            (number, target.id, label, when.month, when.day, when.year)
            for number, (target, (label, when)) in enumerate(
                ((t, d) for t in targets for d in t.dates), start=first
            )
        ]
        columns = ("id", "person_id", "label", "month", "day", "year")
        bulk.insert_rows(self.store, "important_dates", columns, rows)
        bulk.record_inserted(self.store, batch, "important_dates", first)


def _person_row(target: Target, stamp: str) -> tuple:
    columns = target.columns
    return (target.id, target.name, *(columns.get(c) for c in FILLABLE), stamp, stamp)
