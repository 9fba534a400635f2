"""Reading CSV files of no known layout: contacts, notes and reminders, and --map."""

from pathlib import Path

import pytest

from farley.domain.readers import (
    FIELDS,
    BadRow,
    ContactRecord,
    NoteRecord,
    ReminderRecord,
    read_import,
)
from farley.domain.readers.columns import match_contact_column
from farley.errors import InvalidInput

FIXTURES = Path(__file__).parent / "fixtures" / "imports"


def read(name: str, **options: object):
    return read_import((FIXTURES / name).read_bytes(), filename=name, **options)


def test_a_contacts_csv_matches_columns_by_name_and_keeps_the_rest_as_facts():
    result = read("contacts_generic.csv")

    assert (result.format, result.kind) == ("csv", "contacts")
    assert result.records == [
        ContactRecord(
            3,
            "Grace Mwangi",
            emails=["grace@savannah.ventures", "grace.mwangi@gmail.com"],
            phones=["+254 20 555 0199"],
            urls=["https://savannah.ventures/team/grace"],
            company="Savannah Ventures",
            title="Partner",
            met_on="2023-11-14",
            birthday="--04-12",
            notes="Invested in Kestrel's seed round.\nLoves long-distance running.",
            facts=[("Kids", "Two (Amani and Zuri)"), ("Favourite team", "Arsenal")],
            labels={"+254 20 555 0199": "work"},
        ),
        ContactRecord(5, "Peter O'Brien", emails=["peter@obrien.ie"]),
        ContactRecord(7, "Yuki Tanaka"),
    ]


def test_blank_rows_are_skipped_and_a_row_with_no_name_is_a_bad_row():
    assert read("contacts_generic.csv").bad == [BadRow(8, "no name")]


def test_a_semicolon_file_from_excel_splits_tags_and_reads_both_duplicates():
    result = read("contacts_semicolon.csv")

    ingrid = ContactRecord(
        2,
        "Ingrid Solberg",
        emails=["ingrid@fjordtech.no"],
        phones=["+47 912 34 567"],
        company="Fjordtech AS",
        title="CTO",
        location="Oslo",
        met_how="Web Summit 2023",
        birthday="12.04.1979",
        tags=["Clients", "Nordics"],
        facts=[("Shoe size", "39")],
        labels={"+47 912 34 567": "mobile"},
    )
    lars = ContactRecord(
        3,
        "Lars Eriksen",
        emails=["lars.eriksen@havbruk.no"],
        company="Havbruk",
        title="Head of Sales; EMEA",
        location="Bergen",
        tags=["Prospects"],
    )
    again = ContactRecord(**{**_fields(ingrid), "line": 5})
    assert result.records == [ingrid, lars, again]
    assert result.bad == [BadRow(4, "has 3 fields, the header has 10")]


def _fields(record: ContactRecord) -> dict[str, object]:
    return {name: getattr(record, name) for name in record.__slots__}


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Full Name", "name"),
        ("Display name", "name"),
        ("Contact", "name"),
        ("Given Name", "first_name"),
        ("forename", "first_name"),
        ("Surname", "last_name"),
        ("Family-Name", "last_name"),
        ("E-mail", "email"),
        ("Email Address", "email"),
        ("Email 2", "email"),
        ("Personal Email", "email"),
        ("Telephone", "phone"),
        ("Cell", "phone"),
        ("Home Phone", "phone"),
        ("Mobile Number", "phone"),
        ("Organisation", "company"),
        ("Employer", "company"),
        ("Company Name", "company"),
        ("Job Title", "title"),
        ("Position", "title"),
        ("Role", "title"),
        ("Town", "location"),
        ("Address", "location"),
        ("Comments", "notes"),
        ("Labels", "tags"),
        ("Categories", "tags"),
        ("D.O.B.", "birthday"),
        ("Date of Birth", "birthday"),
        ("LinkedIn", "url"),
        ("Home page", "url"),
        ("Profile URL", "url"),
        ("Connected On", "met_on"),
        ("Date met", "met_on"),
        ("How met", "met_how"),
        ("Source", "met_how"),
        ("Shoe size", None),
    ],
)
def test_contact_columns_are_matched_ignoring_case_spaces_and_punctuation(
    header, field
):
    assert match_contact_column(header) == field


def test_map_names_columns_ignoring_case_and_spaces():
    data = b"Client,E Mail Addr,Ref\nBrightwater,ops@brightwater.io,BW-114\n"
    mapping = {"CLIENT": "name", " e mail  ADDR ": "email", "ref": "fact:Account"}

    result = read_import(data, mapping=mapping)

    assert result.records == [
        ContactRecord(
            2,
            "Brightwater",
            emails=["ops@brightwater.io"],
            facts=[("Account", "BW-114")],
        )
    ]


def test_map_names_columns_even_without_their_punctuation():
    data = b"Client,E-mail,Ref\nBrightwater,ops@brightwater.io,BW-114\n"

    result = read_import(data, mapping={"client": "company", "Ref": "ignore"})
    spelt = read_import(data, mapping={"Client": "name", "email": "ignore"})

    assert result.records == [
        ContactRecord(
            2,
            "Brightwater",
            emails=["ops@brightwater.io"],
            company="Brightwater",
        )
    ]
    assert spelt.records == [ContactRecord(2, "Brightwater", facts=[("Ref", "BW-114")])]


def test_map_with_an_unknown_field_names_the_choices():
    with pytest.raises(InvalidInput, match="unknown field 'nmae' in --map: use one of"):
        read("contacts_generic.csv", mapping={"First": "nmae"})


def test_map_with_a_column_the_file_lacks_names_the_columns():
    with pytest.raises(InvalidInput, match="no column 'Phone' in contacts_generic.csv"):
        read("contacts_generic.csv", mapping={"Phone": "phone"})


def test_fields_lists_every_field_map_accepts():
    assert {"name", "first_name", "email", "met_on", "person", "on", "due"} <= FIELDS
    assert "ignore" in FIELDS


def test_a_contacts_csv_without_a_name_column_asks_for_a_map():
    with pytest.raises(InvalidInput, match="--map COLUMN=name"):
        read_import(b"Client,Ref\nBrightwater,BW-114\n", filename="clients.csv")


def test_a_notes_csv_is_recognised_and_read_into_notes():
    result = read("notes.csv")

    assert (result.format, result.kind) == ("notes", "notes")
    assert result.records == [
        NoteRecord(
            2,
            "dana.whitfield@harlowfinch.co.uk",
            "2024-11-02",
            "Budget approved for Q1.\nHer son starts at Leeds in September.",
            kind="meeting",
            others=["Tom Nowicki", "Priya Raman"],
        ),
        NoteRecord(
            4, "Rajesh Patel", "2024-11-09", "Follow up on the pilot pricing.", "call"
        ),
    ]
    assert result.bad == [BadRow(5, "no date"), BadRow(6, "no text")]


def test_a_reminders_csv_with_old_mac_line_endings_is_read_into_reminders():
    result = read("reminders.csv")

    assert (result.format, result.kind) == ("reminders", "reminders")
    assert result.records == [
        ReminderRecord(2, "Dana Whitfield", "Send the revised SOW", "2024-12-06"),
        ReminderRecord(
            3, "Rajesh Patel", "Intro to the Kestrel board", "2025-01-15", "2025-01-10"
        ),
        ReminderRecord(
            4, "Grace Mwangi", "Signed term sheet", "2024-12-20", None, they_owe=True
        ),
    ]
    assert result.bad == [BadRow(5, "no person")]


def test_map_of_a_notes_field_makes_a_file_of_notes():
    data = b"Client,When,What happened\nDana Whitfield,2024-11-02,Lunch at Ottolenghi\n"

    result = read_import(data, mapping={"Client": "person", "What happened": "text"})

    assert result.kind == "notes"
    assert result.records == [
        NoteRecord(2, "Dana Whitfield", "2024-11-02", "Lunch at Ottolenghi")
    ]


def test_a_notes_file_prefers_the_email_to_the_name_of_the_person():
    data = b"Name,Email,Date,Note\nDana,dana@harlowfinch.co.uk,2024-11-02,Lunch\n"

    [note] = read_import(data).records

    assert note.person == "dana@harlowfinch.co.uk"


def test_map_of_fields_from_two_kinds_of_file_is_refused():
    data = b"Name,Task,Due\nDana,Send SOW,2024-12-06\n"

    with pytest.raises(InvalidInput, match="has no place in a reminders file"):
        read_import(data, mapping={"Name": "name", "Due": "due"})


def test_an_excel_sep_line_names_the_delimiter():
    data = b"sep=;\r\nName;Email;Company\r\nDana;dana@example.com;Harlow, Finch\r\n"

    result = read_import(data)

    assert result.records == [
        ContactRecord(3, "Dana", emails=["dana@example.com"], company="Harlow, Finch")
    ]
