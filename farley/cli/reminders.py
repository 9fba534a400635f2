"""Commands about reminders: remind, reminders and done."""

from typing import Annotated

import typer

from farley.cli.options import Json, PersonArg, command_app
from farley.cli.session import session, show, show_json

app = command_app()


@app.command()
def remind(
    ctx: typer.Context,
    person: PersonArg,
    text: Annotated[str, typer.Argument(help='What to do, e.g. "send the deck".')],
    due: Annotated[
        str | None, typer.Option(help="By when, e.g. friday or in 2 weeks.")
    ] = None,
    every: Annotated[
        str | None, typer.Option(help='Repeat, e.g. "every 3 months".')
    ] = None,
    they_owe: Annotated[
        bool,
        typer.Option("--they-owe", help="They promised this to you, not you to them."),
    ] = False,
) -> None:
    """Remember something you owe someone (or they owe you)."""
    from farley.dates.format import format_date, format_relative
    from farley.dates.parse import parse_date
    from farley.dates.recur import parse_recurrence
    from farley.domain.reminders import add_reminder
    from farley.domain.resolve import resolve

    run = session(ctx)
    store = run.store()
    target = resolve(store, person)
    due_on = parse_date(due, run.now, lean="future") if due else None
    rule = parse_recurrence(every).describe() if every else None
    saved = add_reminder(store, target, text, run.now, due_on, rule, they_owe)
    when = f", due {format_date(saved.due_on)}" if saved.due_on else ""
    if saved.is_overdue(run.now.date()):
        when += f" (overdue: {format_relative(saved.due_on, run.now)})"
    repeat = f", {saved.recurrence}" if saved.recurrence else ""
    typer.echo(f"Reminder {saved.id} for {target.name}{when}{repeat}")


@app.command("reminders")
def list_reminders(
    ctx: typer.Context,
    person: Annotated[str | None, typer.Argument(help="Only this person's.")] = None,
    json: Json = False,
) -> None:
    """List open reminders, soonest first, overdue marked."""
    from farley.domain.reminders import open_reminders
    from farley.domain.resolve import resolve

    run = session(ctx)
    store = run.store()
    person_id = resolve(store, person).id if person else None
    found = open_reminders(store, person_id)
    if json:
        show_json(found)
        return
    if not found:
        typer.echo("No open reminders.", err=True)
        return
    from farley.render.agenda import reminders_document

    show(reminders_document(found, run.now))


@app.command()
def done(
    ctx: typer.Context,
    reminder_id: Annotated[
        int, typer.Argument(help="The reminder's number, from farley reminders.")
    ],
) -> None:
    """Mark a reminder done; a recurring one comes back."""
    from farley.dates.format import format_date
    from farley.domain.reminders import complete

    run = session(ctx)
    finished, following = complete(run.store(), reminder_id, run.now)
    typer.echo(f"Done: {finished.text} ({finished.person.name})")
    if following and following.due_on:
        typer.echo(
            f"Next one (reminder {following.id}) is due {format_date(following.due_on)}"
        )
