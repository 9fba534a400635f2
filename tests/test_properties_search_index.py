"""Property: after any run of changes, the search index is rebuilt from the tables."""

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
    multiple,
    precondition,
    rule,
)

from farley.domain.facts import remove_fact, set_fact
from farley.domain.models import PersonRef
from farley.domain.notes import add_note
from farley.domain.people import NewPerson, add_person, edit_person, remove_person
from farley.domain.reminders import add_reminder, complete
from farley.domain.tags import tag_person, untag_person
from farley.domain.transfer.batches import undo_batch
from farley.domain.transfer.importer import run_import
from farley.domain.transfer.results import ImportOptions
from farley.errors import FarleyError

NOW = datetime(2026, 12, 3, 10, tzinfo=timezone(timedelta(hours=1)))
WORDS = ["budget", "Leeds", "son", "école", "Zoë", "straße", "deck", "golf", "42"]
words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)
# Any text but control characters and lone surrogates, which no one types.
printable = st.text(
    st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=20
)
texts = (words | printable).filter(str.strip)
optional = st.none() | texts
tags = st.lists(
    st.sampled_from(["client", "Client", "vip", "golf", "école"]), max_size=3
)
# Few keys, so that a fact is often set again and so updated.
keys = st.sampled_from(["spouse", "Spouse", "pet", "école"]) | texts
categories = st.sampled_from(["family", "avoid"])


def expected_rows(store) -> list[tuple]:
    """The index rows the tables call for, built here without the triggers."""
    rows = []
    for p in store.query("SELECT * FROM people"):
        own = store.query("SELECT tag FROM tags WHERE person_id = ?", (p["id"],))
        # group_concat follows the key, whose collation folds ASCII case only.
        tag_words = " ".join(sorted((r["tag"] for r in own), key=_nocase))
        fields = (p["nickname"], p["company"], p["title"], p["location"])
        body = " ".join([*(field or "" for field in fields), tag_words])
        rows.append((p["id"] * 4, p["name"], body))
    for n in store.query("SELECT id, text FROM notes"):
        rows.append((n["id"] * 4 + 1, "", n["text"]))
    for f in store.query("SELECT id, key, value FROM facts"):
        rows.append((f["id"] * 4 + 2, f["key"], f["value"]))
    for r in store.query("SELECT id, text FROM reminders"):
        rows.append((r["id"] * 4 + 3, "", r["text"]))
    return sorted(rows)


def _nocase(tag: str) -> bytes:
    return tag.encode().lower()


class IndexFollowsTables(FreshStore):
    """Random adds, notes, facts, reminders, edits, tags and removals."""

    people = Bundle("people")

    @initialize(target=people, first=texts, second=texts)
    def start_with_two(self, first: str, second: str):
        made = [
            add_person(self.store, NewPerson(name), NOW) for name in (first, second)
        ]
        return multiple(*(person.ref for person in made))

    @rule(target=people, name=texts, nickname=optional, company=optional, tags=tags)
    def add(self, name, nickname, company, tags):
        new = NewPerson(name, nickname=nickname, company=company, tags=tags)
        return add_person(self.store, new, NOW).ref

    @rule(
        person=people, field=st.sampled_from(["name", "title", "location"]), value=texts
    )
    def edit(self, person: PersonRef, field: str, value: str):
        edit_person(self.store, person.id, {field: value}, NOW)

    @rule(person=people, field=st.sampled_from(["nickname", "company"]))
    def clear(self, person: PersonRef, field: str):
        edit_person(self.store, person.id, {field: None}, NOW)

    @rule(person=people, tags=tags.filter(bool))
    def tag(self, person: PersonRef, tags: list[str]):
        tag_person(self.store, person.id, tags)

    @rule(person=people)
    def untag(self, person: PersonRef):
        own = self.store.query("SELECT tag FROM tags WHERE person_id = ?", (person.id,))
        if own:
            untag_person(self.store, person.id, [own[0]["tag"]])

    @rule(
        who=st.lists(people, min_size=1, max_size=3, unique_by=lambda p: p.id),
        text=texts,
    )
    def note(self, who: list[PersonRef], text: str):
        add_note(self.store, who, text, NOW.date(), NOW)

    @rule(person=people, key=keys, value=texts, category=categories)
    def fact(self, person: PersonRef, key: str, value: str, category: str):
        set_fact(self.store, person.id, key, value, category, NOW.date(), NOW)

    @rule()
    def forget_a_fact(self):
        fact = self.store.value("SELECT min(id) FROM facts")
        if fact is not None:
            remove_fact(self.store, fact)

    @rule(person=people, text=texts, repeat=st.sampled_from([None, "every 2 weeks"]))
    def remind(self, person: PersonRef, text: str, repeat: str | None):
        due = date(2026, 12, 10) if repeat else None
        add_reminder(self.store, person, text, NOW, due_on=due, recurrence=repeat)

    @rule()
    def finish_a_reminder(self):
        sql = "SELECT min(id) FROM reminders WHERE done_at IS NULL"
        reminder = self.store.value(sql)
        if reminder is not None:
            complete(self.store, reminder, NOW)

    # Imports write in bulk, with the index triggers suspended.
    @rule(
        rows=st.lists(st.tuples(words, st.none() | words, tags), min_size=1, max_size=4)
    )
    def import_contacts(self, rows: list[tuple[str, str | None, list[str]]]):
        lines = [(n, c or "", ", ".join(t), f"{n} cat") for n, c, t in rows]
        self._import([("Name", "Company", "Tags", "Pet"), *lines])

    @rule(person=people, text=words)
    def import_a_note(self, person: PersonRef, text: str):
        name = self.store.value("SELECT name FROM people WHERE id = ?", (person.id,))
        self._import([("Person", "Date", "Text"), (name, "2026-11-30", text)])

    @rule()
    def undo_the_last_import(self):
        # Nothing to undo, or changed since: refused, and nothing is done.
        with suppress(FarleyError):
            undo_batch(self.store, None, NOW)

    def _import(self, rows: list[tuple[str, ...]]) -> None:
        text = io.StringIO()
        csv.writer(text).writerows(rows)
        options = ImportOptions(source="test.csv", skip_bad=True)
        run_import(self.store, text.getvalue().encode(), options, NOW)

    # Removing seldom, and never the last, leaves people for the other rules.
    @precondition(lambda self: self.store.value("SELECT count(*) FROM people") > 2)
    @rule(person=consumes(people))
    def remove(self, person: PersonRef):
        remove_person(self.store, person.id)

    @invariant()
    def index_matches_tables(self):
        indexed = self.store.query("SELECT rowid, title, body FROM search_index")
        assert sorted(tuple(row) for row in indexed) == expected_rows(self.store)

    @invariant()
    def index_agrees_with_its_content(self):
        # FTS5's own check: every row's words are in the index, and no others.
        self.store.execute(
            "INSERT INTO search_index (search_index) VALUES ('integrity-check')"
        )


IndexFollowsTables.TestCase.settings = settings(
    max_examples=15, stateful_step_count=40, database=None, deadline=None
)
test_the_search_index_follows_every_change_to_the_tables = IndexFollowsTables.TestCase
