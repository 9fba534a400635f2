"""Adding, showing, listing, editing and removing people from the command line."""

import json

import pytest

from farley.domain.people import NewPerson, add_person


def test_add_prints_the_new_id(ok):
    assert ok("add", "Dana Whitfield").out == "Added Dana Whitfield (id 1)\n"


def test_add_keeps_every_field_it_is_given(ok):
    ok(
        "add",
        "Dana Whitfield",
        "--email",
        "dana@acme.example",
        "--email",
        "d.w@home.example",
        "--phone",
        "+44 7700 900123",
        "--company",
        "Acme",
        "--title",
        "VP Finance",
        "--tag",
        "client",
        "--tag",
        "finance",
        "--birthday",
        "12 Apr 1980",
        "--met",
        "Leeds summit",
        "--met-on",
        "2025-03-03",
    )
    shown = json.loads(ok("show", "dana", "--json").out)
    person = shown["person"]
    assert person["company"] == "Acme" and person["title"] == "VP Finance"
    assert person["met_how"] == "Leeds summit" and person["met_on"] == "2025-03-03"
    assert person["tags"] == ["client", "finance"]
    assert [c["value"] for c in person["contacts"]] == [
        "dana@acme.example",
        "d.w@home.example",
        "+44 7700 900123",
    ]
    assert shown["dates"][0] == {
        "id": 1,
        "person_id": 1,
        "label": "birthday",
        "month": 4,
        "day": 12,
        "year": 1980,
    }


def test_a_second_person_with_an_email_on_file_is_refused_with_a_hint(ok, farley):
    ok("add", "Dana Whitfield", "--email", "dana@acme.example")
    run = farley("add", "Dana W", "--email", "DANA@acme.example")
    assert run.code == 5
    assert run.err == (
        "farley: DANA@acme.example is already on file for Dana Whitfield (id 1): "
        "use farley edit 1 to change them instead\n"
    )
    assert ok("list", "--json").out.count('"name"') == 1


def test_an_empty_name_is_refused(farley):
    run = farley("add", "   ")
    assert run.code == 2
    assert run.err == 'farley: a person needs a name: farley add "Dana Whitfield"\n'


def test_a_bad_email_is_refused_and_nothing_is_added(ok, farley):
    run = farley("add", "Dana", "--email", "not-an-email")
    assert run.code == 2
    assert "not an email address" in run.err
    assert json.loads(ok("list", "--json").out) == []


def test_a_bad_birthday_adds_no_one(ok, farley):
    run = farley("add", "Dana", "--birthday", "Aug 31sh")
    assert run.code == 2
    assert run.err.startswith('farley: can\'t read the date "Aug 31sh"')
    assert json.loads(ok("list", "--json").out) == []


def test_introduced_by_must_name_someone_on_file(farley):
    run = farley("add", "Priya Shah", "--introduced-by", "nobody")
    assert run.code == 3
    assert "no one called" in run.err


def test_list_filters_by_tag_and_company(ok):
    ok("add", "Dana Whitfield", "--company", "Acme", "--tag", "client")
    ok("add", "Priya Shah", "--company", "Acme")
    ok("add", "Sam Okafor", "--company", "Globex", "--tag", "client")
    names = lambda *a: [p["name"] for p in json.loads(ok("list", "--json", *a).out)]  # noqa: E731
    assert names() == ["Dana Whitfield", "Priya Shah", "Sam Okafor"]
    assert names("--tag", "client") == ["Dana Whitfield", "Sam Okafor"]
    assert names("--company", "acme") == ["Dana Whitfield", "Priya Shah"]
    assert names("--tag", "client", "--company", "globex") == ["Sam Okafor"]


def test_list_prints_a_plain_table_when_piped(ok):
    ok("add", "Dana Whitfield", "--company", "Acme", "--email", "dana@acme.example")
    assert ok("list").out == (
        "id  name            company  title  email              tags\n"
        "1   Dana Whitfield  Acme            dana@acme.example\n"
    )


def test_list_json_keys_are_stable(ok):
    ok("add", "Dana Whitfield")
    person = json.loads(ok("list", "--json").out)[0]
    assert sorted(person) == sorted(
        [
            "id",
            "name",
            "nickname",
            "company",
            "title",
            "location",
            "met_how",
            "met_on",
            "introduced_by",
            "cadence",
            "snoozed_until",
            "created_at",
            "updated_at",
            "contacts",
            "tags",
        ]
    )


def test_an_empty_list_says_how_to_add_someone(ok):
    run = ok("list")
    assert run.out == ""
    assert "farley add" in run.err


def test_edit_changes_and_clears_fields(ok):
    ok("add", "Dana Whitfield", "--company", "Acme", "--title", "VP")
    assert ok("edit", "dana", "--company", "Globex", "--title", "").out == (
        "Updated Dana Whitfield (id 1)\n"
    )
    person = json.loads(ok("show", "1", "--json").out)["person"]
    assert person["company"] == "Globex" and person["title"] is None


def test_edit_adds_and_removes_emails(ok):
    ok("add", "Dana Whitfield", "--email", "old@acme.example")
    ok(
        "edit",
        "dana",
        "--email",
        "new@acme.example",
        "--remove-email",
        "old@acme.example",
    )
    contacts = json.loads(ok("show", "dana", "--json").out)["person"]["contacts"]
    assert [c["value"] for c in contacts] == ["new@acme.example"]


def test_edit_with_nothing_to_change_says_so(ok, farley):
    ok("add", "Dana Whitfield")
    run = farley("edit", "dana")
    assert run.code == 2
    assert run.err == "farley: nothing to change: give an option such as --company\n"


def test_rm_with_yes_removes_the_person_and_their_own_notes(ok):
    ok("add", "Dana Whitfield")
    ok("add", "Priya Shah")
    ok("note", "dana", "private chat")
    ok("note", "dana", "shared meeting", "--with", "priya")
    ok("fact", "dana", "spouse", "Tom")
    assert ok("rm", "dana", "--yes").out == "Removed Dana Whitfield\n"
    assert [p["name"] for p in json.loads(ok("list", "--json").out)] == ["Priya Shah"]
    notes = json.loads(ok("show", "priya", "--json").out)["notes"]
    assert [n["text"] for n in notes] == ["shared meeting"]
    assert [p["name"] for p in notes[0]["people"]] == ["Priya Shah"]


def test_rm_asks_first_and_keeps_the_person_when_not_confirmed(ok, farley):
    ok("add", "Dana Whitfield")
    run = farley("rm", "dana", input="n\n")
    assert run.code == 1
    assert "Remove Dana Whitfield (id 1) and everything about them?" in run.err
    assert len(json.loads(ok("list", "--json").out)) == 1


def test_rm_goes_ahead_when_confirmed(ok):
    ok("add", "Dana Whitfield")
    ok("rm", "dana", input="y\n")
    assert json.loads(ok("list", "--json").out) == []


def test_fact_is_recorded_then_updated_under_the_same_key(ok):
    ok("add", "Dana Whitfield")
    assert ok("fact", "dana", "spouse", "Tom", "--category", "family").out == (
        "Noted Dana Whitfield's spouse (family)\n"
    )
    assert ok("fact", "dana", "Spouse", "Tom, a cardiologist", "-c", "family").out == (
        "Updated Dana Whitfield's spouse (family)\n"
    )
    facts = json.loads(ok("show", "dana", "--json").out)["facts"]
    assert [(f["key"], f["value"]) for f in facts] == [
        ("spouse", "Tom, a cardiologist")
    ]


def test_fact_with_an_unknown_category_lists_the_categories(ok, farley):
    ok("add", "Dana Whitfield")
    run = farley("fact", "dana", "spouse", "Tom", "--category", "famly")
    assert run.code == 2
    assert run.err == (
        'farley: "famly" is not a fact category: use one of '
        "family, interests, work, preferences, avoid, other\n"
    )


def test_show_prints_the_profile_sections_that_have_something(ok):
    ok("add", "Dana Whitfield", "--company", "Acme", "--title", "VP Finance")
    ok("fact", "dana", "football", "never after a loss", "-c", "avoid")
    shown = ok("show", "dana").out
    assert shown.startswith("Dana Whitfield  #1\n\nVP Finance, Acme\n")
    assert "avoid: football: never after a loss" in shown
    assert "Notes" not in shown and "Open reminders" not in shown


@pytest.fixture
def twenty(store, now):
    sean = NewPerson("Sean O'Brien", company="Lumière SA", tags=["Client"])
    add_person(store, sean, now)
    for number in range(19):
        add_person(store, NewPerson(f"Person {number}", company="Acme"), now)


def test_list_by_company_folds_accents_and_case(twenty, ok):
    assert [
        p["name"]
        for p in json.loads(ok("list", "--json", "--company", "lumiere sa").out)
    ] == ["Sean O'Brien"]
    assert ok("list", "--company", "LUMIERE").out == (
        "id  name          company     title  email  tags\n"
        "1   Sean O'Brien  Lumière SA                Client\n"
    )


def test_list_by_tag_folds_case(twenty, ok):
    assert [
        p["name"] for p in json.loads(ok("list", "--json", "--tag", "client").out)
    ] == ["Sean O'Brien"]


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        (
            ["--company", "lumiere  gmbh"],
            'No one at a company matching "lumiere gmbh".',
        ),
        (["--tag", "nosuch"], "No one is tagged nosuch."),
        (
            ["--tag", "client", "--company", "acme"],
            'No one is tagged client at a company matching "acme".',
        ),
    ],
)
def test_a_filter_no_one_fits_says_so_on_stderr(twenty, farley, filters, message):
    run = farley("list", *filters)
    assert run.code == 0
    assert run.out == ""
    assert run.err == message + "\n"


def test_a_filter_no_one_fits_gives_an_empty_json_list(twenty, farley):
    run = farley("list", "--tag", "nosuch", "--json")
    assert run.code == 0
    assert json.loads(run.out) == []


def test_a_filter_on_an_empty_file_says_how_to_add_someone(farley):
    run = farley("list", "--tag", "nosuch")
    assert run.code == 0
    assert run.out == ""
    assert run.err == "No one yet: add someone with farley add NAME\n"


def test_add_refuses_a_tag_with_a_comma_and_adds_no_one(farley, ok):
    run = farley("add", "Dana Whitfield", "--tag", "client,vip")
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        'farley: a tag cannot hold a comma: "client,vip"; give each tag as its own '
        "word (client vip)\n"
    )
    assert json.loads(ok("list", "--json").out) == []


def test_list_json_gives_each_contact_point_its_label(ok, tmp_path):
    card = tmp_path / "nadia.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nadia Karim\r\n"
        "TEL;TYPE=CELL:+44 7700 900123\r\nEND:VCARD\r\n"
    )
    ok("import", str(card))
    ok("add", "Dana Whitfield", "--email", "dana@acme.example")
    listed = {p["name"]: p["contacts"] for p in json.loads(ok("list", "--json").out)}
    assert listed == {
        "Dana Whitfield": [
            {"kind": "email", "value": "dana@acme.example", "label": None}
        ],
        "Nadia Karim": [
            {"kind": "phone", "value": "+44 7700 900123", "label": "mobile"}
        ],
    }


def test_plain_list_keeps_its_columns_aligned_after_wide_and_combined_letters(ok):
    ok("add", "李小龍", "--company", "功夫")
    ok("add", "Zoe\u0301 Fairbanks", "--company", "Acme")
    assert ok("list").out == (
        "id  name           company  title  email  tags\n"
        "2   Zoe\u0301 Fairbanks  Acme\n"
        "1   李小龍         功夫\n"
    )


def test_a_name_too_long_to_be_a_name_is_refused(farley, ok):
    run = farley("add", "x" * 5000)
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        "farley: a name of 5,000 characters is too long: give one of at most 200 "
        "(a fact or a note can hold the rest)\n"
    )
    assert json.loads(ok("list", "--json").out) == []
