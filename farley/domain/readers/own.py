"""Reading Farley's own CSV export back in, as `farley export --format csv` wrote it."""

from dataclasses import dataclass

from farley.domain.readers.records import BadRow, ContactRecord
from farley.domain.readers.rows import read_format
from farley.domain.readers.sniff import Table
from farley.domain.readers.values import set_label

# Exports before labels and dates stop at met_on; both are read.
FIRST_COLUMNS = (
    "id",
    "name",
    "nickname",
    "company",
    "title",
    "location",
    "emails",
    "phones",
    "urls",
    "tags",
    "birthday",
    "met_how",
    "met_on",
)
COLUMNS = (*FIRST_COLUMNS, "contact_labels", "dates")
_TEXTS = ("name", "nickname", "company", "title", "location", "met_how")
_LISTS = {"emails": "emails", "phones": "phones", "urls": "urls", "tags": "tags"}
# What the export puts before a cell a spreadsheet would run as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_own(header: list[str]) -> bool:
    """Tell whether a header row is that of Farley's own CSV export."""
    return tuple(header[: len(FIRST_COLUMNS)]) == FIRST_COLUMNS


@dataclass(slots=True)
class _Layout:
    """Where each of the export's columns is; the id is ours, so never read."""

    at: dict[str, int]

    def found(self) -> bool:
        return "name" in self.at


def read_own(
    table: Table, mapped: dict[int, str], bad: list[BadRow]
) -> list[ContactRecord]:
    """Read every row of our own export into a contact."""
    return read_format(table, mapped, bad, _find_layout, _contact, "Farley's")


def _find_layout(header: list[str]) -> _Layout:
    return _Layout({name: index for index, name in enumerate(header) if name})


def _contact(layout: _Layout, line: int, row: list[str]) -> ContactRecord:
    """Build one contact from a row, each cell back as the export wrote it."""
    cell = {name: unguard(row[index].strip()) for name, index in layout.at.items()}
    record = ContactRecord(line, "")
    for name in _TEXTS:
        setattr(record, name, cell.get(name) or None)
    record.name = record.name or ""
    record.birthday = cell.get("birthday") or None
    record.met_on = cell.get("met_on") or None
    for column, target in _LISTS.items():
        getattr(record, target).extend(split_list(cell.get(column, "")))
    for label, value in split_pairs(cell.get("contact_labels", "")):
        set_label(record, value, label)
    record.dates.extend(split_pairs(cell.get("dates", "")))
    return record


def unguard(cell: str) -> str:
    """A cell without the quote the export puts before =, +, -, @, tab and CR."""
    if cell[:1] == "'" and cell[1:2] and cell[1:].startswith(_FORMULA_STARTS):
        return cell[1:]
    return cell


def escape_item(text: str, separators: str = ";") -> str:
    """An item of a list cell, its backslashes and separators escaped."""
    text = text.replace("\\", "\\\\")
    for separator in separators:
        text = text.replace(separator, "\\" + separator)
    return text


def join_list(items: list[str]) -> str:
    """A list cell: items joined by "; ", each escaped."""
    return "; ".join(escape_item(item) for item in items)


def join_pairs(pairs: list[tuple[str, str]]) -> str:
    """A cell of labelled items, such as "work: dana@harlowfinch.co.uk; ..."."""
    return "; ".join(f"{escape_item(k, ';:')}: {escape_item(v)}" for k, v in pairs)


def split_list(cell: str) -> list[str]:
    """The items of a list cell, unescaped."""
    return [item for item in (_unescape(part) for part in _split(cell, ";")) if item]


def split_pairs(cell: str) -> list[tuple[str, str]]:
    """The (label, item) pairs of a cell that `join_pairs` wrote."""
    pairs = []
    for part in _split(cell, ";"):
        label, *rest = _split(part, ":", 1)
        if rest and _unescape(label) and _unescape(rest[0]):
            pairs.append((_unescape(label), _unescape(rest[0])))
    return pairs


def _split(cell: str, separator: str, most: int = -1) -> list[str]:
    """Split on separators not escaped by a backslash; the parts stay escaped."""
    if "\\" not in cell:
        return cell.split(separator, most) if cell else []
    parts, start, index = [], 0, 0
    while index < len(cell):
        char = cell[index]
        if char == "\\":
            index += 2
            continue
        if char == separator and most != len(parts):
            parts.append(cell[start:index])
            start = index + 1
        index += 1
    parts.append(cell[start:])
    return parts


def _unescape(text: str) -> str:
    text = text.strip()
    if "\\" not in text:
        return text
    out, index = [], 0
    while index < len(text):
        if text[index] == "\\" and index + 1 < len(text):
            index += 1
        out.append(text[index])
        index += 1
    return "".join(out)
