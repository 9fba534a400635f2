"""Telling which tool wrote an export file, and reading it with the right reader."""

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from farley.domain.readers import linkedin, own
from farley.domain.readers.columns import resolve_mapping
from farley.domain.readers.generic import read_generic
from farley.domain.readers.google import is_google, read_google
from farley.domain.readers.notes import is_notes, read_notes
from farley.domain.readers.outlook import is_outlook, read_outlook
from farley.domain.readers.records import (
    CONTACT_FIELDS,
    BadRow,
    ContactRecord,
    NoteRecord,
    ReadResult,
    ReminderRecord,
)
from farley.domain.readers.reminders import is_reminders, read_reminders
from farley.domain.readers.sniff import (
    Table,
    decode,
    first_lines,
    looks_binary,
    open_table,
)
from farley.domain.readers.vcard import is_vcard, read_vcards
from farley.errors import InvalidInput

FORMATS = ("auto", "linkedin", "google", "outlook", "vcard", "csv")

Reader = Callable[[Table, dict[int, str], list[BadRow]], list[ContactRecord]]
KindReader = Callable[
    [Table, dict[int, str], list[BadRow]], list[NoteRecord] | list[ReminderRecord]
]
_CONTACT_READERS: dict[str, Reader] = {
    "linkedin": linkedin.read_linkedin,
    "google": read_google,
    "outlook": read_outlook,
    "csv": read_generic,
}
_KIND_READERS: dict[str, KindReader] = {
    "notes": read_notes,
    "reminders": read_reminders,
}
# How far down to look for LinkedIn's header, below the notes it puts first.
_PREAMBLE_LINES = 30


def read_import(
    data: bytes | bytearray,
    format: str = "auto",
    mapping: dict[str, str] | None = None,
    filename: str = "",
) -> ReadResult:
    """Read an export file into plain records, working out its format unless told.

    A bytearray is handed over: it is emptied once decoded, to free its memory.
    """
    name = filename or "the file"
    if format not in FORMATS:
        raise InvalidInput(
            f"unknown format {format!r}: use one of {', '.join(FORMATS)}"
        )
    text = _text(data, name)
    if isinstance(data, bytearray):
        # A large file would otherwise be held twice while its records pile up.
        data.clear()

    with _collector_paused():
        if format == "vcard" or (format == "auto" and is_vcard(text)):
            return _read_vcard(text, mapping, name)
        table = find_table(text, name)
        return _read_table(table, format, mapping)


def _text(data: bytes | bytearray, name: str) -> str:
    """The file's text, refusing an empty file and one that is not text at all."""
    text = decode(data)
    if not text or text.isspace():
        raise InvalidInput(
            f"{name} is empty: export it again from the tool it came from"
        )
    if looks_binary(data, text):
        raise InvalidInput(
            f"can't read {name} as CSV or vCard: save it as CSV or vCard, "
            "or say which it is with --format linkedin|google|outlook|vcard|csv"
        )
    return text


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while records pile up."""
    # Records hold lists but no cycles; left on, the collector rescans every
    # record built so far each few thousand allocations, and reading takes 3x.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_vcard(text: str, mapping: dict[str, str] | None, name: str) -> ReadResult:
    """Read a vCard file, which has no columns for --map to name."""
    if mapping:
        raise InvalidInput(
            f"--map works only with CSV files, and {name} is a vCard file"
        )
    records, bad = read_vcards(text)
    if not records and not bad:
        raise InvalidInput(f"{name} has no BEGIN:VCARD: try --format csv")
    return ReadResult("vcard", "contacts", records, bad)


def find_table(text: str, name: str) -> Table:
    """Find the header row: LinkedIn's below its notes, else the first line of text."""
    lines = first_lines(text, _PREAMBLE_LINES)
    found = next((line for line in lines if linkedin.is_header(line[2])), None)
    found = found or next((line for line in lines if line[2].strip()), None)
    if found is None:
        raise InvalidInput(
            f"{name} has no header row: add a first line naming the columns"
        )

    number, offset, line = found
    delimiter = None
    if line.strip().lower().startswith("sep=") and len(line.strip()) == 5:
        # Excel's way of naming the delimiter, on a line of its own.
        delimiter = line.strip()[4]
        following = [later for later in lines if later[0] > number and later[2].strip()]
        if not following:
            raise InvalidInput(f"{name} has no header row below its sep= line")
        number, offset, line = following[0]
    return open_table(text, number, offset, name, delimiter)


def _read_table(
    table: Table, format: str, mapping: dict[str, str] | None
) -> ReadResult:
    """Read a table with the reader for its format, or for what its columns hold."""
    mapped = resolve_mapping(mapping, table.header, table.name)
    chosen = detect_format(table.header) if format == "auto" else format
    bad: list[BadRow] = []
    if chosen == "csv" and own.is_own(table.header):
        return ReadResult("csv", "contacts", own.read_own(table, mapped, bad), bad)
    if chosen == "csv":
        kind = csv_kind(table.header, mapped)
        if kind in _KIND_READERS:
            activity = _KIND_READERS[kind](table, mapped, bad)
            return ReadResult(kind, kind, activity, bad)
    contacts = _CONTACT_READERS[chosen](table, mapped, bad)
    return ReadResult(chosen, "contacts", contacts, bad)


def detect_format(header: list[str]) -> str:
    """Name the tool whose export has these columns, or "csv" when none does."""
    names = set(header)
    if linkedin.is_header(",".join(header)):
        return "linkedin"
    if is_google(names):
        return "google"
    if is_outlook(names):
        return "outlook"
    return "csv"


def csv_kind(header: list[str], mapped: dict[int, str]) -> str:
    """Say whether a CSV holds contacts, notes or reminders, by its map and columns."""
    fields = set(mapped.values())
    if fields & {"due", "done", "they_owe"}:
        return "reminders"
    if fields & {"on", "kind", "with"}:
        return "notes"
    if fields & CONTACT_FIELDS or any(field.startswith("fact:") for field in fields):
        return "contacts"

    if is_reminders(header, mapped):
        return "reminders"
    if is_notes(header, mapped):
        return "notes"
    return "contacts"
