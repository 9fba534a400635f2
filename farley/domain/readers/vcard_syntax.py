"""The text layer of vCard 2.1, 3.0 and 4.0: folded lines, parameters, escapes."""

import codecs
import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass

_BREAK = re.compile(r"\r\n|\r|\n")
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
# RFC 6868's escapes in parameter values: ^n a line break, ^' a quote, ^^ a caret.
_CARET = re.compile(r"\^([n^'])")
_CARETS = {"n": "\n", "^": "^", "'": '"'}


@dataclass(slots=True)
class Property:
    """One content line: `group.NAME;PARAM=VALUE:value`, with the value decoded."""

    group: str
    name: str
    params: dict[str, list[str]]
    value: str

    def types(self) -> list[str]:
        """The TYPE parameters, lowercase, such as ["cell", "pref"]."""
        return [kind.lower() for kind in self.params.get("TYPE", [])]


def unfold(text: str) -> Iterator[tuple[int, str]]:
    """Yield each logical line with the physical line it starts on."""
    current: str | None = None
    start = 0
    for number, line in enumerate(_BREAK.split(text), start=1):
        if current is None:
            current, start = line, number
        elif current.endswith("=") and _is_quoted_printable(current):
            # vCard 2.1 breaks long quoted-printable values with a trailing "=".
            current = current[:-1] + line
        elif line[:1] in (" ", "\t"):
            current += line[1:]
        else:
            yield start, current
            current, start = line, number
    if current is not None:
        yield start, current


def _is_quoted_printable(line: str) -> bool:
    """Tell whether a content line's value is quoted-printable."""
    return "QUOTED-PRINTABLE" in line.split(":", 1)[0].upper()


def parse_line(line: str) -> Property | None:
    """Split a content line into its parts; None when it is not one."""
    colon = _colon(line)
    if colon <= 0:
        return None
    head, value = line[:colon], line[colon + 1 :]
    name, *raw_params = _split_outside_quotes(head, ";")
    group, _, name = name.strip().rpartition(".")

    params: dict[str, list[str]] = {}
    for raw in raw_params:
        key, equals, values = raw.partition("=")
        if not equals:
            # vCard 2.1 names a type bare: TEL;CELL;VOICE:...
            key, values = "TYPE", key
        key = key.strip().upper()
        params.setdefault(key, []).extend(_param_values(key, values))
    return Property(group, name.upper(), params, _decode(value, params))


def _param_values(key: str, values: str) -> list[str]:
    """A parameter's values: a quoted one is whole, commas and all.

    TYPE is the exception: RFC 6350's own examples quote a list, TYPE="voice,cell".
    """
    quoted = '"' in values and key != "TYPE"
    parts = _split_outside_quotes(values, ",") if quoted else values.split(",")
    items = [part.strip().strip('"') for part in parts]
    if "^" not in values:
        return items
    return [_CARET.sub(lambda match: _CARETS[match[1]], item) for item in items]


def _colon(line: str) -> int:
    """The position of the colon that ends the name and parameters."""
    if '"' not in line:
        return line.find(":")
    quoted = False
    for position, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return position
    return -1


def _split_outside_quotes(text: str, separator: str) -> list[str]:
    """Split parameters on a separator that is not inside double quotes."""
    if '"' not in text:
        return text.split(separator)
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == separator and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _decode(value: str, params: dict[str, list[str]]) -> str:
    """Undo quoted-printable encoding, reading the bytes in the named charset."""
    if not params:
        return value
    encodings = params.get("ENCODING", []) + params.get("TYPE", [])
    if not any(encoding.upper() == "QUOTED-PRINTABLE" for encoding in encodings):
        return value
    raw = quopri.decodestring(value.encode("utf-8"))
    charset = (params.get("CHARSET") or ["utf-8"])[0]
    try:
        codecs.lookup(charset)
    except LookupError:
        charset = "utf-8"
    return raw.decode(charset, errors="replace")


def unescape(value: str) -> str:
    """Undo vCard escapes: `\\n` is a line break; `\\,` `\\;` `\\\\` are themselves."""
    if "\\" not in value:
        return value
    return _ESCAPE.sub(lambda match: "\n" if match[1] in "nN" else match[1], value)


def split_value(value: str, separator: str) -> list[str]:
    """Split a structured or list value on unescaped separators, then unescape."""
    if "\\" not in value:
        return value.split(separator)
    parts, current, escaped = [], [], False
    for char in value:
        if escaped:
            current.append("\\" + char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == separator:
            parts.append(unescape("".join(current)))
            current = []
        else:
            current.append(char)
    parts.append(unescape("".join(current)))
    return parts
