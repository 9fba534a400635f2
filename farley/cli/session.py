"""What one run of a command shares: the data file, the clock and the output."""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from farley.dates.format import local_now

if TYPE_CHECKING:
    from farley.render.document import Document
    from farley.store import Store


class Session:
    """Opens the data file on first use, so that --help never touches it."""

    def __init__(self, db: Path | None) -> None:
        self.db = db
        self.now: datetime = current_now()
        self._store: Store | None = None

    @property
    def path(self) -> Path:
        if self.db is not None:
            return self.db.expanduser()
        from farley.store import default_path

        return default_path()

    def store(self) -> Store:
        if self._store is None:
            from farley.store import open_store

            self._store = open_store(self.path, notice=say)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def _fixed_now() -> datetime | None:
    """FARLEY_NOW (ISO 8601) pins the clock, for tests and reproducible scripts."""
    pinned = os.environ.get("FARLEY_NOW")
    if not pinned:
        return None
    from farley.dates.format import from_iso
    from farley.errors import InvalidInput

    try:
        value = from_iso(pinned)
    except ValueError as exc:
        raise InvalidInput(f"FARLEY_NOW is not an ISO date and time: {pinned}") from exc
    if not isinstance(value, datetime):
        raise InvalidInput(f"FARLEY_NOW needs a time as well as a date: {pinned}")
    return value


def current_now() -> datetime:
    return _fixed_now() or local_now()


def session(ctx: typer.Context) -> Session:
    """The session the root callback put on the context."""
    root = ctx.find_root()
    if not isinstance(root.obj, Session):
        root.obj = Session(None)
        root.call_on_close(root.obj.close)
    return root.obj


def say(message: str) -> None:
    """A message for the person, on standard error."""
    typer.echo(message, err=True)


def confirm(question: str) -> bool:
    """Ask on standard error whether to go ahead; anything but yes is no.

    Click's prompt writes its last character to standard output, which then
    holds a stray space before the result; the whole question goes to stderr here.
    """
    typer.echo(f"{question} [y/N]: ", err=True, nl=False)
    answer = sys.stdin.readline()
    if not answer.endswith("\n") or not sys.stdin.isatty():
        say("")  # no answer was typed on the line: end it
    return answer.strip().lower() in ("y", "yes")


def go_ahead(question: str, yes: bool, declined: str) -> None:
    """Ask first unless --yes was given; on no, say `declined` and exit 1."""
    if yes or confirm(question):
        return
    say(f"{declined} (add --yes to skip the question).")
    raise typer.Exit(1)


def show(document: Document, markdown: bool = False) -> None:
    """Print a document: rich on a terminal, plain text when piped, or Markdown."""
    if markdown:
        from farley.render.markdown import write_markdown

        typer.echo(write_markdown(document), nl=False)
    elif _on_terminal():
        from farley.render.terminal import make_console, write_rich

        write_rich(document, make_console())
    else:
        from farley.render.plain import write_plain

        typer.echo(write_plain(document), nl=False)


def show_json(value: Any) -> None:
    from farley.render.data import write_json

    typer.echo(write_json(value), nl=False)


def _on_terminal() -> bool:
    if os.environ.get("FARLEY_PLAIN"):
        return False
    return sys.stdout.isatty() or bool(os.environ.get("FORCE_COLOR"))
