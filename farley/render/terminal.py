"""Documents on a terminal, through rich: colour, panels and tables that fit."""

from __future__ import annotations

from typing import IO

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table as RichTable
from rich.text import Text

from farley.render.document import Document, Line, Section, Table

THEME = {
    "strong": "bold",
    "dim": "dim",
    "warn": "bold yellow",
    "danger": "bold red",
    "good": "green",
    "accent": "cyan",
    "match": "bold reverse",
}


def make_console(file: IO[str] | None = None, width: int | None = None) -> Console:
    """A console that drops colour for NO_COLOR or when not on a terminal."""
    return Console(file=file, width=width, highlight=False, soft_wrap=False)


def write_rich(document: Document, console: Console) -> None:
    if document.heading:
        console.print(_text(document.heading, base="bold"))
    for block in document.blocks:
        if isinstance(block, Section):
            console.print(_section(block))
        else:
            console.print(_table(block))


def _text(line: Line, base: str = "") -> Text:
    text = Text(style=base)
    for span in line:
        text.append(span.text, THEME.get(span.style or "", ""))
    return text


def _section(section: Section):
    body = Group(*(_text(line) for line in section.lines))
    if not section.title:
        return body
    border = {"danger": "red", "warn": "yellow"}.get(section.tone or "", "blue")
    title = Text(section.title, style="bold")
    return Panel(
        body, title=title, title_align="left", border_style=border, expand=True
    )


def _table(table: Table) -> RichTable:
    rich_table = RichTable(title=table.title, title_justify="left", header_style="bold")
    for column in table.columns:
        rich_table.add_column(column, overflow="fold")
    for row in table.rows:
        rich_table.add_row(*(_text(cell) for cell in row))
    return rich_table
