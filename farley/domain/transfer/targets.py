"""The people an import writes to, and how a duplicate row merges into one of them."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from farley.dates.format import PartialDate
from farley.domain.transfer.bulk import tuples
from farley.domain.transfer.incoming import FILLABLE, FactRow, Incoming, Point
from farley.store import Store

# Whose an email is, if anyone's.
Owner = Callable[[str], int | None]
# How a differing value is named when it is kept as a fact, and its category.
_DIFFERENT = {
    "company": ("company", "work"),
    "title": ("title", "work"),
    "nickname": ("nickname", "other"),
    "location": ("location", "other"),
    "met_how": ("how you met", "other"),
    "met_on": ("met on", "other"),
    "cadence": ("cadence", "other"),
}


class Target:
    """A person as they will be once the import is done, and what it adds to them.

    For someone on file the lists hold only what is new; for someone new they
    hold everything. The sets of what they have are built on first merge.
    """

    __slots__ = (
        "id",
        "on_file",
        "name",
        "columns",
        "filled",
        "updated",
        "points",
        "tags",
        "facts",
        "dates",
        "point_keys",
        "tag_keys",
        "fact_keys",
        "date_keys",
        "kept_emails",
    )

    def __init__(
        self,
        person_id: int,
        on_file: bool,
        name: str,
        columns: dict[str, Any],
        updated: str | None = None,
    ) -> None:
        self.id = person_id
        self.on_file = on_file
        self.name = name
        self.columns = columns
        self.updated = updated
        self.filled: dict[str, Any] = {}
        self.points: list[Point] = []
        self.tags: list[str] = []
        self.facts: list[FactRow] = []
        self.dates: list[tuple[str, PartialDate]] = []
        self.point_keys: set[tuple[str, str]] | None = set() if on_file else None
        self.tag_keys: set[str] | None = set() if on_file else None
        self.fact_keys: set[tuple[str, str, str]] | None = set() if on_file else None
        self.date_keys: dict[str, PartialDate] | None = {} if on_file else None
        # Emails someone else has, kept as facts: the summary says how many.
        self.kept_emails = 0

    @classmethod
    def new(cls, person_id: int, incoming: Incoming) -> Target:
        """Someone not on file, made from their first row."""
        target = cls(person_id, False, incoming.name, incoming.fields)
        target.points = incoming.points
        target.tags = incoming.tags
        target.facts = incoming.facts
        target.dates = incoming.dates
        return target

    def know(self) -> None:
        """Build the sets of what a new person has, before a second row merges in."""
        if self.point_keys is None:
            self.point_keys = {(point[0], point[2]) for point in self.points}
            self.tag_keys = {tag.casefold() for tag in self.tags}
            self.fact_keys = {_fact_key(fact) for fact in self.facts}
            self.date_keys = dict(self.dates)

    def add_fact(self, category: str, key: str, value: str) -> bool:
        return self._add_fact((category, key, value, None))

    def _add_fact(self, fact: FactRow) -> bool:
        self.know()
        key = _fact_key(fact)
        if key in self.fact_keys:
            return False
        self.fact_keys.add(key)
        self.facts.append(fact)
        return True


def _fact_key(fact: FactRow) -> tuple[str, str, str]:
    return fact[0], fact[1].casefold(), fact[2]


def _same(a: Any, b: Any) -> bool:
    if a == b:
        return True
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
    return a == b


def merge(target: Target, incoming: Incoming, source: str, taken: Owner) -> bool:
    """Fill the target's gaps from a row; keep what differs as facts. True if changed.

    `taken(email)` gives the id of whoever else has that email, if anyone.
    """
    target.know()
    changed = False
    if not _same(incoming.name, target.name):
        changed |= target.add_fact("other", f"name (from {source})", incoming.name)
    for column, value in incoming.fields.items():
        changed |= _merge_column(target, column, value, source)
    for point in incoming.points:
        changed |= _merge_point(target, point, taken)
    for tag in incoming.tags:
        if tag.casefold() not in target.tag_keys:
            target.tag_keys.add(tag.casefold())
            target.tags.append(tag)
            changed = True
    for label, when in incoming.dates:
        changed |= _merge_date(target, label, when, source)
    for fact in incoming.facts:
        changed |= target._add_fact(fact)
    return changed


def _merge_column(target: Target, column: str, value: Any, source: str) -> bool:
    current = target.columns.get(column)
    if value is None or _same(current, value):
        return False
    if current is None:
        if target.on_file:
            target.filled.setdefault(column, None)
        target.columns[column] = value
        return True
    if column not in _DIFFERENT:
        return False
    label, category = _DIFFERENT[column]
    return target.add_fact(category, f"{label} (from {source})", str(value))


def _merge_point(target: Target, point: Point, taken: Owner) -> bool:
    kind, value, normalized, _label = point
    if (kind, normalized) in target.point_keys:
        return False
    if kind == "email" and taken(normalized) not in (None, target.id):
        # One email, one person: keep it, but as a fact, not as a second owner.
        target.kept_emails += 1
        return target.add_fact("other", "email", value)
    target.point_keys.add((kind, normalized))
    target.points.append(point)
    return True


def _merge_date(target: Target, label: str, when: PartialDate, source: str) -> bool:
    current = target.date_keys.get(label)
    if current == when:
        return False
    if current is None:
        target.date_keys[label] = when
        target.dates.append((label, when))
        return True
    return target.add_fact("other", f"{label} (from {source})", when.iso())


def load_targets(store: Store, ids: set[int]) -> dict[int, Target]:
    """The people on file that rows matched, with what they already have."""
    if not ids:
        return {}
    store.execute("DROP TABLE IF EXISTS temp.merge_targets")
    store.execute("CREATE TEMP TABLE merge_targets (id INTEGER PRIMARY KEY)")
    try:
        store.execute(
            "INSERT INTO temp.merge_targets SELECT value FROM json_each(?)",
            (json.dumps(sorted(ids)),),
        )
        targets = _load_people(store)
        _load_keys(store, targets)
    finally:
        store.execute("DROP TABLE temp.merge_targets")
    return targets


def _load_people(store: Store) -> dict[int, Target]:
    columns = ", ".join(f"p.{column}" for column in FILLABLE)
    targets = {}
    for row in tuples(
        store,
        f"""SELECT p.id, p.name, p.updated_at, {columns}
        FROM temp.merge_targets t JOIN people p ON p.id = t.id""",
    ):
        columns_now = dict(zip(FILLABLE, row[3:], strict=True))
        targets[row[0]] = Target(row[0], True, row[1], columns_now, updated=row[2])
    return targets


def _rows_of(store: Store, table: str, columns: str) -> Iterator[tuple]:
    """Rows of a table that belong to the people being merged into."""
    return tuples(
        store,
        f"""SELECT x.person_id, {columns} FROM temp.merge_targets t
        JOIN {table} x ON x.person_id = t.id""",
    )


def _load_keys(store: Store, targets: dict[int, Target]) -> None:
    for person_id, kind, normalized in _rows_of(
        store, "contact_points", "x.kind, x.normalized"
    ):
        targets[person_id].point_keys.add((kind, normalized))
    for person_id, tag in _rows_of(store, "tags", "x.tag"):
        targets[person_id].tag_keys.add(tag.casefold())
    for person_id, category, key, value in _rows_of(
        store, "facts", "x.category, x.key, x.value"
    ):
        targets[person_id].fact_keys.add((category, key.casefold(), value))
    for person_id, label, month, day, year in _rows_of(
        store, "important_dates", "x.label, x.month, x.day, x.year"
    ):
        targets[person_id].date_keys[label] = PartialDate(month, day, year)
