"""Repeats across month ends and leap years, and yearly dates such as birthdays."""

from datetime import date

import pytest

from farley.dates.recur import (
    ACCEPTED_REPEATS,
    Recurrence,
    parse_recurrence,
)
from farley.errors import DateError

READABLE = [
    ("every day", Recurrence(1, "day")),
    ("every week", Recurrence(1, "week")),
    ("every 2 weeks", Recurrence(2, "week")),
    ("every 3 months", Recurrence(3, "month")),
    ("every year", Recurrence(1, "year")),
    ("every other week", Recurrence(2, "week")),
    ("every other month", Recurrence(2, "month")),
    ("every fortnight", Recurrence(2, "week")),
    ("every quarter", Recurrence(3, "month")),
    ("every 1 week", Recurrence(1, "week")),
    ("daily", Recurrence(1, "day")),
    ("weekly", Recurrence(1, "week")),
    ("fortnightly", Recurrence(2, "week")),
    ("biweekly", Recurrence(2, "week")),
    ("monthly", Recurrence(1, "month")),
    ("quarterly", Recurrence(3, "month")),
    ("yearly", Recurrence(1, "year")),
    ("annually", Recurrence(1, "year")),
    ("6 weeks", Recurrence(6, "week")),
    ("1 month", Recurrence(1, "month")),
    ("2 years", Recurrence(2, "year")),
    ("10 days", Recurrence(10, "day")),
    ("a month", Recurrence(1, "month")),
    ("  Every   2   WEEKS ", Recurrence(2, "week")),
    ("Monthly", Recurrence(1, "month")),
    ("every 1000 years", Recurrence(1000, "year")),
]


@pytest.mark.parametrize(("text", "expected"), READABLE)
def test_repeats_read_in_the_ways_people_write_them(
    text: str, expected: Recurrence
) -> None:
    assert parse_recurrence(text) == expected


UNREADABLE = [
    "",
    "every",
    "week",
    "every 0 weeks",
    "0 days",
    "every -2 weeks",
    "every 1001 years",
    "every 12001 months",
    "every 999999 weeks",
    "every two weeks",
    "every other",
    "other week",
    "every a week",
    "an hour",
    "every hour",
    "every 2 fortnights later",
    "sometimes",
    "every week ago",
    "٣ weeks",
]


@pytest.mark.parametrize("text", UNREADABLE)
def test_repeats_that_cannot_be_read_are_refused(text: str) -> None:
    with pytest.raises(DateError) as raised:
        parse_recurrence(text)
    assert (
        str(raised.value)
        == f'can\'t read the repeat "{text.strip()}"; {ACCEPTED_REPEATS}'
    )


@pytest.mark.parametrize(
    ("repeat", "described"),
    [
        (Recurrence(1, "day"), "every day"),
        (Recurrence(1, "week"), "every week"),
        (Recurrence(2, "week"), "every 2 weeks"),
        (Recurrence(3, "month"), "every 3 months"),
        (Recurrence(1, "year"), "every year"),
    ],
)
def test_a_repeat_describes_itself_in_words_it_can_read_back(
    repeat: Recurrence, described: str
) -> None:
    assert repeat.describe() == described
    assert parse_recurrence(described) == repeat


@pytest.mark.parametrize(
    ("repeat", "days"),
    [
        (Recurrence(1, "day"), 1.0),
        (Recurrence(2, "week"), 14.0),
        (Recurrence(1, "month"), 30.44),
        (Recurrence(2, "year"), 730.5),
    ],
)
def test_a_repeat_knows_its_rough_length_in_days(
    repeat: Recurrence, days: float
) -> None:
    assert repeat.approx_days() == pytest.approx(days)


@pytest.mark.parametrize(("count", "unit"), [(0, "week"), (-1, "day"), (1, "hour")])
def test_a_repeat_of_no_length_or_unknown_unit_cannot_be_made(
    count: int, unit: str
) -> None:
    with pytest.raises(ValueError):
        Recurrence(count, unit)


def _walk(repeat: Recurrence, anchor: date, steps: int) -> list[date]:
    """Follow a repeat by asking each time for the date after the last one."""
    found, last = [], anchor
    for _ in range(steps):
        last = repeat.next_after(anchor, last)
        found.append(last)
    return found


def test_monthly_from_the_31st_keeps_to_each_months_last_day() -> None:
    assert _walk(Recurrence(1, "month"), date(2027, 1, 31), 12) == [
        date(2027, 2, 28),
        date(2027, 3, 31),
        date(2027, 4, 30),
        date(2027, 5, 31),
        date(2027, 6, 30),
        date(2027, 7, 31),
        date(2027, 8, 31),
        date(2027, 9, 30),
        date(2027, 10, 31),
        date(2027, 11, 30),
        date(2027, 12, 31),
        date(2028, 1, 31),
    ]


def test_monthly_from_the_31st_lands_on_feb_29_in_a_leap_year() -> None:
    assert _walk(Recurrence(1, "month"), date(2028, 1, 31), 2) == [
        date(2028, 2, 29),
        date(2028, 3, 31),
    ]


def test_every_three_months_from_the_30th_comes_back_to_the_30th() -> None:
    assert _walk(Recurrence(3, "month"), date(2026, 11, 30), 4) == [
        date(2027, 2, 28),
        date(2027, 5, 30),
        date(2027, 8, 30),
        date(2027, 11, 30),
    ]


def test_yearly_from_feb_29_falls_on_feb_28_until_the_next_leap_year() -> None:
    assert _walk(Recurrence(1, "year"), date(2024, 2, 29), 4) == [
        date(2025, 2, 28),
        date(2026, 2, 28),
        date(2027, 2, 28),
        date(2028, 2, 29),
    ]


def test_every_two_weeks_keeps_to_the_anchors_weekday() -> None:
    assert _walk(Recurrence(2, "week"), date(2026, 12, 3), 3) == [
        date(2026, 12, 17),
        date(2026, 12, 31),
        date(2027, 1, 14),
    ]


@pytest.mark.parametrize(
    ("repeat", "anchor", "after", "expected"),
    [
        (
            Recurrence(1, "month"),
            date(1900, 1, 31),
            date(2026, 12, 3),
            date(2026, 12, 31),
        ),
        (
            Recurrence(1, "month"),
            date(1900, 1, 31),
            date(2026, 12, 31),
            date(2027, 1, 31),
        ),
        (Recurrence(1, "week"), date(1950, 1, 2), date(2026, 12, 3), date(2026, 12, 7)),
        (Recurrence(3, "day"), date(1970, 1, 1), date(2026, 12, 3), date(2026, 12, 6)),
        (Recurrence(1, "year"), date(1904, 2, 29), date(2027, 3, 1), date(2028, 2, 29)),
        (Recurrence(5, "year"), date(1901, 6, 1), date(2026, 6, 1), date(2031, 6, 1)),
    ],
)
def test_the_next_date_after_a_far_past_anchor_is_found(
    repeat: Recurrence, anchor: date, after: date, expected: date
) -> None:
    assert repeat.next_after(anchor, after) == expected


@pytest.mark.parametrize(
    "repeat", [Recurrence(1, "day"), Recurrence(1, "month"), Recurrence(7, "year")]
)
def test_the_next_date_is_found_in_a_few_steps_however_old_the_anchor(
    repeat: Recurrence, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    add_to = Recurrence.add_to

    def counting_add_to(self: Recurrence, d: date, times: int = 1) -> date:
        calls.append(times)
        return add_to(self, d, times)

    monkeypatch.setattr(Recurrence, "add_to", counting_add_to)
    found = repeat.next_after(date(1, 1, 1), date(9000, 6, 15))
    assert date(9000, 6, 15) < found <= add_to(repeat, date(9000, 6, 15))
    assert len(calls) <= 4


def test_the_next_date_is_strictly_after_even_when_after_is_a_repeat() -> None:
    repeat = Recurrence(1, "week")
    assert repeat.next_after(date(2026, 12, 3), date(2026, 12, 10)) == date(
        2026, 12, 17
    )


def test_the_next_date_is_at_least_one_step_on_from_the_anchor() -> None:
    repeat = Recurrence(1, "month")
    assert repeat.next_after(date(2026, 12, 3), date(2020, 1, 1)) == date(2027, 1, 3)
    assert repeat.next_after(date(2026, 12, 3), date(2026, 12, 3)) == date(2027, 1, 3)


def test_adding_repeats_counts_each_from_the_start_date() -> None:
    repeat = Recurrence(1, "month")
    assert repeat.add_to(date(2027, 1, 31)) == date(2027, 2, 28)
    assert repeat.add_to(date(2027, 1, 31), times=2) == date(2027, 3, 31)
    assert repeat.add_to(date(2027, 3, 31), times=-1) == date(2027, 2, 28)
    assert Recurrence(2, "week").add_to(date(2026, 12, 3), 3) == date(2027, 1, 14)
