"""Reading a CSV of reminders: what to do about whom, and by when."""

from farley.domain.readers.columns import (
    REMINDER_NAMES,
    cells_by_field,
    check_kind,
    kind_plan,
    require,
)
from farley.domain.readers.records import REMINDER_FIELDS, BadRow, ReminderRecord
from farley.domain.readers.sniff import Table

NEEDED = ("person", "text")
_YES = frozenset({"yes", "y", "true", "1", "x"})
_NO = frozenset({"no", "n", "false", "0"})


def is_reminders(header: list[str], mapped: dict[int, str] | None = None) -> bool:
    """Tell whether columns, by name or by --map, say who, what and by when."""
    plan = kind_plan(header, mapped or {}, REMINDER_NAMES)
    fields = {field for _, field, _ in plan}
    return all(field in fields for field in ("person", "text", "due"))


def read_reminders(
    table: Table, mapped: dict[int, str], bad: list[BadRow]
) -> list[ReminderRecord]:
    """Read every row into a reminder about a person."""
    check_kind(mapped, REMINDER_FIELDS, "reminders")
    plan = kind_plan(table.header, mapped, REMINDER_NAMES)
    require(plan, NEEDED, "reminders", table.name)

    reminders: list[ReminderRecord] = []
    for line, row in table.rows(bad):
        cells = cells_by_field(row, plan)
        missing = next((field for field in NEEDED if field not in cells), None)
        if missing:
            bad.append(BadRow(line, f"no {missing}"))
            continue
        reminders.append(
            ReminderRecord(
                line,
                cells["person"][0],
                "\n".join(cells["text"]),
                due=cells["due"][0] if "due" in cells else None,
                done=_done(cells.get("done", [""])[0]),
                they_owe=cells.get("they_owe", [""])[0].lower() in _YES,
            )
        )
    return reminders


def _done(value: str) -> str | None:
    """When (or whether) a reminder was done, or None when the cell says it wasn't."""
    return None if not value or value.lower() in _NO else value
