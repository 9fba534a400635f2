"""Every command explains itself and is in the README."""

import importlib
from pathlib import Path

import pytest
import typer
from typer.main import get_command

from farley.cli.main import app

README = Path(__file__).parent.parent / "README.md"
ROOT = get_command(app)
COMMANDS = ROOT.list_commands(None)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_a_short_imperative_summary(name):
    command = ROOT.get_command(None, name)
    summary = (command.help or "").strip().splitlines()[0]
    assert summary, f"{name} has no help text"
    assert len(summary) < 60
    assert summary[0].isupper() and summary.endswith(".")


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme(name):
    assert f"farley {name}" in README.read_text()


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_answers_help(farley, name):
    run = farley(name, "--help")
    assert run.code == 0
    assert run.out.startswith("Usage: ")


def test_version_prints_the_version(farley):
    from farley import __version__

    assert farley("--version").out == f"farley {__version__}\n"


def test_no_command_prints_the_help(farley):
    run = farley()
    assert "Commands:" in run.out + run.err


def test_a_usage_mistake_is_one_line_that_points_to_the_help(farley):
    run = farley("add")
    assert run.code == 2
    assert run.err == "farley: missing argument 'name': see farley add --help\n"


def test_a_mistyped_command_gets_a_suggestion(farley):
    run = farley("breif")
    assert run.code == 2
    assert run.err == (
        "farley: no such command 'breif' (did you mean brief?): see farley --help\n"
    )


def test_the_table_of_commands_names_each_command_of_every_module_once():
    from farley.cli import main

    modules = sorted({path.stem for path in Path(main.__file__).parent.glob("*.py")})
    found = {}
    for module in modules:
        cli = importlib.import_module(f"farley.cli.{module}")
        if isinstance(getattr(cli, "app", None), typer.Typer) and module != "main":
            for info in cli.app.registered_commands:
                found[info.name or info.callback.__name__.replace("_", "-")] = module
            for group in cli.app.registered_groups:
                found[group.name] = module
    assert found == main.COMMANDS


@pytest.mark.parametrize(
    "args",
    [
        ("history", "dana", "--limit", "99999999999999999999"),
        ("stale", "--days", "99999999999999999999"),
        ("import", "undo", "99999999999999999999999"),
        ("delete", "note", "99999999999999999999999", "--yes"),
        ("done", "99999999999999999999999"),
    ],
)
def test_a_number_too_large_is_one_line_of_error(ok, farley, args):
    ok("add", "Dana Whitfield")
    run = farley(*args)
    assert run.code != 0
    assert run.err.startswith("farley: ") and run.err.count("\n") == 1


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("remove", "rm"),
        ("del", "rm"),
        ("new", "add"),
        ("create", "add"),
        ("find", "search"),
        ("ls", "list"),
        ("Remove", "rm"),
        ("restor", "restore"),
        ("notes", "note"),
    ],
)
def test_a_common_synonym_or_near_miss_suggests_the_right_command(farley, typed, meant):
    run = farley(typed, "dana")
    assert run.code == 2
    assert run.out == ""
    assert run.err == (
        f"farley: no such command '{typed}' (did you mean {meant}?): "
        "see farley --help\n"
    )


@pytest.mark.parametrize("typed", ["reset", "rest", "store", "restart"])
def test_restore_is_never_suggested_for_a_distant_typo(farley, typed):
    run = farley(typed)
    assert run.code == 2
    assert "restore" not in run.err


def test_a_missing_option_value_points_to_the_commands_own_help(farley):
    run = farley("add", "Y", "--email")
    assert run.code == 2
    assert run.out == ""
    assert run.err == (
        "farley: option '--email' requires an argument: see farley add --help\n"
    )


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (("list", "--db", "X"), "farley --db X list"),
        (("list", "--json", "--db=my file.db"), "farley '--db=my file.db' list --json"),
        (("show", "dana", "--db"), "farley --db FILE show dana"),
    ],
)
def test_db_after_the_command_says_it_goes_before(farley, args, shown):
    run = farley(*args)
    assert run.code == 2
    assert run.out == ""
    assert run.err == f"farley: --db goes before the command: {shown}\n"


def test_a_mistyped_option_gets_a_suggestion_without_stray_punctuation(farley):
    run = farley("list", "--jsn")
    assert run.code == 2
    assert run.err == (
        "farley: no such option: --jsn (did you mean --json?): see farley list --help\n"
    )


def test_a_mistyped_subcommand_gets_a_suggestion_without_stray_punctuation(farley):
    run = farley("delete", "nte", "1")
    assert run.code == 2
    assert run.out == ""
    assert run.err == (
        "farley: no such command 'nte' (did you mean note?): see farley delete --help\n"
    )


def test_delete_with_a_person_points_to_rm(farley):
    run = farley("delete", "dana")
    assert run.code == 2
    assert run.err == (
        "farley: no such command 'dana' (to remove a person: farley rm PERSON): "
        "see farley delete --help\n"
    )


def test_delete_alone_is_a_usage_error_listing_what_can_be_deleted(farley):
    run = farley("delete")
    assert run.code == 2
    assert run.out == ""
    assert run.err == (
        "farley: say what to delete: fact, note, meeting or reminder and its number, "
        "e.g. farley delete note 12 (see farley delete --help)\n"
    )
