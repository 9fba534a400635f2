"""Reading a CSV of notes: who, when, what happened, exported from another tool."""

from collections.abc import Callable

from farley.domain.readers.columns import (
    NOTE_NAMES,
    cells_by_field,
    check_kind,
    kind_plan,
    require,
)
from farley.domain.readers.records import NOTE_FIELDS, BadRow, NoteRecord
from farley.domain.readers.sniff import Table
from farley.domain.readers.values import split_values, tidy_text

NEEDED = ("person", "on", "text")


def is_notes(header: list[str], mapped: dict[int, str] | None = None) -> bool:
    """Tell whether columns, by name or by --map, say who, when and what."""
    plan = kind_plan(header, mapped or {}, NOTE_NAMES)
    fields = {field for _, field, _ in plan}
    return all(field in fields for field in NEEDED)


def read_notes(
    table: Table, mapped: dict[int, str], bad: list[BadRow]
) -> list[NoteRecord]:
    """Read every row into a note about a person."""
    check_kind(mapped, NOTE_FIELDS, "notes")
    plan = kind_plan(table.header, mapped, NOTE_NAMES)
    require(plan, NEEDED, "notes", table.name)

    notes: list[NoteRecord] = []
    # People, dates and kinds repeat from row to row: keep one copy of each.
    shared: dict[str, str] = {}
    for line, row in table.rows(bad):
        cells = cells_by_field(row, plan)
        missing = next((field for field in NEEDED if field not in cells), None)
        if missing:
            bad.append(BadRow(line, f"no {'date' if missing == 'on' else missing}"))
            continue
        notes.append(_note(line, cells, shared.setdefault))
    return notes


def _note(
    line: int, cells: dict[str, list[str]], share: Callable[[str, str], str]
) -> NoteRecord:
    """The note in one row's cells, with repeated values shared."""
    person, on = cells["person"][0], cells["on"][0]
    kind = cells["kind"][0] if "kind" in cells else None
    return NoteRecord(
        line,
        share(person, person),
        share(on, on),
        tidy_text("\n".join(cells["text"])),
        kind=share(kind, kind) if kind else None,
        others=[p for cell in cells.get("with", []) for p in split_values(cell)],
    )
