"""Commands for keeping in touch: stale, snooze and cadence."""

from typing import Annotated

import typer

from farley.cli.options import Json, PersonArg, command_app
from farley.cli.session import say, session, show, show_json
from farley.errors import InvalidInput

app = command_app()


@app.command()
def stale(
    ctx: typer.Context,
    days: Annotated[
        int | None,
        typer.Option(
            "--days",
            "-d",
            min=0,
            max=36_600,
            help="Everyone not in touch for over N days.",
        ),
    ] = None,
    tag: Annotated[str | None, typer.Option(help="Only people with this tag.")] = None,
    limit: Annotated[
        int,
        typer.Option(
            "--limit", "-n", min=0, max=1_000_000, help="How many to show; 0: all."
        ),
    ] = 50,
    json: Json = False,
) -> None:
    """List people due a touch, most overdue first.

    Someone is due when their last note or past meeting (by the day it happened;
    the day they were added if never) is older than their cadence: their own
    (farley edit PERSON --every "6 weeks"), else the shortest of their tags'
    (farley cadence TAG "1 month"). With --days, everyone counts. Snoozed people
    are left out until the snooze ends.
    """
    from farley.domain.touch import stale as find_stale

    run = session(ctx)
    found = find_stale(run.store(), run.now, days, tag, limit or None)
    if json:
        show_json(found)
        return
    if not found.total:
        say(f"No one{f' tagged {found.tag}' if found.tag else ''} is due a touch.")
        return
    from farley.render.touch import stale_document

    show(stale_document(found, run.now))


@app.command()
def snooze(
    ctx: typer.Context,
    person: PersonArg,
    until: Annotated[
        str | None, typer.Argument(help='Until when, e.g. "1 Feb" or "in 3 weeks".')
    ] = None,
    clear: Annotated[bool, typer.Option("--clear", help="End the snooze now.")] = False,
) -> None:
    """Leave someone out of stale until a date."""
    from farley.dates.format import format_date
    from farley.dates.parse import parse_date
    from farley.domain.resolve import resolve
    from farley.domain.touch import snooze as snooze_person

    run = session(ctx)
    store = run.store()
    target = resolve(store, person)
    if clear == (until is not None):
        raise InvalidInput('give a date or --clear: farley snooze dana "1 Feb"')
    day = parse_date(until, run.now, lean="future") if until else None
    snooze_person(store, target.id, day, run.now)
    if day is None:
        typer.echo(f"{target.name} is no longer snoozed")
    else:
        typer.echo(f"Snoozed {target.name} until {format_date(day)}")


@app.command()
def cadence(
    ctx: typer.Context,
    tag: Annotated[str | None, typer.Argument(help="A tag, e.g. client.")] = None,
    every: Annotated[
        str | None, typer.Argument(help='How often, e.g. "1 month" or "6 weeks".')
    ] = None,
    clear: Annotated[
        bool, typer.Option("--clear", help="Remove the tag's cadence.")
    ] = False,
    json: Json = False,
) -> None:
    """Set how often to keep in touch with everyone with a tag.

    With no arguments, list the cadences set. A person's own cadence
    (farley edit PERSON --every ...) wins over their tags'.
    """
    from farley.domain import touch

    store = session(ctx).store()
    if tag is None:
        found = touch.tag_cadences(store)
        if json:
            show_json(found)
            return
        if not found:
            typer.echo('No cadences set: farley cadence client "1 month"', err=True)
            return
        from farley.render.touch import cadences_document

        show(cadences_document(found))
        return
    if clear and every:
        raise InvalidInput("give a cadence or --clear, not both")
    if clear:
        gone = touch.clear_tag_cadence(store, tag)
        typer.echo(f"Tag {gone.tag} no longer has a cadence (was {gone.cadence})")
        return
    if every is None:
        found_one = touch.tag_cadence(store, tag)
        typer.echo(
            f"{found_one.tag}: {found_one.cadence} ({_people(found_one.people)})"
        )
        return
    saved = touch.set_tag_cadence(store, tag, every)
    typer.echo(
        f"Keep in touch with everyone tagged {saved.tag} {saved.cadence} "
        f"({_people(saved.people)})"
    )
    if not saved.people:
        say(f"No one is tagged {saved.tag} yet.")


def _people(count: int) -> str:
    return "1 person" if count == 1 else f"{count} people"
