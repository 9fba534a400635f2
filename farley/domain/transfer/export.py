"""Exporting: everything as JSON, or people as CSV or vCard, written safely."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from farley.dates.format import PartialDate
from farley.domain.readers import own
from farley.domain.transfer import bulk
from farley.domain.transfer.snapshot import export_snapshot
from farley.errors import Conflict, InvalidInput, NotFound
from farley.store import Store

FORMATS = ("json", "csv", "vcard")
CSV_COLUMNS = own.COLUMNS
# vCard's TYPE words for a label's words; other labels go in Apple's X-ABLABEL.
_VCARD_TYPES = {
    "email": {"work": "work", "home": "home"},
    "tel": {
        "work": "work",
        "home": "home",
        "mobile": "cell",
        "fax": "fax",
        "pager": "pager",
    },
    "url": {"work": "work", "home": "home"},
}
# Spreadsheets run a cell starting with these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FOLD_AT = 75
_CHUNK = 500


@dataclass(slots=True)
class Card:
    """A person's main fields, as CSV and vCard exports carry them."""

    id: int
    name: str
    nickname: str | None = None
    company: str | None = None
    title: str | None = None
    location: str | None = None
    met_how: str | None = None
    met_on: str | None = None
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    dates: dict[str, PartialDate] = field(default_factory=dict)
    notes: str | None = None
    # The label of an email, phone or URL, by its value.
    labels: dict[str, str] = field(default_factory=dict)


def export(
    store: Store, format: str, now: datetime, people: list[int] | None = None
) -> Iterator[str]:
    """The export's text, piece by piece: everyone, or only `people`."""
    if format == "json":
        return export_snapshot(store, now, people)
    if format == "csv":
        return export_csv(cards(store, people))
    if format == "vcard":
        return (vcard(card) for card in cards(store, people))
    raise InvalidInput(f"unknown format {format!r}: use json, csv or vcard")


def cards(store: Store, people: list[int] | None = None) -> list[Card]:
    """Everyone's (or some people's) main fields, in id order."""
    where, params = "", {}
    if people is not None:
        where = "WHERE {column} IN (SELECT value FROM json_each(:ids))"
        params = {"ids": json.dumps(people)}
    columns = "id, name, nickname, company, title, location, met_how, met_on"
    found = {
        row[0]: Card(*row)
        for row in bulk.tuples(
            store,
            f"SELECT {columns} FROM people {where.format(column='id')} ORDER BY id",
            params,
        )
    }
    person = where.format(column="person_id")
    _attach(store, found, person, params)
    return list(found.values())


def _attach(store: Store, found: dict[int, Card], where: str, params: dict) -> None:
    lists = {"email": "emails", "phone": "phones", "url": "urls"}
    points = f"SELECT person_id, kind, value, label FROM contact_points {where}"
    for person, kind, value, label in bulk.tuples(
        store, points + " ORDER BY id", params
    ):
        card = found[person]
        getattr(card, lists[kind]).append(value)
        if label:
            card.labels.setdefault(value, label)
    tags = f"SELECT person_id, tag FROM tags {where} ORDER BY person_id, tag"
    for person, tag in bulk.tuples(store, tags, params):
        found[person].tags.append(tag)
    dates = f"SELECT person_id, label, month, day, year FROM important_dates {where}"
    for person, label, month, day, year in bulk.tuples(store, dates, params):
        found[person].dates[label] = PartialDate(month, day, year)
    notes = defaultdict(list)
    facts = f"""SELECT person_id, value FROM facts {where or "WHERE 1"}
        AND category = 'other' AND key = 'notes' COLLATE NOCASE ORDER BY id"""
    for person, value in bulk.tuples(store, facts, params):
        notes[person].append(value)
    for person, values in notes.items():
        found[person].notes = "\n".join(values)


def guard(cell: str) -> str:
    """A cell a spreadsheet will show as text rather than run as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def export_csv(people: Iterable[Card]) -> Iterator[str]:
    """People as CSV rows, a header first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for number, card in enumerate(people, start=1):
        writer.writerow([guard(cell) for cell in _csv_cells(card)])
        if number % _CHUNK == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _csv_cells(card: Card) -> list[str]:
    birthday = card.dates.get("birthday")
    others = [(label, when.iso()) for label, when in sorted(card.dates.items())]
    points = [*card.emails, *card.phones, *card.urls]
    return [
        str(card.id),
        card.name,
        card.nickname or "",
        card.company or "",
        card.title or "",
        card.location or "",
        own.join_list(card.emails),
        own.join_list(card.phones),
        own.join_list(card.urls),
        own.join_list(card.tags),
        birthday.iso() if birthday else "",
        card.met_how or "",
        card.met_on or "",
        own.join_pairs([(card.labels[p], p) for p in points if p in card.labels]),
        own.join_pairs([(label, iso) for label, iso in others if label != "birthday"]),
    ]


def escape(value: str) -> str:
    """A vCard text value: backslash, comma, semicolon and line breaks escaped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    for char in ("\\", ",", ";"):
        value = value.replace(char, "\\" + char)
    return value.replace("\n", "\\n")


def fold(line: str) -> str:
    """A content line cut into pieces of at most 75 octets, as vCard asks."""
    if len(line.encode("utf-8")) <= _FOLD_AT:
        return line
    pieces, current, size = [], [], 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > _FOLD_AT:
            pieces.append("".join(current))
            # The space that starts a continuation line counts towards its 75.
            current, size = [], 1
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def vcard(card: Card) -> str:
    """One person as a vCard 4.0."""
    given, _, family = card.name.rpartition(" ")
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"FN:{escape(card.name)}",
        f"N:{escape(family)};{escape(given)};;;",
    ]
    single = (("NICKNAME", card.nickname), ("ORG", card.company), ("TITLE", card.title))
    lines += [f"{name}:{escape(value)}" for name, value in single if value]
    groups = iter(range(1, 1 << 30))
    for name, values in (("EMAIL", card.emails), ("TEL", card.phones)):
        lines += _vcard_points(name, values, card.labels, groups)
    lines += _vcard_points("URL", card.urls, card.labels, groups)
    if card.location:
        lines.append(f"ADR:;;;{escape(card.location)};;;")
    lines += _vcard_dates(card.dates, groups)
    if card.tags:
        lines.append("CATEGORIES:" + ",".join(escape(tag) for tag in card.tags))
    if card.notes:
        lines.append(f"NOTE:{escape(card.notes)}")
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)


def _vcard_points(
    name: str, values: list[str], labels: dict[str, str], groups: Iterator[int]
) -> list[str]:
    """Emails, phones or URLs, each labelled by TYPE or, failing that, X-ABLABEL."""
    lines = []
    known = _VCARD_TYPES[name.lower()]
    for value in values:
        label = labels.get(value)
        types = [known.get(word) for word in label.split()] if label else []
        if not label:
            lines.append(f"{name}:{escape(value)}")
        elif all(types):
            lines.append(f"{name};TYPE={','.join(types)}:{escape(value)}")
        else:
            number = next(groups)
            lines.append(f"item{number}.{name}:{escape(value)}")
            lines.append(f"item{number}.X-ABLABEL:{escape(label)}")
    return lines


def _vcard_dates(dates: dict[str, PartialDate], groups: Iterator[int]) -> list[str]:
    lines = []
    for label, when in sorted(dates.items()):
        day = f"{when.month:02d}{when.day:02d}"
        value = f"{when.year:04d}{day}" if when.year is not None else f"--{day}"
        if label == "birthday":
            lines.append(f"BDAY:{value}")
        elif label == "anniversary":
            lines.append(f"ANNIVERSARY:{value}")
        else:
            # Apple's way of naming a date of one's own choosing.
            number = next(groups)
            lines.append(f"item{number}.X-ABDATE:{value}")
            lines.append(f"item{number}.X-ABLABEL:{escape(label)}")
    return lines


def write_private(path: Path, pieces: Iterable[str], force: bool = False) -> None:
    """Write text to a file only its owner can read, whole or not at all."""
    if path.is_dir():
        raise InvalidInput(f"{path} is a folder: give a file name with --output")
    if path.exists() and not force:
        raise Conflict(f"{path} exists already: add --force to replace it")
    if not path.parent.is_dir():
        raise NotFound(f"there is no folder {path.parent}: create it first")
    handle, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as output:
            for piece in pieces:
                output.write(piece)
            output.flush()
            os.fsync(output.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise InvalidInput(f"can't write {path}: {exc.strerror or exc}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
