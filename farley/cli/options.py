"""Option types shared by several commands, defined once."""

from typing import Annotated

import typer

Json = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
Yes = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")]
PersonArg = Annotated[
    str, typer.Argument(help="An id, email, full name or unique part of a name.")
]
With = Annotated[
    list[str] | None,
    typer.Option("--with", "-w", help="Someone else who was there (repeatable)."),
]


def command_app() -> typer.Typer:
    """The Typer app a module of commands registers on: plain help, fast to start."""
    return typer.Typer(add_completion=False, rich_markup_mode=None)
