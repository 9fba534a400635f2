"""Dates and times as people read them, and as the database stores them."""

from dataclasses import dataclass
from datetime import UTC, date, datetime

from farley.errors import DateError

# English names on purpose: strftime("%a") follows the machine's locale.
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_NAMES = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

_DAYS_PER_MONTH = 30.44
_DAYS_PER_YEAR = 365.25


@dataclass(frozen=True)
class PartialDate:
    """A yearly date (a birthday, an anniversary) whose year may be unknown."""

    month: int
    day: int
    year: int | None = None

    def __post_init__(self) -> None:
        if not _is_day_of_year(self.month, self.day, self.year):
            raise ValueError(f"no such date: {self.iso()}")

    def iso(self) -> str:
        """Return 1980-04-12, or --04-12 when the year is unknown."""
        year = "-" if self.year is None else f"{self.year:04d}"
        return f"{year}-{self.month:02d}-{self.day:02d}"

    @classmethod
    def from_iso(cls, text: str) -> "PartialDate":
        """Read what iso() wrote: 1980-04-12 or --04-12."""
        try:
            if text.startswith("--") and len(text) == 7 and text[4] == "-":
                return cls(month=int(text[2:4]), day=int(text[5:7]))
            found = date.fromisoformat(text)
        except ValueError:
            raise DateError(
                f'"{text}" is not a date like 1980-04-12 or --04-12'
            ) from None
        return cls(month=found.month, day=found.day, year=found.year)


def is_leap(year: int) -> bool:
    """Tell whether the year has a 29 February (calendar.isleap, without its import)."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _is_day_of_year(month: int, day: int, year: int | None) -> bool:
    if not 1 <= month <= 12 or (year is not None and not 1 <= year <= 9999):
        return False
    if month == 2 and day == 29:
        return year is None or is_leap(year)
    return 1 <= day <= _DAYS_IN_MONTH[month - 1]


def format_date(d: date) -> str:
    """Return "Fri 27 Nov 2026"."""
    weekday = WEEKDAY_NAMES[d.weekday()]
    return f"{weekday} {d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def format_datetime(dt: datetime, now: datetime | None = None) -> str:
    """Return "Fri 4 Dec 2026 15:30", in now's time zone when now is given."""
    if now is not None and dt.tzinfo is not None:
        dt = dt.astimezone(now.tzinfo)
    return f"{format_date(dt)} {dt.hour:02d}:{dt.minute:02d}"


def format_when(value: date | datetime, now: datetime | None = None) -> str:
    """Format a date or a datetime, whichever it is."""
    if isinstance(value, datetime):
        return format_datetime(value, now)
    return format_date(value)


def format_partial_date(value: PartialDate) -> str:
    """Return "12 Apr 1980", or "12 Apr" when the year is unknown."""
    text = f"{value.day} {MONTH_NAMES[value.month - 1]}"
    return text if value.year is None else f"{text} {value.year}"


def format_span(days: int) -> str:
    """Return a length of time in the unit people would use: "5 weeks"."""
    days = abs(days)
    if days == 7:
        return "1 week"
    if days < 14:
        return _count(days, "day")
    if days < 9 * 7:
        return _count(days // 7, "week")
    if days < 2 * _DAYS_PER_YEAR:
        return _count(int(days // _DAYS_PER_MONTH), "month")
    return _count(int(days // _DAYS_PER_YEAR), "year")


def _count(number: int, unit: str) -> str:
    return f"{number} {unit}" if number == 1 else f"{number} {unit}s"


def format_relative(value: date | datetime, now: datetime) -> str:
    """Return "today", "tomorrow", "in 3 days", "5 weeks ago", ..."""
    days = (local_date(value, now) - now.date()).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    span = format_span(days)
    return f"in {span}" if days > 0 else f"{span} ago"


def local_date(value: date | datetime, now: datetime) -> date:
    """The calendar day of value as seen from now's time zone."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(now.tzinfo)
        return value.date()
    return value


def is_after_today(value: date | datetime, now: datetime) -> bool:
    """True for a day later than now's, in now's time zone; later today is not."""
    return local_date(value, now) > now.date()


def to_iso(value: date | datetime) -> str:
    """Return the stored form: 2026-12-04, or 2026-12-04T15:30:00+01:00."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError(f"refusing to store a datetime without a zone: {value}")
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def from_iso(text: str) -> date | datetime:
    """Read a stored date or datetime; a datetime without a zone is taken as UTC."""
    text = text.strip()
    try:
        if "T" not in text and " " not in text:
            return date.fromisoformat(text)
        value = datetime.fromisoformat(text)
    except ValueError:
        raise DateError(
            f'"{text}" is not an ISO 8601 date, e.g. 2026-12-04 or '
            "2026-12-04T15:30:00+01:00"
        ) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value


def local_now() -> datetime:
    """Return the time now, aware, in this machine's zone: the one clock read."""
    return datetime.now().astimezone()
