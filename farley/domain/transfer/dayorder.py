"""One order for a file's numeric dates (04/05/1990), decided from all of them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from farley.domain.readers import ReadResult
from farley.errors import InvalidInput

# a/b/yyyy, a-b-yyyy, a.b.yyyy or a/b/yy, perhaps followed by a time of day.
_NUMERIC = re.compile(r"'?(\d{1,2})([/.-])(\d{1,2})\2(?:\d{4}|\d{2})(?=\s|$)", re.ASCII)
_DAY, _MONTH, _DOTTED, _SLASHED = "day", "month", "dotted", "slashed"


@dataclass(slots=True, frozen=True)
class DayOrder:
    """Whether to read numeric dates day first: dotted ones, and the others."""

    dayfirst: bool
    dotted_dayfirst: bool
    notice: str | None = None


def decide(result: ReadResult, source: str, forced: bool) -> DayOrder:
    """The order for every numeric date of a file; mixed orders are refused."""
    found = _evidence(date_texts(result))
    day, month = found.get(_DAY), found.get(_MONTH)
    if forced and month:
        raise InvalidInput(
            f"{source}: line {month[0]} has {month[1]}, which reads only month "
            "first: leave out --dayfirst, or fix the file"
        )
    if forced:
        return DayOrder(True, True)
    if day and month:
        raise InvalidInput(
            f"{source}: line {day[0]} has {day[1]} (day first) and line {month[0]} "
            f"has {month[1]} (month first): write the dates of one file the same way"
        )
    if day:
        return DayOrder(True, True, f"Dates read day first (line {day[0]}: {day[1]})")
    if month:
        notice = f"Dates read month first (line {month[0]}: {month[1]})"
        return DayOrder(False, False, notice)
    return DayOrder(False, True, _default_notice(found))


def _default_notice(found: dict[str, tuple[int, str]]) -> str | None:
    """What to say when no date settles the order, and the form decides."""
    dotted, slashed = found.get(_DOTTED), found.get(_SLASHED)
    if dotted and not slashed:
        return (
            f"Dates read day first, as dotted dates are written "
            f"(line {dotted[0]}: {dotted[1]})"
        )
    if slashed:
        return (
            f"Dates read month first, as no date in the file says otherwise "
            f"(line {slashed[0]}: {slashed[1]}): --dayfirst reads them day first"
        )
    return None


def date_texts(result: ReadResult) -> Iterator[tuple[int, str | None]]:
    """Every date a file's records hold, as written, with its line."""
    if result.kind == "notes":
        for note in result.records:
            yield note.line, note.on
    elif result.kind == "reminders":
        for reminder in result.records:
            yield reminder.line, reminder.due
            yield reminder.line, reminder.done
    else:
        for contact in result.records:
            yield contact.line, contact.birthday
            yield contact.line, contact.met_on
            for _label, text in contact.dates:
                yield contact.line, text


def _evidence(texts: Iterable[tuple[int, str | None]]) -> dict[str, tuple[int, str]]:
    """The first line and date of each kind: day first only, month first only..."""
    found: dict[str, tuple[int, str]] = {}
    seen: set[str] = set()
    for line, text in texts:
        # Files repeat their dates: each distinct one is looked at once.
        if not text or text in seen:
            continue
        seen.add(text)
        kind = classify(text)
        if kind is not None and kind not in found:
            found[kind] = (line, text.strip())
            if _DAY in found and _MONTH in found:
                break
    return found


def classify(text: str) -> str | None:
    """Say how a date can be read: only day first, only month first, or either."""
    match = _NUMERIC.match(text.strip())
    if match is None:
        return None
    first, second = int(match[1]), int(match[3])
    if not first or not second or first == second:
        return None
    if first > 12:
        return _DAY if second <= 12 and first <= 31 else None
    if second > 12:
        return _MONTH if second <= 31 else None
    return _DOTTED if match[2] == "." else _SLASHED
