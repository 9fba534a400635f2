"""Reading the dates and times people type: "tomorrow 3pm", "Dec 4", "in 2 weeks"."""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from farley.dates.clock import split_time
from farley.dates.format import PartialDate
from farley.dates.written import (
    MONTHS,
    WEEKDAYS,
    AmbiguousDate,
    read_day_month_year,
    read_day_of_month,
    read_written,
    refuse_swapped,
)
from farley.errors import DateError

__all__ = [
    "ACCEPTED_FORMS",
    "AmbiguousDate",
    "MONTHS",
    "PARTIAL_FORMS",
    "WEEKDAYS",
    "PartialDate",
    "parse_date",
    "parse_datetime",
    "parse_partial_date",
    "parse_when",
]

ACCEPTED_FORMS = (
    "try 2026-12-04, 2026-12-04 15:30, 4 Dec 2026, Dec 4, friday 3pm, "
    "tomorrow, next friday, in 2 weeks, 3 days ago"
)
PARTIAL_FORMS = "try 1980-04-12, 12 Apr 1980, 12 Apr, April 12th, --04-12"

_LEANS = ("past", "future")
_DAY_WORDS = {"today": 0, "tomorrow": 1, "yesterday": -1}

# re.ASCII throughout: \d alone would also match digits from other scripts.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_ISO_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(z|[+-]\d{2}(:?\d{2})?)?",
    re.ASCII,
)
_NEXT_LAST = re.compile(r"(?P<which>next|last) (?P<unit>week|month|year)")


@dataclass(frozen=True)
class _Reading:
    """What a phrase is read against: the moment, the lean, the day order."""

    now: datetime
    lean: str
    dayfirst: bool | None

    @property
    def today(self) -> date:
        return self.now.date()


def parse_when(
    text: str, now: datetime, lean: str = "future", dayfirst: bool | None = None
) -> date | datetime:
    """Read a date, or an aware datetime when a time of day was given.

    dayfirst says how to read 4/12/2026; None, for what is typed, refuses a
    numeric date whose day and month could be either way round (AmbiguousDate).

    A weekday, a day without a year or a bare day of the month ("the 15th")
    is the nearest one on or before today when lean is "past", on or after
    today when it is "future".
    """
    _check_reading(now, lean)
    words = _normalise(text)
    try:
        found = _read_when(words, _Reading(now, lean, dayfirst))
    except (ValueError, OverflowError, TypeError):
        # dateutil's ParserError is a ValueError; so are impossible dates.
        found = None
    if found is None:
        raise DateError(f"can't read the date {_shown(text)}: {ACCEPTED_FORMS}")
    return found


def parse_date(
    text: str, now: datetime, lean: str = "future", dayfirst: bool | None = None
) -> date:
    """Read a date; a time of day, if given, is dropped."""
    found = parse_when(text, now, lean, dayfirst)
    return found.date() if isinstance(found, datetime) else found


def parse_datetime(
    text: str,
    now: datetime,
    lean: str = "future",
    default_time: time | None = None,
    dayfirst: bool | None = None,
) -> datetime:
    """Read an aware datetime, using default_time when none was typed."""
    found = parse_when(text, now, lean, dayfirst)
    if isinstance(found, datetime):
        return found
    if default_time is None:
        raise DateError(
            f'{_shown(text)} has no time of day: add one, e.g. "friday 3pm" '
            'or "2026-12-04 15:30"'
        )
    zone = default_time.tzinfo if default_time.tzinfo is not None else now.tzinfo
    return datetime.combine(found, default_time, tzinfo=zone)


def parse_partial_date(
    text: str, now: datetime | None = None, dayfirst: bool | None = None
) -> PartialDate:
    """Read a birthday or an anniversary, whose year may be left out.

    now is needed only for a two-digit year, which is read as the latest
    such year up to now's.
    """
    words = _normalise(text)
    try:
        found = _read_partial(words, now, dayfirst)
    except (ValueError, OverflowError, TypeError):
        found = None
    if found is None:
        raise DateError(f"can't read the date {_shown(text)}: {PARTIAL_FORMS}")
    return found


def _check_reading(now: datetime, lean: str) -> None:
    if lean not in _LEANS:
        raise ValueError(f"lean must be 'past' or 'future', not {lean!r}")
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")


def _normalise(text: str) -> str:
    return " ".join(text.replace(",", " ").lower().split())


def _shown(text: str) -> str:
    """The text quoted for a one-line message, cut short if it is long."""
    shown = " ".join(text.split())
    return f'"{shown[:39]}…"' if len(shown) > 40 else f'"{shown}"'


def _read_when(words: str, reading: _Reading) -> date | datetime | None:
    if words == "now":
        return reading.now
    found = _read_clock_offset(words, reading) or _read_iso_datetime(words, reading)
    if found is not None:
        return found

    day_words, at = split_time(words, reading.now.tzinfo)
    if at is None:
        return _read_day(words, reading)
    day = _read_day(day_words, reading) if day_words else reading.today
    return None if day is None else datetime.combine(day, at)


def _read_iso_datetime(words: str, reading: _Reading) -> datetime | None:
    if not _ISO_DATETIME.fullmatch(words):
        return None
    found = datetime.fromisoformat(words.upper())
    if found.tzinfo is None:
        found = found.replace(tzinfo=reading.now.tzinfo)
    return found


# Offsets from now


def _offset_pattern(units: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    count = r"(?P<count>\d{1,6}|an?)"
    unit = rf"(?P<unit>{units})s?"
    ahead = re.compile(rf"in {count} {unit}", re.ASCII)
    behind = re.compile(rf"{count} {unit} ago", re.ASCII)
    return ahead, behind


_CLOCK_OFFSETS = _offset_pattern("minute|min|hour")
_DAY_OFFSETS = _offset_pattern("day|week|month|year")


def _match_offset(
    words: str, patterns: tuple[re.Pattern[str], re.Pattern[str]]
) -> tuple[int, str] | None:
    """Return the signed count and the unit of "in 3 days" or "2 weeks ago"."""
    ahead, behind = patterns
    for sign, pattern in ((1, ahead), (-1, behind)):
        match = pattern.fullmatch(words)
        if match is not None:
            count = match["count"]
            return sign * (1 if count in ("a", "an") else int(count)), match["unit"]
    return None


def _read_clock_offset(words: str, reading: _Reading) -> datetime | None:
    found = _match_offset(words, _CLOCK_OFFSETS)
    if found is None:
        return None
    count, unit = found
    minutes = count * 60 if unit == "hour" else count
    return reading.now + timedelta(minutes=minutes)


def _read_day_offset(words: str, reading: _Reading) -> date | None:
    found = _match_offset(words, _DAY_OFFSETS)
    if found is None:
        match = _NEXT_LAST.fullmatch(words)
        if match is None:
            return None
        found = 1 if match["which"] == "next" else -1, match["unit"]
    count, unit = found
    return reading.today + relativedelta(**{f"{unit}s": count})


# Days


def _read_day(words: str, reading: _Reading) -> date | None:
    """Read a phrase naming a day, with no time of day in it."""
    readers = (
        _read_day_word,
        _read_day_offset,
        _read_weekday,
        _read_iso_date,
        _read_day_of_month,
        _read_written,
    )
    for read in readers:
        found = read(words, reading)
        if found is not None:
            return found
    return None


def _read_day_word(words: str, reading: _Reading) -> date | None:
    if words not in _DAY_WORDS:
        return None
    return reading.today + timedelta(days=_DAY_WORDS[words])


def _read_weekday(words: str, reading: _Reading) -> date | None:
    *which, name = words.split(" ")
    if name not in WEEKDAYS or len(which) > 1:
        return None
    if which and which[0] not in ("next", "last", "this"):
        return None
    return _weekday_date(
        reading.today, WEEKDAYS[name], which[0] if which else reading.lean
    )


def _weekday_date(today: date, weekday: int, which: str) -> date:
    """The weekday "next" (after today), "last" (before), "this" or by lean."""
    ahead = (weekday - today.weekday()) % 7
    behind = (today.weekday() - weekday) % 7
    days = {
        "next": ahead or 7,
        "last": -(behind or 7),
        "this": ahead,
        "future": ahead,
        "past": -behind,
    }[which]
    return today + timedelta(days=days)


def _read_iso_date(words: str, reading: _Reading) -> date | None:
    return date.fromisoformat(words) if _ISO_DATE.fullmatch(words) else None


def _read_day_of_month(words: str, reading: _Reading) -> date | None:
    return read_day_of_month(words, reading.today, reading.lean)


def _read_written(words: str, reading: _Reading) -> date | None:
    return read_written(words, reading.today, reading.lean, reading.dayfirst)


# Birthdays and anniversaries

_PARTIAL_PATTERNS = tuple(
    re.compile(pattern, re.ASCII)
    for pattern in (
        r"--(?P<month>\d{2})-?(?P<day>\d{2})",
        r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})",
        r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})",
        r"(?P<month>\d{2})-(?P<day>\d{2})",
    )
)
# The one ISO-like form without a year mark: "04-12" is also read 4 Dec.
_MONTH_DAY = re.compile(r"\d{2}-\d{2}", re.ASCII)
_PARTIAL_WITH_TIME = re.compile(r"\d{4}-?\d{2}-?\d{2}t\S+", re.ASCII)


def _read_partial(
    words: str, now: datetime | None, dayfirst: bool | None
) -> PartialDate | None:
    found = _read_partial_iso(words)
    if found is not None:
        if dayfirst is None and _MONTH_DAY.fullmatch(words):
            refuse_swapped(words, found.month, found.day, None)
        return found
    latest_year = None if now is None else now.year
    parts = read_day_month_year(words.split(" "), dayfirst, latest_year)
    if parts is None:
        return None
    year, month, day = parts
    return PartialDate(month=month, day=day, year=year)


def _read_partial_iso(words: str) -> PartialDate | None:
    """Read the ISO 8601 and vCard forms: 1980-04-12, 19800412, --04-12."""
    if _PARTIAL_WITH_TIME.fullmatch(words):
        # The day as written: a birthday does not move with the time zone.
        found = datetime.fromisoformat(words.upper())
        return PartialDate(month=found.month, day=found.day, year=found.year)
    for pattern in _PARTIAL_PATTERNS:
        match = pattern.fullmatch(words)
        if match is not None:
            year = match.groupdict().get("year")
            return PartialDate(
                month=int(match["month"]),
                day=int(match["day"]),
                year=None if year is None else int(year),
            )
    return None
