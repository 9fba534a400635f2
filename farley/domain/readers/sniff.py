"""Working out how an export file is written: encoding, line breaks, delimiter."""

import _csv
import codecs
import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from farley.domain.readers.records import BadRow
from farley.errors import InvalidInput

# UTF-32 first: its little-endian mark begins with UTF-16's.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Spreadsheets, archives, images and databases people pick by mistake.
_BINARY_STARTS = (
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0",
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"\x1f\x8b",
    b"SQLite format 3",
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_OTHER_BREAKS = ("\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
_DELIMITERS = (",", ";", "\t")
# Enough text to hold any header row, so finding it needn't copy the whole file.
_HEADER_SIZE = 65536
# Rows are split into lines a piece of the text at a time, so a large file is
# never held twice over: once as text and again as a list of its lines.
_PIECE_SIZE = 1 << 20
# csv's own limit is 128 KB a field; notes pasted from email pass that.
FIELD_LIMIT = 16 << 20
_LIMIT_TEXT = "16 MB"
csv.field_size_limit(FIELD_LIMIT)


def decode(data: bytes | bytearray) -> str:
    """Turn a file's bytes into text, whatever encoding the tool that wrote it chose."""
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            # A view skips the mark without copying the whole file first.
            with memoryview(data) as view:
                return str(view[len(mark) :], encoding, "replace")

    utf16 = _bomless_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace")

    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Outlook and Excel on Windows write the ANSI code page. It maps all
        # but five bytes, so "replace" only ever touches those five.
        return data.decode("cp1252", errors="replace")


def _bomless_utf16(data: bytes | bytearray) -> str | None:
    """Name the UTF-16 byte order of text written without a mark, from its NULs."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > pairs * 0.3 and even < pairs * 0.05:
        return "utf-16-le"
    if even > pairs * 0.3 and odd < pairs * 0.05:
        return "utf-16-be"
    return None


def looks_binary(data: bytes | bytearray, text: str) -> bool:
    """Tell whether decoded bytes are something other than text."""
    if data.startswith(_BINARY_STARTS):
        return True
    sample = text[:4096]
    return len(_CONTROL.findall(sample)) > len(sample) // 20


def first_lines(text: str, count: int) -> list[tuple[int, int, str]]:
    """The first physical lines of the text: (line number, offset, line)."""
    lines: list[tuple[int, int, str]] = []
    start = 0
    for number, match in enumerate(_LINE_BREAK.finditer(text), start=1):
        lines.append((number, start, text[start : match.start()]))
        start = match.end()
        if number == count:
            return lines
    if start < len(text):
        lines.append((len(lines) + 1, start, text[start:]))
    return lines


def guess_delimiter(line: str) -> str:
    """Pick the delimiter used most often outside quotes in a header line."""
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    # max() keeps the first of equals, so a tie (or no delimiter) means a comma.
    return max(counts, key=counts.__getitem__)


@dataclass(slots=True)
class Table:
    """A delimited file from its header row on: where that row is, and its names."""

    text: str
    offset: int
    header_line: int
    delimiter: str
    header: list[str]
    name: str

    def reader(self, size: int = -1) -> "_csv.Reader":
        """A csv reader that starts at the header row (and reads `size` characters)."""
        end = len(self.text) if size < 0 else min(self.offset + size, len(self.text))
        lines = physical_lines(self.text, self.offset, end)
        return csv.reader(lines, delimiter=self.delimiter)

    def rows(self, bad: list[BadRow]) -> Iterator[tuple[int, list[str]]]:
        """Yield each data row with the physical line it starts on.

        Blank rows are skipped; a row with the wrong number of fields, or with
        a field over FIELD_LIMIT, goes to `bad`.
        """
        reader = self.reader()
        next(reader)
        width = len(self.header)
        offset = self.header_line - 1
        end = reader.line_num
        while True:
            try:
                for row in reader:
                    start, end = end + 1, reader.line_num
                    if len(row) == width:
                        if any(row):
                            yield start + offset, row
                    elif "".join(row).strip():
                        reason = f"has {len(row)} fields, the header has {width}"
                        bad.append(BadRow(start + offset, reason))
                return
            except csv.Error as error:
                # The reader starts afresh on the next line, so one row is lost.
                line, end = end + 1 + offset, reader.line_num
                if not str(error).startswith("field larger than field limit"):
                    message = f"can't read {self.name} at line {line}: {error}"
                    raise InvalidInput(message) from None
                bad.append(BadRow(line, f"has a field over {_LIMIT_TEXT}"))


def physical_lines(text: str, start: int, end: int) -> Iterator[str]:
    """The lines of text[start:end], each with its line break, a piece at a time."""
    while start < end:
        stop = end
        if end - start > _PIECE_SIZE:
            # A piece ends after a line break, never between \r and \n.
            found = _LINE_BREAK.search(text, start + _PIECE_SIZE, end)
            stop = found.end() if found else end
        yield from _split_lines(text[start:stop])
        start = stop


def _split_lines(piece: str) -> Iterable[str]:
    """Split a piece of text into lines where csv would end them."""
    # splitlines() is quicker, but it also breaks lines at form feeds and
    # other separators, where csv would end a row; StringIO breaks at
    # \r and \n only.
    if any(separator in piece for separator in _OTHER_BREAKS):
        return io.StringIO(piece, newline="")
    return piece.splitlines(keepends=True)


def open_table(
    text: str, line: int, offset: int, name: str, delimiter: str | None = None
) -> Table:
    """Read the header row that starts at `offset` and set up the rows below it."""
    if delimiter is None:
        end = _LINE_BREAK.search(text, offset)
        delimiter = guess_delimiter(text[offset : end.start() if end else len(text)])
    table = Table(text, offset, line, delimiter, [], name)

    cells = next(table.reader(_HEADER_SIZE), [])
    header = [cell.strip().lstrip("\ufeff").strip() for cell in cells]
    if not any(header) or any(map(_looks_like_data, header)):
        raise InvalidInput(
            f"{name} has no header row: add a first line naming the columns, "
            "for example name,email,company"
        )
    table.header = header
    return table


def _looks_like_data(cell: str) -> bool:
    """Tell whether a header cell is really a value: an email, a link, a number."""
    if "@" in cell or "://" in cell:
        return True
    return any(c.isdigit() for c in cell) and not any(c.isalpha() for c in cell)
