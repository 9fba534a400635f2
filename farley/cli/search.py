"""Commands that look across the whole file: search and stats."""

from typing import Annotated

import typer

from farley.cli.options import Json, command_app
from farley.cli.session import say, session, show, show_json
from farley.errors import InvalidInput

app = command_app()

_EMPTY = "No one yet: add someone with farley add NAME"
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
    from farley.domain.resolve import resolve
    from farley.domain.search import search as run_search

    run = session(ctx)
    store = run.store()
    person_id = resolve(store, person).id if person else None
    start = _since(since, run.now)
    found = run_search(store, query, person_id, start, kind, limit)
    if json:
        from farley.render.search import search_data

        show_json(search_data(found))
        return
    if not found.hits:
        say(f'No hits for "{query}".')
        return
    from farley.render.search import search_document

    show(search_document(found, run.now))


def _since(since: str | None, now):
    """The --since date, up to today; the parser is loaded only when one is given."""
    if not since:
        return None
    from farley.dates.parse import parse_date

    start = parse_date(since, now, lean="past")
    if start > now.date():
        raise InvalidInput(
            f'--since {since} is after today: give a day up to today, e.g. "1 Mar"'
        )
    return start


@app.command()
def stats(
    ctx: typer.Context,
    since: Since = None,
    tag: Annotated[str | None, typer.Option(help="Only people with this tag.")] = None,
    json: Json = False,
) -> None:
    """Show the whole picture: people, notes, silences, promises.

    Notes are counted from --since (default: the last 12 months, by month).
    """
    from farley.domain.stats import stats as gather

    run = session(ctx)
    start = _since(since, run.now)
    found = gather(run.store(), run.now, start, tag)
    if json:
        show_json(found)
        return
    if not found.people:
        say(f"No one is tagged {found.tag}." if tag else _EMPTY)
        return
    import shutil

    from farley.render.stats import stats_document

    show(stats_document(found, run.now, shutil.get_terminal_size().columns))
