"""Questions before destroying anything go to stderr whole; stdout gets results."""

import pytest


@pytest.fixture(autouse=True)
def temp(ok):
    ok("add", "Temp Person")


QUESTION = "Remove Temp Person (id 1) and everything about them? [y/N]: \n"


@pytest.mark.parametrize("answer", ["y\n", "yes\n", "Y\n", " YES \n"])
def test_a_yes_removes_and_only_the_result_is_on_stdout(farley, answer):
    run = farley("rm", "temp", input=answer)
    assert run.code == 0
    assert run.out == "Removed Temp Person\n"
    assert run.err == QUESTION


@pytest.mark.parametrize("answer", ["n\n", "\n", "maybe\n", ""])
def test_anything_but_a_yes_keeps_them_and_stdout_stays_empty(ok, farley, answer):
    run = farley("rm", "temp", input=answer)
    assert run.code == 1
    assert run.out == ""
    assert run.err == QUESTION + "Nothing removed (add --yes to skip the question).\n"
    assert ok("show", "temp").out.startswith("Temp Person")


def test_a_yes_typed_without_enter_is_still_taken(farley):
    run = farley("rm", "temp", input="y")
    assert run.code == 0
    assert run.out == "Removed Temp Person\n"


def test_delete_asks_on_stderr_too(ok, farley):
    ok("note", "temp", "Lunch")
    run = farley("delete", "note", "1", input="n\n")
    assert run.code == 1
    assert run.out == ""
    assert run.err == (
        "Delete note 1 (Lunch)? [y/N]: \n"
        "Nothing deleted (add --yes to skip the question).\n"
    )


def test_restore_asks_on_stderr_too(ok, farley, tmp_path):
    copy = tmp_path / "copy.db"
    ok("backup", str(copy))
    run = farley("restore", str(copy), input="n\n")
    assert run.code == 1
    assert run.out == ""
    assert run.err.endswith(
        "? [y/N]: \nNothing restored (add --yes to skip the question).\n"
    )
