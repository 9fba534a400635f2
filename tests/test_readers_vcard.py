"""Reading vCard 2.1, 3.0 and 4.0 files."""

from pathlib import Path

import pytest

from farley.domain.readers import BadRow, ContactRecord, read_import
from farley.domain.readers.vcard_syntax import parse_line, split_value, unfold
from farley.errors import InvalidInput

FIXTURES = Path(__file__).parent / "fixtures" / "imports"


def read(name: str, **options: object):
    return read_import((FIXTURES / name).read_bytes(), filename=name, **options)


def card(*lines: str) -> bytes:
    return "\r\n".join(["BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD", ""]).encode()


def test_an_apple_card_reads_its_item_groups_labels_and_folded_note():
    result = read("contacts_apple.vcf")

    assert (result.format, result.kind) == ("vcard", "contacts")
    assert result.records[0] == ContactRecord(
        1,
        "Dana Whitfield",
        nickname="Dee",
        emails=["dana.whitfield@harlowfinch.co.uk", "dana.w@fastmail.com"],
        phones=["+44 7700 900123"],
        urls=[
            "https://www.linkedin.com/in/dana-whitfield-4a1b2c",
            "http://twitter.com/danawhit",
        ],
        company="Harlow & Finch LLP",
        title="Head of Procurement",
        location="Leeds, West Yorkshire, United Kingdom",
        birthday="--04-12",
        dates=[("anniversary", "2005-06-18")],
        tags=["Clients", "Leeds"],
        notes=(
            "Son starts at Leeds in September.\nPrefers tea, not coffee. Has a great"
            " eye for supplier contracts; ask about the Harrogate deal."
        ),
        facts=[
            ("department", "Procurement"),
            (
                "work address",
                "1 Park Row, Leeds, West Yorkshire, LS1 5AB, United Kingdom",
            ),
            ("spouse", "Tom Whitfield"),
        ],
        labels={
            "dana.whitfield@harlowfinch.co.uk": "other",
            "dana.w@fastmail.com": "home",
            "+44 7700 900123": "mobile",
            "https://www.linkedin.com/in/dana-whitfield-4a1b2c": "LinkedIn",
            "http://twitter.com/danawhit": "twitter",
        },
    )


def test_a_card_without_fn_is_named_from_n_and_keeps_an_honorific_and_more_as_facts():
    records = read("contacts_apple.vcf").records

    assert records[1:] == [
        ContactRecord(
            30,
            "Chidi Okafor",
            emails=["chidi.okafor@lagosport.ng"],
            phones=["+234 803 555 0101"],
            facts=[("honorific", "Mr.")],
            labels={
                "chidi.okafor@lagosport.ng": "work",
                "+234 803 555 0101": "WhatsApp",
            },
        ),
        ContactRecord(
            38,
            "Sofia Marchetti",
            company="Lumen & Co",
            title="Partner",
            birthday="1979-10-30",
            dates=[("anniversary", "2012-09-01"), ("started at lumen", "2016-04-04")],
            facts=[
                ("im", "skype:sofia.marchetti"),
                ("spouse", "Luca"),
                ("phonetic last name", "mar-KET-tee"),
            ],
        ),
    ]


def test_a_card_cut_off_before_end_vcard_is_a_bad_row_at_its_begin_line():
    assert read("contacts_apple.vcf").bad == [BadRow(51, "card has no END:VCARD")]


def test_a_phone_export_in_vcard_2_1_decodes_quoted_printable_utf8():
    result = read("phone_export.vcf")

    assert result.records == [
        ContactRecord(
            1,
            "Jürgen Müller",
            emails=["juergen.mueller@spreewerk.de"],
            phones=["+49 151 23456789", "+49 30 1234567"],
            company="Spreewerk GmbH",
            birthday="19800412",
            notes=(
                "Trifft sich gern zum Mittagessen.\n"
                "Spricht fließend English und Französisch."
            ),
            facts=[("department", "Einkäufe")],
            labels={"+49 151 23456789": "mobile", "+49 30 1234567": "work"},
        ),
        ContactRecord(
            13,
            "Anna Kowalska",
            phones=["+48 22 555 01 23"],
            location="Warszawa, Polska",
            facts=[("home address", "ul. Mokotowska 12, Warszawa, 00-561, Polska")],
            labels={"+48 22 555 01 23": "home"},
        ),
    ]


def test_a_vcard_4_card_reads_uri_phones_related_people_and_a_yearless_birthday():
    [record] = read("contacts_v4.vcf").records

    assert record == ContactRecord(
        1,
        "Amara Nwosu",
        emails=["amara.nwosu@kestrelbio.com"],
        phones=["+1-415-555-0142"],
        urls=["https://kestrelbio.com/team/amara"],
        company="Kestrel Bio",
        birthday="--0412",
        dates=[("anniversary", "20100918")],
        tags=["Investors", "Bay Area"],
        facts=[("spouse", "Daniel Nwosu"), ("gender", "F")],
        labels={"amara.nwosu@kestrelbio.com": "work", "+1-415-555-0142": "mobile"},
    )


def test_a_google_card_unescapes_its_url_and_drops_the_my_contacts_group():
    [record] = read("google_contacts.vcf").records

    assert record == ContactRecord(
        1,
        "Tomasz Nowicki",
        emails=["tomasz@brightwater.io"],
        phones=["+48 601 234 567"],
        urls=["https://www.linkedin.com/in/tnowicki"],
        company="Brightwater Analytics",
        title="Director, Data Platform",
        birthday="--11-03",
        tags=["starred", "Clients"],
        notes="Runs the Kraków data meetup.",
        labels={
            "tomasz@brightwater.io": "work",
            "+48 601 234 567": "mobile",
            "https://www.linkedin.com/in/tnowicki": "LinkedIn",
        },
    )


@pytest.mark.parametrize(
    ("line", "birthday"),
    [
        ("BDAY:1980-04-12", "1980-04-12"),
        ("BDAY:19800412", "19800412"),
        ("BDAY:--0412", "--0412"),
        ("BDAY:--04-12", "--04-12"),
        ("BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12", "--04-12"),
        ("BDAY;VALUE=date:1604-04-12", "--04-12"),
        ("BDAY;X-APPLE-OMIT-YEAR=1900:1900-04-12", "--04-12"),
        ("BDAY;VALUE=text:circa 1960", "circa 1960"),
    ],
)
def test_birthdays_stay_as_written_except_apples_stand_in_year(line, birthday):
    [record] = read_import(card("FN:Lena Vogt", line)).records

    assert record.birthday == birthday


def test_lines_folded_with_a_space_or_a_tab_are_joined():
    text = "NOTE:one\r\n two\n\tthree\nFN:x"

    assert list(unfold(text)) == [(1, "NOTE:onetwothree"), (4, "FN:x")]


def test_quoted_printable_soft_line_breaks_are_joined_without_the_equals_sign():
    text = "NOTE;ENCODING=QUOTED-PRINTABLE:caf=C3=\n=A9 au lait\nFN:x"

    lines = list(unfold(text))

    assert lines[0] == (1, "NOTE;ENCODING=QUOTED-PRINTABLE:caf=C3=A9 au lait")
    assert parse_line(lines[0][1]).value == "café au lait"


def test_parameters_are_read_in_every_vcard_style():
    bare = parse_line("TEL;CELL;VOICE:+44 7700 900123")
    typed = parse_line("item1.EMAIL;type=INTERNET;type=pref:dana@example.com")
    quoted = parse_line('TEL;VALUE=uri;TYPE="voice,cell":tel:+1-555-0100')

    assert bare.types() == ["cell", "voice"]
    assert (typed.group, typed.name, typed.types()) == (
        "item1",
        "EMAIL",
        ["internet", "pref"],
    )
    assert (quoted.types(), quoted.value) == (["voice", "cell"], "tel:+1-555-0100")


def test_structured_values_split_on_unescaped_separators_only():
    assert split_value(r"Harlow \; Finch;Procurement\, North", ";") == [
        "Harlow ; Finch",
        "Procurement, North",
    ]


def test_a_lowercase_begin_vcard_after_blank_lines_is_still_a_vcard():
    data = b"\r\n\r\nbegin:vcard\r\nversion:3.0\r\nfn:Lena Vogt\r\nend:vcard\r\n"

    result = read_import(data)

    assert result.records == [ContactRecord(3, "Lena Vogt")]


def test_a_card_with_only_a_phone_is_filed_under_the_number():
    result = read_import(card("TEL:+44 7700 900999"))

    assert [r.name for r in result.records] == ["+44 7700 900999"]


def test_a_card_with_nothing_to_call_it_by_is_a_bad_row():
    result = read_import(card("NOTE:met at the fair"))

    assert result.bad == [BadRow(1, "no name")]


def test_map_is_refused_for_a_vcard_file():
    with pytest.raises(InvalidInput, match="--map works only with CSV files"):
        read("google_contacts.vcf", mapping={"FN": "name"})


def test_farleys_own_properties_read_back_as_fields_and_filed_facts():
    [record] = read_import(
        card(
            "FN:Lena Vogt",
            "X-FARLEY-MET:at CIPS: Harrogate\\, stand 12",
            "X-FARLEY-MET-ON:2024-03-05",
            "X-FARLEY-CADENCE:6 weeks",
            "X-FARLEY-FACT;CATEGORY=family;KEY=spouse;LEARNED=2025-02-01:Tom",
            'X-FARLEY-FACT;CATEGORY=Avoid;KEY="politics, mostly":never\\; ask',
        )
    ).records

    assert (record.met_how, record.met_on, record.cadence) == (
        "at CIPS: Harrogate, stand 12",
        "2024-03-05",
        "every 6 weeks",
    )
    assert record.categorized_facts == [
        ("family", "spouse", "Tom", "2025-02-01"),
        ("avoid", "politics, mostly", "never; ask", None),
    ]


@pytest.mark.parametrize(
    ("line", "facts", "categorized"),
    [
        (
            "X-FARLEY-FACT;CATEGORY=gossip;KEY=spouse:Tom",
            [("spouse", "Tom")],
            [],
        ),
        (
            "X-FARLEY-FACT;CATEGORY=family;KEY=son;LEARNED=last week:Max",
            [],
            [("family", "son", "Max", None)],
        ),
        ("X-FARLEY-FACT;CATEGORY=family:Max", [("farley fact", "Max")], []),
        ("X-FARLEY-CADENCE:whenever", [], [("other", "cadence", "whenever", None)]),
    ],
)
def test_farleys_own_properties_written_by_hand_lose_nothing(line, facts, categorized):
    [record] = read_import(card("FN:Lena Vogt", line)).records

    assert (record.facts, record.categorized_facts) == (facts, categorized)


def test_a_quoted_parameter_keeps_its_commas_and_carets_decode():
    prop = parse_line("X-FARLEY-FACT;KEY=\"a, b: c\";NOTE=say ^'hi^'^n^^:v")

    assert prop.params == {"KEY": ["a, b: c"], "NOTE": ['say "hi"\n^']}
    assert prop.value == "v"


def test_n_gives_an_honorific_and_lang_a_language_beside_fn():
    [record] = read_import(
        card("FN:Katrin Becker", "N:Becker;Katrin;;Dr.;", "LANG;PREF=1:de")
    ).records

    assert record.name == "Katrin Becker"
    assert record.facts == [("honorific", "Dr."), ("language", "de")]
