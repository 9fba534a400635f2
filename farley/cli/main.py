"""The `farley` program: the root command, its global options and error handling."""

import importlib
import sqlite3
import sys
from functools import cache
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from farley import __version__
from farley.cli.session import Session, say
from farley.errors import FarleyError

# Typer exports only some of the exceptions of its copy of Click; the one all
# usage errors share is reached through one that it does export.
UsageError = typer.BadParameter.__base__


class FarleyGroup(TyperGroup):
    """The root group: every user mistake becomes one line and an exit code here.

    Commands are built from their module's Typer app only when asked for: Typer
    inspects every parameter of every command it builds, which would cost each
    run a few milliseconds per command.
    """

    def main(self, *args, standalone_mode: bool = True, **kwargs):
        """Run, printing a usage mistake as one line instead of Click's three."""
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except UsageError as exc:
            say(f"farley: {_usage_message(exc)}")
            code = exc.exit_code
        except typer.Abort:
            say("farley: stopped; nothing was changed")
            code = 1
        sys.exit(code if isinstance(code, int) else 0)

    def list_commands(self, ctx: typer.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: typer.Context, name: str):
        module = COMMANDS.get(name)
        return _built(command_app(module)).get(name) if module else None

    def invoke(self, ctx: typer.Context):
        try:
            return super().invoke(ctx)
        except FarleyError as exc:
            say(f"farley: {exc}")
            raise typer.Exit(exc.exit_code) from None
        except sqlite3.Error as exc:
            from farley.store import describe_error

            path = (
                ctx.obj.path if isinstance(ctx.obj, Session) else Path("the data file")
            )
            say(f"farley: {describe_error(exc, path)}")
            raise typer.Exit(6) from None
        except OverflowError:
            # A number typed beyond what SQLite or the clock can hold.
            say("farley: a number given is too large: see the command's --help")
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            say("farley: interrupted; nothing was changed")
            raise typer.Exit(130) from None


app = typer.Typer(
    cls=FarleyGroup,
    name="farley",
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"farley {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            envvar="FARLEY_DB",
            help="The data file (default: your user data folder's farley/farley.db).",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version."
        ),
    ] = False,
) -> None:
    """Farley: a personal relationship manager for the terminal.

    Keep a file on everyone you deal with (who they are, the personal facts worth
    remembering, what was said and promised) and get a one-screen brief before
    you meet them.
    """
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        return
    ctx.obj = Session(db)
    ctx.call_on_close(ctx.obj.close)


def _usage_message(exc) -> str:
    """'missing argument 'NAME': see farley add --help', with a did-you-mean."""
    import difflib

    message = exc.format_message().rstrip(".")
    message = message[:1].lower() + message[1:]
    unknown = message.removeprefix("no such command ").strip("'")
    if unknown != message:
        close = difflib.get_close_matches(unknown, list(COMMANDS), n=1)
        message += f" (did you mean {close[0]}?)" if close else ""
    where = exc.ctx.command_path if exc.ctx else "farley"
    return f"{message}: see {where} --help"


# The module of farley.cli that holds each command, in the order --help lists
# them: a run imports only the module of the command it runs. A test checks
# this table against the modules themselves.
COMMANDS = {
    "add": "people",
    "show": "people",
    "list": "people",
    "edit": "people",
    "rm": "people",
    "fact": "people",
    "note": "notes",
    "meet": "meetings",
    "agenda": "meetings",
    "remind": "reminders",
    "reminders": "reminders",
    "done": "reminders",
    "brief": "brief",
    "demo": "brief",
    "search": "search",
    "stats": "search",
    "stale": "touch",
    "snooze": "touch",
    "cadence": "touch",
    "link": "circle",
    "unlink": "circle",
    "tag": "circle",
    "untag": "circle",
    "tags": "circle",
    "date": "circle",
    "dates": "circle",
    "history": "circle",
    "import": "transfer",
    "export": "transfer",
    "backup": "maintenance",
    "restore": "maintenance",
    "delete": "delete",
}


def command_app(module: str) -> typer.Typer:
    """The Typer app of one module of farley.cli."""
    return importlib.import_module(f"farley.cli.{module}").app


@cache
def _built(source: typer.Typer) -> dict[str, typer.core.TyperCommand]:
    command = typer.main.get_command(source)
    if isinstance(command, TyperGroup):
        return dict(command.commands)
    return {command.name: command}


def run() -> None:
    """The console script's entry point."""
    app()
