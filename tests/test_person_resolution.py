"""Finding the person a typed name means: id, email, full name, part of a name."""

import pytest

from farley.domain.people import NewPerson, add_person
from farley.domain.resolve import resolve
from farley.errors import Ambiguous, NotFound


@pytest.fixture
def people(store, now):
    for name, email, company in [
        ("Dana Whitfield", "dana@acme.example", "Acme"),
        ("Danielle Moss", None, "Globex"),
        ("Élodie Martin", None, None),
        ("Tom Whitfield", None, None),
        ("Sam Okafor", None, None),
        ("Sam Okafor", None, "Initech"),
    ]:
        add_person(
            store,
            NewPerson(name, emails=[email] if email else [], company=company),
            now,
        )
    return store


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1", "Dana Whitfield"),
        ("#3", "Élodie Martin"),
        ("dana@acme.example", "Dana Whitfield"),
        ("DANA@ACME.EXAMPLE", "Dana Whitfield"),
        ("dana whitfield", "Dana Whitfield"),
        ("  Dana   Whitfield ", "Dana Whitfield"),
        ("dana", "Dana Whitfield"),
        ("dani", "Danielle Moss"),
        ("moss", "Danielle Moss"),
        ("elodie", "Élodie Martin"),
        ("ÉLODIE", "Élodie Martin"),
        ("tom", "Tom Whitfield"),
        ("ell", "Danielle Moss"),
    ],
)
def test_a_typed_name_resolves_to_one_person(people, typed, expected):
    assert resolve(people, typed).name == expected


def test_several_matches_are_listed_and_never_guessed(people):
    with pytest.raises(Ambiguous) as caught:
        resolve(people, "whitfield")
    assert str(caught.value) == (
        '"whitfield" fits 2 people: Dana Whitfield (id 1, Acme); '
        "Tom Whitfield (id 4); use an id or full name"
    )


def test_two_people_with_the_same_full_name_are_ambiguous(people):
    with pytest.raises(Ambiguous) as caught:
        resolve(people, "Sam Okafor")
    assert "Sam Okafor (id 5)" in str(caught.value)
    assert "Sam Okafor (id 6, Initech)" in str(caught.value)


def test_no_match_suggests_the_nearest_names(people):
    with pytest.raises(NotFound) as caught:
        resolve(people, "Dnaa Whitfeld")
    assert str(caught.value).startswith('no one called "Dnaa Whitfeld": did you mean ')
    assert "Dana Whitfield" in str(caught.value)


def test_no_match_and_nothing_near_says_how_to_add(people):
    with pytest.raises(NotFound) as caught:
        resolve(people, "Xavier")
    assert str(caught.value) == (
        'no one called "Xavier": see farley list, or add them with farley add'
    )


def test_an_id_that_does_not_exist_is_not_found(people):
    with pytest.raises(NotFound, match="no person has id 99"):
        resolve(people, "99")


def test_an_unknown_email_is_not_found(people):
    with pytest.raises(NotFound):
        resolve(people, "who@nowhere.example")


def test_an_ambiguous_name_on_the_command_line_exits_non_zero(ok, farley):
    ok("add", "Dana Whitfield")
    ok("add", "Tom Whitfield")
    run = farley("show", "whit")
    assert run.code == 4
    assert run.out == ""
    assert run.err.startswith('farley: "whit" fits 2 people: ')
    assert run.err.count("\n") == 1


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("obrien", "Sean O'Brien  #1\n"),
        ("O'Brien", "Sean O'Brien  #1\n"),
        ("sean o’brien", "Sean O'Brien  #1\n"),
        ("o brien", "Sean O'Brien  #1\n"),
        ("mary jane", "Mary-Jane Watson  #2\n"),
        ("maryjane", "Mary-Jane Watson  #2\n"),
        ("Mary-Jane", "Mary-Jane Watson  #2\n"),
        ("jean luc", "Jean-Luc Picard  #3\n"),
    ],
)
def test_punctuation_inside_a_name_is_ignored_when_looking_up(ok, typed, found):
    for name in ("Sean O'Brien", "Mary-Jane Watson", "Jean-Luc Picard", "Mary Smith"):
        ok("add", name)
    assert ok("show", typed).out.startswith(found)


def test_punctuation_never_makes_a_guess_between_several_people(ok, farley):
    ok("add", "Sean O'Brien")
    ok("add", "Orla Obrien")
    run = farley("show", "obrien")
    assert run.code == 4
    assert run.out == ""
    assert run.err == (
        'farley: "obrien" fits 2 people: Sean O\'Brien (id 1); Orla Obrien (id 2); '
        "use an id or full name\n"
    )


def test_a_name_run_together_fits_both_the_hyphenated_and_the_joined(ok, farley):
    ok("add", "Mary-Jane Watson")
    ok("add", "Maryjane Smith")
    run = farley("show", "maryjane")
    assert run.code == 4
    assert run.out == ""
    assert run.err == (
        'farley: "maryjane" fits 2 people: Mary-Jane Watson (id 1); '
        "Maryjane Smith (id 2); use an id or full name\n"
    )


def test_two_people_with_the_same_full_name_are_told_apart_by_id(ok, farley):
    ok("add", "Sam Okafor")
    ok("add", "Sam Okafor", "--company", "Initech")
    run = farley("show", "sam okafor")
    assert run.code == 4
    assert run.out == ""
    assert run.err == (
        'farley: "sam okafor" fits 2 people: Sam Okafor (id 1); '
        "Sam Okafor (id 2, Initech); use an id\n"
    )


def test_adding_a_name_already_on_file_adds_them_and_says_so(ok, farley):
    ok("add", "Dana Whitfield")
    ok("add", "Tom Whitfield")
    ok("add", "Dana Whitfield")
    run = farley("add", "dana whitfield")
    assert run.code == 0
    assert run.out == "Added dana whitfield (id 4)\n"
    assert run.err == (
        "There are 2 others called dana whitfield (ids 1, 3): "
        "use ids to tell them apart.\n"
    )


def test_adding_a_second_of_a_name_names_the_first(ok, farley):
    ok("add", "Dana Whitfield")
    run = farley("add", "Dana Whitfield")
    assert run.code == 0
    assert run.out == "Added Dana Whitfield (id 2)\n"
    assert run.err == (
        "There is another Dana Whitfield (id 1): use ids to tell them apart.\n"
    )


def test_a_new_name_says_nothing_on_stderr(ok):
    ok("add", "Dana Whitfield")
    assert ok("add", "Dana Whitfield-Moss").err == ""


def test_renaming_onto_a_name_on_file_says_so(ok, farley):
    ok("add", "Dana Whitfield")
    ok("add", "Dana W")
    run = farley("edit", "2", "--name", "Dana Whitfield")
    assert run.code == 0
    assert run.out == "Updated Dana Whitfield (id 2)\n"
    assert run.err == (
        "There is another Dana Whitfield (id 1): use ids to tell them apart.\n"
    )
    assert farley("edit", "1", "--name", "Dana  Whitfield").err == (
        "There is another Dana Whitfield (id 2): use ids to tell them apart.\n"
    )


def test_someone_cannot_be_introduced_by_themselves(ok, farley):
    ok("add", "Sean O'Brien")
    run = farley("edit", "sean", "--introduced-by", "sean")
    assert run.code == 2
    assert run.out == ""
    assert run.err == (
        "farley: no one introduces themselves: give --introduced-by the person "
        "who introduced them\n"
    )
    assert ok("show", "sean", "--json").out.count('"introduced_by": null') == 1
