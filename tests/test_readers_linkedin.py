"""Reading LinkedIn's Connections.csv."""

from pathlib import Path

import pytest

from farley.domain.readers import BadRow, ContactRecord, read_import
from farley.errors import InvalidInput

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
HOW = "LinkedIn connection"


def read(name: str, **options: object):
    return read_import((FIXTURES / name).read_bytes(), filename=name, **options)


def test_linkedin_export_is_found_below_the_notes_linkedin_puts_first():
    result = read("linkedin_connections.csv")

    assert (result.format, result.kind) == ("linkedin", "contacts")
    assert result.records[0].line == 5


def test_linkedin_connections_become_contacts_met_through_linkedin():
    result = read("linkedin_connections.csv")

    tomasz = ContactRecord(
        6,
        "Tomasz Nowicki",
        urls=["https://www.linkedin.com/in/tnowicki"],
        company="Brightwater Analytics",
        title="Director, Data Platform",
        met_on="17 Jun 2023",
        met_how=HOW,
    )
    assert result.records == [
        ContactRecord(
            5,
            "Dana Whitfield",
            emails=["dana.whitfield@harlowfinch.co.uk"],
            urls=["https://www.linkedin.com/in/dana-whitfield-4a1b2c"],
            company="Harlow & Finch, LLP",
            title="Head of Procurement",
            met_on="03 Dec 2024",
            met_how=HOW,
        ),
        tomasz,
        ContactRecord(
            7,
            "Priya Raman",
            urls=["https://www.linkedin.com/in/priya-raman-cfo"],
            company="Oakridge Health",
            title="Chief Financial Officer\r\nBoard Member",
            met_on="28 Feb 2022",
            met_how=HOW,
        ),
        ContactRecord(
            9,
            "Marcus Oyelaran",
            emails=["marcus@oyelaran.dev"],
            urls=["https://www.linkedin.com/in/marcus-oyelaran"],
            title="Freelance Consultant",
            met_on="09 Jan 2025",
            met_how=HOW,
        ),
        ContactRecord(
            11,
            "Tomasz Nowicki",
            urls=tomasz.urls,
            company=tomasz.company,
            title=tomasz.title,
            met_on=tomasz.met_on,
            met_how=HOW,
        ),
        ContactRecord(
            14,
            "Sofia Marchetti",
            urls=["https://www.linkedin.com/in/sofia-marchetti"],
            company="Lumen & Co",
            title="Partner",
            met_on="22 Aug 2020",
            met_how=HOW,
        ),
    ]


def test_linkedin_rows_without_a_name_or_with_a_field_missing_are_bad_rows():
    result = read("linkedin_connections.csv")

    assert result.bad == [
        BadRow(10, "no name"),
        BadRow(12, "has 6 fields, the header has 7"),
    ]


def test_a_linkedin_connection_with_only_an_email_is_filed_under_the_email():
    data = (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        ",,https://www.linkedin.com/in/x,kim@example.org,Acme,,01 May 2024\n"
    )

    [record] = read_import(data.encode()).records

    assert record.name == "kim@example.org"


def test_linkedin_exports_from_before_the_url_column_are_read():
    data = (
        "First Name,Last Name,Email Address,Company,Position,Connected On\n"
        "Ruth,Abebe,ruth@abebe.et,Addis Coffee,Owner,5/14/17\n"
    )

    result = read_import(data.encode())

    assert result.format == "linkedin"
    assert result.records == [
        ContactRecord(
            2,
            "Ruth Abebe",
            emails=["ruth@abebe.et"],
            company="Addis Coffee",
            title="Owner",
            met_on="5/14/17",
            met_how=HOW,
        )
    ]


def test_map_sends_a_linkedin_column_to_another_field_or_ignores_it():
    mapping = {"company": "ignore", "POSITION": "fact:Role", "Connected On": "notes"}

    record = read("linkedin_connections.csv", mapping=mapping).records[0]

    assert (record.company, record.title, record.met_on) == (None, None, None)
    assert record.notes == "03 Dec 2024"
    assert record.facts == [("Role", "Head of Procurement")]


def test_format_linkedin_refuses_a_file_without_any_of_its_columns():
    with pytest.raises(InvalidInput, match="none of LinkedIn's columns"):
        read_import(b"Name,Email\nDana,dana@example.com\n", format="linkedin")
