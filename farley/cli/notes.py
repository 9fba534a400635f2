"""Commands about notes: note (what happened) and history."""

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from farley.cli.options import PersonArg, With, command_app
from farley.cli.session import session
from farley.errors import InvalidInput

app = command_app()

EDITOR_TEMPLATE = "\n# Write the note above. Lines starting with # are left out.\n"


@app.command()
def note(
    ctx: typer.Context,
    person: PersonArg,
    text: Annotated[
        str | None,
        typer.Argument(help="What happened; read from a pipe or $EDITOR if left out."),
    ] = None,
    with_: With = None,
    on: Annotated[
        str | None, typer.Option("--on", help="When it happened (default today).")
    ] = None,
    kind: Annotated[
        str,
        typer.Option("--kind", "-k", help="meeting, call, email, message or other."),
    ] = "meeting",
) -> None:
    """Note what was said in a meeting, call, email or message."""
    from farley.dates.format import format_date, format_when
    from farley.dates.parse import parse_when
    from farley.domain.followups import add_note_with_follow_ups
    from farley.domain.notes import check_happened, check_kind, without_controls
    from farley.domain.resolve import resolve_all

    run = session(ctx)
    store = run.store()
    people = resolve_all(store, [person, *(with_ or [])])
    check_kind(kind)
    happened = parse_when(on, run.now, lean="past") if on else run.now.date()
    check_happened(happened, run.now)  # before any editor is opened
    # Cleaned before the to-do lines are read, so their reminders are clean too.
    body = without_controls(text if text is not None else _read_text())
    saved, reminders = add_note_with_follow_ups(
        store, people, body, happened, run.now, kind=kind
    )
    typer.echo(f"Noted for {format_when(saved.happened_at, run.now)} (note {saved.id})")
    for reminder in reminders:
        due = f", due {format_date(reminder.due_on)}" if reminder.due_on else ""
        typer.echo(f"Reminder {reminder.id}: {reminder.text}{due}")


def _read_text() -> str:
    """The note from standard input when piped, else from the user's editor."""
    if not sys.stdin.isatty():
        return sys.stdin.read()
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        raise InvalidInput(
            "no note text: give it as an argument, pipe it in, or set $EDITOR"
        )
    written = _edit(editor)
    return "\n".join(ln for ln in written.splitlines() if not ln.startswith("#"))


def _edit(editor: str) -> str:
    """What the person wrote in their editor, starting from a short template."""
    import shlex
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory(prefix="farley-note-") as folder:
        draft = Path(folder) / "note.md"
        draft.write_text(EDITOR_TEMPLATE, encoding="utf-8")
        try:
            finished = subprocess.run([*shlex.split(editor), str(draft)], check=False)
        except (OSError, ValueError) as exc:
            raise InvalidInput(f"can't start the editor {editor!r}: {exc}") from exc
        if finished.returncode != 0:
            raise InvalidInput("the editor exited with an error: nothing was noted")
        return draft.read_text(encoding="utf-8")
