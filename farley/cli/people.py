"""Commands about people: add, show, list, edit, rm and fact."""

from typing import Annotated

import typer

from farley.cli.options import Json, PersonArg, Yes, command_app
from farley.cli.session import go_ahead, say, session, show, show_json
from farley.errors import InvalidInput

app = command_app()

Many = list[str] | None


@app.command()
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Their full name.")],
    email: Annotated[
        Many, typer.Option("--email", "-e", help="An email (repeatable).")
    ] = None,
    phone: Annotated[
        Many, typer.Option("--phone", "-p", help="A phone number (repeatable).")
    ] = None,
    url: Annotated[
        Many, typer.Option("--url", help="A web address (repeatable).")
    ] = None,
    company: Annotated[
        str | None, typer.Option("--company", "-c", help="Where they work.")
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", "-t", help="Their job title.")
    ] = None,
    tag: Annotated[
        Many, typer.Option("--tag", help="A tag such as client (repeatable).")
    ] = None,
    birthday: Annotated[
        str | None, typer.Option(help="e.g. 1980-04-12, 12 Apr, --04-12.")
    ] = None,
    met: Annotated[str | None, typer.Option(help="How you met.")] = None,
    met_on: Annotated[
        str | None, typer.Option(help="When you met, e.g. 3 Mar 2026.")
    ] = None,
    introduced_by: Annotated[
        str | None, typer.Option(help="Who introduced you.")
    ] = None,
    nickname: Annotated[
        str | None, typer.Option(help="What they like to be called.")
    ] = None,
    location: Annotated[str | None, typer.Option(help="Where they are based.")] = None,
) -> None:
    """Add a person to your Farley file."""
    from farley.dates.parse import parse_date, parse_partial_date
    from farley.domain.people import NewPerson, add_person
    from farley.domain.resolve import resolve

    run = session(ctx)
    store = run.store()
    new = NewPerson(
        name=name,
        emails=email or [],
        phones=phone or [],
        urls=url or [],
        company=company,
        title=title,
        nickname=nickname,
        location=location,
        met_how=met,
        met_on=parse_date(met_on, run.now, lean="past") if met_on else None,
        introduced_by=resolve(store, introduced_by).id if introduced_by else None,
        tags=tag or [],
        birthday=parse_partial_date(birthday, run.now) if birthday else None,
    )
    person = add_person(store, new, run.now)
    understood = _dates_understood(new.birthday, new.met_on)
    typer.echo(f"Added {person.name} (id {person.id}){understood}")
    _warn_of_namesakes(store, person.name, person.id)


def _dates_understood(birthday=None, met_on=None, learned=None) -> str:
    """The dates a command was given, as it read them: ", met on Tue 3 Mar 2026"."""
    from farley.dates.format import format_date, format_partial_date

    parts = []
    if birthday is not None:
        parts.append(f"birthday {format_partial_date(birthday)}")
    if met_on is not None:
        parts.append(f"met on {format_date(met_on)}")
    if learned is not None:
        parts.append(f"learned {format_date(learned)}")
    return "".join(f", {part}" for part in parts)


def _warn_of_namesakes(store, name: str, person_id: int) -> None:
    """Say on stderr when someone else on file has this very name."""
    from farley.domain.people import namesakes

    others = namesakes(store, name, other_than=person_id)
    if len(others) == 1:
        say(f"There is another {name} (id {others[0].id}): use ids to tell them apart.")
    elif others:
        ids = ", ".join(str(other.id) for other in others)
        say(
            f"There are {len(others)} others called {name} (ids {ids}): "
            "use ids to tell them apart."
        )


@app.command("show")
def show_person(ctx: typer.Context, person: PersonArg, json: Json = False) -> None:
    """Show everything on file about a person."""
    from farley.domain.profile import profile
    from farley.domain.resolve import resolve

    run = session(ctx)
    store = run.store()
    found = profile(store, resolve(store, person).id, run.now)
    if json:
        show_json(found)
        return
    from farley.render.people import profile_document

    show(profile_document(found, run.now))


@app.command("list")
def list_people(
    ctx: typer.Context,
    tag: Annotated[str | None, typer.Option(help="Only people with this tag.")] = None,
    company: Annotated[
        str | None, typer.Option(help="Only people at this company.")
    ] = None,
    json: Json = False,
) -> None:
    """List people, by name."""
    from farley.domain.listing import list_people as people_list

    store = session(ctx).store()
    people = people_list(store, tag=tag, company=company)
    if json:
        show_json(people)
        return
    if not people:
        say(_no_one_listed(store, tag, company))
        return
    from farley.render.people import people_table

    show(people_table(people))


def _no_one_listed(store, tag: str | None, company: str | None) -> str:
    """Why a list came out empty: an empty file, or filters no one fits."""
    from farley.domain.listing import anyone_on_file

    if not anyone_on_file(store) or not (tag or company):
        return "No one yet: add someone with farley add NAME"
    where = f' at a company matching "{" ".join(company.split())}"' if company else ""
    if tag:
        return f"No one is tagged {tag.strip()}{where}."
    return f"No one{where}."


@app.command()
def edit(
    ctx: typer.Context,
    person: PersonArg,
    name: Annotated[str | None, typer.Option(help="A new name.")] = None,
    email: Annotated[
        Many, typer.Option("--email", "-e", help="Add an email (repeatable).")
    ] = None,
    remove_email: Annotated[
        Many, typer.Option(help="Remove an email (repeatable).")
    ] = None,
    company: Annotated[
        str | None, typer.Option("--company", "-c", help='Company; "" clears it.')
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", "-t", help='Job title; "" clears it.')
    ] = None,
    nickname: Annotated[
        str | None, typer.Option(help='Nickname; "" clears it.')
    ] = None,
    location: Annotated[
        str | None, typer.Option(help='Location; "" clears it.')
    ] = None,
    met: Annotated[str | None, typer.Option(help='How you met; "" clears it.')] = None,
    met_on: Annotated[str | None, typer.Option(help="When you met.")] = None,
    introduced_by: Annotated[
        str | None, typer.Option(help="Who introduced you.")
    ] = None,
    every: Annotated[
        str | None,
        typer.Option("--every", help='Keep in touch, e.g. "6 weeks"; "" clears it.'),
    ] = None,
) -> None:
    """Change a person's name, contact details or other fields."""
    from farley.dates.parse import parse_date
    from farley.dates.recur import parse_recurrence
    from farley.domain.people import edit_person
    from farley.domain.resolve import resolve

    run = session(ctx)
    store = run.store()
    target = resolve(store, person)
    changes: dict = {
        key: value
        for key, value in {
            "name": name,
            "company": company,
            "title": title,
            "nickname": nickname,
            "location": location,
            "met_how": met,
        }.items()
        if value is not None
    }
    if met_on is not None:
        changes["met_on"] = parse_date(met_on, run.now, lean="past") if met_on else None
    if introduced_by is not None:
        changes["introduced_by"] = (
            resolve(store, introduced_by).id if introduced_by else None
        )
    if every is not None:
        changes["cadence"] = (
            parse_recurrence(every).describe() if every.strip() else None
        )
    if not changes and not email and not remove_email:
        raise InvalidInput("nothing to change: give an option such as --company")
    edited = edit_person(
        store, target.id, changes, run.now, email or [], remove_email or []
    )
    understood = _dates_understood(met_on=changes.get("met_on"))
    typer.echo(f"Updated {edited.name} (id {edited.id}){understood}")
    if name is not None:
        _warn_of_namesakes(store, edited.name, edited.id)


@app.command()
def rm(ctx: typer.Context, person: PersonArg, yes: Yes = False) -> None:
    """Remove a person and everything about them."""
    from farley.domain.people import remove_person
    from farley.domain.resolve import resolve

    store = session(ctx).store()
    target = resolve(store, person)
    question = f"Remove {target.name} (id {target.id}) and everything about them?"
    go_ahead(question, yes, "Nothing removed")
    removed = remove_person(store, target.id)
    typer.echo(f"Removed {removed.name}")


@app.command()
def fact(
    ctx: typer.Context,
    person: PersonArg,
    key: Annotated[str, typer.Argument(help="What the fact is about, e.g. spouse.")],
    value: Annotated[str, typer.Argument(help="The fact itself.")],
    category: Annotated[
        str,
        typer.Option(
            "--category",
            "-c",
            help="family, interests, work, preferences, avoid or other.",
        ),
    ] = "other",
    learned: Annotated[
        str | None, typer.Option(help="When you learned it (default today).")
    ] = None,
) -> None:
    """Record a personal fact worth remembering."""
    from farley.dates.parse import parse_date
    from farley.domain.facts import set_fact
    from farley.domain.resolve import resolve

    run = session(ctx)
    store = run.store()
    target = resolve(store, person)
    learned_on = parse_date(learned, run.now, lean="past") if learned else None
    saved, created = set_fact(
        store, target.id, key, value, category, learned_on or run.now.date(), run.now
    )
    verb = "Noted" if created else "Updated"
    understood = _dates_understood(learned=learned_on)
    typer.echo(f"{verb} {target.name}'s {saved.key} ({saved.category}){understood}")
