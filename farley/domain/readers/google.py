"""Reading Google Contacts' CSV export, in its current and its older layout."""

import re
from dataclasses import dataclass, field

from farley.domain.readers.records import BadRow, ContactRecord
from farley.domain.readers.rows import add_facts, read_format
from farley.domain.readers.sniff import Table
from farley.domain.readers.values import (
    clean_tags,
    contact_label,
    join_place,
    join_words,
    one_line,
    set_label,
    split_google,
    tidy_text,
)

# Numbered groups such as "E-mail 2 - Value" or "Custom Field 1 - Label".
_GROUP = re.compile(r"^(.+?) (\d+) - (.+)$")
_LISTS = {"E-mail": "emails", "Phone": "phones", "Website": "urls"}
# Groups of a label and a value: where they go, and the label when none is given.
# Google's own labels (events, relations) are lowercased; people's own are kept.
_LABELLED = {
    "Event": ("dates", "event"),
    "Relation": ("relations", "relation"),
    "Custom Field": ("facts", "custom field"),
    "IM": ("facts", "im"),
    "External ID": ("facts", "external id"),
}
# A link to Google's copy of the photo, and a sort key made from the name.
_SKIP = frozenset({"Photo", "File As"})
_NEW_SIGNS = frozenset({"Organization Name", "Labels", "E-mail 1 - Value"})
# The older layout's numbered groups have a Type where the newer have a Label.
_OLD_SIGNS = frozenset(
    {"Group Membership", "E-mail 1 - Type", "Phone 1 - Type", "Organization 1 - Name"}
)


def is_google(header: set[str]) -> bool:
    """Tell whether a set of column names is Google Contacts' export."""
    old = {"Given Name", "Family Name"} <= header and bool(header & _OLD_SIGNS)
    return old or ("First Name" in header and bool(header & _NEW_SIGNS))


@dataclass(slots=True)
class _Layout:
    """Where each part of a contact sits in this file's columns."""

    singles: dict[str, int | None]
    lists: list[tuple[str, int, int | None]] = field(default_factory=list)
    labelled: list[tuple[str, int | None, int, str]] = field(default_factory=list)
    addresses: list[dict[str, int]] = field(default_factory=list)
    extra: list[tuple[int, str]] = field(default_factory=list)

    def found(self) -> bool:
        """Tell whether the file has any column Google writes."""
        return bool(self.lists) or any(i is not None for i in self.singles.values())


def read_google(
    table: Table, mapped: dict[int, str], bad: list[BadRow]
) -> list[ContactRecord]:
    """Read every Google contact into a contact."""
    return read_format(table, mapped, bad, _find_layout, _contact, "Google Contacts'")


def _find_layout(header: list[str]) -> _Layout:
    """Find the columns of each part once per file; the numbered groups vary."""
    first: dict[str, int] = {}
    groups: dict[tuple[str, str], dict[str, int]] = {}
    for index, name in enumerate(header):
        match = _GROUP.match(name)
        if match:
            groups.setdefault((match[1], match[2]), {})[match[3]] = index
        elif name:
            first.setdefault(name, index)

    # The older layout numbers organizations; the first one is the employer.
    for part, index in groups.get(("Organization", "1"), {}).items():
        first.setdefault(f"Organization {part}", index)
    used: set[int] = set()
    layout = _Layout(_singles(first))
    used.update(i for i in layout.singles.values() if i is not None)
    for (kind, _number), parts in groups.items():
        if _add_group(layout, kind, parts):
            used.update(parts.values())
    layout.extra = [
        (index, name)
        for index, name in enumerate(header)
        if name and index not in used and name not in _SKIP
    ]
    return layout


def _singles(first: dict[str, int]) -> dict[str, int | None]:
    """The one-value columns, by the names of either layout."""

    def pick(*names: str) -> int | None:
        return next((first[name] for name in names if name in first), None)

    return {
        "name": pick("Name"),
        "first": pick("First Name", "Given Name"),
        "middle": pick("Middle Name", "Additional Name"),
        "last": pick("Last Name", "Family Name"),
        "suffix": pick("Name Suffix"),
        "honorific": pick("Name Prefix"),
        "nickname": pick("Nickname"),
        "company": pick("Organization Name"),
        "title": pick("Organization Title"),
        "department": pick("Organization Department"),
        "birthday": pick("Birthday"),
        "notes": pick("Notes"),
        "tags": pick("Labels", "Group Membership"),
        "location": pick("Location"),
    }


def _add_group(layout: _Layout, kind: str, parts: dict[str, int]) -> bool:
    """Note where one numbered group goes; False leaves its columns as facts."""
    if kind == "Address":
        layout.addresses.append(parts)
        return True
    if kind not in _LISTS and kind not in _LABELLED:
        return False

    value = parts.get("Value")
    if value is None:
        # Its value went to --map; its label has nothing left to label.
        return True
    label = parts.get("Service", parts.get("Label", parts.get("Type")))
    if kind in _LISTS:
        layout.lists.append(
            (_LISTS[kind], value, parts.get("Label", parts.get("Type")))
        )
    else:
        target, default = _LABELLED[kind]
        layout.labelled.append((target, label, value, default))
    return True


def _contact(layout: _Layout, line: int, row: list[str]) -> ContactRecord:
    """Build one contact from a row of a Google export."""
    cell = _cells(row, layout.singles)
    parts = (cell["first"], cell["middle"], cell["last"], cell["suffix"])
    record = ContactRecord(
        line,
        cell["name"] or join_words(*parts),
        nickname=cell["nickname"] or None,
        company=cell["company"] or None,
        title=cell["title"] or None,
        birthday=cell["birthday"] or None,
        tags=clean_tags(split_google(cell["tags"])),
        notes=tidy_text(cell["notes"]) or None,
    )
    if cell["department"]:
        record.facts.append(("department", cell["department"]))
    # As Outlook's Title and vCard's N prefix are: Dr., Ms.
    if cell["honorific"]:
        record.facts.append(("honorific", cell["honorific"]))
    for target, index, label_at in layout.lists:
        labels = row[label_at] if label_at is not None else ""
        _add_points(record, target, row[index], labels)
    _add_labelled(record, row, layout.labelled)
    _add_addresses(record, row, layout.addresses)
    record.location = record.location or cell["location"] or None
    add_facts(record, row, layout.extra)
    return record


def _add_points(record: ContactRecord, target: str, cell: str, labels: str) -> None:
    """Add a group's emails, phones or URLs, each with its label, such as "* Work"."""
    values = split_google(cell.strip())
    if not values:
        return
    getattr(record, target).extend(values)
    if labels.strip():
        # Several values in one cell have their labels in one cell too.
        names = split_google(labels.strip())
        for number, value in enumerate(values):
            name = names[number] if len(names) == len(values) else names[0]
            set_label(record, value, contact_label(name))


def _cells(row: list[str], singles: dict[str, int | None]) -> dict[str, str]:
    """The stripped one-value cells of a row, blank where the file lacks a column."""
    return {
        part: row[index].strip() if index is not None else ""
        for part, index in singles.items()
    }


def _add_labelled(
    record: ContactRecord,
    row: list[str],
    labelled: list[tuple[str, int | None, int, str]],
) -> None:
    """Add events as dates, and relations and custom fields as facts."""
    for target, label_at, value_at, default in labelled:
        value = row[value_at].strip()
        if not value:
            continue
        label = ""
        if label_at is not None:
            label = row[label_at].strip().removeprefix("*").strip()
        if target == "dates":
            record.dates.append(((label or default).lower(), value))
        elif target == "relations":
            record.facts.append(((label or default).lower(), value))
        else:
            record.facts.append((label or default, value))


def _add_addresses(
    record: ContactRecord, row: list[str], addresses: list[dict[str, int]]
) -> None:
    """Take the first address's town as the location; keep street addresses as facts."""
    for parts in addresses:
        cell = {part: row[index].strip() for part, index in parts.items()}
        place = join_place(
            cell.get("City", ""), cell.get("Region", ""), cell.get("Country", "")
        )
        record.location = record.location or place
        street, formatted = cell.get("Street", ""), cell.get("Formatted", "")
        if street or formatted:
            label = cell.get("Label", cell.get("Type", "")).removeprefix("*").strip()
            key = f"{label.lower()} address" if label else "address"
            full = one_line(formatted) or join_place(street, place or "")
            record.facts.append((key, full or street))
