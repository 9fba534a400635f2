"""Importing notes and reminders, each tied to someone already on file."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, time
from operator import itemgetter

from farley.dates.format import from_iso, to_iso
from farley.domain.contacts import normalize_email
from farley.domain.followups import FollowUp, find_follow_ups
from farley.domain.notes import clean_text
from farley.domain.readers import BadRow, NoteRecord, ReminderRecord
from farley.domain.resolve import NameIndex
from farley.domain.transfer import bulk
from farley.domain.transfer.incoming import DateReader
from farley.domain.transfer.results import ImportReport, RowOutcome
from farley.errors import InvalidInput
from farley.store import Store
from farley.store.bulk import BulkLoad

# Called after each chunk with the last line read, to stop at a bad row.
Check = Callable[[int], None]
Progress = Callable[[int, int], None]
CHUNK = 50_000

_NOTE_KINDS = {
    "meeting": "meeting",
    "lunch": "meeting",
    "coffee": "meeting",
    "visit": "meeting",
    "call": "call",
    "phone": "call",
    "phone call": "call",
    "video call": "call",
    "email": "email",
    "e-mail": "email",
    "mail": "email",
    "message": "message",
    "text": "message",
    "sms": "message",
    "chat": "message",
    "whatsapp": "message",
}
_DONE_WORDS = frozenset({"yes", "y", "true", "1", "x", "done", "✓"})
_NOTE_COLUMNS = ("id", "kind", "happened_at", "text", "created_at")
_LINK_COLUMNS = ("note_id", "person_id", "happened_at", "secondary")
# The reminders a note's to-do lines become, as `farley note` makes them.
_FOLLOW_UP_COLUMNS = (
    "id",
    "person_id",
    "text",
    "due_on",
    "anchor_on",
    "note_id",
    "created_at",
)
_REMINDER_COLUMNS = (
    "id",
    "person_id",
    "text",
    "due_on",
    "anchor_on",
    "they_owe",
    "done_at",
    "created_at",
)


class PersonFinder:
    """Finds whom a row names: by exact email, else by full name as lookup does."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.emails: dict[str, int] = dict(
            bulk.tuples(
                store,
                "SELECT normalized, person_id FROM contact_points WHERE kind = 'email'",
            )
        )
        self.names = NameIndex(bulk.tuples(store, "SELECT id, name FROM people"))
        # Files name the same people over and over: each text is looked up once.
        self._found: dict[str, int | str] = {}

    def find(self, text: str) -> int:
        found = self._found.get(text)
        if found is None:
            try:
                found = self._find(text)
            except InvalidInput as exc:
                found = str(exc)
            self._found[text] = found
        if isinstance(found, str):
            raise InvalidInput(found)
        return found

    def _find(self, text: str) -> int:
        query = " ".join(text.split())
        if "@" in query and normalize_email(query) in self.emails:
            return self.emails[normalize_email(query)]
        found = self.names.find(query)
        if not found:
            who = f"with the email {query}" if "@" in query else f"called {query}"
            raise InvalidInput(f"no one {who} on file: import contacts first")
        if len(found) > 1:
            raise InvalidInput(
                f"several people are called {query} ({self._listed(found)}): "
                "name them by email instead"
            )
        return found[0]

    def _listed(self, ids: list[int]) -> str:
        marks = ", ".join("?" for _ in ids)
        sql = f"SELECT id, name FROM people WHERE id IN ({marks}) ORDER BY id"
        rows = bulk.tuples(self.store, sql, ids)
        return "; ".join(f"{name}, id {person_id}" for person_id, name in rows)


def note_kind(kind: str | None) -> str:
    """The kind of note a file's word stands for; other when it is none we know."""
    if kind in _NOTE_KINDS:
        return _NOTE_KINDS[kind]
    return _NOTE_KINDS.get(" ".join((kind or "").lower().split()), "other")


def chunks(records: Sequence, size: int = CHUNK) -> Iterator[Sequence]:
    for start in range(0, len(records), size):
        yield records[start : start + size]


def import_notes(
    load: BulkLoad,
    records: list[NoteRecord],
    report: ImportReport,
    dates: DateReader,
    batch: int,
    check: Check,
    progress: Progress | None = None,
) -> None:
    """Add each note to the people it names; a note already on file is skipped."""
    job = _Notes(load.store, report, dates)
    first, first_reminder = job.next_id, job.next_reminder
    done = 0
    for chunk in chunks(records):
        notes, links, reminders = job.rows(chunk)
        check(chunk[-1].line)
        load.insert("notes", _NOTE_COLUMNS, notes)
        # In the order of the table's key, the rows go in twice as fast.
        links.sort(key=itemgetter(1, 0))
        load.insert("note_people", _LINK_COLUMNS, links)
        load.insert("reminders", _FOLLOW_UP_COLUMNS, reminders)
        done += len(chunk)
        if progress:
            progress(done, len(records))
    store = load.store
    bulk.record_range(store, batch, "notes", first, job.next_id - 1, job.stamp)
    last_reminder = job.next_reminder - 1
    bulk.record_range(
        store, batch, "reminders", first_reminder, last_reminder, job.stamp
    )
    made = last_reminder - first_reminder + 1
    if made:
        plural = "reminder" if made == 1 else "reminders"
        report.notices.append(f"{made} {plural} made from the notes' to-do lines")


class _Notes:
    """Turns note records into rows, numbering them, leaving out those on file."""

    def __init__(self, store: Store, report: ImportReport, dates: DateReader) -> None:
        self.finder = PersonFinder(store)
        self.seen = _note_signatures(store)
        self.next_id = bulk.first_free_id(store, "notes")
        self.next_reminder = bulk.first_free_id(store, "reminders")
        self.stamp = to_iso(dates.now)
        self.report = report
        self.dates = dates

    def rows(self, records: Sequence[NoteRecord]) -> tuple[list, list, list]:
        """The rows of notes, of note_people and of reminders for some records."""
        notes: list[tuple] = []
        links: list[tuple] = []
        reminders: list[tuple] = []
        for record in records:
            found = _note_row(record, self.finder, self.dates, self.report)
            if found is None:
                continue
            people, row = found
            signature = hash((people[0], row[1], row[2]))
            if signature in self.seen:
                _skip(self.report, record.line, record.person, "on file already")
                continue
            try:
                follow_ups = _follow_ups(row[2], row[1], self.dates)
            except InvalidInput as exc:
                self.report.bad.append(BadRow(record.line, str(exc)))
                continue
            self.seen.add(signature)
            for follow_up in follow_ups:
                due = to_iso(follow_up.due_on) if follow_up.due_on else None
                reminders.append(
                    (self.next_reminder, people[0], follow_up.text, due, due)
                    + (self.next_id, self.stamp)
                )
                self.next_reminder += 1
            notes.append((self.next_id, *row, self.stamp))
            links.extend(
                (self.next_id, person, row[1], at > 0)
                for at, person in enumerate(people)
            )
            _add(self.report, record.line, record.person, people[0])
            self.next_id += 1
        return notes, links, reminders


def _follow_ups(text: str, happened: str, dates: DateReader) -> list[FollowUp]:
    """An imported note's to-do lines: days from the note's, in the file's order."""
    # Most notes hold none: every marker has one of these in it.
    if ":" not in text and ">>" not in text and "[ ]" not in text:
        return []
    day = from_iso(happened)
    if not isinstance(day, datetime):
        day = datetime.combine(day, dates.now.timetz())
    return find_follow_ups(text, day, dates.dayfirst)


def _note_row(
    record: NoteRecord, finder: PersonFinder, dates: DateReader, report: ImportReport
) -> tuple[list[int], tuple[str, str, str]] | None:
    """The people and the (kind, happened_at, text) of a note, or None if bad."""
    try:
        people = [finder.find(record.person)]
        if record.others:
            people = list(dict.fromkeys([*people, *map(finder.find, record.others)]))
        happened = dates.past_when(record.on)
    except InvalidInput as exc:
        report.bad.append(BadRow(record.line, str(exc)))
        return None
    text = clean_text(record.text)
    if not text:
        report.bad.append(BadRow(record.line, "no text"))
        return None
    return people, (note_kind(record.kind), happened, text)


def _note_signatures(store: Store) -> set[int]:
    # Hashes, not the texts: a million notes on file would otherwise all be in memory.
    rows = bulk.tuples(
        store,
        """SELECT np.person_id, n.happened_at, n.text FROM note_people np
        JOIN notes n ON n.id = np.note_id""",
    )
    return {hash(row) for row in rows}


def import_reminders(
    load: BulkLoad,
    records: list[ReminderRecord],
    report: ImportReport,
    dates: DateReader,
    batch: int,
    check: Check,
) -> None:
    """Add each reminder to its person; one already on file is skipped."""
    store = load.store
    finder = PersonFinder(store)
    rows = bulk.tuples(store, "SELECT person_id, text, due_on FROM reminders")
    seen = {hash(row) for row in rows}
    first = next_id = bulk.first_free_id(store, "reminders")
    stamp = to_iso(dates.now)
    found = []
    for record in records:
        row = _reminder_row(record, finder, dates, report)
        if row is None:
            continue
        if hash(row[:3]) in seen:
            _skip(report, record.line, record.person, "on file already")
            continue
        seen.add(hash(row[:3]))
        found.append((next_id, *row, stamp))
        _add(report, record.line, record.person, row[0])
        next_id += 1
    check(records[-1].line if records else 0)
    load.insert("reminders", _REMINDER_COLUMNS, found)
    bulk.record_range(store, batch, "reminders", first, next_id - 1, stamp)


def _reminder_row(
    record: ReminderRecord,
    finder: PersonFinder,
    dates: DateReader,
    report: ImportReport,
) -> tuple | None:
    """(person, text, due_on, anchor_on, they_owe, done_at), or None if bad."""
    try:
        person = finder.find(record.person)
        due = dates.day(record.due.strip(), "future") if record.due else None
        done = _done_at(record.done, dates) if record.done else None
    except InvalidInput as exc:
        report.bad.append(BadRow(record.line, str(exc)))
        return None
    due_on = to_iso(due) if due else None
    return person, record.text.strip(), due_on, due_on, int(record.they_owe), done


def _done_at(value: str, dates: DateReader) -> str:
    """When a reminder was done: the date given, or the import's time for "yes"."""
    if value.strip().lower() in _DONE_WORDS:
        return to_iso(dates.now)
    when = dates.when(value.strip(), "past")
    if not isinstance(when, datetime):
        when = datetime.combine(when, time(), tzinfo=dates.now.tzinfo)
    return to_iso(when)


def _add(report: ImportReport, line: int, name: str, person: int) -> None:
    report.added += 1
    if report.dry_run:
        report.rows.append(RowOutcome(line, "added", name, person=person))


def _skip(report: ImportReport, line: int, name: str, reason: str) -> None:
    report.skipped += 1
    if report.dry_run:
        report.rows.append(RowOutcome(line, "skipped", name, reason=reason))
