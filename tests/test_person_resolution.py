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
