"""Reading the dates and times people type: "tomorrow 3pm", "Dec 4", "in 2 weeks"."""

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache

from dateutil.parser import parser, parserinfo
from dateutil.relativedelta import relativedelta

from farley.dates.format import PartialDate, format_date
from farley.errors import DateError

ACCEPTED_FORMS = (
    "try 2026-12-04, 2026-12-04 15:30, 4 Dec 2026, Dec 4, friday 3pm, "
    "tomorrow, next friday, in 2 weeks, 3 days ago"
)
PARTIAL_FORMS = "try 1980-04-12, 12 Apr 1980, 12 Apr, April 12th, --04-12"

# The names dateutil knows, so that what passes the checks here reads there.
MONTHS = {
    name.lower(): number
    for number, names in enumerate(parserinfo.MONTHS, 1)
    for name in names
}
WEEKDAYS = {
    name.lower(): number
    for number, names in enumerate(parserinfo.WEEKDAYS)
    for name in names
} | {"tues": 1, "weds": 2, "thur": 3, "thurs": 3}

_LEANS = ("past", "future")
_DAY_WORDS = {"today": 0, "tomorrow": 1, "yesterday": -1}

# re.ASCII throughout: \d alone would also match digits from other scripts.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_ISO_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(z|[+-]\d{2}(:?\d{2})?)?",
    re.ASCII,
)
_TIME = re.compile(
    r"(?P<at>at )?(?:(?P<word>noon|midnight)|(?P<hour>\d{1,2})"
    r"(?::(?P<minute>\d{2}))?(?::(?P<second>\d{2}))? ?(?P<ampm>[ap]m|[ap]\.m\.)?)"
    r"(?: ?(?P<zone>z|utc|gmt|[+-]\d{2}:?\d{2}))?",
    re.ASCII,
)
_NEXT_LAST = re.compile(r"(?P<which>next|last) (?P<unit>week|month|year)")

_NUMBER = re.compile(r"\d{1,2}", re.ASCII)
_ORDINAL = re.compile(r"(?P<day>\d{1,2})(?P<suffix>st|nd|rd|th)", re.ASCII)
_YEAR = re.compile(r"[1-9]\d{3}", re.ASCII)
_NUMERIC_DATE = re.compile(
    r"\d{1,2}/\d{1,2}|\d{1,2}(?P<sep>[/.-])\d{1,2}(?P=sep)(?P<year>\d{4}|\d{2})",
    re.ASCII,
)

# Two defaults that differ in every field: a field dateutil returns the same
# under both was typed; one that differs was filled in. Both are leap years,
# so a yearless "Feb 29" still reads.
_DEFAULTS = (datetime(2000, 1, 1, 0, 0, 0), datetime(1972, 2, 2, 1, 1, 1))
_FIELDS = ("year", "month", "day", "hour", "minute", "second")


@dataclass(frozen=True)
class _Reading:
    """What a phrase is read against: the moment, the lean, the day order."""

    now: datetime
    lean: str
    dayfirst: bool

    @property
    def today(self) -> date:
        return self.now.date()


def parse_when(
    text: str, now: datetime, lean: str = "future", dayfirst: bool = False
) -> date | datetime:
    """Read a date, or an aware datetime when a time of day was given.

    A weekday or a day without a year is the nearest one on or before today
    when lean is "past", on or after today when it is "future".
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
    text: str, now: datetime, lean: str = "future", dayfirst: bool = False
) -> date:
    """Read a date; a time of day, if given, is dropped."""
    found = parse_when(text, now, lean, dayfirst)
    return found.date() if isinstance(found, datetime) else found


def parse_datetime(
    text: str,
    now: datetime,
    lean: str = "future",
    default_time: time | None = None,
    dayfirst: bool = False,
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
    text: str, now: datetime | None = None, dayfirst: bool = False
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

    day_words, at = _split_time(words, reading.now.tzinfo)
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


# Times of day


def _split_time(words: str, zone: tzinfo | None) -> tuple[str, time | None]:
    """Separate a time of day at either end ("friday 3pm", "9am tomorrow")."""
    tokens = words.split(" ")
    for size in range(min(4, len(tokens)), 0, -1):
        at = _read_time(" ".join(tokens[-size:]), zone)
        if at is not None:
            return " ".join(tokens[:-size]), at
        at = _read_time(" ".join(tokens[:size]), zone)
        if at is not None:
            return " ".join(tokens[size:]), at
    return words, None


def _read_time(words: str, zone: tzinfo | None) -> time | None:
    match = _TIME.fullmatch(words)
    if match is None:
        return None
    if match["zone"]:
        zone = _read_zone(match["zone"])
    if match["word"]:
        return time(12 if match["word"] == "noon" else 0, tzinfo=zone)

    # A lone number is a day of the month ("Dec 4"); "at 4" and "4pm" are times.
    if not (match["at"] or match["minute"] or match["ampm"]):
        return None
    hour = _hour_of_day(int(match["hour"]), match["ampm"])
    minute, second = int(match["minute"] or 0), int(match["second"] or 0)
    return time(hour, minute, second, tzinfo=zone)


def _hour_of_day(hour: int, ampm: str | None) -> int:
    if ampm is None:
        return hour
    if not 1 <= hour <= 12:
        raise ValueError(f"no hour {hour}{ampm}")
    return hour % 12 + (12 if ampm.startswith("p") else 0)


def _read_zone(text: str) -> tzinfo:
    if text in ("z", "utc", "gmt"):
        return UTC
    hours, minutes = int(text[1:3]), int(text[-2:])
    if minutes >= 60:
        raise ValueError(f"no such offset {text}")
    offset = timedelta(hours=hours, minutes=minutes)
    return timezone(-offset if text.startswith("-") else offset)


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


def _read_written(words: str, reading: _Reading) -> date | None:
    """Read "4 Dec 2026", "Fri, December 4th", "4/12/2026" and the like."""
    tokens = words.split(" ")
    weekday = WEEKDAYS.get(tokens[0])
    if weekday is not None:
        tokens = tokens[1:]
    tokens = _without_the(tokens)
    if tokens is None:
        return None
    parts = _read_day_month_year(tokens, reading.dayfirst, reading.now.year + 49)
    if parts is None:
        return None

    year, month, day = parts
    if year is None:
        found = _nearest_date(month, day, reading.today, reading.lean)
    else:
        found = date(year, month, day)
    if found is not None and weekday is not None and found.weekday() != weekday:
        named = parserinfo.WEEKDAYS[weekday][-1]
        raise DateError(f"{format_date(found)} is not a {named}")
    return found


def _nearest_date(month: int, day: int, today: date, lean: str) -> date | None:
    """This year's month and day, or the nearest year's in the lean's direction."""
    step = 1 if lean == "future" else -1
    # Nine years always reach a Feb 29 (none from 2097 to 2103).
    for year in range(today.year, today.year + 9 * step, step):
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if (found >= today) if lean == "future" else (found <= today):
            return found
    return None


# Written dates, through dateutil


def _read_day_month_year(
    tokens: list[str], dayfirst: bool, latest_year: int | None
) -> tuple[int | None, int, int] | None:
    """Return (year or None, month, day) if the tokens are a whole date."""
    if not _is_date_shape(tokens):
        return None
    if latest_year is None and _has_short_year(tokens):
        raise DateError(f'write the year of "{" ".join(tokens)}" in full, e.g. 1980')

    text = " ".join(token.rstrip(".") for token in tokens)
    reader = _parser(latest_year or 9999)
    first, second = (
        reader.parse(text, default=default, dayfirst=dayfirst) for default in _DEFAULTS
    )
    typed = {
        field for field in _FIELDS if getattr(first, field) == getattr(second, field)
    }
    if typed & {"hour", "minute", "second"} or not {"month", "day"} <= typed:
        return None
    year = first.year if "year" in typed else None
    return year, first.month, first.day


def _is_date_shape(tokens: list[str]) -> bool:
    """True for one numeric date, or for one month, one day and at most one year.

    Checked before dateutil sees the text, since dateutil reads "2026 2027"
    as a time and fills whatever is missing from its default.
    """
    if len(tokens) == 1 and _NUMERIC_DATE.fullmatch(tokens[0]):
        return True
    months = [token for token in tokens if token.rstrip(".") in MONTHS]
    days = [token for token in tokens if _is_day_number(token)]
    years = [token for token in tokens if _YEAR.fullmatch(token)]
    others = len(tokens) - len(months) - len(days) - len(years)
    return (
        len(months) == 1
        and len(days) == 1
        and len(years) <= 1
        and others == (1 if _pertains(tokens) else 0)
    )


def _pertains(tokens: list[str]) -> bool:
    """True if "of" stands between a day and its month: "4th of December"."""
    if "of" not in tokens:
        return False
    where = tokens.index("of")
    return 0 < where < len(tokens) - 1 and tokens[where + 1].rstrip(".") in MONTHS


def _without_the(tokens: list[str]) -> list[str] | None:
    """Drop the "the" of "the 4th of December"; None if one is out of place."""
    following = zip(tokens, [*tokens[1:], ""], strict=True)
    if any(token == "the" and not _is_day_number(then) for token, then in following):
        return None
    return [token for token in tokens if token != "the"]


def _is_day_number(token: str) -> bool:
    if _NUMBER.fullmatch(token):
        return True
    match = _ORDINAL.fullmatch(token)
    return match is not None and match["suffix"] == _ordinal_suffix(int(match["day"]))


def _ordinal_suffix(number: int) -> str:
    if 11 <= number % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def _has_short_year(tokens: list[str]) -> bool:
    match = _NUMERIC_DATE.fullmatch(tokens[0]) if len(tokens) == 1 else None
    return match is not None and len(match["year"] or "") == 2


class _YearInfo(parserinfo):
    """dateutil's parserinfo, reading two-digit years against a given year.

    The stock one reads them against the clock, which parsing must not do.
    """

    def __init__(self, latest_year: int) -> None:
        super().__init__()
        self.latest_year = latest_year

    def convertyear(self, year: int, century_specified: bool = False) -> int:
        if year >= 100 or century_specified:
            return year
        year += self.latest_year // 100 * 100
        return year - 100 if year > self.latest_year else year


@lru_cache(maxsize=8)
def _parser(latest_year: int) -> parser:
    return parser(_YearInfo(latest_year))


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
_PARTIAL_WITH_TIME = re.compile(r"\d{4}-?\d{2}-?\d{2}t\S+", re.ASCII)


def _read_partial(
    words: str, now: datetime | None, dayfirst: bool
) -> PartialDate | None:
    found = _read_partial_iso(words)
    if found is not None:
        return found
    latest_year = None if now is None else now.year
    parts = _read_day_month_year(words.split(" "), dayfirst, latest_year)
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
