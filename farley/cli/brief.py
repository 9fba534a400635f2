"""The brief before a meeting, and a demo that shows one from sample data."""

from __future__ import annotations

from typing import Annotated

import typer

from farley.cli.options import Json
from farley.cli.session import session, show, show_json

app = typer.Typer()


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

    run = session(ctx)
    found = brief_for(run.store(), people or [], run.now)
    if json:
        show_json(found)
        return
    from farley.render.brief import brief_document

    show(brief_document(found), markdown=markdown)
