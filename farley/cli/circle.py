"""Commands about the people around someone: links, tags, dates and history."""

import os
import shlex
import shutil
import subprocess
import sys
from datetime import datetime
from typing import Annotated

import typer

from farley.cli.options import Json, PersonArg, command_app
from farley.cli.session import say, session, show, show_json
from farley.errors import InvalidInput

app = command_app()

OtherArg = Annotated[str, typer.Argument(help="The other person.")]
Tags = Annotated[list[str], typer.Argument(help="One or more tags, e.g. client.")]
RELATIONS_HELP = (
    "spouse, partner, child, parent, colleague, manager, report, friend "
    "or introduced (OTHER introduced PERSON)."
)


@app.command()
def link(
    ctx: typer.Context,
    person: PersonArg,
    other: OtherArg,
    as_: Annotated[str, typer.Option("--as", help=RELATIONS_HELP)],
) -> None:
    """Link two people: OTHER is PERSON's <relation>."""
    from farley.domain.links import INVERSE, sentence
    from farley.domain.links import link as link_people
    from farley.domain.resolve import resolve

    store = session(ctx).store()
    one, two = resolve(store, person), resolve(store, other)
    saved = link_people(store, one, two, as_)
    typer.echo(
        f"Linked: {sentence(two.name, one.name, saved.relation)}; "
        f"{sentence(one.name, two.name, INVERSE[saved.relation])}"
    )


@app.command()
def unlink(
    ctx: typer.Context,
    person: PersonArg,
    other: OtherArg,
    as_: Annotated[
        str | None, typer.Option("--as", help="Only this relation (default: all).")
    ] = None,
) -> None:
    """Remove the links between two people."""
    from farley.domain.links import unlink as unlink_people
    from farley.domain.resolve import resolve

    store = session(ctx).store()
    one, two = resolve(store, person), resolve(store, other)
    removed = unlink_people(store, one, two, as_)
    links = "1 link" if removed == 1 else f"{removed} links"
    typer.echo(f"Unlinked {one.name} and {two.name} ({links} removed)")


@app.command()
def tag(ctx: typer.Context, person: PersonArg, tags: Tags) -> None:
    """Put one or more tags on a person."""
    from farley.domain.resolve import resolve
    from farley.domain.tags import tag_person

    store = session(ctx).store()
    target = resolve(store, person)
    added = tag_person(store, target.id, tags)
    if added:
        typer.echo(f"Tagged {target.name}: {', '.join(added)}")
    else:
        typer.echo(f"{target.name} already has those tags", err=True)


@app.command()
def untag(ctx: typer.Context, person: PersonArg, tags: Tags) -> None:
    """Take one or more tags off a person."""
    from farley.domain.resolve import resolve
    from farley.domain.tags import untag_person

    store = session(ctx).store()
    target = resolve(store, person)
    removed = untag_person(store, target.id, tags)
    typer.echo(f"Untagged {target.name}: {', '.join(removed)}")


@app.command()
def tags(ctx: typer.Context, json: Json = False) -> None:
    """List the tags in use, with how many people have each."""
    from farley.domain.tags import tag_counts

    found = tag_counts(session(ctx).store())
    if json:
        show_json(found)
        return
    if not found:
        typer.echo("No tags yet: farley tag dana client", err=True)
        return
    from farley.render.touch import tags_document

    show(tags_document(found))


@app.command(context_settings={"ignore_unknown_options": True})
def date(
    ctx: typer.Context,
    person: PersonArg,
    label: Annotated[
        str, typer.Argument(help='birthday, anniversary, "work anniversary", ...')
    ],
    when: Annotated[
        list[str] | None,
        typer.Argument(
            help="e.g. 1980-04-12, 12 Apr 1980, 12 Apr or --04-12; quotes optional."
        ),
    ] = None,
    remove: Annotated[bool, typer.Option("--remove", help="Remove this date.")] = False,
) -> None:
    """Record a yearly date: a birthday, an anniversary..."""
    from farley.dates.format import PartialDate, format_partial_date
    from farley.dates.parse import parse_partial_date
    from farley.domain.occasions import remove_date, set_date
    from farley.domain.resolve import resolve
    from farley.errors import DateError

    run = session(ctx)
    store = run.store()
    target = resolve(store, person)
    if remove == bool(when):
        raise InvalidInput("give a date or --remove: farley date dana birthday 12 Apr")
    if remove:
        remove_date(store, target.id, label)
        typer.echo(f"Removed {target.name}'s {label.strip().lower()}")
        return
    words = when or []
    try:
        day = parse_partial_date(" ".join(words), run.now)
    except DateError:
        # "work anniversary 1 Dec 2015": the label's second word came first.
        if len(words) < 2 or not _reads_as_date(words[1:], run.now):
            raise
        raise InvalidInput(
            f"a label of two words needs quotes: farley date {person} "
            f'"{label} {words[0]}" {" ".join(words[1:])}'
        ) from None
    saved = set_date(store, target.id, label, day, run.now.date())
    shown = format_partial_date(PartialDate(saved.month, saved.day, saved.year))
    typer.echo(f"{target.name}'s {saved.label}: {shown}")


def _reads_as_date(words: list[str], now: datetime) -> bool:
    from farley.dates.parse import parse_partial_date
    from farley.errors import DateError

    try:
        parse_partial_date(" ".join(words), now)
    except DateError:
        return False
    return True


@app.command()
def dates(
    ctx: typer.Context,
    person: Annotated[str | None, typer.Argument(help="Only this person's.")] = None,
    json: Json = False,
) -> None:
    """List yearly dates by when they next come round."""
    from farley.domain.occasions import upcoming
    from farley.domain.resolve import resolve

    run = session(ctx)
    store = run.store()
    target = resolve(store, person) if person else None
    found = upcoming(store, run.now.date(), 365, [target.id] if target else None)
    if json:
        show_json(found)
        return
    if not found:
        typer.echo("No dates on file: farley date dana birthday 12 Apr", err=True)
        return
    from farley.render.touch import dates_document

    show(dates_document(found, run.now, target.name if target else None))


@app.command()
def history(
    ctx: typer.Context,
    person: PersonArg,
    limit: Annotated[
        int | None,
        typer.Option("--limit", "-n", min=1, max=1_000_000, help="Only the latest N."),
    ] = None,
    json: Json = False,
) -> None:
    """Show every note, meeting and done reminder, newest first."""
    from farley.domain.history import history as person_history
    from farley.domain.resolve import resolve

    run = session(ctx)
    store = run.store()
    found = person_history(store, resolve(store, person), run.now, limit)
    if json:
        show_json(found)
        return
    if not found.total:
        say(
            f"No history for {found.person.name} yet: "
            "notes, past meetings and done reminders show here"
        )
        return
    from farley.render.history import history_document

    document = history_document(found, run.now)
    if not _on_terminal():
        show(document)
        return
    from farley.render.history import terminal_text

    size = shutil.get_terminal_size()
    _page(terminal_text(document, size.columns), size.lines)


def _on_terminal() -> bool:
    return sys.stdout.isatty() and not os.environ.get("FARLEY_PLAIN")


def _page(text: str, height: int) -> None:
    """Through $PAGER (else less) when longer than the screen, else printed."""
    if text.count("\n") < height - 1:
        typer.echo(text, nl=False)
        return
    command = shlex.split(os.environ.get("PAGER") or "less -R")
    env = {**os.environ, "LESS": os.environ.get("LESS", "FRX")}
    try:
        subprocess.run(command, input=text, text=True, env=env, check=False)
    except OSError:
        typer.echo(text, nl=False)
