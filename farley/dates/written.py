"""Reading written dates ("4 Dec 2026", "the 4th of December") through dateutil."""

import re
from datetime import date, datetime
from functools import lru_cache

from dateutil.parser import parser, parserinfo

from farley.dates.format import MONTH_NAMES, format_date
from farley.errors import DateError, InvalidInput

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

# re.ASCII throughout: \d alone would also match digits from other scripts.
_NUMBER = re.compile(r"\d{1,2}", re.ASCII)
_ORDINAL = re.compile(r"(?P<day>\d{1,2})(?P<suffix>st|nd|rd|th)", re.ASCII)
_YEAR = re.compile(r"[1-9]\d{3}", re.ASCII)
_NUMERIC_DATE = re.compile(
    r"\d{1,2}/\d{1,2}|\d{1,2}(?P<sep>[/.-])\d{1,2}(?P=sep)(?P<year>\d{4}|\d{2})"
    # Year first, as in 2026/04/12, is month then day: it reads one way only.
    r"|[1-9]\d{3}(?P<ysep>[/.])\d{1,2}(?P=ysep)\d{1,2}",
    re.ASCII,
)

_DAY_AND_MONTH = re.compile(r"(?P<first>\d{1,2})[/.-](?P<second>\d{1,2})", re.ASCII)

# Two defaults that differ in every field: a field dateutil returns the same
# under both was typed; one that differs was filled in. Both are leap years,
# so a yearless "Feb 29" still reads.
_DEFAULTS = (datetime(2000, 1, 1, 0, 0, 0), datetime(1972, 2, 2, 1, 1, 1))
_FIELDS = ("year", "month", "day", "hour", "minute", "second")


class AmbiguousDate(InvalidInput):
    """A numeric date typed whose day and month could be either way round.

    Not a DateError: callers that try a phrase as a date and take it as text
    when it is none must not swallow this one.
    """


def refuse_swapped(text: str, first: int, second: int, year: int | None) -> None:
    """Refuse day and month numbers that read as a date either way round."""
    if first == second or not (1 <= first <= 12 and 1 <= second <= 12):
        return
    dayfirst, monthfirst = _day_month(first, second), _day_month(second, first)
    if year is None:
        advice = f"write the month in words, e.g. {dayfirst}"
    else:
        advice = f"write {year:04d}-{second:02d}-{first:02d} or {dayfirst} {year}"
    raise AmbiguousDate(f'"{text}" could be {dayfirst} or {monthfirst}: {advice}')


def _day_month(day: int, month: int) -> str:
    return f"{day} {MONTH_NAMES[month - 1]}"


def read_written(
    words: str, today: date, lean: str, dayfirst: bool | None
) -> date | None:
    """Read "4 Dec 2026", "Fri, December 4th", "4/12/2026" and the like.

    With dayfirst None, a numeric date that reads both ways is refused.
    """
    tokens = words.split(" ")
    weekday = WEEKDAYS.get(tokens[0])
    if weekday is not None:
        tokens = tokens[1:]
    tokens = _without_the(tokens)
    if tokens is None:
        return None
    parts = read_day_month_year(tokens, dayfirst, today.year + 49)
    if parts is None:
        return None

    year, month, day = parts
    if year is None:
        found = _nearest_date(month, day, today, lean)
    else:
        found = date(year, month, day)
    if found is not None and weekday is not None and found.weekday() != weekday:
        named = parserinfo.WEEKDAYS[weekday][-1]
        raise DateError(f"{format_date(found)} is not a {named}")
    return found


def read_day_of_month(words: str, today: date, lean: str) -> date | None:
    """Read a bare day of the month ("15", "15th", "the 15th") by the lean.

    The nearest such day on or after today (future) or on or before it (past);
    a month too short for the day is passed over, so "31" is never the 30th.
    """
    tokens = _without_the(words.split(" "))
    if tokens is None or len(tokens) != 1 or not _is_day_number(tokens[0]):
        return None
    day = int(_NUMBER.match(tokens[0])[0])
    step = 1 if lean == "future" else -1
    # Any day up to the 31st comes round within two months, either way.
    for months in range(0, 3 * step, step):
        found = _day_in_month(_month_start(today, months), day)
        if found is not None and _on_lean_side(found, today, lean):
            return found
    return None


def _month_start(today: date, months: int) -> date:
    index = today.year * 12 + today.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _day_in_month(first: date, day: int) -> date | None:
    try:
        return first.replace(day=day)
    except ValueError:
        return None


def _nearest_date(month: int, day: int, today: date, lean: str) -> date | None:
    """This year's month and day, or the nearest year's in the lean's direction."""
    step = 1 if lean == "future" else -1
    # Nine years always reach a Feb 29 (none from 2097 to 2103).
    for year in range(today.year, today.year + 9 * step, step):
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if _on_lean_side(found, today, lean):
            return found
    return None


def _on_lean_side(found: date, today: date, lean: str) -> bool:
    """True if found is today or lies the way the lean looks."""
    return found >= today if lean == "future" else found <= today


def read_day_month_year(
    tokens: list[str], dayfirst: bool | None, latest_year: int | None
) -> tuple[int | None, int, int] | None:
    """Return (year or None, month, day) if the tokens are a whole date.

    With dayfirst None, a numeric date that reads both ways is refused.
    """
    if not _is_date_shape(tokens):
        return None
    if latest_year is None and _has_short_year(tokens):
        raise DateError(f'write the year of "{" ".join(tokens)}" in full, e.g. 1980')

    pair = None
    if dayfirst is None:
        # Typed: 13/12 reads one way only; 4/12 is refused once known to be a date.
        pair = _DAY_AND_MONTH.match(tokens[0]) if len(tokens) == 1 else None
        dayfirst = pair is not None and int(pair["first"]) > 12

    numeric = _NUMERIC_DATE.fullmatch(tokens[0]) if len(tokens) == 1 else None
    if numeric is not None and numeric["ysep"]:
        dayfirst = False  # year, month, day, whatever order the file's others take
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
    if pair is not None:
        refuse_swapped(tokens[0], int(pair["first"]), int(pair["second"]), year)
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
