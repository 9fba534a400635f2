"""Showing dates to people, and storing them as ISO 8601 text."""

import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from farley.dates.format import (
    PartialDate,
    format_date,
    format_datetime,
    format_partial_date,
    format_relative,
    format_span,
    format_when,
    from_iso,
    local_now,
    to_iso,
)
from farley.errors import DateError

ZONE = timezone(timedelta(hours=1))
NOW = datetime(2026, 12, 3, 10, 0, tzinfo=ZONE)
REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (date(2026, 11, 27), "Fri 27 Nov 2026"),
        (date(2026, 12, 4), "Fri 4 Dec 2026"),
        (date(2027, 1, 1), "Fri 1 Jan 2027"),
        (date(2028, 2, 29), "Tue 29 Feb 2028"),
        (date(1986, 4, 12), "Sat 12 Apr 1986"),
    ],
)
def test_a_date_shows_weekday_day_month_and_year(value: date, shown: str) -> None:
    assert format_date(value) == shown


def test_a_datetime_shows_the_time_in_24_hours() -> None:
    assert format_datetime(datetime(2026, 12, 4, 15, 30, tzinfo=ZONE)) == (
        "Fri 4 Dec 2026 15:30"
    )
    assert format_datetime(datetime(2026, 12, 4, 9, 5, 59)) == "Fri 4 Dec 2026 09:05"


def test_a_datetime_is_shown_in_nows_zone_when_now_is_given() -> None:
    late_in_utc = datetime(2026, 12, 4, 23, 30, tzinfo=UTC)
    assert format_datetime(late_in_utc) == "Fri 4 Dec 2026 23:30"
    assert format_datetime(late_in_utc, NOW) == "Sat 5 Dec 2026 00:30"


def test_format_when_shows_dates_and_datetimes_each_their_own_way() -> None:
    assert format_when(date(2026, 12, 4)) == "Fri 4 Dec 2026"
    moment = datetime(2026, 12, 4, 14, 30, tzinfo=UTC)
    assert format_when(moment, NOW) == "Fri 4 Dec 2026 15:30"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (date(2026, 12, 3), "today"),
        (date(2026, 12, 4), "tomorrow"),
        (date(2026, 12, 2), "yesterday"),
        (date(2026, 12, 6), "in 3 days"),
        (date(2026, 11, 30), "3 days ago"),
        (date(2026, 12, 10), "in 1 week"),
        (date(2026, 12, 16), "in 13 days"),
        (date(2026, 12, 17), "in 2 weeks"),
        (date(2026, 10, 29), "5 weeks ago"),
        (date(2027, 2, 3), "in 8 weeks"),
        (date(2027, 2, 4), "in 2 months"),
        (date(2027, 4, 5), "in 4 months"),
        (date(2024, 12, 4), "23 months ago"),
        (date(2024, 12, 2), "2 years ago"),
        (date(2036, 12, 3), "in 10 years"),
        (datetime(2026, 12, 3, 23, 59, tzinfo=ZONE), "today"),
        (datetime(2026, 12, 3, 23, 30, tzinfo=UTC), "tomorrow"),
        (datetime(2026, 12, 2, 22, 30, tzinfo=UTC), "yesterday"),
    ],
)
def test_relative_dates_use_the_unit_people_would(
    value: date | datetime, shown: str
) -> None:
    assert format_relative(value, NOW) == shown


@pytest.mark.parametrize(
    ("days", "shown"),
    [
        (0, "0 days"),
        (1, "1 day"),
        (3, "3 days"),
        (7, "1 week"),
        (8, "8 days"),
        (13, "13 days"),
        (14, "2 weeks"),
        (20, "2 weeks"),
        (35, "5 weeks"),
        (62, "8 weeks"),
        (63, "2 months"),
        (122, "4 months"),
        (364, "11 months"),
        (365, "11 months"),
        (730, "23 months"),
        (731, "2 years"),
        (3653, "10 years"),
        (-35, "5 weeks"),
    ],
)
def test_a_span_of_days_is_shown_in_days_weeks_months_or_years(
    days: int, shown: str
) -> None:
    assert format_span(days) == shown


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        (date(2026, 12, 4), "2026-12-04"),
        (datetime(2026, 12, 4, 15, 30, tzinfo=ZONE), "2026-12-04T15:30:00+01:00"),
        (datetime(2026, 12, 4, 15, 30, 5, tzinfo=UTC), "2026-12-04T15:30:05+00:00"),
    ],
)
def test_dates_and_datetimes_are_stored_as_iso_8601_and_read_back(
    value: date | datetime, stored: str
) -> None:
    assert to_iso(value) == stored
    assert from_iso(stored) == value


def test_storing_a_datetime_drops_fractions_of_a_second() -> None:
    moment = datetime(2026, 12, 4, 15, 30, 5, 999, tzinfo=UTC)
    assert to_iso(moment) == "2026-12-04T15:30:05+00:00"


def test_a_stored_datetime_comes_back_with_its_offset() -> None:
    found = from_iso("2026-12-04T15:30:00+01:00")
    assert isinstance(found, datetime)
    assert found.utcoffset() == timedelta(hours=1)


def test_a_stored_date_comes_back_as_a_date() -> None:
    found = from_iso("2026-12-04")
    assert type(found) is date
    assert found == date(2026, 12, 4)


def test_an_old_stored_datetime_without_a_zone_is_taken_as_utc() -> None:
    assert from_iso("2026-12-04T15:30:00") == datetime(2026, 12, 4, 15, 30, tzinfo=UTC)
    assert from_iso("2026-12-04 15:30") == datetime(2026, 12, 4, 15, 30, tzinfo=UTC)


@pytest.mark.parametrize("text", ["", "yesterday", "2026-13-01", "2026-12-04T25:00"])
def test_text_that_is_not_iso_8601_is_refused_when_read_back(text: str) -> None:
    with pytest.raises(DateError):
        from_iso(text)


def test_a_datetime_without_a_zone_is_refused_for_storage() -> None:
    with pytest.raises(ValueError):
        to_iso(datetime(2026, 12, 4, 15, 30))


@pytest.mark.parametrize(
    ("value", "stored", "shown"),
    [
        (PartialDate(4, 12, 1980), "1980-04-12", "12 Apr 1980"),
        (PartialDate(4, 12), "--04-12", "12 Apr"),
        (PartialDate(2, 29), "--02-29", "29 Feb"),
        (PartialDate(2, 29, 2024), "2024-02-29", "29 Feb 2024"),
    ],
)
def test_a_partial_date_is_stored_and_shown_with_or_without_its_year(
    value: PartialDate, stored: str, shown: str
) -> None:
    assert value.iso() == stored
    assert PartialDate.from_iso(stored) == value
    assert format_partial_date(value) == shown


@pytest.mark.parametrize(
    ("month", "day", "year"),
    [(2, 29, 2023), (2, 30, None), (13, 1, None), (4, 31, None)],
)
def test_a_partial_date_that_is_not_a_day_cannot_be_made(
    month: int, day: int, year: int | None
) -> None:
    with pytest.raises(ValueError):
        PartialDate(month, day, year)


@pytest.mark.parametrize("text", ["", "04-12", "--4-12", "1980-02-30", "--02-30"])
def test_a_partial_date_reads_back_only_what_iso_wrote(text: str) -> None:
    with pytest.raises(DateError):
        PartialDate.from_iso(text)


def test_local_now_is_aware() -> None:
    assert local_now().tzinfo is not None


def test_formatting_dates_does_not_load_dateutil() -> None:
    # Read-only commands import this module and must start fast.
    code = "import sys, farley.dates.format; print('dateutil' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"PYTHONPATH": str(REPO)},
        check=True,
    )
    assert result.stdout.strip() == "False"
