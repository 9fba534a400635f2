"""Reading Outlook's contacts CSV, from the desktop app and Outlook on the web."""

import json
from pathlib import Path

import pytest

from farley.domain.readers import BadRow, ContactRecord, read_import
from farley.domain.readers.outlook import outlook_date

FIXTURES = Path(__file__).parent / "fixtures" / "imports"


def read(name: str, **options: object):
    return read_import((FIXTURES / name).read_bytes(), filename=name, **options)


def test_the_desktop_export_in_windows_1252_keeps_its_accents():
    result = read("outlook_desktop.csv")

    assert (result.format, result.kind) == ("outlook", "contacts")
    assert result.records == [
        ContactRecord(
            2,
            "Zoë Fairbanks",
            emails=["zoe@craneandsons.co.uk"],
            phones=["+44 7700 900777", "+44 117 496 0321"],
            company="Crane & Sons",
            title="General Counsel",
            location="Bristol, United Kingdom",
            birthday="3/9/1975",
            tags=["Clients", "Golf"],
            notes="Prefers calls after 4pm.\nBudget €40k for Q3.",
            facts=[
                ("honorific", "Dr."),
                ("department", "Legal"),
                ("Home City", "Bath"),
                ("Business Street", "14 Wharf Road"),
                ("Business Postal Code", "BS1 4RN"),
                ("Spouse", "Mark"),
            ],
            labels={"+44 7700 900777": "mobile", "+44 117 496 0321": "work"},
        ),
        ContactRecord(
            4,
            "José Luis Álvarez",
            emails=["jose.alvarez@ibericafoods.es", "jlalvarez@gmail.com"],
            phones=["+34 91 123 45 67"],
            company="Ibérica Foods",
            title="Buyer",
            tags=["Suppliers", "VIP"],
            labels={"+34 91 123 45 67": "home"},
        ),
    ]


def test_a_truncated_outlook_row_is_a_bad_row():
    assert read("outlook_desktop.csv").bad == [
        BadRow(5, "has 6 fields, the header has 92")
    ]


def test_the_web_export_with_a_byte_order_mark_is_read():
    result = read("outlook_web.csv")

    assert result.format == "outlook"
    assert result.records == [
        ContactRecord(
            2,
            "Aisha Bello",
            emails=["aisha.bello@meridianlaw.co.uk", "aisha.b@outlook.com"],
            phones=["+44 7700 900321", "+44 161 496 0555"],
            urls=["https://meridianlaw.co.uk/people/aisha-bello"],
            company="Meridian Law",
            title="Senior Associate",
            location="Manchester, United Kingdom",
            birthday="7/23/1986",
            notes="Met at the CIPS conference in Harrogate.",
            facts=[
                ("department", "Commercial"),
                ("Home City", "Altrincham"),
                ("Spouse", "Ibrahim"),
            ],
            labels={"+44 7700 900321": "mobile", "+44 161 496 0555": "work"},
        ),
        ContactRecord(
            3,
            "Wei Chen PhD",
            nickname="Vivian",
            emails=["wei.chen@quanta-labs.com"],
            phones=["+1 206 555 0187"],
            company="Quanta Labs",
            title="Principal Scientist",
            location="Seattle, WA, United States",
            dates=[("anniversary", "2014-05-10")],
            facts=[("IMAddress", "wei.chen@quanta-labs.com")],
            labels={"+1 206 555 0187": "main"},
        ),
    ]


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("0/0/00", None),
        ("1/0/00", None),
        ("0/0/0000", None),
        ("", None),
        ("3/9/1975", "3/9/1975"),
        ("1/1/00", "1/1/00"),
        ("1975-03-09", "1975-03-09"),
    ],
)
def test_outlook_dates_read_its_zero_markers_as_no_date(written, read):
    assert outlook_date(written) == read


def test_an_exchange_address_with_no_at_sign_is_kept_as_a_fact():
    data = (
        "First Name,Last Name,E-mail Address,E-mail Type,Mobile Phone\n"
        "Ravi,Iyer,/O=EXCHANGELABS/OU=EXCHANGE/CN=RECIPIENTS/CN=RIYER,EX,\n"
    )

    [record] = read_import(data.encode()).records

    assert record.emails == []
    assert record.facts == [
        ("E-mail Address", "/O=EXCHANGELABS/OU=EXCHANGE/CN=RECIPIENTS/CN=RIYER")
    ]


def test_outlooks_title_column_is_an_honorific_not_a_job_title(ok, tmp_path):
    path = tmp_path / "outlook.csv"
    path.write_text(
        "Title,First Name,Last Name,Job Title,E-mail Address,Mobile Phone\n"
        "Ms.,Aisha,Bello,Senior Associate,aisha@meridianlaw.co.uk,\n"
    )
    ok("import", str(path))

    shown = json.loads(ok("show", "Aisha", "--json").out)

    assert shown["person"]["title"] == "Senior Associate"
    assert [(f["category"], f["key"], f["value"]) for f in shown["facts"]] == [
        ("other", "honorific", "Ms.")
    ]
