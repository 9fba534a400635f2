"""Commands that move data in and out: import (with undo and log) and export."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from farley.cli.options import Json, command_app
from farley.cli.session import say, session, show, show_json
from farley.errors import InvalidInput, NotFound

app = command_app()

Many = list[str] | None
# Files larger than this get a progress bar, when standard error is a terminal.
PROGRESS_FROM_BYTES = 1_000_000
ACTIONS = ("undo", "log")


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(
            help="The file to import (- for standard input), or the word undo or log.",
            show_default=False,
        ),
    ],
    batch: Annotated[
        str | None,
        typer.Argument(help="After undo: the batch to take out (default the last)."),
    ] = None,
    format: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="auto, linkedin, google, outlook, vcard, csv, json."
        ),
    ] = "auto",
    map_: Annotated[
        Many,
        typer.Option(
            "--map", help="COLUMN=FIELD, e.g. Org=company or Pet=fact:pet (repeatable)."
        ),
    ] = None,
    tag: Annotated[
        Many, typer.Option("--tag", help="Tag everyone imported (repeatable).")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show row by row what would happen.")
    ] = False,
    on_duplicate: Annotated[
        str,
        typer.Option("--on-duplicate", help="For someone on file: merge, skip or new."),
    ] = "merge",
    skip_bad: Annotated[
        bool, typer.Option("--skip-bad", help="Leave out bad rows, import the rest.")
    ] = False,
    dayfirst: Annotated[
        bool, typer.Option("--dayfirst", help="Read 04/05/2026 as 4 May.")
    ] = False,
    json_: Json = False,
) -> None:
    """Import contacts, notes or reminders from a file.

    FILE is a LinkedIn, Google or Outlook export, a vCard file, any CSV of
    people, notes or reminders, or a Farley JSON export; - reads standard
    input. Someone already on file (same email, LinkedIn URL, or name and
    company) is merged: gaps filled, nothing overwritten. The whole file is
    one batch, all or nothing.

    Two words are actions, not files: `farley import log` lists the imports,
    and `farley import undo [BATCH]` takes the last (or the given) one back
    out (--dry-run: say what it would take out). To import a file called log
    or undo, write ./log or ./undo.
    """
    if file in ACTIONS:
        given = {
            "--format": format != "auto",
            "--map": bool(map_),
            "--tag": bool(tag),
            "--on-duplicate": on_duplicate != "merge",
            "--skip-bad": skip_bad,
            "--dayfirst": dayfirst,
            "--dry-run": dry_run and file == "log",
        }
        for option, used in given.items():
            if used:
                raise InvalidInput(
                    f"{option} is for importing a file, not import {file}"
                )
        _action(ctx, file, batch, json_, dry_run)
        return
    if batch is not None:
        raise InvalidInput(f"import takes one file at a time, not {file} and {batch}")

    from farley.domain.transfer.importer import run_import
    from farley.domain.transfer.results import ImportOptions
    from farley.render.transfer import import_data, import_document, skipped_lines

    data, name = _read_input(file)
    options = ImportOptions(
        source=name,
        format=format.lower(),
        mapping=_mapping(map_ or []),
        tags=tag or [],
        on_duplicate=on_duplicate.lower(),
        dry_run=dry_run,
        skip_bad=skip_bad,
        dayfirst=dayfirst,
    )
    run = session(ctx)
    store = run.store()
    if len(data) > PROGRESS_FROM_BYTES and sys.stderr.isatty():
        from farley.render.transfer import progress_bar

        with progress_bar(f"Importing {name}") as advance:
            report = run_import(store, data, options, run.now, advance)
    else:
        report = run_import(store, data, options, run.now)

    for message in [*report.notices, *skipped_lines(report)]:
        say(message)
    if json_:
        show_json(import_data(report))
    else:
        show(import_document(report))


def _action(
    ctx: typer.Context, action: str, batch: str | None, json_: bool, dry_run: bool
) -> None:
    """`import log` and `import undo [BATCH] [--dry-run]`."""
    from farley.domain.transfer import batches
    from farley.render import transfer

    run = session(ctx)
    if action == "log":
        if batch is not None:
            raise InvalidInput("import log takes no batch: farley import log")
        found = batches.list_batches(run.store())
        if json_:
            show_json(transfer.log_data(found))
        else:
            show(transfer.log_document(found))
        return
    if batch is not None and not batch.lstrip("#").isdigit():
        raise InvalidInput(f"{batch!r} is not a batch number: see farley import log")
    number = int(batch.lstrip("#")) if batch is not None else None
    undone = batches.undo_batch(run.store(), number, run.now, dry_run=dry_run)
    if json_:
        show_json(transfer.undo_data(undone))
    else:
        typer.echo(transfer.undo_message(undone))


def _read_input(file: str) -> tuple[bytearray, str]:
    """The bytes to import and the name to call them by in messages."""
    # A bytearray, which the reader empties once decoded: a large file is
    # then not held as bytes and as text while its rows are read.
    if file == "-":
        return bytearray(sys.stdin.buffer.read()), "standard input"
    path = Path(file).expanduser()
    try:
        return _read_bytes(path), file
    except FileNotFoundError:
        raise NotFound(f"there is no file {file}: check the path") from None
    except IsADirectoryError:
        raise InvalidInput(f"{file} is a folder: give the file inside it") from None
    except PermissionError:
        raise InvalidInput(f"can't read {file}: check its permissions") from None


def _read_bytes(path: Path) -> bytearray:
    data = bytearray()
    with path.open("rb") as file:
        while piece := file.read(1 << 24):
            data += piece
    return data


def _mapping(pairs: list[str]) -> dict[str, str] | None:
    mapping = {}
    for pair in pairs:
        column, equals, field = pair.partition("=")
        if not equals or not column.strip() or not field.strip():
            raise InvalidInput(
                f'--map {pair!r}: give COLUMN=FIELD, e.g. --map "Organisation=company"'
            )
        mapping[column.strip()] = field.strip()
    return mapping or None


@app.command()
def export(
    ctx: typer.Context,
    people: Annotated[
        Many,
        typer.Argument(help="Only these people (default everyone).", metavar="PERSON"),
    ] = None,
    format: Annotated[
        str, typer.Option("--format", "-f", help="json (everything), csv or vcard.")
    ] = "json",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (default stdout)."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the output file if it exists.")
    ] = False,
) -> None:
    """Export everything, or some people, as JSON, CSV or vCard.

    JSON holds every table, and `farley import` of it into an empty file gives
    the same file back. CSV and vCard hold people with their main fields. A
    file written with --output is readable by you alone.
    """
    from farley.domain.resolve import resolve_all
    from farley.domain.transfer.export import FORMATS, write_private
    from farley.domain.transfer.export import export as export_pieces

    chosen = format.lower()
    if chosen not in FORMATS:
        raise InvalidInput(f"unknown format {format!r}: use json, csv or vcard")
    run = session(ctx)
    store = run.store()
    ids = [person.id for person in resolve_all(store, people)] if people else None
    pieces = export_pieces(store, chosen, run.now, ids)
    if output is None:
        for piece in pieces:
            typer.echo(piece, nl=False)
        return
    write_private(output.expanduser(), pieces, force=force)
    say(f"Exported to {output}")
