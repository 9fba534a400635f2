"""The `delete` group: take back a single fact, note, meeting or reminder."""

from typing import Annotated

import typer

from farley.cli.options import Yes, command_app
from farley.cli.session import go_ahead, session
from farley.errors import InvalidInput

app = command_app()
delete_app = typer.Typer(add_completion=False, rich_markup_mode=None)
app.add_typer(delete_app, name="delete")


@delete_app.callback(invoke_without_command=True)
def delete(ctx: typer.Context) -> None:
    """Delete one fact, note, meeting or reminder by its number."""
    if ctx.invoked_subcommand is None:
        raise InvalidInput(
            "say what to delete: fact, note, meeting or reminder and its number, "
            "e.g. farley delete note 12 (see farley delete --help)"
        )


Number = Annotated[int, typer.Argument(help="Its number, as farley show lists it.")]


def _remove(store, what: str, item_id: int, about: str, yes: bool, remove) -> None:
    """Ask (unless --yes), then remove the item and say so."""
    go_ahead(f"Delete {what} {item_id} ({about})?", yes, "Nothing deleted")
    remove(store, item_id)
    typer.echo(f"Deleted {what} {item_id}")


@delete_app.command("fact")
def delete_fact(ctx: typer.Context, fact_id: Number, yes: Yes = False) -> None:
    """Delete a fact, by its number in farley show."""
    from farley.domain.facts import get_fact, remove_fact

    store = session(ctx).store()
    fact = get_fact(store, fact_id)
    _remove(store, "fact", fact.id, f"{fact.key}: {fact.value}", yes, remove_fact)


@delete_app.command("note")
def delete_note(ctx: typer.Context, note_id: Number, yes: Yes = False) -> None:
    """Delete a note, by its number in farley show or history."""
    from farley.domain.notes import get_note
    from farley.domain.removal import delete_note as remove

    store = session(ctx).store()
    note = get_note(store, note_id)
    _remove(store, "note", note.id, note.text.splitlines()[0][:60], yes, remove)


@delete_app.command("meeting")
def delete_meeting(ctx: typer.Context, meeting_id: Number, yes: Yes = False) -> None:
    """Cancel a meeting, by its number in farley agenda."""
    from farley.dates.format import format_when
    from farley.domain.meetings import get_meeting
    from farley.domain.removal import delete_meeting as remove

    run = session(ctx)
    store = run.store()
    meeting = get_meeting(store, meeting_id)
    when = format_when(meeting.starts_at, run.now)
    go_ahead(f"Delete the meeting on {when}?", yes, "Nothing deleted")
    remove(store, meeting_id)
    typer.echo(f"Deleted meeting {meeting_id}")


@delete_app.command("reminder")
def delete_reminder(ctx: typer.Context, reminder_id: Number, yes: Yes = False) -> None:
    """Delete a reminder, by its number in farley reminders."""
    from farley.domain.reminders import get_reminder
    from farley.domain.removal import delete_reminder as remove

    store = session(ctx).store()
    reminder = get_reminder(store, reminder_id)
    _remove(store, "reminder", reminder.id, reminder.text, yes, remove)
