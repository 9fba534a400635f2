"""Reading LinkedIn's Connections.csv, from its "Get a copy of your data" archive."""

from operator import itemgetter

from farley.domain.readers.columns import check_kind
from farley.domain.readers.records import CONTACT_FIELDS, BadRow, ContactRecord
from farley.domain.readers.rows import add_facts, collect, split_mapping
from farley.domain.readers.sniff import Table
from farley.errors import InvalidInput

COLUMNS = (
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
)
_HEADER = ",".join(COLUMNS).lower()
# Exports from before 2019 have no URL column.
_OLD_HEADER = ",".join(name for name in COLUMNS if name != "URL").lower()
MET_HOW = "LinkedIn connection"


def is_header(line: str) -> bool:
    """Tell whether a line is the header row of LinkedIn's connections export."""
    flat = line.replace('"', "").lstrip("\ufeff").strip().lower()
    return flat.startswith(_HEADER) or flat.startswith(_OLD_HEADER)


def read_linkedin(
    table: Table, mapped: dict[int, str], bad: list[BadRow]
) -> list[ContactRecord]:
    """Read every connection into a contact met through LinkedIn."""
    check_kind(mapped, CONTACT_FIELDS | {"fact:KEY"}, "contacts")
    header, overrides = split_mapping(table.header, mapped)
    width = len(header)
    positions = {name.lower(): index for index, name in enumerate(header) if name}
    # A column the file lacks reads from a blank cell added at the row's end.
    indexes = [positions.get(name.lower(), width) for name in COLUMNS]
    if indexes.count(width) == len(COLUMNS) and not overrides:
        raise InvalidInput(
            f"{table.name} has none of LinkedIn's columns ({', '.join(COLUMNS)}): "
            "check the file, or read it with --format csv"
        )

    pad = width in indexes
    cells = itemgetter(*indexes)
    extra = [(i, name) for i, name in enumerate(header) if name and i not in indexes]

    def build(line: int, row: list[str]) -> ContactRecord:
        if pad:
            row.append("")
        first, last, url, email, company, position, connected = cells(row)
        first, last, url, email = (
            first.strip(),
            last.strip(),
            url.strip(),
            email.strip(),
        )
        # Positional arguments, in ContactRecord's order: this runs once a row.
        record = ContactRecord(
            line,
            f"{first} {last}" if first and last else first or last,
            None,
            [email] if email else [],
            [],
            [url] if url else [],
            company.strip() or None,
            position.strip() or None,
            None,
            connected.strip() or None,
            MET_HOW,
        )
        if extra:
            add_facts(record, row, extra)
        return record

    # A connection's company is where they work, never what to call them.
    return collect(table, bad, build, overrides, company_stands_in=False)
