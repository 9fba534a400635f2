"""Reading the dates people type, against a fixed now."""

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from farley.dates.parse import (
    ACCEPTED_FORMS,
    PARTIAL_FORMS,
    PartialDate,
    parse_date,
    parse_datetime,
    parse_partial_date,
    parse_when,
)
from farley.errors import DateError

ZONE = timezone(timedelta(hours=1))
# Thursday 3 December 2026, mid-morning.
NOW = datetime(2026, 12, 3, 10, 0, tzinfo=ZONE)
# Monday 28 February 2028, late evening: the last day but one of a leap February.
LEAP_ZONE = timezone(timedelta(hours=-5))
LEAP_NOW = datetime(2028, 2, 28, 22, 30, tzinfo=LEAP_ZONE)


def at(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=ZONE)


# Keep hypothesis from saving examples into the working tree.
no_saved_examples = settings(database=None)


def assert_same(found: date | datetime, expected: date | datetime) -> None:
    """Equal, of the same type, and for datetimes at the same UTC offset."""
    assert type(found) is type(expected)
    assert found == expected
    if isinstance(expected, datetime):
        assert found.utcoffset() == expected.utcoffset()


LEAN_FREE = [
    ("2026-12-04", date(2026, 12, 4)),
    ("2026-12-04 15:30", at(2026, 12, 4, 15, 30)),
    ("2026-12-04T15:30", at(2026, 12, 4, 15, 30)),
    ("2026-12-04T15:30:00+01:00", at(2026, 12, 4, 15, 30)),
    ("2026-12-04 9:15", at(2026, 12, 4, 9, 15)),
    ("4 Dec 2026", date(2026, 12, 4)),
    ("December 4th 2026", date(2026, 12, 4)),
    ("Dec 4, 2026", date(2026, 12, 4)),
    ("Dec. 4 2026", date(2026, 12, 4)),
    ("2026 Dec 4", date(2026, 12, 4)),
    ("the 4th of December 2026", date(2026, 12, 4)),
    ("Fri 4 Dec 2026", date(2026, 12, 4)),
    ("Friday, December 4th, 2026", date(2026, 12, 4)),
    ("4/13/2026", date(2026, 4, 13)),
    ("13-4-2026", date(2026, 4, 13)),
    ("4 Dec 2026 15:30", at(2026, 12, 4, 15, 30)),
    ("Dec 4 2026 at 3pm", at(2026, 12, 4, 15)),
    ("3pm", at(2026, 12, 3, 15)),
    ("15:30", at(2026, 12, 3, 15, 30)),
    ("at 9", at(2026, 12, 3, 9)),
    ("at noon", at(2026, 12, 3, 12)),
    ("midnight", at(2026, 12, 3, 0)),
    ("12am", at(2026, 12, 3, 0)),
    ("12pm", at(2026, 12, 3, 12)),
    ("3:45 pm", at(2026, 12, 3, 15, 45)),
    ("today", date(2026, 12, 3)),
    ("tomorrow", date(2026, 12, 4)),
    ("yesterday", date(2026, 12, 2)),
    ("tomorrow 3pm", at(2026, 12, 4, 15)),
    ("tomorrow at 9", at(2026, 12, 4, 9)),
    ("9am tomorrow", at(2026, 12, 4, 9)),
    ("yesterday 17:00", at(2026, 12, 2, 17)),
    ("now", NOW),
    ("next friday", date(2026, 12, 4)),
    ("next thursday", date(2026, 12, 10)),
    ("last friday", date(2026, 11, 27)),
    ("last thursday", date(2026, 11, 26)),
    ("this friday", date(2026, 12, 4)),
    ("this thursday", date(2026, 12, 3)),
    ("next friday 3pm", at(2026, 12, 4, 15)),
    ("in 3 days", date(2026, 12, 6)),
    ("in 2 weeks", date(2026, 12, 17)),
    ("in 1 month", date(2027, 1, 3)),
    ("in a week", date(2026, 12, 10)),
    ("in 2 years", date(2028, 12, 3)),
    ("in 0 days", date(2026, 12, 3)),
    ("3 days ago", date(2026, 11, 30)),
    ("2 weeks ago", date(2026, 11, 19)),
    ("a month ago", date(2026, 11, 3)),
    ("1 year ago", date(2025, 12, 3)),
    ("in 2 weeks at 9am", at(2026, 12, 17, 9)),
    ("next week", date(2026, 12, 10)),
    ("next month", date(2027, 1, 3)),
    ("next year", date(2027, 12, 3)),
    ("last week", date(2026, 11, 26)),
    ("in 2 hours", at(2026, 12, 3, 12)),
    ("in an hour", at(2026, 12, 3, 11)),
    ("30 minutes ago", at(2026, 12, 3, 9, 30)),
    ("  TOMORROW   3PM ", at(2026, 12, 4, 15)),
    ("Next Friday", date(2026, 12, 4)),
]


@pytest.mark.parametrize("lean", ["past", "future"])
@pytest.mark.parametrize(("text", "expected"), LEAN_FREE)
def test_phrases_read_the_same_whichever_way_they_lean(
    text: str, expected: date | datetime, lean: str
) -> None:
    assert_same(parse_when(text, NOW, lean=lean), expected)


LEANING = [
    ("friday", date(2026, 12, 4), date(2026, 11, 27)),
    ("fri", date(2026, 12, 4), date(2026, 11, 27)),
    ("Saturday", date(2026, 12, 5), date(2026, 11, 28)),
    ("wed", date(2026, 12, 9), date(2026, 12, 2)),
    ("thursday", date(2026, 12, 3), date(2026, 12, 3)),
    ("friday 3pm", at(2026, 12, 4, 15), at(2026, 11, 27, 15)),
    ("friday 15:30", at(2026, 12, 4, 15, 30), at(2026, 11, 27, 15, 30)),
    ("friday at 9am", at(2026, 12, 4, 9), at(2026, 11, 27, 9)),
    ("Dec 4", date(2026, 12, 4), date(2025, 12, 4)),
    ("4 Dec", date(2026, 12, 4), date(2025, 12, 4)),
    ("Dec 3", date(2026, 12, 3), date(2026, 12, 3)),
    ("Dec 2", date(2027, 12, 2), date(2026, 12, 2)),
    ("12 Apr", date(2027, 4, 12), date(2026, 4, 12)),
    ("April 12th", date(2027, 4, 12), date(2026, 4, 12)),
    ("4/13", date(2027, 4, 13), date(2026, 4, 13)),
    ("Dec 4 3pm", at(2026, 12, 4, 15), at(2025, 12, 4, 15)),
    ("Feb 29", date(2028, 2, 29), date(2024, 2, 29)),
]


@pytest.mark.parametrize(("text", "future", "past"), LEANING)
def test_weekdays_and_yearless_days_lean_the_way_they_are_told(
    text: str, future: date | datetime, past: date | datetime
) -> None:
    assert_same(parse_when(text, NOW, lean="future"), future)
    assert_same(parse_when(text, NOW, lean="past"), past)


DAYS_OF_THE_MONTH = [
    ("15", date(2026, 12, 15), date(2026, 11, 15)),
    ("15th", date(2026, 12, 15), date(2026, 11, 15)),
    ("the 15th", date(2026, 12, 15), date(2026, 11, 15)),
    ("The 15", date(2026, 12, 15), date(2026, 11, 15)),
    ("3", date(2026, 12, 3), date(2026, 12, 3)),
    ("the 3rd", date(2026, 12, 3), date(2026, 12, 3)),
    ("2nd", date(2027, 1, 2), date(2026, 12, 2)),
    ("1st", date(2027, 1, 1), date(2026, 12, 1)),
    ("the 31st", date(2026, 12, 31), date(2026, 10, 31)),
    ("the 15th 3pm", at(2026, 12, 15, 15), at(2026, 11, 15, 15)),
    ("15 at 9am", at(2026, 12, 15, 9), at(2026, 11, 15, 9)),
]


@pytest.mark.parametrize(("text", "future", "past"), DAYS_OF_THE_MONTH)
def test_a_bare_day_of_the_month_is_the_nearest_one_the_way_it_leans(
    text: str, future: date | datetime, past: date | datetime
) -> None:
    assert_same(parse_when(text, NOW, lean="future"), future)
    assert_same(parse_when(text, NOW, lean="past"), past)


SHORT_MONTHS = [
    # Thursday 5 November 2026: November has no 31st.
    (datetime(2026, 11, 5, 9, tzinfo=ZONE), "31", date(2026, 12, 31)),
    (datetime(2026, 12, 3, 9, tzinfo=ZONE), "31", date(2026, 12, 31)),
    (LEAP_NOW, "29", date(2028, 2, 29)),
    (LEAP_NOW, "30th", date(2028, 3, 30)),
    (datetime(2027, 2, 1, 9, tzinfo=ZONE), "29", date(2027, 3, 29)),
]


@pytest.mark.parametrize(("now", "text", "expected"), SHORT_MONTHS)
def test_a_day_a_month_lacks_is_the_next_month_that_has_it_for_the_future(
    now: datetime, text: str, expected: date
) -> None:
    assert parse_when(text, now, lean="future") == expected


@pytest.mark.parametrize(
    ("now", "text", "expected"),
    [
        (NOW, "31", date(2026, 10, 31)),
        (datetime(2027, 3, 1, 9, tzinfo=ZONE), "the 31st", date(2027, 1, 31)),
        (datetime(2027, 3, 1, 9, tzinfo=ZONE), "29", date(2027, 1, 29)),
        (LEAP_NOW, "29", date(2028, 1, 29)),
    ],
)
def test_a_day_a_month_lacks_is_the_last_month_that_had_it_for_the_past(
    now: datetime, text: str, expected: date
) -> None:
    assert parse_when(text, now, lean="past") == expected


def test_future_is_the_default_lean() -> None:
    assert parse_when("friday", NOW) == date(2026, 12, 4)


NEAR_MONTH_END = [
    ("tomorrow", "future", date(2028, 2, 29)),
    ("in 2 days", "future", date(2028, 3, 1)),
    ("in 1 month", "future", date(2028, 3, 28)),
    ("next year", "future", date(2029, 2, 28)),
    ("Feb 29", "future", date(2028, 2, 29)),
    ("Feb 29", "past", date(2024, 2, 29)),
    ("Feb 28", "past", date(2028, 2, 28)),
    ("Mar 1", "past", date(2027, 3, 1)),
    ("monday", "past", date(2028, 2, 28)),
    ("tuesday", "future", date(2028, 2, 29)),
    ("next monday", "future", date(2028, 3, 6)),
    ("tomorrow 9am", "future", datetime(2028, 2, 29, 9, tzinfo=LEAP_ZONE)),
]


@pytest.mark.parametrize(("text", "lean", "expected"), NEAR_MONTH_END)
def test_phrases_near_a_leap_month_end_land_on_real_days(
    text: str, lean: str, expected: date | datetime
) -> None:
    assert_same(parse_when(text, LEAP_NOW, lean=lean), expected)


def test_a_month_on_from_the_31st_stops_at_the_end_of_a_short_month() -> None:
    now = datetime(2027, 1, 31, 12, tzinfo=ZONE)
    assert parse_when("in 1 month", now) == date(2027, 2, 28)


def test_today_is_the_day_in_nows_zone_not_in_utc() -> None:
    late = datetime(2026, 12, 3, 23, 30, tzinfo=timezone(timedelta(hours=-8)))
    assert parse_when("today", late) == date(2026, 12, 3)


def test_dayfirst_reads_numeric_dates_day_first() -> None:
    assert parse_when("4/12/2026", NOW, dayfirst=True) == date(2026, 12, 4)
    assert parse_when("4/12", NOW, dayfirst=True) == date(2026, 12, 4)


def test_a_numeric_date_that_can_only_be_day_first_is_read_that_way() -> None:
    assert parse_when("31/12/2026", NOW) == date(2026, 12, 31)


def test_two_digit_years_are_read_against_now_not_the_clock() -> None:
    assert parse_when("4/12/95", NOW, dayfirst=False) == date(1995, 4, 12)
    later = datetime(2090, 1, 1, tzinfo=ZONE)
    assert parse_when("4/12/95", later, dayfirst=False) == date(2095, 4, 12)


def test_a_named_offset_keeps_its_own_zone() -> None:
    found = parse_when("2026-12-04T15:30:00-05:00", NOW)
    assert found.utcoffset() == timedelta(hours=-5)
    assert found == datetime(2026, 12, 4, 20, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("3pm utc", timedelta(0)),
        ("2026-12-04T15:30Z", timedelta(0)),
        ("tomorrow 15:30 +05:30", timedelta(hours=5, minutes=30)),
        ("tomorrow 15:30 -0800", timedelta(hours=-8)),
    ],
)
def test_a_time_can_name_its_offset(text: str, offset: timedelta) -> None:
    assert parse_when(text, NOW).utcoffset() == offset


def test_a_time_on_the_far_side_of_a_clock_change_gets_that_days_offset() -> None:
    london = ZoneInfo("Europe/London")
    now = datetime(2026, 3, 28, 12, tzinfo=london)
    found = parse_when("tomorrow 3pm", now)
    assert found == datetime(2026, 3, 29, 15, tzinfo=london)
    assert found.utcoffset() == timedelta(hours=1)


GARBAGE = [
    "Aug 31sh",
    "31 Foo",
    "tomorow",
    "next fryday",
    "",
    "   ",
    "2026-13-01",
    "2026-02-30",
    "Feb 30",
    "31 Apr",
    "29 Feb 2027",
    "in -2 weeks",
    "in 2 fortnights",
    "in two weeks",
    "99999999999",
    "0",
    "32",
    "the 32nd",
    "4st",
    "the",
    "the the 4th",
    "4th the",
    "2026",
    "Dec",
    "Dec 2026",
    "4 4 4",
    "4 5 Dec",
    "4 Dec 2026 2027",
    "Dec Dec 4",
    "4st Dec",
    "1 Jan 0001",
    "friday friday",
    "next",
    "ago",
    "3 days",
    "in 3 days ago",
    "tomorrow yesterday",
    "now 3pm",
    "13pm",
    "0am",
    "25:00",
    "12:61",
    "at",
    "friday at",
    "in 2 hours at 3pm",
    "in 999999 years",
    "2026-12-04T25:00",
    "15:30 +25:00",
    "４ Dec 2026",
    "٣ days ago",
    "日本語",
    "🙂 tomorrow",
    "tomorrow\x00",
]


@pytest.mark.parametrize("text", GARBAGE)
def test_text_that_cannot_be_read_in_full_is_refused(text: str) -> None:
    with pytest.raises(DateError) as raised:
        parse_when(text, NOW)
    message = str(raised.value)
    assert message.startswith("can't read the date ")
    assert message.endswith(f": {ACCEPTED_FORMS}")
    assert "\n" not in message


def test_the_refusal_quotes_the_text_as_typed() -> None:
    with pytest.raises(DateError) as raised:
        parse_when("Aug 31sh", NOW)
    assert str(raised.value) == f'can\'t read the date "Aug 31sh": {ACCEPTED_FORMS}'


def test_the_refusal_of_a_long_text_stays_on_one_short_line() -> None:
    with pytest.raises(DateError) as raised:
        parse_when("blah\n" * 100, NOW)
    assert "\n" not in str(raised.value)
    assert len(str(raised.value)) < 200


def test_accepted_forms_is_one_line_of_examples() -> None:
    assert ACCEPTED_FORMS.startswith("try ")
    assert "\n" not in ACCEPTED_FORMS


def test_a_weekday_that_does_not_match_the_date_is_refused() -> None:
    with pytest.raises(DateError, match="Fri 4 Dec 2026 is not a Monday"):
        parse_when("Mon 4 Dec 2026", NOW)


def test_a_naive_now_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        parse_when("today", NOW.replace(tzinfo=None))


def test_an_unknown_lean_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        parse_when("friday", NOW, lean="sideways")


@no_saved_examples
@given(st.text())
def test_any_text_reads_as_a_date_or_is_refused(text: str) -> None:
    _assert_reads_or_refuses(text)


# Words the parser knows, so that random mixes reach past the first check.
VOCABULARY = [
    *["0", "1", "4", "12", "29", "31", "99", "2026", "9999", "0000", "4th", "31st"],
    *["3pm", "12am", "15:30", "9:05", "+01:00", "z", "utc", "at", "of", "the"],
    *["in", "ago", "a", "an", "next", "last", "this", "today", "tomorrow", "now"],
    *["day", "weeks", "month", "year", "hour", "dec", "feb", "april", "fri"],
    *["4/12", "12/4/2026", "31/12/26", "2026-12-04", "2026-12-04t10:00"],
    *["--", "-", "/", ".", ",", ":", ""],
]


@no_saved_examples
@given(st.lists(st.sampled_from(VOCABULARY), max_size=6).map(" ".join), st.booleans())
def test_any_mix_of_date_words_reads_or_is_refused(text: str, dayfirst: bool) -> None:
    _assert_reads_or_refuses(text, dayfirst)


def _assert_reads_or_refuses(text: str, dayfirst: bool = False) -> None:
    for lean in ("past", "future"):
        try:
            found = parse_when(text, NOW, lean=lean, dayfirst=dayfirst)
        except DateError:
            continue
        assert isinstance(found, date)
        if isinstance(found, datetime):
            assert found.tzinfo is not None


def test_parse_date_drops_the_time_of_day() -> None:
    assert_same(parse_date("friday 3pm", NOW), date(2026, 12, 4))
    assert_same(parse_date("friday", NOW, lean="past"), date(2026, 11, 27))


def test_parse_datetime_returns_a_typed_time_as_it_is() -> None:
    found = parse_datetime("friday 3pm", NOW, default_time=time(9))
    assert_same(found, at(2026, 12, 4, 15))


def test_parse_datetime_uses_the_default_time_when_none_was_typed() -> None:
    assert_same(parse_datetime("friday", NOW, default_time=time(9)), at(2026, 12, 4, 9))


def test_parse_datetime_refuses_a_day_with_no_time_and_no_default() -> None:
    with pytest.raises(DateError) as raised:
        parse_datetime("friday", NOW)
    assert str(raised.value) == (
        '"friday" has no time of day: add one, e.g. "friday 3pm" or "2026-12-04 15:30"'
    )


PARTIAL = [
    ("1980-04-12", PartialDate(4, 12, 1980)),
    ("--04-12", PartialDate(4, 12)),
    ("--0412", PartialDate(4, 12)),
    ("04-13", PartialDate(4, 13)),
    ("19800412", PartialDate(4, 12, 1980)),
    ("1980-04-12T00:00:00Z", PartialDate(4, 12, 1980)),
    ("1980-04-12T23:30:00-05:00", PartialDate(4, 12, 1980)),
    ("12 Apr", PartialDate(4, 12)),
    ("Apr 12", PartialDate(4, 12)),
    ("April 12th", PartialDate(4, 12)),
    ("12 Apr 1980", PartialDate(4, 12, 1980)),
    ("April 12, 1980", PartialDate(4, 12, 1980)),
    ("4/13/1980", PartialDate(4, 13, 1980)),
    ("13/4", PartialDate(4, 13)),
    ("Feb 29", PartialDate(2, 29)),
    ("--02-29", PartialDate(2, 29)),
    ("29 Feb 1980", PartialDate(2, 29, 1980)),
]


@pytest.mark.parametrize(("text", "expected"), PARTIAL)
def test_birthdays_read_with_or_without_a_year(
    text: str, expected: PartialDate
) -> None:
    assert parse_partial_date(text) == expected


def test_dayfirst_applies_to_birthdays_too() -> None:
    assert parse_partial_date("4/12/1980", dayfirst=True) == PartialDate(12, 4, 1980)


def test_a_two_digit_birth_year_is_never_in_the_future() -> None:
    assert parse_partial_date("4/13/80", NOW) == PartialDate(4, 13, 1980)
    assert parse_partial_date("4/13/26", NOW) == PartialDate(4, 13, 2026)
    assert parse_partial_date("4/13/27", NOW) == PartialDate(4, 13, 1927)


def test_a_two_digit_birth_year_without_now_asks_for_the_year_in_full() -> None:
    with pytest.raises(DateError, match="in full"):
        parse_partial_date("4/13/80")


PARTIAL_GARBAGE = [
    "",
    "Apr",
    "1980",
    "Apr 1980",
    "Feb 30",
    "--02-30",
    "--13-01",
    "29 Feb 1981",
    "1981-02-29",
    "0000-04-12",
    "Apr 12 of",
    "12 Aprl",
    "friday",
    "tomorrow",
    "1980-04-12Tnoon",
    "12 Apr 1980 3pm",
]


@pytest.mark.parametrize("text", PARTIAL_GARBAGE)
def test_birthdays_that_cannot_be_read_are_refused(text: str) -> None:
    with pytest.raises(DateError) as raised:
        parse_partial_date(text, NOW)
    assert str(raised.value).endswith(f": {PARTIAL_FORMS}")


@no_saved_examples
@given(st.text())
def test_any_text_reads_as_a_birthday_or_is_refused(text: str) -> None:
    try:
        found = parse_partial_date(text, NOW)
    except DateError:
        return
    assert isinstance(found, PartialDate)


@pytest.mark.parametrize("dayfirst", [None, True, False])
@pytest.mark.parametrize("text", ["2026/04/12", "2026.04.12"])
def test_a_date_written_year_first_reads_month_then_day(text, dayfirst):
    assert parse_date(text, NOW, dayfirst=dayfirst) == date(2026, 4, 12)
