"""Records as read from a file, made ready to store: dates read, contacts normalised."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import attrgetter
from typing import Any

from farley.dates.format import MONTH_NAMES, PartialDate, is_after_today, to_iso
from farley.domain.contacts import normalize_email, normalize_phone, normalize_url
from farley.domain.people import LONGEST_NAME
from farley.domain.readers import BadRow, ContactRecord
from farley.errors import DateError, InvalidInput

# The columns of `people` that an import may fill when they are empty.
FILLABLE = (
    "nickname",
    "company",
    "title",
    "location",
    "met_how",
    "met_on",
    "introduced_by",
    "cadence",
    "snoozed_until",
)
_TEXT_FIELDS = ("nickname", "company", "title", "location", "met_how", "cadence")
_TEXT_VALUES = attrgetter(*_TEXT_FIELDS)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Only a LinkedIn profile names one person; a company's website is shared.
_PROFILE = re.compile(r"^(?:[a-z]{2,3}\.)?linkedin\.com/in/([^/]+)")
# What our own CSV export puts before a cell a spreadsheet would run.
_FORMULA_GUARD = re.compile(r"^'(?=[=+\-@\t\r])")
_CATEGORY_WORDS = {
    "work": frozenset(
        {
            "department",
            "company",
            "title",
            "job",
            "office",
            "manager",
            "assistant",
            "profession",
            "role",
            "employer",
            "organization",
            "organisation",
            "work",
        }
    ),
    "family": frozenset(
        {
            "spouse",
            "partner",
            "child",
            "children",
            "wife",
            "husband",
            "son",
            "daughter",
            "mother",
            "father",
            "parent",
            "sister",
            "brother",
            "sibling",
            "family",
            "relation",
        }
    ),
    "interests": frozenset(
        {"hobby", "hobbies", "interest", "interests", "sport", "sports"}
    ),
}
_WORD = re.compile(r"[a-z]+")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2}) ([A-Za-z]{3}) (\d{4})")
# A day of the month on its own reads as the next or last one when typed, but
# a file's "15" was written on a day nobody knows: it is no date there.
_BARE_DAY = re.compile(r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?", re.IGNORECASE)
_MONTHS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)}

# A contact point: kind, value as written, the form it is matched by, its label.
Point = tuple[str, str, str, str | None]
# A fact: category, key, value, and when it was learned (None: today).
FactRow = tuple[str, str, str, str | None]


@dataclass(slots=True)
class Incoming:
    """One person from a file, in the shape of the rows that will hold them."""

    line: int
    name: str
    fields: dict[str, Any] = field(default_factory=dict)
    points: list[Point] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    dates: list[tuple[str, PartialDate]] = field(default_factory=list)
    facts: list[FactRow] = field(default_factory=list)
    # What duplicates are found by, worked out once by `keyed()`.
    emails: Sequence[str] = ()
    profiles: Sequence[str] = ()
    name_key: tuple[str, str] = ("", "")

    def keyed(self) -> Incoming:
        """Work out the emails, LinkedIn profiles and name it is matched by."""
        if self.points:
            self.emails = [point[2] for point in self.points if point[0] == "email"]
            self.profiles = [
                key
                for kind, _value, normalized, _label in self.points
                if kind == "url" and (key := profile_key(normalized))
            ]
        company = self.fields.get("company")
        self.name_key = (self.name.casefold(), company.casefold() if company else "")
        return self


def profile_key(normalized_url: str) -> str | None:
    """The key of a LinkedIn profile URL (its country subdomain aside), or None."""
    if normalized_url.startswith("linkedin.com/in/") and normalized_url.count("/") == 2:
        return normalized_url
    match = _PROFILE.match(normalized_url)
    return f"linkedin.com/in/{match[1]}" if match else None


def fact_category(key: str) -> str:
    """The category a fact's key suggests: work, family, interests, else other."""
    words = set(_WORD.findall(key.lower()))
    for category, known in _CATEGORY_WORDS.items():
        if words & known:
            return category
    return "other"


class DateReader:
    """Reads the dates of one import, each distinct text once: files repeat them."""

    def __init__(
        self, now: datetime, dayfirst: bool = False, dotted_dayfirst: bool | None = None
    ) -> None:
        self.now = now
        self.dayfirst = dayfirst
        # Europe writes 12.04.1970 day first: a file may read those apart.
        self.dotted_dayfirst = dayfirst if dotted_dayfirst is None else dotted_dayfirst
        self._when: dict[tuple[str, str], date | datetime | str] = {}
        self._yearly: dict[str, PartialDate | str] = {}
        self._past_days: dict[str, str] = {}
        self._past_whens: dict[str, str] = {}

    def past_day(self, text: str) -> str:
        """A day on or before today, as stored (ISO 8601); quick for repeats."""
        found = self._past_days.get(text)
        if found is None:
            day = self._up_to_today(text, self.day(text, "past"))
            found = self._past_days[text] = to_iso(day)
        return found

    def past_when(self, text: str) -> str:
        """A day or a moment on or before now, as stored; quick for repeats."""
        found = self._past_whens.get(text)
        if found is None:
            when = self._up_to_today(text, self.when(text.strip(), "past"))
            found = self._past_whens[text] = to_iso(when)
        return found

    def _up_to_today(self, text: str, value: date | datetime) -> date | datetime:
        # As when typed: what happened, or when you met, is not still to come.
        if is_after_today(value, self.now):
            raise DateError(f'"{text.strip()}" is after today: give a day up to today')
        return value

    def when(self, text: str, lean: str = "past") -> date | datetime:
        """A date, or a datetime when the text gives a time of day."""
        found = self._when.get((text, lean))
        if found is None:
            found = self._read(lambda: self._parse_when(text, lean))
            self._when[(text, lean)] = found
        if isinstance(found, str):
            raise DateError(found)
        return found

    def day(self, text: str, lean: str = "past") -> date:
        found = self.when(text, lean)
        return found.date() if isinstance(found, datetime) else found

    def yearly(self, text: str) -> PartialDate:
        """A birthday or an anniversary, whose year may be missing."""
        found = self._yearly.get(text)
        if found is None:
            found = self._read(lambda: self._past_yearly(text))
            self._yearly[text] = found
        if isinstance(found, str):
            raise DateError(found)
        return found

    def _parse_when(self, text: str, lean: str) -> date | datetime:
        # LinkedIn writes every date as "03 Dec 2024": read that form directly,
        # as the full reader would, since its cost adds up over thousands of days.
        match = _DAY_MONTH_YEAR.fullmatch(text.strip())
        if match and match[2].lower() in _MONTHS:
            try:
                return date(int(match[3]), _MONTHS[match[2].lower()], int(match[1]))
            except ValueError:
                pass
        if _BARE_DAY.fullmatch(text.strip()):
            raise DateError(
                f'"{text.strip()}" is a day without its month and year: '
                "give the whole date, e.g. 2026-11-15"
            )
        from farley.dates.parse import parse_when

        return parse_when(text, self.now, lean=lean, dayfirst=self._dayfirst(text))

    def _past_yearly(self, text: str) -> PartialDate:
        found = self._parse_yearly(text)
        if found.year is not None and found.iso() > to_iso(self.now.date()):
            raise DateError(
                f'"{text.strip()}" is after today: a birthday or an anniversary with '
                "a year is a day up to today"
            )
        return found

    def _parse_yearly(self, text: str) -> PartialDate:
        from farley.dates.parse import parse_partial_date

        return parse_partial_date(text, self.now, dayfirst=self._dayfirst(text))

    def _dayfirst(self, text: str) -> bool:
        if self.dotted_dayfirst != self.dayfirst and "." in text:
            return self.dotted_dayfirst
        return self.dayfirst

    @staticmethod
    def _read(parse: Callable[[], Any]) -> Any:
        # A failure is remembered as its message, so a repeated bad date costs once.
        try:
            return parse()
        except DateError as exc:
            return str(exc)


def unguard(value: str) -> str:
    """A cell without the quote our CSV export puts before =, +, - and @."""
    return _FORMULA_GUARD.sub("", value, count=1) if value[:1] == "'" else value


def one_line(value: str | None) -> str | None:
    """Text on one line, spaces tidied; None for nothing."""
    if not value:
        return None
    text = " ".join(value.split())
    return (unguard(text) if text[:1] == "'" else text) or None


class Texts(dict[str, str]):
    """Text fields tidied as `one_line` does, each distinct text once.

    Files repeat companies, titles and the like thousands of times.
    """

    def __missing__(self, value: str) -> str:
        text = " ".join(value.split())
        if text[:1] == "'":
            text = unguard(text)
        self[value] = text
        return text


def prepare_contact(
    record: ContactRecord, dates: DateReader, tags: list[str], texts: Texts
) -> Incoming | BadRow:
    """The rows for one contact, or the reason it cannot be stored."""
    try:
        return _prepare(record, dates, tags, texts)
    except InvalidInput as exc:
        return BadRow(record.line, str(exc))


def _prepare(
    record: ContactRecord, dates: DateReader, tags: list[str], texts: Texts
) -> Incoming:
    name = one_line(record.name)
    if not name:
        raise InvalidInput("no name")
    if len(name) > LONGEST_NAME:
        raise InvalidInput(f"a name of {len(name):,} characters is too long")
    incoming = Incoming(record.line, name, _text_fields(record, texts))
    met_on = record.met_on
    if met_on and not met_on.isspace():
        incoming.fields["met_on"] = _reading("when you met", dates.past_day, met_on)

    if record.emails or record.phones or record.urls:
        _add_points(incoming, record)
    if record.tags or tags:
        incoming.tags = clean_tags([*record.tags, *tags])
    if record.birthday or record.dates:
        _add_dates(incoming, record, dates)
    for key, value in record.facts:
        add_fact(incoming, fact_category(key), key, value)
    for fact in record.categorized_facts:
        add_fact(incoming, *fact)
    if record.notes and record.notes.strip():
        add_fact(incoming, "other", "notes", record.notes)
    return incoming.keyed()


def _text_fields(record: ContactRecord, texts: Texts) -> dict[str, Any]:
    """The record's text fields that are not blank, each on one line."""
    fields: dict[str, Any] = {}
    for column, value in zip(_TEXT_FIELDS, _TEXT_VALUES(record), strict=True):
        if value:
            text = texts[value]
            if text:
                fields[column] = text
    return fields


def _reading(what: str, read: Callable[[str], Any], text: str) -> Any:
    try:
        return read(unguard(text.strip()))
    except DateError as exc:
        raise InvalidInput(f"{what}: {exc}") from None


def _add_points(incoming: Incoming, record: ContactRecord) -> None:
    seen: set[tuple[str, str]] = set()
    labels = record.labels or {}
    for value in record.emails:
        email = unguard(value.strip()).removeprefix("mailto:")
        if not _EMAIL.match(email):
            raise InvalidInput(f'"{value.strip()}" is not an email address')
        key = normalize_email(email)
        _add_point(incoming, seen, ("email", email, key, labels.get(value)))
    for value in record.phones:
        phone = unguard(value.strip())
        normalized = normalize_phone(phone)
        if normalized.strip("+"):
            _add_point(incoming, seen, ("phone", phone, normalized, labels.get(value)))
        elif phone:
            add_fact(incoming, "other", "phone", phone)
    for value in record.urls:
        url = unguard(value.strip())
        if url:
            _add_point(
                incoming, seen, ("url", url, normalize_url(url), labels.get(value))
            )


def _add_point(incoming: Incoming, seen: set[tuple[str, str]], point: Point) -> None:
    if (point[0], point[2]) not in seen:
        seen.add((point[0], point[2]))
        incoming.points.append(point)


def clean_tags(tags: list[str]) -> list[str]:
    """Tags without # or spaces around them, each once whatever its case."""
    cleaned, seen = [], set()
    for tag in tags:
        tag = " ".join(tag.strip().lstrip("#").split())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            cleaned.append(tag)
    return cleaned


def _add_dates(incoming: Incoming, record: ContactRecord, dates: DateReader) -> None:
    given = [("birthday", record.birthday)] if record.birthday else []
    labels: dict[str, PartialDate] = {}
    for label, text in [*given, *record.dates]:
        if not text or not text.strip():
            continue
        label = " ".join(label.lower().split()) or "date"
        when = _reading(label, dates.yearly, text)
        if label not in labels:
            labels[label] = when
            incoming.dates.append((label, when))
        elif labels[label] != when:
            add_fact(incoming, "other", label, when.iso())


def add_fact(
    incoming: Incoming,
    category: str,
    key: str,
    value: str,
    learned_on: str | None = None,
) -> None:
    """Add a fact unless the same one is there already."""
    key, value = " ".join(key.split()), unguard(value.strip())
    if not key or not value:
        return
    folded = key.casefold()
    for known in incoming.facts:
        if known[0] == category and known[1].casefold() == folded and known[2] == value:
            return
    incoming.facts.append((category, key, value, learned_on))
