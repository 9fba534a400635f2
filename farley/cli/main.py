"""The `farley` program: the root command, its global options and error handling."""

import importlib
import os
import sqlite3
import sys
from functools import cache
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from farley import __version__
from farley.cli.session import Session, say
from farley.errors import FarleyError, StoreError

# Typer exports only some of the exceptions of its copy of Click; the one all
# usage errors share is reached through one that it does export.
UsageError = typer.BadParameter.__base__


class FarleyGroup(TyperGroup):
    """The root group: every user mistake becomes one line and an exit code here.

    Commands are built from their module's Typer app only when asked for: Typer
    inspects every parameter of every command it builds, which would cost each
    run a few milliseconds per command.
    """

    def main(self, args=None, *rest, standalone_mode: bool = True, **kwargs):
        """Run, printing a usage mistake as one line instead of Click's three."""
        words = list(sys.argv[1:] if args is None else args)
        try:
            code = super().main(words, *rest, standalone_mode=False, **kwargs)
        except UsageError as exc:
            say(f"farley: {_usage_message(exc, words)}")
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
        str | None,
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
    ctx.obj = Session(_data_file(db))
    ctx.call_on_close(ctx.obj.close)


def _data_file(given: str | None) -> Path | None:
    """The data file --db or FARLEY_DB names, refused when it names a folder."""
    if given is None and os.environ.get("FARLEY_DB") is not None:
        given = os.environ["FARLEY_DB"]  # set but empty: Click takes it as unset
    if given is None:
        return None
    if not given.strip():
        # An unset variable in a script: the default file is not what was meant.
        raise StoreError(
            "--db or FARLEY_DB is empty: give the path of a data file, or leave "
            "both unset for the default one"
        )
    # Path() would drop the slash, and a file would be made where a folder was meant.
    if given.endswith(("/", os.sep)):
        raise StoreError(
            f"{given} ends with a slash, so it names a folder: give the path of a "
            f"file, e.g. {given}farley.db"
        )
    return Path(given)


def _usage_message(exc, words: list[str]) -> str:
    """'missing argument 'NAME': see farley add --help', with a did-you-mean."""
    name = getattr(exc, "option_name", None) or ""
    if name == "--db" or name.startswith("--db="):
        return f"--db goes before the command: {_db_first(words)}"
    message = _no_such_command(exc) or _no_such_option(exc) or exc.format_message()
    message = message[:1].lower() + message[1:].rstrip(".")
    where = exc.ctx.command_path if exc.ctx else _command_path(words)
    return f"{message}: see {where} --help"


def _no_such_command(exc) -> str | None:
    """The message for an unknown command, with our suggestion instead of Click's."""
    import re

    found = re.match(r"No such command '(.*?)'\.", exc.format_message())
    if found is None:
        return None
    group = exc.ctx.command if exc.ctx else None
    names = list(COMMANDS) if group is None or group.name == "farley" else []
    if not names and hasattr(group, "list_commands"):
        names = group.list_commands(exc.ctx)
    close = _suggestion(found[1], names)
    message = f"no such command '{found[1]}'"
    if close:
        return f"{message} (did you mean {close}?)"
    if group is not None and group.name == "delete":
        return f"{message} (to remove a person: farley rm PERSON)"
    return message


def _no_such_option(exc) -> str | None:
    """An unknown option, with the options it may have meant."""
    if getattr(exc, "option_name", None) is None:
        return None
    if getattr(exc, "possibilities", None):
        return f"{exc.message} (did you mean {' or '.join(exc.possibilities)}?)"
    return exc.message


def _db_first(words: list[str]) -> str:
    """The command line typed, with --db and its file moved before the command."""
    import shlex

    index = next(i for i, w in enumerate(words) if w == "--db" or w.startswith("--db="))
    size = 2 if words[index] == "--db" and index + 1 < len(words) else 1
    moved = words[index : index + size]
    if moved == ["--db"]:
        moved.append("FILE")
    return shlex.join(["farley", *moved, *words[:index], *words[index + size :]])


def _command_path(words: list[str]) -> str:
    """'farley add' for the command named in `words`, when no context says."""
    for index, word in enumerate(words):
        if word in COMMANDS and (index == 0 or words[index - 1] != "--db"):
            return f"farley {word}"
    return "farley"


# Words people try for a command that is called something else here.
SYNONYMS = {
    "remove": "rm",
    "del": "rm",
    "erase": "rm",
    "new": "add",
    "create": "add",
    "find": "search",
    "grep": "search",
    "ls": "list",
    "people": "list",
    "view": "show",
    "info": "show",
    "update": "edit",
    "change": "edit",
    "schedule": "meet",
    "meeting": "meet",
    "meetings": "agenda",
    "reminder": "remind",
    "todo": "remind",
    "log": "note",
    "stat": "stats",
    "birthday": "date",
    "birthdays": "dates",
    "save": "backup",
    "load": "import",
}
# Commands that overwrite what is on file: suggested only for a near miss.
RISKY = {"restore"}


def _suggestion(typo: str, names: list[str]) -> str | None:
    """The command a mistyped name most likely meant, if any."""
    import difflib

    word = typo.lower()
    if SYNONYMS.get(word) in names:
        return SYNONYMS[word]
    for close in difflib.get_close_matches(word, names, n=3):
        if (
            close not in RISKY
            or difflib.SequenceMatcher(None, word, close).ratio() > 0.85
        ):
            return close
    return None


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
