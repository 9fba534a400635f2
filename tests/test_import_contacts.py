"""Importing people from export files: what is stored, and how duplicates merge."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from helpers import dump

FIXTURES = Path(__file__).parent / "fixtures" / "imports"


@pytest.fixture(autouse=True)
def in_fixtures(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the fixtures folder, so that messages name files briefly."""
    monkeypatch.chdir(FIXTURES)


def person(ok, who: str) -> dict:
    return json.loads(ok("show", who, "--json").out)


def names(ok) -> list[str]:
    return [p["name"] for p in json.loads(ok("list", "--json").out)]


def facts_of(data_file: Path, name: str) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(data_file)
    try:
        return conn.execute(
            """SELECT f.category, f.key, f.value FROM facts f
            JOIN people p ON p.id = f.person_id WHERE p.name = ? ORDER BY f.id""",
            (name,),
        ).fetchall()
    finally:
        conn.close()


def test_a_linkedin_export_adds_each_connection_once(ok):
    run = ok("import", "import_linkedin.csv")
    assert run.out == (
        "Imported import_linkedin.csv (linkedin): 3 added, 0 merged, 1 skipped "
        "(batch 1; farley import undo 1 takes it back out)\n"
    )
    assert run.err == ""
    assert names(ok) == ["Dana Whitfield", "Sofia Marchetti", "Tomasz Nowicki"]


def test_the_connection_date_becomes_when_you_met(ok):
    ok("import", "import_linkedin.csv")
    dana = person(ok, "Dana Whitfield")["person"]
    assert (dana["met_on"], dana["met_how"]) == ("2024-12-03", "LinkedIn connection")
    assert dana["company"] == "Harlow & Finch"
    assert [c["value"] for c in dana["contacts"]] == [
        "dana@harlowfinch.co.uk",
        "https://www.linkedin.com/in/dana-whitfield",
    ]


def test_a_dry_run_reports_each_row_and_its_key(ok):
    ok("import", "import_linkedin.csv")
    run = ok("import", "import_google_merge.csv", "--dry-run")
    assert run.out == (
        "Dry run of import_google_merge.csv (google): 1 added, 3 merged, 0 skipped; "
        "nothing was written\n"
        "\n"
        "line  action  name             detail\n"
        "2     merged  Dana Whitfield   into #1 (matched on email)\n"
        "3     merged  Tomasz Nowicki   into #2 (matched on name+company)\n"
        "4     merged  Sofia Marchetti  into #3 (matched on url)\n"
        "5     added   Nadia Haddad\n"
    )


def test_a_dry_run_writes_nothing(ok, data_file):
    ok("import", "import_linkedin.csv")
    before = dump(data_file, with_log=True)
    run = ok("import", "import_google_merge.csv", "--dry-run", "--json")
    report = json.loads(run.out)
    assert report["batch"] is None and report["dry_run"] is True
    assert [(r["line"], r["action"], r["key"]) for r in report["rows"]] == [
        (2, "merged", "email"),
        (3, "merged", "name+company"),
        (4, "merged", "url"),
        (5, "added", None),
    ]
    assert dump(data_file, with_log=True) == before


def test_a_merge_fills_gaps_and_keeps_differing_values_as_facts(ok, data_file):
    ok("import", "import_linkedin.csv")
    ok("import", "import_google_merge.csv")
    dana = person(ok, "Dana Whitfield")["person"]
    assert (dana["nickname"], dana["location"]) == ("Dee", "Leeds")
    assert dana["company"] == "Harlow & Finch"
    assert dana["tags"] == ["Clients"]
    assert facts_of(data_file, "Dana Whitfield") == [
        ("work", "company (from google)", "Harlow & Finch LLP"),
        ("other", "notes", "Prefers tea."),
    ]
    sofia = person(ok, "Sofia Marchetti")["person"]
    assert [c["value"] for c in sofia["contacts"]] == [
        "https://www.linkedin.com/in/sofia-marchetti",
        "sofia@lumen.co",
    ]
    assert facts_of(data_file, "Sofia Marchetti") == [
        ("work", "title (from google)", "Managing Partner")
    ]


def test_a_name_and_company_match_fills_in_birthday_and_phone(ok):
    ok("import", "import_linkedin.csv")
    ok("import", "import_google_merge.csv")
    tomasz = person(ok, "Tomasz Nowicki")
    assert [(d["label"], d["year"]) for d in tomasz["dates"]] == [("birthday", 1984)]
    assert tomasz["person"]["location"] == "Warsaw"


def test_importing_the_same_file_twice_changes_nothing(ok, data_file):
    ok("import", "import_linkedin.csv")
    ok("import", "import_google_merge.csv")
    before = dump(data_file, with_log=True)
    run = ok("import", "import_google_merge.csv")
    assert run.out == (
        "Nothing new in import_google_merge.csv (google): "
        "0 added, 0 merged, 4 skipped\n"
    )
    assert dump(data_file, with_log=True) == before


def test_rows_repeated_in_one_file_are_one_person(ok):
    run = ok("import", "import_semicolons.csv", "--json")
    report = json.loads(run.out)
    assert (report["added"], report["merged"], report["skipped"]) == (2, 0, 1)
    assert names(ok) == ["Ingrid Solberg", "Lars Eriksen"]


def test_on_duplicate_skip_leaves_people_on_file_alone(ok, data_file):
    ok("import", "import_linkedin.csv")
    run = ok("import", "import_google_merge.csv", "--on-duplicate", "skip", "--json")
    assert json.loads(run.out)["added"] == 1
    assert person(ok, "Dana Whitfield")["person"]["nickname"] is None
    assert facts_of(data_file, "Dana Whitfield") == []


def test_on_duplicate_new_adds_everyone_and_keeps_a_taken_email_as_a_fact(
    ok, data_file
):
    ok("import", "import_linkedin.csv")
    run = ok("import", "import_google_merge.csv", "--on-duplicate", "new")
    assert run.err == ("1 email was on file for someone else already: kept as a fact\n")
    assert names(ok).count("Dana Whitfield") == 2
    assert ("other", "email", "dana@harlowfinch.co.uk") in facts_of(
        data_file, "Dana Whitfield"
    )


def test_the_summary_counts_every_email_kept_as_a_fact(ok, tmp_path):
    ok("add", "Anna Kowalska", "-e", "anna@vistula.pl")
    ok("add", "Yuki Tanaka", "-e", "yuki@kestrel.jp")
    path = tmp_path / "people.csv"
    path.write_text(
        "name,email\nAnna K,anna@vistula.pl\nYuki T,yuki@kestrel.jp\nRaj,raj@x.in\n"
    )
    run = ok("import", str(path), "--on-duplicate", "new")
    assert run.err == "2 emails were on file for someone else already: kept as facts\n"
    assert person(ok, "Raj")["person"]["contacts"][0]["value"] == "raj@x.in"


def test_a_merge_says_so_when_it_keeps_someone_elses_email_as_a_fact(ok, tmp_path):
    ok("add", "Anna Kowalska", "-e", "anna@vistula.pl")
    ok("add", "Yuki Tanaka", "-e", "yuki@kestrel.jp")
    path = tmp_path / "people.csv"
    path.write_text("name,email\nYuki Tanaka,yuki@kestrel.jp; anna@vistula.pl\n")
    run = ok("import", str(path))
    assert run.err == "1 email was on file for someone else already: kept as a fact\n"


def test_tag_tags_everyone_the_file_adds_or_merges(ok):
    ok("import", "import_linkedin.csv", "--tag", "conference", "--tag", "#2026")
    assert person(ok, "Sofia Marchetti")["person"]["tags"] == ["2026", "conference"]


def test_map_reads_a_column_as_a_field_or_a_fact(ok, tmp_path, data_file):
    path = tmp_path / "people.csv"
    path.write_text("Who,Org,Pet\nAnna Kowalska,Vistula Ltd,a cat called Mruczek\n")
    ok(
        "import",
        str(path),
        "--map",
        "Who=name",
        "--map",
        "Org=company",
        "--map",
        "Pet=fact:pet",
    )
    assert person(ok, "Anna Kowalska")["person"]["company"] == "Vistula Ltd"
    assert facts_of(data_file, "Anna Kowalska") == [
        ("other", "pet", "a cat called Mruczek")
    ]


def test_an_outlook_file_in_windows_1252_keeps_its_accents(ok, data_file):
    ok("import", "import_outlook_1252.csv")
    assert names(ok) == ["José Álvarez", "Zoë Fairbanks"]
    jose = person(ok, "José Álvarez")
    assert jose["person"]["company"] == "Ibérica Foods"
    assert jose["dates"] == []
    assert facts_of(data_file, "José Álvarez") == [
        ("other", "notes", "Café con leche,\nsin azúcar.")
    ]
    zoe = person(ok, "Zoë Fairbanks")
    assert [(d["month"], d["day"], d["year"]) for d in zoe["dates"]] == [(4, 12, 1979)]


def test_a_folded_vcard_is_read_whole_with_a_birthday_without_a_year(ok, data_file):
    run = ok("import", "import_folded.vcf", "--skip-bad")
    assert run.err == (
        'skipped line 14: birthday: can\'t read the date "1985-13-40": try '
        "1980-04-12, 12 Apr 1980, 12 Apr, April 12th, --04-12\n"
    )
    greta = person(ok, "Greta Lindqvist")
    assert greta["person"]["company"] == "Nordvind, AB"
    assert greta["person"]["tags"] == ["Book club", "Friends"]
    assert [(d["month"], d["day"], d["year"]) for d in greta["dates"]] == [
        (4, 12, None)
    ]
    assert (
        "other",
        "notes",
        (
            "Met at the Malmö design week. Ask about her sailing trip round Gotland; "
            "she loves cinnamon buns.\nHates phone calls."
        ),
    ) in facts_of(data_file, "Greta Lindqvist")
    assert ("work", "department", "Design") in facts_of(data_file, "Greta Lindqvist")


def test_a_csv_with_semicolons_a_bom_and_crlf_is_read(ok, data_file):
    ok("import", "import_semicolons.csv")
    ingrid = person(ok, "Ingrid Solberg")
    assert ingrid["person"]["company"] == "Fjordtech AS"
    assert [(d["month"], d["day"], d["year"]) for d in ingrid["dates"]] == [
        (4, 12, 1979)
    ]
    assert facts_of(data_file, "Ingrid Solberg") == [
        ("other", "notes", "Two kids.\nSkis every winter.")
    ]


def test_a_dash_reads_the_file_from_standard_input(ok):
    text = "name,email\nYuki Tanaka,yuki@example.jp\n"
    run = ok("import", "-", input=text)
    assert run.out.startswith("Imported standard input (csv): 1 added")
    assert names(ok) == ["Yuki Tanaka"]


def test_dayfirst_reads_slashed_dates_day_first(ok, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("name,birthday\nAnna Kowalska,04/05/1990\nYuki Tanaka,04/05/1991\n")
    ok("import", str(path), "--dayfirst")
    dates = person(ok, "Anna Kowalska")["dates"]
    assert [(d["month"], d["day"]) for d in dates] == [(5, 4)]


def test_import_json_counts_the_rows(ok):
    run = ok("import", "import_linkedin.csv", "--json")
    assert json.loads(run.out) == {
        "batch": 1,
        "file": "import_linkedin.csv",
        "format": "linkedin",
        "kind": "contacts",
        "dry_run": False,
        "added": 3,
        "merged": 0,
        "skipped": 1,
        "rows": [],
        "bad": [],
        "notices": [],
    }


def test_import_json_carries_what_was_said_on_stderr(ok, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("name,birthday\nAnna Kowalska,25/12/1980\n")
    run = ok("import", str(path), "--json")
    assert json.loads(run.out)["notices"] == [
        "Dates read day first (line 2: 25/12/1980)"
    ]


@pytest.mark.parametrize(
    "name", sorted(p.name for p in FIXTURES.iterdir() if p.suffix in (".csv", ".vcf"))
)
def test_every_fixture_imports_and_a_second_time_changes_nothing(ok, data_file, name):
    ok("import", "import_linkedin.csv")
    ok("import", name, "--skip-bad")
    before = dump(data_file, with_log=True)
    second = ok("import", name, "--skip-bad")
    assert second.out.startswith("Nothing new in")
    assert dump(data_file, with_log=True) == before


@pytest.mark.parametrize(
    ("file", "who", "labels"),
    [
        (
            "google_contacts.csv",
            "Dana Whitfield",
            [
                ("dana.whitfield@harlowfinch.co.uk", "work"),
                ("dana.w@fastmail.com", "home"),
                ("+44 7700 900123", "mobile"),
                ("+44 7700 900456", "mobile"),
                ("+44 113 496 0000", "work"),
                ("https://www.linkedin.com/in/dana-whitfield-4a1b2c", "profile"),
            ],
        ),
        (
            "outlook_desktop.csv",
            "Zoë Fairbanks",
            [
                ("zoe@craneandsons.co.uk", None),
                ("+44 7700 900777", "mobile"),
                ("+44 117 496 0321", "work"),
            ],
        ),
        (
            "contacts_apple.vcf",
            "Dana Whitfield",
            [
                ("dana.whitfield@harlowfinch.co.uk", "other"),
                ("dana.w@fastmail.com", "home"),
                ("+44 7700 900123", "mobile"),
                ("https://www.linkedin.com/in/dana-whitfield-4a1b2c", "LinkedIn"),
                ("http://twitter.com/danawhit", "twitter"),
            ],
        ),
        (
            "contacts_apple.vcf",
            "Chidi Okafor",
            [("chidi.okafor@lagosport.ng", "work"), ("+234 803 555 0101", "WhatsApp")],
        ),
        (
            "phone_export.vcf",
            "Jürgen Müller",
            [
                ("juergen.mueller@spreewerk.de", None),
                ("+49 151 23456789", "mobile"),
                ("+49 30 1234567", "work"),
            ],
        ),
        (
            "contacts_generic.csv",
            "Grace Mwangi",
            [
                ("grace@savannah.ventures", None),
                ("grace.mwangi@gmail.com", None),
                ("+254 20 555 0199", "work"),
                ("https://savannah.ventures/team/grace", None),
            ],
        ),
    ],
)
def test_contact_labels_are_kept(ok, file, who, labels):
    ok("import", file, "--skip-bad")
    contacts = person(ok, who)["person"]["contacts"]
    assert [(c["value"], c["label"]) for c in contacts] == labels


def test_show_prints_a_contact_label_after_its_value(ok):
    ok("import", "google_contacts.csv")
    out = ok("show", "Dana Whitfield").out
    assert "  email: dana.whitfield@harlowfinch.co.uk (work)\n" in out
    assert "  phone: +44 7700 900123 (mobile)\n" in out


def test_labels_come_from_vcard_types_in_every_version(ok, tmp_path):
    path = tmp_path / "cards.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Old Phone\r\nTEL;CELL;VOICE:+44 1\r\n"
        "TEL;WORK;FAX:+44 2\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:New Phone\r\n"
        'EMAIL;TYPE=WORK,INTERNET:new@x.com\r\nTEL;TYPE="home":+44 3\r\n'
        "item1.TEL:+44 4\r\nitem1.X-ABLabel:_$!<HomeFAX>!$_\r\nEND:VCARD\r\n"
    )
    ok("import", str(path))
    old = person(ok, "Old Phone")["person"]["contacts"]
    new = person(ok, "New Phone")["person"]["contacts"]
    assert [c["label"] for c in old] == ["mobile", "work fax"]
    assert [c["label"] for c in new] == ["work", "home", "home fax"]
