"""Commands that look after the data file itself: backup and restore."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from farley.cli.options import Yes, command_app
from farley.cli.session import go_ahead, say, session

app = command_app()


@app.command()
def backup(
    ctx: typer.Context,
    file: Annotated[
        Path | None,
        typer.Argument(
            help="Where to write it (default: farley-DATE-TIME.db by the data file).",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace FILE if it already exists.")
    ] = False,
) -> None:
    """Write a consistent copy of the data file.

    Safe while other farley commands run: the copy is of one moment, readable
    by you only. Put it back with farley restore FILE.
    """
    from farley.store import open_store
    from farley.store.backup import default_backup_path, write_backup

    run = session(ctx)
    target = file.expanduser() if file else default_backup_path(run.path, run.now)
    store = open_store(run.path, notice=say, create=False)
    try:
        written = write_backup(store, target, force)
    finally:
        store.close()
    typer.echo(f"Backed up {_holding(written)} to {written.path}")


@app.command()
def restore(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A backup made by farley backup.")],
    yes: Yes = False,
) -> None:
    """Replace the data file with a backup, after checking it.

    The backup must be a sound Farley file (SQLite's integrity check passes)
    of this version or an older one. The file it replaces is copied first.
    """
    from farley.store.backup import check_backup, restore_backup

    run = session(ctx)
    found = check_backup(file.expanduser(), run.path)
    question = f"Replace {run.path} with {found.path} ({_holding(found)})?"
    go_ahead(question, yes, "Nothing restored")
    safety = restore_backup(found, run.path, run.now)
    if safety is not None:
        say(f"The file as it was is in {safety}")
    typer.echo(f"Restored {run.path} from {found.path}")


def _holding(found) -> str:
    people = "1 person" if found.people == 1 else f"{found.people} people"
    notes = "1 note" if found.notes == 1 else f"{found.notes} notes"
    return f"{people} and {notes}"
