"""The agenda: what is coming up in the next few days."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from farley.domain.meetings import meetings_between
from farley.domain.models import Meeting, Reminder
from farley.domain.occasions import Occasion, count_upcoming, upcoming
from farley.domain.reminders import count_due_by, due_by
from farley.domain.touch import Touch
from farley.domain.touch import due_by as touches_due_by
from farley.store import Store

# The most overdue people to get in touch with; farley stale lists them all.
TOUCHES_SHOWN = 10


# Made without repr and eq: nothing prints or compares it, and each generated
# method costs every start of the agenda.
@dataclass(slots=True, repr=False, eq=False)
class Agenda:
    start: date
    end: date
    meetings: list[Meeting] = field(default_factory=list)
    reminders: list[Reminder] = field(default_factory=list)
    dates: list[Occasion] = field(default_factory=list)
    touch: list[Touch] = field(default_factory=list)
    touch_total: int = 0  # everyone due a touch by the end, `touch` the first of them
    reminders_total: int = 0
    dates_total: int = 0


def agenda(
    store: Store, now: datetime, days: int = 7, limit: int | None = None
) -> Agenda:
    """Meetings, reminders and touches due (overdue too), dates, for `days` days.

    With a limit, only the first reminders and dates are read; the totals
    still count them all.
    """
    today = now.date()
    end = today + timedelta(days=days)
    window_end = datetime.combine(end + timedelta(days=1), time(), tzinfo=now.tzinfo)
    touches = touches_due_by(store, now, end, limit=TOUCHES_SHOWN)
    reminders = due_by(store, end, limit)
    dates = upcoming(store, today, days, limit=limit)
    return Agenda(
        start=today,
        end=end,
        meetings=meetings_between(store, now - timedelta(hours=1), window_end),
        reminders=reminders,
        dates=dates,
        touch=touches.entries,
        touch_total=touches.total,
        reminders_total=_total(reminders, limit, lambda: count_due_by(store, end)),
        dates_total=_total(dates, limit, lambda: count_upcoming(store, today, days)),
    )


def _total(found: list, limit: int | None, count) -> int:
    """The full count: counted again only when the limit may have cut it short."""
    if limit is None or len(found) < limit:
        return len(found)
    return count()
