"""The plain records that readers turn export files into, before anything is stored."""

from dataclasses import dataclass, field


@dataclass(slots=True)
class ContactRecord:
    """One person as an export file describes them; dates stay as written."""

    line: int
    name: str
    nickname: str | None = None
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    company: str | None = None
    title: str | None = None
    location: str | None = None
    met_on: str | None = None
    met_how: str | None = None
    birthday: str | None = None
    dates: list[tuple[str, str]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    notes: str | None = None
    facts: list[tuple[str, str]] = field(default_factory=list)
    # The label of an email, phone or URL ("mobile", "work"), by its value.
    labels: dict[str, str] | None = None
    cadence: str | None = None
    # Facts whose file names their category: category, key, value, learned on.
    categorized_facts: list[tuple[str, str, str, str | None]] = field(
        default_factory=list
    )


@dataclass(slots=True)
class NoteRecord:
    """Something that happened with a person, from a notes file."""

    line: int
    person: str
    on: str
    text: str
    kind: str | None = None
    others: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ReminderRecord:
    """Something to do about a person, from a reminders file."""

    line: int
    person: str
    text: str
    due: str | None = None
    done: str | None = None
    they_owe: bool = False


@dataclass(slots=True)
class BadRow:
    """A row or card that could not be read, and why."""

    line: int
    reason: str


@dataclass(slots=True)
class ReadResult:
    """Everything read from one file: its format, what it holds, and what failed."""

    format: str
    kind: str
    records: list[ContactRecord] | list[NoteRecord] | list[ReminderRecord]
    bad: list[BadRow]


CONTACT_FIELDS = frozenset(
    {
        "name",
        "first_name",
        "last_name",
        "nickname",
        "email",
        "phone",
        "url",
        "company",
        "title",
        "location",
        "met_on",
        "met_how",
        "birthday",
        "anniversary",
        "tags",
        "notes",
    }
)
NOTE_FIELDS = frozenset({"person", "on", "text", "kind", "with"})
REMINDER_FIELDS = frozenset({"person", "text", "due", "done", "they_owe"})

# What `--map COLUMN=FIELD` accepts, besides `fact:KEY`.
FIELDS = CONTACT_FIELDS | NOTE_FIELDS | REMINDER_FIELDS | {"ignore"}
