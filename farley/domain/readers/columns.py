"""Matching column names to record fields: common synonyms, and the user's --map."""

from farley.domain.readers.records import FIELDS
from farley.errors import InvalidInput

# A plan says, for each column worth reading: its index, the field, the header.
Plan = list[tuple[int, str, str]]


def _names(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Invert a field -> synonyms table into normalized name -> field."""
    return {name: field for field, names in table.items() for name in names}


CONTACT_NAMES = _names(
    {
        "name": ("name", "fullname", "displayname", "contact", "contactname"),
        "first_name": ("first", "firstname", "givenname", "forename"),
        "last_name": ("last", "lastname", "surname", "familyname"),
        "nickname": ("nickname", "nick"),
        "email": ("email", "emailaddress", "mail", "emails"),
        "phone": ("phone", "telephone", "mobile", "cell", "tel", "phones"),
        "url": ("website", "url", "urls", "linkedin", "web", "webpage", "homepage"),
        "company": (
            "company",
            "organisation",
            "organization",
            "employer",
            "org",
            "companyname",
        ),
        "title": ("title", "jobtitle", "position", "role"),
        "location": ("city", "location", "town", "address"),
        "notes": ("notes", "note", "comments", "comment"),
        "tags": ("tags", "labels", "groups", "categories", "tag", "label"),
        "birthday": ("birthday", "birthdate", "dob", "dateofbirth", "bday"),
        "anniversary": ("anniversary",),
        "met_on": ("met", "meton", "connectedon", "datemet", "firstmet"),
        "met_how": ("howmet", "source", "howwemet", "metvia", "metthrough"),
    }
)
_PERSON = ("person", "name", "contact", "email", "who")
NOTE_NAMES = _names(
    {
        "person": _PERSON,
        "on": ("date", "on", "when", "happened"),
        "text": ("text", "note", "notes", "summary", "body", "content"),
        "kind": ("kind", "type", "channel"),
        "with": ("with", "others", "attendees", "also"),
    }
)
REMINDER_NAMES = _names(
    {
        "person": _PERSON,
        "text": ("text", "task", "reminder", "todo", "what"),
        "due": ("due", "duedate", "deadline", "dueon", "by"),
        "done": ("done", "completed", "doneon", "completedon"),
        "they_owe": ("theyowe", "owedbythem"),
    }
)

# Column names people make up for contact points, such as "Work Email".
_ENDINGS = (
    ("emailaddress", "email"),
    ("email", "email"),
    ("phonenumber", "phone"),
    ("mobilenumber", "phone"),
    ("phone", "phone"),
    ("mobile", "phone"),
    ("website", "url"),
    ("url", "url"),
)


def normalize(header: str) -> str:
    """Reduce a column name to its lowercase letters and digits, for matching."""
    return "".join(char for char in header.lower() if char.isalnum())


def match_contact_column(header: str) -> str | None:
    """The contact field a column name stands for, if any."""
    key = normalize(header).rstrip("0123456789")
    field = CONTACT_NAMES.get(key)
    if field is None:
        field = next((f for end, f in _ENDINGS if key.endswith(end)), None)
    return field


def match_column(header: str, names: dict[str, str]) -> str | None:
    """The field a column name stands for in a notes or reminders file, if any."""
    return names.get(normalize(header))


def check_field(target: str) -> str:
    """Check the FIELD of a `--map COLUMN=FIELD`, giving it its canonical spelling."""
    target = target.strip()
    if target.lower().startswith("fact:") and target[5:].strip():
        return "fact:" + target[5:].strip()
    field = target.lower().replace(" ", "_").replace("-", "_")
    if field not in FIELDS:
        choices = ", ".join(sorted(FIELDS))
        raise InvalidInput(
            f"unknown field {target!r} in --map: use one of {choices}, or fact:KEY"
        )
    return field


def resolve_mapping(
    mapping: dict[str, str] | None, table_header: list[str], name: str
) -> dict[int, str]:
    """Turn `--map COLUMN=FIELD` pairs into column index -> field, checking both."""
    if not mapping:
        return {}
    positions: dict[str, int] = {}
    for index, header in enumerate(table_header):
        positions.setdefault(_squash(header), index)
        # Failing that, "E-mail" may be typed "email": match it without punctuation.
        positions.setdefault(normalize(header), index)

    resolved: dict[int, str] = {}
    for column, target in mapping.items():
        field = check_field(target)
        position = positions.get(_squash(column))
        if position is None:
            position = positions.get(normalize(column))
        if position is None:
            columns = ", ".join(header for header in table_header if header)
            raise InvalidInput(
                f"no column {column!r} in {name}: the columns are {columns}"
            )
        resolved[position] = field
    return resolved


def check_kind(mapped: dict[int, str], allowed: frozenset[str], kind: str) -> None:
    """Refuse a `--map` field that a file of this kind has no place for."""
    for field in mapped.values():
        base = "fact:KEY" if field.startswith("fact:") else field
        if base != "ignore" and base not in allowed:
            choices = ", ".join(sorted(allowed))
            raise InvalidInput(
                f"--map field {field!r} has no place in a {kind} file: "
                f"use one of {choices} or ignore"
            )


def _squash(column: str) -> str:
    """A column name without case or spaces, as `--map` matches it."""
    return "".join(column.split()).lower()


def kind_plan(header: list[str], mapped: dict[int, str], names: dict[str, str]) -> Plan:
    """Decide which field each column of a notes or reminders file fills."""
    plan: Plan = []
    for index, name in enumerate(header):
        field = mapped.get(index) or match_column(name, names)
        if field and field != "ignore":
            plan.append((index, field, name))
    # An email says who someone is more surely than a name does.
    plan.sort(key=lambda step: step[1] != "person" or "mail" not in step[2].lower())
    return plan


def require(plan: Plan, needed: tuple[str, ...], kind: str, name: str) -> None:
    """Refuse a notes or reminders file that lacks a column it cannot do without."""
    found = {field for _, field, _ in plan}
    missing = [field for field in needed if field not in found]
    if missing:
        raise InvalidInput(
            f"{name} has no {' or '.join(missing)} column for a {kind} file: "
            f"name one with --map COLUMN={missing[0]}"
        )


def cells_by_field(row: list[str], plan: Plan) -> dict[str, list[str]]:
    """The non-empty cells of a row, grouped by the field they fill."""
    cells: dict[str, list[str]] = {}
    for index, field, _ in plan:
        value = row[index].strip()
        if value:
            cells.setdefault(field, []).append(value)
    return cells
