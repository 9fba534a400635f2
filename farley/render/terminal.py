"""Documents on a terminal, through rich: colour, sections and tables that fit."""

from __future__ import annotations

from typing import IO

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table as RichTable
from rich.text import Text

from farley.render.document import Document, Line, Section, Span, Table

THEME = {
    "strong": "bold",
    "dim": "dim",
    "warn": "yellow",
    "danger": "bold red",
    "good": "green",
    "accent": "cyan",
    "match": "bold reverse",
}
TITLE_STYLES = {"danger": "bold white on red", "warn": "bold black on yellow"}


def make_console(file: IO[str] | None = None, width: int | None = None) -> Console:
    """A console that drops colour for NO_COLOR or when not on a terminal."""
    return Console(file=file, width=width, highlight=False, soft_wrap=False)


def write_rich(document: Document, console: Console) -> None:
    if document.heading:
        console.print(_text(document.heading, base="bold"))
        if not document.compact:
            console.print()
    console.print(_stack(document.blocks, document.compact))


def _stack(blocks: list[Section | Table], compact: bool) -> Group:
    parts: list[RenderableType] = []
    for block in blocks:
        parts.append(_section(block) if isinstance(block, Section) else _table(block))
        if not compact:
            parts.append(Text())
    return Group(*parts)


def _text(line: Line, base: str = "") -> Text:
    text = Text(style=base)
    for span in line:
        text.append(span.text, THEME.get(span.style or "", ""))
    return text


def _section(section: Section) -> RenderableType:
    bullet = [Span("• ", "dim")] if section.bullets else []
    lines = [_text(bullet + line) for line in section.lines]
    if not section.title:
        return Group(*lines)
    style = TITLE_STYLES.get(section.tone or "", "bold blue")
    title = Text(f" {section.title} " if section.tone else section.title, style=style)
    if section.inline and len(lines) == 1:
        return Text.assemble(title, ": ", lines[0])
    return Group(title, Padding(Group(*lines), (0, 0, 0, 2)))


def _table(table: Table) -> RichTable:
    rich_table = RichTable(title=table.title, title_justify="left", header_style="bold")
    for column in table.columns:
        rich_table.add_column(column, overflow="fold")
    for row in table.rows:
        rich_table.add_row(*(_text(cell) for cell in row))
    return rich_table
