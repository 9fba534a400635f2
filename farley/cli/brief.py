"""The brief before a meeting, and a demo that shows one from sample data."""

from pathlib import Path
from typing import Annotated

import typer

from farley.cli.options import Json, command_app
from farley.cli.session import current_now, say, session, show, show_json
from farley.errors import InvalidInput

app = command_app()


@app.command()
def brief(
    ctx: typer.Context,
    people: Annotated[
        list[str] | None,
        typer.Argument(help="Who to brief on; default: everyone at the next meeting."),
    ] = None,
    json: Json = False,
    markdown: Annotated[
        bool,
        typer.Option("--markdown", help="Print Markdown to paste into a document."),
    ] = False,
) -> None:
    """Print a one-screen brief before a meeting."""
    from farley.domain.brief import brief_for

    if json and markdown:
        raise InvalidInput("--json and --markdown are two output formats: choose one")
    run = session(ctx)
    found = brief_for(run.store(), people or [], run.now)
    _say_what_else_starts(found)
    if json:
        show_json(found)
        return
    from farley.render.brief import brief_document

    width = None if markdown else _screen_width()
    show(brief_document(found, width), markdown=markdown)


def _say_what_else_starts(found) -> None:
    from farley.render.brief import same_time_notice

    notice = same_time_notice(found)
    if notice:
        say(notice)


def _screen_width() -> int:
    import shutil

    return shutil.get_terminal_size().columns


@app.command()
def demo(
    keep: Annotated[
        Path | None,
        typer.Option(
            "--keep", help="Also save the sample file here, to explore with --db."
        ),
    ] = None,
) -> None:
    """Show a brief from sample data, leaving your own file alone."""
    import tempfile

    from farley.domain.brief import brief_for
    from farley.domain.demo import fill_sample
    from farley.render.brief import brief_document
    from farley.store import open_store

    if keep is not None and keep.exists():
        raise InvalidInput(f"{keep} already exists: give --keep a new file name")
    now = current_now()
    with tempfile.TemporaryDirectory(prefix="farley-demo-") as folder:
        path = keep or Path(folder) / "sample.db"
        store = open_store(path)
        try:
            fill_sample(store, now)
            found = brief_for(store, ["Dana Whitfield"], now)
            show(brief_document(found, _screen_width()))
        finally:
            store.close()
    if keep is not None:
        say(f"Sample saved in {keep}: try farley --db {keep} show dana")
