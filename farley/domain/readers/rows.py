"""Turning table rows into contact records: the shared loop, filling cells, --map."""

from collections.abc import Callable
from functools import partial
from typing import Protocol, TypeVar

from farley.domain.readers.columns import Plan, check_kind
from farley.domain.readers.records import CONTACT_FIELDS, BadRow, ContactRecord
from farley.domain.readers.sniff import Table
from farley.domain.readers.values import (
    column_label,
    join_words,
    set_label,
    split_values,
    stand_in_name,
    tidy_text,
)
from farley.errors import InvalidInput

Build = Callable[[int, list[str]], ContactRecord]

_LISTS = {"email": "emails", "phone": "phones", "url": "urls", "tags": "tags"}
_SINGLES = frozenset(
    {
        "name",
        "nickname",
        "company",
        "title",
        "location",
        "met_on",
        "met_how",
        "birthday",
        "notes",
    }
)


class Layout(Protocol):
    """Where a format's parts sit in one file's columns."""

    def found(self) -> bool:
        """Tell whether the file has any column the format knows."""
        ...


L = TypeVar("L", bound=Layout)


def read_format(
    table: Table,
    mapped: dict[int, str],
    bad: list[BadRow],
    find: Callable[[list[str]], L],
    contact: Callable[[L, int, list[str]], ContactRecord],
    source: str,
) -> list[ContactRecord]:
    """Read a known format's contacts by its layout, then `--map` over them."""
    check_kind(mapped, CONTACT_FIELDS | {"fact:KEY"}, "contacts")
    header, overrides = split_mapping(table.header, mapped)
    layout = find(header)
    if not layout.found() and not overrides:
        raise InvalidInput(
            f"{table.name} has none of {source} columns: "
            "check the file, or read it with --format csv"
        )
    return collect(table, bad, partial(contact, layout), overrides)


def collect(
    table: Table,
    bad: list[BadRow],
    build: Build,
    overrides: Plan,
    company_stands_in: bool = True,
) -> list[ContactRecord]:
    """Build a contact from every row, after `--map`, and set aside the nameless."""
    records: list[ContactRecord] = []
    for line, row in table.rows(bad):
        record = build(line, row)
        if overrides:
            override(record, row, overrides)
        if not record.name:
            company = record.company if company_stands_in else None
            record.name = stand_in_name("", company, record.emails, record.phones)
        if record.name:
            records.append(record)
        else:
            bad.append(BadRow(line, "no name"))
    return records


def fill(record: ContactRecord, field: str, value: str, key: str) -> None:
    """Put one cell into the record; a second value for a one-value field is a fact."""
    if field in _LISTS:
        parts = [part for part in split_values(value) if part]
        getattr(record, _LISTS[field]).extend(parts)
        label = column_label(key) if field != "tags" else None
        for part in parts if label else ():
            set_label(record, part, label)
    elif field.startswith("fact:"):
        record.facts.append((field[5:], value))
    elif field == "anniversary":
        record.dates.append(("anniversary", value))
    elif field == "notes" and record.notes:
        record.notes = f"{record.notes}\n{tidy_text(value)}"
    elif field == "notes":
        record.notes = tidy_text(value)
    elif not getattr(record, field):
        setattr(record, field, value)
    elif getattr(record, field) != value:
        record.facts.append((key, value))


def override(record: ContactRecord, row: list[str], overrides: Plan) -> None:
    """Apply the `--map` columns to a record a format reader built: the map wins."""
    first = last = ""
    for index, field, key in overrides:
        value = row[index].strip()
        if not value:
            continue
        if field == "first_name":
            first = value
        elif field == "last_name":
            last = value
        else:
            if field in _SINGLES and getattr(record, field) not in (None, "", value):
                record.facts.append((field, getattr(record, field)))
                setattr(record, field, None)
            fill(record, field, value, key)
    if first or last:
        record.name = join_words(first, last)


def split_mapping(header: list[str], mapped: dict[int, str]) -> tuple[list[str], Plan]:
    """Hide the `--map` columns from a format's own reading; return them as a plan."""
    visible = ["" if index in mapped else name for index, name in enumerate(header)]
    overrides = [
        (index, field, header[index])
        for index, field in sorted(mapped.items())
        if field != "ignore"
    ]
    return visible, overrides


def add_facts(
    record: ContactRecord, row: list[str], extra: list[tuple[int, str]]
) -> None:
    """Keep the non-empty cells of columns no field takes, as facts."""
    for index, key in extra:
        value = row[index].strip()
        if value:
            record.facts.append((key, value))
