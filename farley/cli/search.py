"""Commands that look across the whole file: search and stats."""

from typing import Annotated

import typer

from farley.cli.options import Json, command_app
from farley.cli.session import session, show, show_json

app = command_app()

Since = Annotated[
    str | None, typer.Option("--since", help="Only from this date, e.g. 1 Mar 2026.")
]


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[
        str,
        typer.Argument(help='Words, "a phrase" or a prefix like budg*.'),
    ],
    person: Annotated[
        str | None, typer.Option("--person", "-p", help="Only about this person.")
    ] = None,
    since: Since = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", "-k", help="Only notes, facts, people or reminders."),
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, max=1000, help="How many hits.")
    ] = 20,
    json: Json = False,
) -> None:
    """Search notes, facts, people and reminders."""
    from farley.dates.parse import parse_date
    from farley.domain.resolve import resolve
    from farley.domain.search import search as run_search

    run = session(ctx)
    store = run.store()
    person_id = resolve(store, person).id if person else None
    start = parse_date(since, run.now, lean="past") if since else None
    found = run_search(store, query, person_id, start, kind, limit)
    if json:
        from farley.render.search import search_data

        show_json(search_data(found))
        return
    from farley.render.search import search_document

    show(search_document(found, run.now))
