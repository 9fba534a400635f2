"""Repeats ("every 2 weeks") and the yearly dates of birthdays and anniversaries."""

import re
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from farley.errors import DateError

UNITS = ("day", "week", "month", "year")
ACCEPTED_REPEATS = "try every week, every 2 weeks, every 3 months, monthly, yearly"

_APPROX_DAYS = {"day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}
_LONGEST_DAYS = 1000 * 365.25

_NAMED = {
    "daily": (1, "day"),
    "weekly": (1, "week"),
    "fortnightly": (2, "week"),
    "biweekly": (2, "week"),
    "monthly": (1, "month"),
    "quarterly": (3, "month"),
    "yearly": (1, "year"),
    "annually": (1, "year"),
}
_UNIT_WORDS = {
    "day": (1, "day"),
    "week": (1, "week"),
    "fortnight": (2, "week"),
    "month": (1, "month"),
    "quarter": (3, "month"),
    "year": (1, "year"),
}
_REPEAT = re.compile(
    r"(?P<every>every )?(?:(?P<count>\d{1,6}|an?|other) )?"
    r"(?P<unit>day|week|fortnight|month|quarter|year)s?",
    re.ASCII,
)


@dataclass(frozen=True)
class Recurrence:
    """A repeat: every `count` days, weeks, months or years."""

    count: int
    unit: str

    def __post_init__(self) -> None:
        if self.unit not in UNITS or self.count < 1:
            raise ValueError(f"not a repeat: {self.count} {self.unit}")

    def describe(self) -> str:
        """Return "every week", "every 3 months", ...; parse_recurrence reads it."""
        if self.count == 1:
            return f"every {self.unit}"
        return f"every {self.count} {self.unit}s"

    def approx_days(self) -> float:
        """The usual length of one step, in days, for sorting and comparing."""
        return self.count * _APPROX_DAYS[self.unit]

    def add_to(self, d: date, times: int = 1) -> date:
        """Step `times` repeats on from d, keeping to d's day of the month."""
        return d + relativedelta(**{f"{self.unit}s": self.count * times})

    def next_after(self, anchor: date, after: date) -> date:
        """The first of anchor + 1, 2, 3... steps that falls strictly after `after`.

        Each date is counted from the anchor, so "every month" from Jan 31 goes
        Feb 28, Mar 31, Apr 30 rather than drifting to the 28th.
        """
        times = max(1, self._whole_steps(anchor, after))
        while self.add_to(anchor, times) <= after:
            times += 1
        return self.add_to(anchor, times)

    def _whole_steps(self, anchor: date, after: date) -> int:
        """Steps from anchor to after, rounded down: never more than the answer."""
        if self.unit in ("day", "week"):
            return (after - anchor).days // int(self.approx_days())
        months = (after.year - anchor.year) * 12 + after.month - anchor.month
        return months // (self.count * (12 if self.unit == "year" else 1))


def parse_recurrence(text: str) -> Recurrence:
    """Read "every 2 weeks", "monthly", "every other week", "6 weeks", ..."""
    words = " ".join(text.lower().split())
    found = _NAMED.get(words) or _read_every(words)
    if found is None or not 1 <= found[0] * _APPROX_DAYS[found[1]] <= _LONGEST_DAYS:
        shown = " ".join(text.split())
        raise DateError(f'can\'t read the repeat "{shown}"; {ACCEPTED_REPEATS}')
    count, unit = found
    return Recurrence(count=count, unit=unit)


def _read_every(words: str) -> tuple[int, str] | None:
    match = _REPEAT.fullmatch(words)
    if match is None:
        return None
    every, count = match["every"] is not None, match["count"]
    if count is None:
        times = 1 if every else None
    elif count == "other":
        times = 2 if every else None
    elif count in ("a", "an"):
        times = None if every else 1
    else:
        times = int(count)
    if times is None:
        return None
    multiple, unit = _UNIT_WORDS[match["unit"]]
    return times * multiple, unit
