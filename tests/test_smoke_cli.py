"""The core commands end to end, as a new user would type them."""


def test_add_then_show_prints_the_person(ok):
    assert (
        ok("add", "Dana Whitfield", "--company", "Acme").out
        == "Added Dana Whitfield (id 1)\n"
    )
    shown = ok("show", "dana").out
    assert "Dana Whitfield" in shown and "Acme" in shown


def test_unknown_person_is_one_line_and_exit_3(farley):
    run = farley("show", "nobody")
    assert run.code == 3
    assert run.err.count("\n") == 1
    assert "no one called" in run.err
