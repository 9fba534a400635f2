"""Exporting: everything as JSON, or people as CSV or vCard, written safely."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from farley.dates.format import PartialDate
from farley.domain.readers import own
from farley.domain.transfer import bulk
from farley.domain.transfer.snapshot import export_snapshot
from farley.domain.transfer.vcards import vcard
from farley.errors import Conflict, InvalidInput, NotFound
from farley.store import Store

FORMATS = ("json", "csv", "vcard")
CSV_COLUMNS = own.COLUMNS
# A fact: category, key, value, and the day it was learned.
Fact = tuple[str, str, str, str | None]
# Spreadsheets run a cell starting with these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_CHUNK = 500


@dataclass(slots=True)
class Card:
    """A person's fields, as CSV and vCard exports carry them (facts: vCard only)."""

    id: int
    name: str
    nickname: str | None = None
    company: str | None = None
    title: str | None = None
    location: str | None = None
    met_how: str | None = None
    met_on: str | None = None
    cadence: str | None = None
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    dates: dict[str, PartialDate] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
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
        return (vcard(card) for card in cards(store, people, facts=True))
    raise InvalidInput(f"unknown format {format!r}: use json, csv or vcard")


def cards(
    store: Store, people: list[int] | None = None, facts: bool = False
) -> list[Card]:
    """Everyone's (or some people's) fields, in id order; facts when asked for."""
    where, params = "", {}
    if people is not None:
        where = "WHERE {column} IN (SELECT value FROM json_each(:ids))"
        params = {"ids": json.dumps(people)}
    columns = "id, name, nickname, company, title, location, met_how, met_on, cadence"
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
    if facts:
        _attach_facts(store, found, person, params)
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


def _attach_facts(
    store: Store, found: dict[int, Card], where: str, params: dict
) -> None:
    facts = f"""SELECT person_id, category, key, value, learned_on FROM facts
        {where} ORDER BY id"""
    for person, *fact in bulk.tuples(store, facts, params):
        found[person].facts.append(tuple(fact))


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
