"""Property: whatever is typed, read against whatever moment, is a date or refused.

tests/test_dates_parse.py checks any text against one fixed moment; these vary
the moment too: its day, its year, its offset from UTC.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from farley.dates.parse import AmbiguousDate, parse_partial_date, parse_when
from farley.dates.recur import Recurrence, parse_recurrence
from farley.errors import DateError

modest = settings(max_examples=150, database=None, deadline=None)

offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
moments = st.builds(
    lambda day, zone: day.replace(tzinfo=zone),
    st.datetimes(min_value=datetime(1901, 1, 1), max_value=datetime(2199, 12, 31)),
    offsets,
)
# Words the parsers know, mixed with anything at all.
WORDS = ["in", "2", "weeks", "days", "ago", "next", "last", "friday", "3pm", "at"]
WORDS += ["12", "apr", "29", "feb", "2024", "every", "other", "month", "year", "31"]
WORDS += ["4/12", "04-12", "13/12/2026"]
typed = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(WORDS), max_size=5).map(" ".join),
)


@modest
@given(typed, moments, st.sampled_from(["past", "future"]), st.booleans())
def test_any_text_at_any_moment_reads_as_a_date_or_is_refused(
    text: str, now: datetime, lean: str, dayfirst: bool
) -> None:
    try:
        found = parse_when(text, now, lean=lean, dayfirst=dayfirst)
    except DateError:
        return
    assert isinstance(found, date)
    if isinstance(found, datetime):
        assert found.tzinfo is not None


@modest
@given(typed, moments)
def test_any_text_reads_as_a_birthday_or_is_refused_at_any_moment(
    text: str, now: datetime
) -> None:
    try:
        found = parse_partial_date(text, now)
    except (DateError, AmbiguousDate):
        return
    assert 1 <= found.month <= 12 and 1 <= found.day <= 31


@modest
@given(typed)
def test_any_text_reads_as_a_repeat_or_is_refused(text: str) -> None:
    try:
        found = parse_recurrence(text)
    except DateError:
        return
    assert isinstance(found, Recurrence)
    assert parse_recurrence(found.describe()) == found
