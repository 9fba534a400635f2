"""Farley's vCard export imports back into an empty file as the same people."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
MORE = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana Whitfield\r\n"
    "EMAIL:dana@harlowfinch.co.uk\r\nORG:Harlow & Finch\\, LLP;Sensors\r\n"
    "LANG:fr\r\nGENDER:Female\r\nNOTE:Second note\\, \\\\ with a backslash\r\n"
    "END:VCARD\r\n"
)


@pytest.fixture
def filed(ok, tmp_path: Path) -> None:
    """Someone with every field, facts of every kind and awkward text throughout."""
    ok(
        "add",
        "Dana Whitfield",
        "-e",
        "dana@harlowfinch.co.uk",
        "-p",
        "+44 7700 900123",
        "--company",
        "Harlow & Finch, LLP",
        "--title",
        "Head of Procurement; Europe",
        "--nickname",
        "Dee",
        "--location",
        "Leeds, UK",
        "--met",
        "at CIPS: Harrogate, stand 12",
        "--met-on",
        "2024-03-05",
        "--birthday",
        "--04-12",
        "--tag",
        "client",
        "--tag",
        "a; b \\ c",
    )
    ok("edit", "Dana", "--every", "6 weeks")
    ok("date", "Dana", "anniversary", "2010-06-18")
    ok("date", "Dana", "started at harlow", "2019-01-07")
    for category, key, value, learned in (
        ("family", "spouse", "Tom", "2025-02-01"),
        ("family", "kids, names", 'Lena "Lenchen"; Max^2', "2025-02-01"),
        ("interests", "sailing", "Ammersee; every summer", "2026-11-30"),
        ("preferences", "coffee", "flat white\nno sugar", "2026-12-01"),
        ("avoid", "politics", "never: ask", "2026-12-02"),
        ("work", "department", "R&D", "2026-12-03"),
        ("work", "work address", "1 Park Row, Leeds, LS1 5AB", "2026-12-03"),
        ("other", "home address", "4 Elm Close, Leeds", "2026-12-03"),
        ("other", "address", "PO Box 7", "2026-12-03"),
        ("other", "honorific", "Dr.", "2026-12-03"),
        ("other", "gender", "F", "2026-12-03"),
        ("other", "language", "en-GB", "2026-12-03"),
        ("other", "notes", "Prefers tea.\nAsk about Harrogate.", "2026-12-03"),
        ("other", "work address", "kept under other", "2026-12-03"),
        ("other", 'say "when" ^ ok', "now", "2026-12-03"),
    ):
        ok("fact", "Dana", key, value, "-c", category, "--learned", learned)
    # Only an import gives someone a second fact under the same key.
    more = tmp_path / "more.vcf"
    more.write_text(MORE)
    ok("import", str(more))
    ok("add", "Tomasz Nowicki", "--birthday", "1980-04-12")


def everything(ok) -> list[dict]:
    """Everyone as `show --json` gives them, without ids and clocks."""
    found = []
    for listed in json.loads(ok("list", "--json").out):
        shown = json.loads(ok("show", str(listed["id"]), "--json").out)
        person = {
            key: value
            for key, value in shown["person"].items()
            if key not in ("id", "created_at", "updated_at")
        }
        facts = [
            (f["category"], f["key"], f["value"], f["learned_on"])
            for f in shown["facts"]
        ]
        dates = [(d["label"], d["month"], d["day"], d["year"]) for d in shown["dates"]]
        found.append({**person, "facts": sorted(facts), "dates": sorted(dates)})
    return found


def reimport(ok, tmp_path: Path, monkeypatch) -> Path:
    """Export everyone as vCard, then import that into a new, empty file."""
    path = tmp_path / "export.vcf"
    ok("export", "--format", "vcard", "--output", str(path))
    monkeypatch.setenv("FARLEY_DB", str(tmp_path / "other.db"))
    ok("import", str(path))
    return path


def test_the_vcard_export_imports_back_into_an_empty_file_as_the_same_people(
    ok, filed, tmp_path, monkeypatch
):
    before = everything(ok)
    reimport(ok, tmp_path, monkeypatch)

    after = everything(ok)

    assert after == before
    assert len(after[0]["facts"]) == 19
    assert after[0]["cadence"] == "every 6 weeks"


def test_a_phone_vcard_exported_and_imported_again_loses_nothing(
    ok, tmp_path, monkeypatch
):
    ok("import", str(FIXTURES / "phone_full.vcf"))
    before = everything(ok)
    reimport(ok, tmp_path, monkeypatch)

    after = everything(ok)

    assert after == before
    assert [len(person["facts"]) for person in after] == [10, 3]


def test_what_the_phone_vcard_holds_is_all_kept_on_import(ok):
    ok("import", str(FIXTURES / "phone_full.vcf"))

    [katrin, piotr] = everything(ok)

    assert [fact[:3] for fact in katrin["facts"]] == [
        ("family", "spouse", "Jonas Becker"),
        ("other", "gender", "F"),
        (
            "other",
            "home address",
            "Leopoldstraße 7, München, Bayern, 80802, Deutschland",
        ),
        ("other", "honorific", "Dr."),
        ("other", "im", "skype:katrin.becker"),
        ("other", "language", "de"),
        ("other", "language", "en"),
        (
            "other",
            "notes",
            "Sails on the Ammersee in summer.\n"
            "Prefers English in writing, German on the phone.",
        ),
        ("work", "department", "R&D"),
        (
            "work",
            "work address",
            "Werner-von-Siemens-Straße 1, München, 80333, Deutschland",
        ),
    ]
    assert [fact[:3] for fact in piotr["facts"]] == [
        ("other", "gender", "M;he/him"),
        ("other", "home address", "ul. Długa 5, Gdańsk, 80-827, Polska"),
        ("work", "department", "Data Platform, EMEA"),
    ]
    assert katrin["location"] == "München, Bayern, Deutschland"
    assert katrin["dates"] == [
        ("anniversary", 6, 10, 2006),
        ("birthday", 9, 21, 1978),
        ("other", 1, 15, 2019),
    ]


def test_facts_go_in_standard_properties_where_vcard_has_them_else_x_farley_fact(
    ok, filed
):
    out = ok("export", "--format", "vcard", "Dana").out

    assert out == (
        "BEGIN:VCARD\n"
        "VERSION:4.0\n"
        "FN:Dana Whitfield\n"
        "N:Whitfield;Dana;;Dr.;\n"
        "NICKNAME:Dee\n"
        "ORG:Harlow & Finch\\, LLP;R&D\n"
        "TITLE:Head of Procurement\\; Europe\n"
        "EMAIL:dana@harlowfinch.co.uk\n"
        "TEL:+44 7700 900123\n"
        "ADR:;;;Leeds\\, UK;;;\n"
        "ADR;TYPE=work:;;1 Park Row\\, Leeds\\, LS1 5AB;;;;\n"
        "ADR;TYPE=home:;;4 Elm Close\\, Leeds;;;;\n"
        "ADR:;;PO Box 7;;;;\n"
        "ANNIVERSARY:20100618\n"
        "BDAY:--0412\n"
        "item1.X-ABDATE:20190107\n"
        "item1.X-ABLABEL:started at harlow\n"
        "CATEGORIES:a\\; b \\\\ c,client\n"
        "GENDER:F\n"
        "LANG:en-GB\n"
        "LANG:fr\n"
        "NOTE:Prefers tea.\\nAsk about Harrogate.\n"
        "X-FARLEY-MET:at CIPS: Harrogate\\, stand 12\n"
        "X-FARLEY-MET-ON:2024-03-05\n"
        "X-FARLEY-CADENCE:every 6 weeks\n"
        "X-FARLEY-FACT;CATEGORY=family;KEY=spouse;LEARNED=2025-02-01:Tom\n"
        'X-FARLEY-FACT;CATEGORY=family;KEY="kids, names";LEARNED=2025-02-01:Lena "Le\n'
        ' nchen"\\; Max^2\n'
        "X-FARLEY-FACT;CATEGORY=interests;KEY=sailing;LEARNED=2026-11-30:Ammersee\\; \n"
        " every summer\n"
        "X-FARLEY-FACT;CATEGORY=preferences;KEY=coffee;LEARNED=2026-12-01:flat white\n"
        " \\nno sugar\n"
        "X-FARLEY-FACT;CATEGORY=avoid;KEY=politics;LEARNED=2026-12-02:never: ask\n"
        "X-FARLEY-FACT;CATEGORY=other;KEY=work address;LEARNED=2026-12-03:kept under\n"
        "  other\n"
        "X-FARLEY-FACT;CATEGORY=other;KEY=say ^'when^' ^^ ok;LEARNED=2026-12-03:now\n"
        "X-FARLEY-FACT;CATEGORY=work;KEY=department;LEARNED=2026-12-03:Sensors\n"
        "X-FARLEY-FACT;CATEGORY=other;KEY=gender;LEARNED=2026-12-03:Female\n"
        "X-FARLEY-FACT;CATEGORY=other;KEY=notes;LEARNED=2026-12-03:"
        "Second note\\, \\\\ \n"
        " with a backslash\n"
        "END:VCARD\n"
    )
