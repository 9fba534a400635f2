"""Property: after any run of changes, who is due matches working it out by hand."""

from __future__ import annotations

import csv
import io
from contextlib import suppress
from datetime import date, datetime, timedelta, timezone

from helpers import FreshStore
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    consumes,
    initialize,
    invariant,
    precondition,
    rule,
)

from farley.dates.format import from_iso
from farley.dates.recur import parse_recurrence
from farley.domain import touch
from farley.domain.meetings import add_meeting
from farley.domain.models import PersonRef
from farley.domain.notes import add_note
from farley.domain.people import NewPerson, add_person, edit_person, remove_person
from farley.domain.removal import delete_meeting, delete_note
from farley.domain.tags import tag_person, untag_person
from farley.domain.transfer.batches import undo_batch
from farley.domain.transfer.importer import run_import
from farley.domain.transfer.results import ImportOptions
from farley.errors import FarleyError
from farley.store.schema import TOUCH_REFRESH

NOW = datetime(2026, 12, 3, 10, tzinfo=timezone(timedelta(hours=1)))
# Moments to look from: now, later today (after a meeting at noon), and later.
LOOKS = [NOW, NOW + timedelta(hours=5), NOW + timedelta(days=9)]
ZONES = [timezone(timedelta(hours=h)) for h in (-10, 0, 1, 14)]
CADENCES = ["every week", "every 10 days", "every month", "every 3 months"]
cadences = st.sampled_from([*CADENCES, "every year", "monthly"])
tag_names = st.sampled_from(["client", "friend", "golf"])
tags = st.lists(tag_names, max_size=2)
some_tags = st.lists(tag_names, min_size=1, max_size=2)
names = st.sampled_from(["Ann", "ann", "Bo", "Émile", "Zed"])
days_off = st.integers(min_value=-400, max_value=3)
hours_off = st.integers(min_value=-72, max_value=72)


def _rule(text: str | None):
    """A cadence as the clocks read it: only as describe() writes it."""
    if text is None:
        return None
    try:
        found = parse_recurrence(text)
    except FarleyError:
        return None
    return found if found.describe() == text else None


def _cadence_of(store, person) -> tuple[str | None, object]:
    own = _rule(person["cadence"])
    if own is not None:
        return person["cadence"], own
    rows = store.query(
        """SELECT c.cadence FROM tags t JOIN tag_cadences c ON c.tag = t.tag
        WHERE t.person_id = ?""",
        (person["id"],),
    )
    found = [(r["cadence"], _rule(r["cadence"])) for r in rows]
    found = [(text, rule) for text, rule in found if rule is not None]
    if not found:
        return None, None
    return min(found, key=lambda pair: pair[1].approx_days())


def _since(store, person, now: datetime) -> date:
    tomorrow = (now.date() + timedelta(days=1)).isoformat()
    contacts = [
        row[0]
        for row in store.query(
            """SELECT n.happened_at FROM note_people np
            JOIN notes n ON n.id = np.note_id WHERE np.person_id = ?""",
            (person["id"],),
        )
        if row[0] < tomorrow
    ]
    for row in store.query(
        """SELECT m.starts_at FROM meeting_people mp
        JOIN meetings m ON m.id = mp.meeting_id WHERE mp.person_id = ?""",
        (person["id"],),
    ):
        if from_iso(row[0]) < now:
            contacts.append(row[0])
    return date.fromisoformat(max(contacts or [person["created_at"]])[:10])


def expected(store, now: datetime, by: date, days: int | None) -> list[tuple]:
    """Who is due, worked out person by person from every note and meeting."""
    found = []
    for person in store.query("SELECT * FROM people"):
        snoozed = person["snoozed_until"]
        if snoozed and snoozed > now.date().isoformat():
            continue
        since = _since(store, person, now)
        if days is None:
            text, rule = _cadence_of(store, person)
            if rule is None:
                continue
            due = rule.add_to(since)
        else:
            text, due = None, since + timedelta(days=days)
        if due <= by:
            order = (due, person["name"].encode().lower(), person["id"])
            found.append((order, (person["id"], since, due, text)))
    return [entry for _order, entry in sorted(found)]


def fresh_clocks(store) -> list[tuple]:
    """The clocks as the one-statement refresh works them out, rolled back after."""
    store.execute("BEGIN")
    try:
        store.execute(TOUCH_REFRESH.format(which="1"))
        return clocks(store)
    finally:
        store.execute("ROLLBACK")


def clocks(store) -> list[tuple]:
    return [tuple(r) for r in store.query("SELECT * FROM touch_clocks ORDER BY 1")]


class ClocksFollowChanges(FreshStore):
    """Random people, notes, meetings, tags, cadences, snoozes, imports, removals."""

    people = Bundle("people")

    @initialize(target=people, name=names, added=days_off)
    def start_with_one(self, name: str, added: int):
        return self.add(name, added, [], None)

    @rule(target=people, name=names, added=days_off, tags=tags, cadence=cadences)
    def add(self, name: str, added: int, tags: list[str], cadence: str | None):
        new = NewPerson(name, tags=tags)
        person = add_person(self.store, new, NOW + timedelta(days=min(added, 0)))
        if cadence:
            edit_person(self.store, person.id, {"cadence": cadence}, NOW)
        return person.ref

    @rule(
        who=st.lists(people, min_size=1, max_size=2, unique_by=lambda p: p.id),
        day=days_off,
    )
    def note(self, who: list[PersonRef], day: int):
        # A note is taken up to today; redating and imports reach further.
        day = min(day, 0)
        add_note(self.store, who, "hi", NOW.date() + timedelta(days=day), NOW)

    @rule(day=days_off)
    def redate_a_note(self, day: int):
        with self.store.transaction():
            self.store.execute(
                """UPDATE notes SET happened_at = ?
                WHERE id = (SELECT max(id) FROM notes)""",
                ((NOW.date() + timedelta(days=day)).isoformat(),),
            )

    @rule()
    def delete_a_note(self):
        note = self.store.value("SELECT min(id) FROM notes")
        if note is not None:
            delete_note(self.store, note)

    @rule(
        who=st.lists(people, min_size=1, max_size=2, unique_by=lambda p: p.id),
        hours=hours_off,
        zone=st.sampled_from(ZONES),
    )
    def meet(self, who: list[PersonRef], hours: int, zone: timezone):
        at = (NOW + timedelta(hours=hours)).astimezone(zone)
        add_meeting(self.store, who, at, NOW)

    @rule()
    def delete_a_meeting(self):
        meeting = self.store.value("SELECT max(id) FROM meetings")
        if meeting is not None:
            delete_meeting(self.store, meeting)

    @rule(person=people, tags=some_tags)
    def tag(self, person: PersonRef, tags: list[str]):
        tag_person(self.store, person.id, tags)

    @rule(person=people)
    def untag(self, person: PersonRef):
        own = self.store.query("SELECT tag FROM tags WHERE person_id = ?", (person.id,))
        if own:
            untag_person(self.store, person.id, [own[0]["tag"]])

    @rule(tag=st.sampled_from(["client", "friend"]), cadence=st.sampled_from(CADENCES))
    def set_tag_cadence(self, tag: str, cadence: str):
        touch.set_tag_cadence(self.store, tag, cadence)

    @rule(tag=st.sampled_from(["client", "friend"]))
    def clear_tag_cadence(self, tag: str):
        with suppress(FarleyError):
            touch.clear_tag_cadence(self.store, tag)

    @rule(person=people, cadence=st.none() | cadences)
    def own_cadence(self, person: PersonRef, cadence: str | None):
        edit_person(self.store, person.id, {"cadence": cadence}, NOW)

    @rule(person=people, days=st.none() | st.integers(min_value=1, max_value=12))
    def snooze(self, person: PersonRef, days: int | None):
        until = NOW.date() + timedelta(days=days) if days else None
        touch.snooze(self.store, person.id, until, NOW)

    # Imports write in bulk, with the clock triggers suspended.
    @rule(rows=st.lists(st.tuples(names, tags), min_size=1, max_size=3))
    def import_contacts(self, rows: list[tuple[str, list[str]]]):
        self._import([("Name", "Tags"), *((n, ", ".join(t)) for n, t in rows)])

    @rule(person=people, day=days_off)
    def import_a_note(self, person: PersonRef, day: int):
        name = self.store.value("SELECT name FROM people WHERE id = ?", (person.id,))
        when = (NOW.date() + timedelta(days=day)).isoformat()
        self._import([("Person", "Date", "Text"), (name, when, "imported")])

    @rule()
    def undo_the_last_import(self):
        with suppress(FarleyError):
            undo_batch(self.store, None, NOW)

    def _import(self, rows) -> None:
        text = io.StringIO()
        csv.writer(text).writerows(rows)
        options = ImportOptions(source="test.csv", skip_bad=True, on_duplicate="new")
        run_import(self.store, text.getvalue().encode(), options, NOW)

    @precondition(lambda self: self.store.value("SELECT count(*) FROM people") > 1)
    @rule(person=consumes(people))
    def remove(self, person: PersonRef):
        remove_person(self.store, person.id)

    @invariant()
    def clocks_are_what_a_refresh_makes(self):
        assert clocks(self.store) == fresh_clocks(self.store)

    @invariant()
    def stale_and_due_by_match_working_it_out(self):
        for now in LOOKS:
            for days in (None, 0, 30):
                self._check(now, now.date() - timedelta(days=1), days)
            self._check(now, now.date() + timedelta(days=7), None)

    def _check(self, now: datetime, by: date, days: int | None) -> None:
        wanted = expected(self.store, now, by, days)
        found = touch.due_by(self.store, now, by, days, limit=3)
        got = [(t.person.id, t.since, t.due_on, t.cadence) for t in found.entries]
        assert (got, found.total) == (wanted[:3], len(wanted))


ClocksFollowChanges.TestCase.settings = settings(
    max_examples=12, stateful_step_count=30, database=None, deadline=None
)
test_who_is_due_follows_every_change = ClocksFollowChanges.TestCase
