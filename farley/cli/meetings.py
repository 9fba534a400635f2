"""Commands about meetings: meet (put one on the agenda) and agenda."""

from typing import Annotated

import typer

from farley.cli.options import Json, PersonArg, With, command_app
from farley.cli.session import say, session, show, show_json

app = command_app()


@app.command()
def meet(
    ctx: typer.Context,
    person: PersonArg,
    at: Annotated[
        str, typer.Option("--at", help='When, e.g. "friday 3pm" or 2026-12-04 15:30.')
    ],
    with_: With = None,
    topic: Annotated[
        str | None, typer.Option(help="What the meeting is about.")
    ] = None,
    where: Annotated[str | None, typer.Option(help="Where it is.")] = None,
) -> None:
    """Put a meeting on the agenda."""
    from farley.dates.format import format_when
    from farley.dates.parse import parse_datetime
    from farley.domain.meetings import add_meeting
    from farley.domain.resolve import resolve_all

    run = session(ctx)
    store = run.store()
    people = resolve_all(store, [person, *(with_ or [])])
    starts = parse_datetime(at, run.now, lean="future")
    meeting = add_meeting(store, people, starts, run.now, topic=topic, place=where)
    typer.echo(
        f"Meeting on {format_when(meeting.starts_at, run.now)} (meeting {meeting.id})"
    )


@app.command()
def agenda(
    ctx: typer.Context,
    days: Annotated[
        int, typer.Option("--days", "-d", min=0, max=3660, help="How many days ahead.")
    ] = 7,
    everything: Annotated[
        bool,
        typer.Option("--all", help="List every reminder and date, not the first 20."),
    ] = False,
    json: Json = False,
) -> None:
    """Show meetings, due reminders and important dates ahead."""
    from farley.domain.agenda import agenda as build_agenda

    run = session(ctx)
    # Each section of the agenda on screen lists this many at most.
    shown = None if everything or json else 20
    found = build_agenda(run.store(), run.now, days, limit=shown)
    if json:
        show_json(found)
        return
    from farley.render.agenda import agenda_document

    document = agenda_document(found, run.now)
    if document.blocks:
        show(document)
    else:
        say(f"Nothing coming up in the next {days} day{'' if days == 1 else 's'}.")
