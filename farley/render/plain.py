"""Documents as plain text, for pipes and files; no dependencies, so it starts fast."""

from __future__ import annotations

from unicodedata import combining, east_asian_width

from farley.render.document import Document, Line, Section, Table, plain_text

MARKS = {"danger": "!! ", "warn": "! "}
BULLET = "• "


def write_plain(document: Document) -> str:
    """The document as lines of text, with aligned tables."""
    parts: list[str] = []
    if document.heading:
        parts.append(plain_text(document.heading))
    for block in document.blocks:
        if isinstance(block, Section):
            parts.append(_section(block))
        else:
            parts.append(_table(block))
    joint = "\n" if document.compact else "\n\n"
    return joint.join(part for part in parts if part) + "\n"


def _section(section: Section) -> str:
    bullet = BULLET if section.bullets else ""
    body = [bullet + _text(line) for line in section.lines]
    if not section.title:
        return "\n".join(body)
    title = MARKS.get(section.tone or "", "") + section.title
    if section.inline and len(body) == 1:
        return f"{title}: {body[0]}"
    return "\n".join([title, *("  " + text for text in body)])


def _text(line: Line) -> str:
    return "".join(
        f"[{span.text}]" if span.style == "match" else span.text for span in line
    )


def _table(table: Table) -> str:
    cells = [[_text(cell) for cell in row] for row in table.rows]
    widths = [len(column) for column in table.columns]
    for row in cells:
        widths = [
            max(width, columns(cell)) for width, cell in zip(widths, row, strict=True)
        ]
    rows = [table.columns, *cells]
    lines = [
        "  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip()
        for r in rows
    ]
    if table.title:
        lines.insert(0, table.title)
    return "\n".join(lines)


def columns(text: str) -> int:
    """How many terminal columns the text takes: CJK takes two, accents none."""
    if text.isascii():
        return len(text)
    return sum(
        0 if combining(char) else _COLUMNS.get(east_asian_width(char), 1)
        for char in text
    )


_COLUMNS = {"W": 2, "F": 2}


def _pad(text: str, width: int) -> str:
    return text + " " * (width - columns(text))
