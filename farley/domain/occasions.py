"""Important dates: birthdays, anniversaries and other days that come round yearly."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from farley.dates.format import PartialDate, format_partial_date, is_leap
from farley.domain.models import ImportantDate, PersonRef
from farley.errors import InvalidInput, NotFound
from farley.store import Store


@dataclass(slots=True)
class Occasion:
    """An important date as it falls in a given window of days."""

    person: PersonRef
    label: str
    on: date
    years: int | None

    @property
    def is_birthday(self) -> bool:
        return self.label == "birthday"


def set_date(
    store: Store,
    person_id: int,
    label: str,
    when: PartialDate,
    today: date | None = None,
) -> ImportantDate:
    """Record (or replace) a person's yearly date under `label`.

    Given `today`, a date with a year after it is refused: it has not happened.
    """
    label = " ".join(label.lower().split())
    if not label:
        raise InvalidInput("a date needs a label: farley date dana birthday 12 Apr")
    if today is not None and when.year and _first_time(when) > today:
        raise InvalidInput(
            f"{format_partial_date(when)} is in the future: an important date is one "
            "that has happened; for what is coming, use farley remind"
        )
    with store.transaction():
        store.execute(
            """INSERT INTO important_dates (person_id, label, month, day, year)
            VALUES (?, ?, ?, ?, ?) ON CONFLICT (person_id, label)
            DO UPDATE SET
                month = excluded.month, day = excluded.day, year = excluded.year""",
            (person_id, label, when.month, when.day, when.year),
        )
    row = store.one(
        "SELECT * FROM important_dates WHERE person_id = ? AND label = ?",
        (person_id, label),
    )
    return _important(row)


def remove_date(store: Store, person_id: int, label: str) -> None:
    with store.transaction():
        cursor = store.execute(
            "DELETE FROM important_dates WHERE person_id = ? AND label = ?",
            (person_id, label.lower().strip()),
        )
    if not cursor.rowcount:
        raise NotFound(f'no date called "{label}" is on file for them: see farley show')


def dates_of(store: Store, person_id: int) -> list[ImportantDate]:
    rows = store.query(
        "SELECT * FROM important_dates WHERE person_id = ? ORDER BY month, day",
        (person_id,),
    )
    return [_important(row) for row in rows]


def _important(row) -> ImportantDate:
    return ImportantDate(
        row["id"], row["person_id"], row["label"], row["month"], row["day"], row["year"]
    )


def _first_time(when: PartialDate) -> date:
    return falls_on(when.month, when.day, when.year or 1)


def falls_on(month: int, day: int, year: int) -> date:
    """Where a yearly date falls in `year`: 29 February is the 28th in other years."""
    if month == 2 and day == 29 and not is_leap(year):
        return date(year, 2, 28)
    return date(year, month, day)


def upcoming(
    store: Store,
    start: date,
    days: int,
    person_ids: list[int] | None = None,
    limit: int | None = None,
) -> list[Occasion]:
    """Yearly dates falling from `start` for `days` days, soonest first."""
    window, params = _window(start, days, person_ids)
    if not params:
        return []
    rows = store.query(
        f"""{window} SELECT d.*, p.name, p.company FROM window w
        JOIN important_dates d ON d.month = w.month AND d.day = w.day
        JOIN people p ON p.id = d.person_id {_who(person_ids)}
        ORDER BY w.offset, p.name, d.label {"LIMIT ?" if limit is not None else ""}""",
        [*params, *(person_ids or []), *([limit] if limit is not None else [])],
    )
    occasions = [o for o in (_occasion(row, start, days) for row in rows) if o]
    return sorted(occasions, key=lambda o: (o.on, o.person.name, o.label))


def count_upcoming(store: Store, start: date, days: int) -> int:
    """How many yearly dates fall from `start` for `days` days."""
    window, params = _window(start, days, None)
    if not params:
        return 0
    return store.value(
        f"""{window} SELECT count(*) FROM window w
        JOIN important_dates d ON d.month = w.month AND d.day = w.day""",
        params,
    )


def _window(start: date, days: int, person_ids: list[int] | None) -> tuple[str, list]:
    """A WITH clause of the window's (month, day, offset from start), and its values."""
    first: dict[tuple[int, int], int] = {}
    for offset in range(max(days, 0) + 1):
        day = start + timedelta(days=offset)
        first.setdefault((day.month, day.day), offset)
        # 29 February is due on the 28th of a year without one.
        if (day.month, day.day) == (2, 28) and not is_leap(day.year):
            first.setdefault((2, 29), offset)
    values = ", ".join("(?, ?, ?)" for _ in first)
    params = [n for (month, day), offset in first.items() for n in (month, day, offset)]
    return f"WITH window (month, day, offset) AS (VALUES {values})", params


def _who(person_ids: list[int] | None) -> str:
    if person_ids is None:
        return ""
    return f"WHERE d.person_id IN ({', '.join('?' for _ in person_ids)})"


def _occasion(row, start: date, days: int) -> Occasion | None:
    last = start + timedelta(days=days)
    for year in (start.year, start.year + 1):
        on = falls_on(row["month"], row["day"], year)
        if start <= on <= last:
            years = on.year - row["year"] if row["year"] else None
            # A year on file after this one (from an import, say) is no age.
            years = years if years and years > 0 else None
            person = PersonRef(row["person_id"], row["name"], row["company"])
            return Occasion(person, row["label"], on, years)
    return None
