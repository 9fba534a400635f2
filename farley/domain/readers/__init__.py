"""Readers that turn export files (LinkedIn, Google, Outlook, vCard, CSV) to records."""

from farley.domain.readers.detect import FORMATS, read_import
from farley.domain.readers.records import (
    FIELDS,
    BadRow,
    ContactRecord,
    NoteRecord,
    ReadResult,
    ReminderRecord,
)

__all__ = [
    "FIELDS",
    "FORMATS",
    "BadRow",
    "ContactRecord",
    "NoteRecord",
    "ReadResult",
    "ReminderRecord",
    "read_import",
]
