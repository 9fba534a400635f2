"""Reading Google Contacts' CSV export, current and older layouts."""

import json
from pathlib import Path

from farley.domain.readers import BadRow, ContactRecord, read_import

FIXTURES = Path(__file__).parent / "fixtures" / "imports"


def read(name: str, **options: object):
    return read_import((FIXTURES / name).read_bytes(), filename=name, **options)


def test_google_export_is_recognised_by_its_columns():
    result = read("google_contacts.csv")

    assert (result.format, result.kind) == ("google", "contacts")


def test_a_full_google_contact_keeps_every_group_it_has():
    dana = read("google_contacts.csv").records[0]

    assert dana == ContactRecord(
        2,
        "Dana Whitfield",
        nickname="Dee",
        emails=["dana.whitfield@harlowfinch.co.uk", "dana.w@fastmail.com"],
        phones=["+44 7700 900123", "+44 7700 900456", "+44 113 496 0000"],
        urls=["https://www.linkedin.com/in/dana-whitfield-4a1b2c"],
        company="Harlow & Finch LLP",
        title="Head of Procurement",
        location="Leeds, United Kingdom",
        birthday="--04-12",
        dates=[("anniversary", "2005-06-18")],
        tags=["starred", "Clients"],
        notes="Son starts at Leeds in September.\nPrefers tea, not coffee.",
        facts=[
            ("department", "Procurement"),
            ("spouse", "Tom Whitfield"),
            ("Coffee order", "Flat white"),
            ("work address", "1 Park Row, Leeds LS1 5AB, United Kingdom"),
        ],
        labels={
            "dana.whitfield@harlowfinch.co.uk": "work",
            "dana.w@fastmail.com": "home",
            "+44 7700 900123": "mobile",
            "+44 7700 900456": "mobile",
            "+44 113 496 0000": "work",
            "https://www.linkedin.com/in/dana-whitfield-4a1b2c": "profile",
        },
    )


def test_google_contacts_without_a_name_take_the_company_email_or_phone():
    result = read("google_contacts.csv")

    assert result.records[1:] == [
        ContactRecord(
            6,
            "Rajesh Kumar Patel Jr.",
            emails=["raj.patel@kestrelbio.com"],
            company="Kestrel Bio",
            title="VP Research",
            birthday="1980-04-12",
            dates=[("event", "2019-03-02")],
            facts=[("honorific", "Dr.")],
            labels={"raj.patel@kestrelbio.com": "work"},
        ),
        ContactRecord(
            7,
            "Northwind Catering",
            emails=["bookings@northwindcatering.co.uk"],
            phones=["+44 20 7946 0018"],
            company="Northwind Catering",
            tags=["Suppliers"],
            labels={
                "bookings@northwindcatering.co.uk": "work",
                "+44 20 7946 0018": "work",
            },
        ),
        ContactRecord(
            8,
            "li.wen@sunmail.cn",
            emails=["li.wen@sunmail.cn"],
            labels={"li.wen@sunmail.cn": "other"},
        ),
        ContactRecord(
            9,
            "+44 7700 900999",
            phones=["+44 7700 900999"],
            tags=[],
            labels={"+44 7700 900999": "mobile"},
        ),
    ]


def test_a_google_contact_with_nothing_to_call_it_by_is_a_bad_row():
    data = (
        b"First Name,Last Name,Labels,Notes\nDana,Whitfield,,\n,,* myContacts,hello\n"
    )
    assert read_import(data).bad == [BadRow(3, "no name")]


def test_the_older_google_layout_reads_name_group_membership_and_organization():
    result = read("google_contacts_old.csv")

    assert result.format == "google"
    assert result.records == [
        ContactRecord(
            2,
            "Greta Lindqvist",
            emails=["greta.lindqvist@posteo.se", "greta@nordvind.se"],
            phones=["+46 70 123 45 67"],
            urls=["https://greta.design"],
            company="Nordvind AB",
            title="Product Designer",
            location="Gothenburg",
            birthday="1984-11-03",
            tags=["Friends", "Book club"],
            facts=[("department", "Design"), ("Hobby", "Sailing")],
            labels={
                "greta.lindqvist@posteo.se": "home",
                "greta@nordvind.se": "work",
                "+46 70 123 45 67": "mobile",
                "https://greta.design": "blog",
            },
        ),
        ContactRecord(
            3,
            "Omar Haddad",
            emails=["omar.haddad@nordvind.se"],
            tags=["Coworkers"],
            labels={"omar.haddad@nordvind.se": "work"},
        ),
    ]


def test_google_groups_are_found_however_many_the_file_has():
    header = (
        "First Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value,"
        "E-mail 3 - Label,E-mail 3 - Value,Phone 4 - Label,Phone 4 - Value,"
        "Website 2 - Label,Website 2 - Value,Event 2 - Label,Event 2 - Value,"
        "Custom Field 7 - Label,Custom Field 7 - Value"
    )
    row = (
        "Kofi,Mensah,* myContacts,Work,kofi@volta.gh,Home,kofi.m@proton.me,"
        "Mobile,+233 20 555 0147,Blog,https://kofi.blog,Graduation,2011-07-01,"
        "Allergy,Peanuts"
    )

    [record] = read_import(f"{header}\n{row}\n".encode()).records

    assert record == ContactRecord(
        2,
        "Kofi Mensah",
        emails=["kofi@volta.gh", "kofi.m@proton.me"],
        phones=["+233 20 555 0147"],
        urls=["https://kofi.blog"],
        dates=[("graduation", "2011-07-01")],
        facts=[("Allergy", "Peanuts")],
        labels={
            "kofi@volta.gh": "work",
            "kofi.m@proton.me": "home",
            "+233 20 555 0147": "mobile",
            "https://kofi.blog": "blog",
        },
    )


def test_map_on_a_google_value_column_leaves_its_label_out_of_the_facts():
    mapping = {"Custom Field 1 - Value": "fact:coffee"}

    dana = read("google_contacts.csv", mapping=mapping).records[0]

    assert ("coffee", "Flat white") in dana.facts
    assert not [key for key, _ in dana.facts if key.startswith("Custom Field")]


def test_map_onto_a_field_google_fills_wins_and_keeps_the_old_value_as_a_fact():
    mapping = {"Custom Field 1 - Value": "company"}

    dana = read("google_contacts.csv", mapping=mapping).records[0]

    assert dana.company == "Flat white"
    assert ("company", "Harlow & Finch LLP") in dana.facts


def test_the_older_layout_is_recognised_without_its_group_membership_column(
    ok, tmp_path
):
    path = tmp_path / "contacts.csv"
    path.write_text(
        "Name,Given Name,Family Name,E-mail 1 - Type,E-mail 1 - Value,"
        "Organization 1 - Name\n"
        "Dana Whitfield,Dana,Whitfield,* Work,dana@acme.example,Acme\n"
    )
    assert "(google)" in ok("import", str(path)).out
    dana = json.loads(ok("show", "dana", "--json").out)["person"]
    assert (dana["company"], dana["contacts"][0]["value"]) == (
        "Acme",
        "dana@acme.example",
    )
