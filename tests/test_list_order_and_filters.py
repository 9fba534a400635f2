"""farley list: names sorted as a person reads them, and empty filters refused."""

import json

import pytest
from helpers import dump


def test_list_sorts_names_with_accents_and_case_folded(ok):
    for name in ("Zoë Adams", "Élodie Dupré", "adam smith", "Bob", "élise", "Eve"):
        ok("add", name)
    run = ok("list")
    assert run.out == (
        "id  name          company  title  email  tags\n"
        "3   adam smith\n"
        "4   Bob\n"
        "5   élise\n"
        "2   Élodie Dupré\n"
        "6   Eve\n"
        "1   Zoë Adams\n"
    )
    assert run.err == ""


def test_namesakes_are_listed_by_id_and_json_keeps_the_same_order(ok):
    for name in ("Zoë", "élodie dupré", "Élodie Dupré", "ELODIE DUPRE"):
        ok("add", name)
    listed = json.loads(ok("list", "--json").out)
    assert [(p["id"], p["name"]) for p in listed] == [
        (2, "élodie dupré"),
        (3, "Élodie Dupré"),
        (4, "ELODIE DUPRE"),
        (1, "Zoë"),
    ]


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--tag", "", "--tag is empty: give a tag, e.g. --tag client"),
        ("--tag", "  ", "--tag is empty: give a tag, e.g. --tag client"),
        ("--tag", "#", "--tag is empty: give a tag, e.g. --tag client"),
        ("--company", "", "--company is empty: give a company or part of one"),
        ("--company", " ", "--company is empty: give a company or part of one"),
    ],
)
def test_an_empty_filter_is_refused_rather_than_listing_everyone(
    farley, ok, data_file, option, value, message
):
    ok("add", "Ann Lee", "--company", "Acme", "--tag", "client")
    before = dump(data_file)
    for extra in ([], ["--json"]):
        run = farley("list", option, value, *extra)
        assert run.code == 2
        assert run.out == ""
        assert run.err == f"farley: {message}\n"
    assert dump(data_file) == before


def test_letters_with_a_stroke_sort_and_match_as_their_base_letter(ok):
    for name in (
        "Zoë Adams",
        "Ørsted Anna",
        "Łukasz Nowak",
        "O'Brien Sean",
        "obrien Pat",
    ):
        ok("add", name)
    names = [p["name"] for p in json.loads(ok("list", "--json").out)]
    assert names == [
        "Łukasz Nowak",
        "obrien Pat",
        "O'Brien Sean",
        "Ørsted Anna",
        "Zoë Adams",
    ]
    assert ok("show", "lukasz", "--json").out.count("Łukasz Nowak") >= 1
