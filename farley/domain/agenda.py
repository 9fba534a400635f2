"""The agenda: what is coming up in the next few days."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from farley.domain.meetings import meetings_between
from farley.domain.models import Meeting, Reminder
from farley.domain.occasions import Occasion, upcoming
from farley.domain.reminders import due_by
from farley.domain.touch import Touch
from farley.domain.touch import due_by as touches_due_by
from farley.store import Store

# The most overdue people to get in touch with; farley stale lists them all.
TOUCHES_SHOWN = 10


@dataclass(slots=True)
class Agenda:
    start: date
    end: date
    meetings: list[Meeting] = field(default_factory=list)
    reminders: list[Reminder] = field(default_factory=list)
    dates: list[Occasion] = field(default_factory=list)
    touch: list[Touch] = field(default_factory=list)
    touch_total: int = 0  # everyone due a touch by the end, `touch` the first of them


def agenda(store: Store, now: datetime, days: int = 7) -> Agenda:
    """Meetings, reminders and touches due (overdue too), dates, for `days` days."""
    today = now.date()
    end = today + timedelta(days=days)
    window_end = datetime.combine(end + timedelta(days=1), time(), tzinfo=now.tzinfo)
    touches = touches_due_by(store, now, end, limit=TOUCHES_SHOWN)
    return Agenda(
        start=today,
        end=end,
        meetings=meetings_between(store, now - timedelta(hours=1), window_end),
        reminders=due_by(store, end),
        dates=upcoming(store, today, days),
        touch=touches.entries,
        touch_total=touches.total,
    )
