"""Reading a contacts CSV of no known layout, by matching its column names."""

from farley.domain.readers.columns import Plan, check_kind, match_contact_column
from farley.domain.readers.records import CONTACT_FIELDS, BadRow, ContactRecord
from farley.domain.readers.rows import collect, fill
from farley.domain.readers.sniff import Table
from farley.domain.readers.values import join_words
from farley.errors import InvalidInput

_NAMING = frozenset({"name", "first_name", "last_name", "email"})


def read_generic(
    table: Table, mapped: dict[int, str], bad: list[BadRow]
) -> list[ContactRecord]:
    """Read every row of a contacts CSV into a contact."""
    check_kind(mapped, CONTACT_FIELDS | {"fact:KEY"}, "contacts")
    plan = contact_plan(table.header, mapped)
    if not _NAMING & {field for _, field, _ in plan}:
        columns = ", ".join(name for name in table.header if name)
        raise InvalidInput(
            f"{table.name} has no column for names or emails: "
            f"name one with --map COLUMN=name (the columns are {columns})"
        )

    def build(line: int, row: list[str]) -> ContactRecord:
        return contact_from_row(line, row, plan)

    return collect(table, bad, build, [])


def contact_plan(header: list[str], mapped: dict[int, str]) -> Plan:
    """Decide which field each column fills: the map first, then the column name."""
    plan: Plan = []
    for index, name in enumerate(header):
        field = mapped.get(index) or match_contact_column(name)
        if field is None:
            field = "fact:" + (name or f"column {index + 1}")
        if field != "ignore":
            plan.append((index, field, name))
    return plan


def contact_from_row(line: int, row: list[str], plan: Plan) -> ContactRecord:
    """Build one contact from a row, following the plan."""
    record = ContactRecord(line, "")
    first = last = ""
    for index, field, key in plan:
        value = row[index].strip()
        if not value:
            continue
        if field == "first_name":
            first = first or value
        elif field == "last_name":
            last = last or value
        else:
            fill(record, field, value, key)
    if not record.name:
        record.name = join_words(first, last)
    return record
