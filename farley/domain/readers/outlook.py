"""Reading Outlook's contacts CSV, from Outlook on the web or the desktop app."""

from dataclasses import dataclass, field

from farley.domain.readers.records import BadRow, ContactRecord
from farley.domain.readers.rows import read_format
from farley.domain.readers.sniff import Table
from farley.domain.readers.values import (
    clean_tags,
    join_place,
    join_words,
    set_label,
    split_values,
    tidy_text,
)

# Outlook's "Title" is the honorific (Mr., Dr.); the job title is "Job Title".
_SINGLES = {
    "honorific": "Title",
    "first": "First Name",
    "middle": "Middle Name",
    "last": "Last Name",
    "suffix": "Suffix",
    "nickname": "Nickname",
    "company": "Company",
    "title": "Job Title",
    "department": "Department",
    "birthday": "Birthday",
    "anniversary": "Anniversary",
    "notes": "Notes",
    "tags": "Categories",
    "location": "Location",
}
_EMAILS = ("E-mail Address", "E-mail 2 Address", "E-mail 3 Address")
# The numbers people answer come first, each with the label its column gives.
_PHONES = {
    "Mobile Phone": "mobile",
    "Primary Phone": "main",
    "Business Phone": "work",
    "Business Phone 2": "work",
    "Home Phone": "home",
    "Home Phone 2": "home",
    "Other Phone": "other",
    "Car Phone": "car",
    "Company Main Phone": "company",
    "Assistant's Phone": "assistant",
    "Callback": "callback",
    "Radio Phone": "radio",
    "Pager": "pager",
    "ISDN": "isdn",
    "Telex": "telex",
    "TTY/TDD Phone": "tty",
}
_URLS = {"Web Page": None, "Personal Web Page": "personal"}
_PLACES = ("Business", "Home", "Other")
# Columns Outlook fills in for everyone: derived from others, or its defaults.
_NOISE = frozenset(
    {
        "E-mail Type",
        "E-mail 2 Type",
        "E-mail 3 Type",
        "E-mail Display Name",
        "E-mail 2 Display Name",
        "E-mail 3 Display Name",
        "Initials",
    }
)
_DEFAULTS = {
    "Sensitivity": "Normal",
    "Priority": "Normal",
    "Private": "False",
    "Gender": "Unspecified",
}


def is_outlook(header: set[str]) -> bool:
    """Tell whether a set of column names is Outlook's contacts export."""
    signs = {"Job Title", "Business Phone", "Mobile Phone"}
    return "E-mail Address" in header and bool(header & signs)


@dataclass(slots=True)
class _Layout:
    """Where each part of a contact sits in this file's columns."""

    singles: dict[str, int | None]
    emails: list[tuple[int, str]]
    phones: list[tuple[int, str | None]]
    urls: list[tuple[int, str | None]]
    places: list[list[tuple[int, str]]] = field(default_factory=list)
    extra: list[tuple[int, str]] = field(default_factory=list)

    def found(self) -> bool:
        """Tell whether the file has any column Outlook writes."""
        return bool(self.emails) or any(i is not None for i in self.singles.values())


def read_outlook(
    table: Table, mapped: dict[int, str], bad: list[BadRow]
) -> list[ContactRecord]:
    """Read every Outlook contact into a contact."""
    return read_format(table, mapped, bad, _find_layout, _contact, "Outlook's")


def _find_layout(header: list[str]) -> _Layout:
    """Find the columns of each part once per file."""
    at: dict[str, int] = {}
    for index, name in enumerate(header):
        if name:
            at.setdefault(name, index)

    layout = _Layout(
        {part: at.get(name) for part, name in _SINGLES.items()},
        [(at[name], name) for name in _EMAILS if name in at],
        [(at[name], label) for name, label in _PHONES.items() if name in at],
        [(at[name], label) for name, label in _URLS.items() if name in at],
    )
    for prefix in _PLACES:
        # Outlook 2003 and older wrote "Business Country", not ".../Region".
        names = [f"{prefix} {part}" for part in ("City", "State", "Country/Region")]
        names.append(f"{prefix} Country")
        place = [(at[name], name) for name in names if name in at]
        if place:
            layout.places.append(place)

    used = {i for i in layout.singles.values() if i is not None}
    used |= {i for i, _ in (*layout.emails, *layout.phones, *layout.urls)}
    used |= {i for place in layout.places for i, _ in place}
    layout.extra = [
        (index, name)
        for index, name in enumerate(header)
        if name and index not in used and name not in _NOISE
    ]
    return layout


def _contact(layout: _Layout, line: int, row: list[str]) -> ContactRecord:
    """Build one contact from a row of an Outlook export."""
    cell = {
        part: row[index].strip() if index is not None else ""
        for part, index in layout.singles.items()
    }
    record = ContactRecord(
        line,
        join_words(cell["first"], cell["middle"], cell["last"], cell["suffix"]),
        nickname=cell["nickname"] or None,
        company=cell["company"] or None,
        title=cell["title"] or None,
        birthday=outlook_date(cell["birthday"]),
        tags=clean_tags(split_values(cell["tags"])) if cell["tags"] else [],
        notes=tidy_text(cell["notes"]) or None,
    )
    if cell["honorific"]:
        record.facts.append(("honorific", cell["honorific"]))
    if cell["department"]:
        record.facts.append(("department", cell["department"]))
    anniversary = outlook_date(cell["anniversary"])
    if anniversary:
        record.dates.append(("anniversary", anniversary))

    _add_points(record, record.phones, row, layout.phones)
    _add_points(record, record.urls, row, layout.urls)
    _add_emails(record, row, layout.emails)
    _add_places(record, row, layout.places, cell["location"])
    _add_extra(record, row, layout.extra)
    return record


def outlook_date(value: str) -> str | None:
    """A date as Outlook wrote it, or None for its "0/0/00" and "1/0/00" blanks."""
    parts = value.replace("-", "/").replace(".", "/").split("/")
    if len(parts) == 3 and all(part.isdigit() for part in parts):
        blank = int(parts[0]) == 0 or int(parts[1]) == 0
        return None if blank else value
    return value or None


def _add_points(
    record: ContactRecord,
    points: list[str],
    row: list[str],
    columns: list[tuple[int, str | None]],
) -> None:
    """Add the phones or web pages, labelled by the column each is in."""
    for index, label in columns:
        value = row[index].strip()
        if value:
            points.append(value)
            set_label(record, value, label)


def _add_emails(
    record: ContactRecord, row: list[str], emails: list[tuple[int, str]]
) -> None:
    """Add the e-mail addresses; an Exchange directory path is kept as a fact."""
    for index, key in emails:
        value = row[index].strip()
        if "@" in value:
            record.emails.append(value)
        elif value:
            record.facts.append((key, value))


def _add_places(
    record: ContactRecord,
    row: list[str],
    places: list[list[tuple[int, str]]],
    location: str,
) -> None:
    """Take the first address's town as the location; keep the others as facts."""
    for place in places:
        cells = [(row[index].strip(), key) for index, key in place]
        text = join_place(*(value for value, _ in cells))
        if text and record.location is None:
            record.location = text
        elif text:
            record.facts.extend((key, value) for value, key in cells if value)
    if location and record.location is None:
        record.location = location
    elif location:
        record.facts.append(("Location", location))


def _add_extra(
    record: ContactRecord, row: list[str], extra: list[tuple[int, str]]
) -> None:
    """Keep the other non-empty cells as facts, unless Outlook's own defaults."""
    for index, key in extra:
        value = row[index].strip()
        if value and value != _DEFAULTS.get(key):
            record.facts.append((key, value))
