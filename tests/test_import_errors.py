"""A bad import stops with one line naming the file and line, and changes nothing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from farley.store.schema import LATEST

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
BROKEN_DATE = (
    "farley: import_linkedin_broken_date.csv line 7: when you met: can't read the "
    'date "31 Feb 2022": try 2026-12-04, 2026-12-04 15:30, 4 Dec 2026, Dec 4, '
    "friday 3pm, tomorrow, next friday, in 2 weeks, 3 days ago "
    "(nothing was imported; --skip-bad imports the other rows)\n"
)


@pytest.fixture(autouse=True)
def in_fixtures(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)


def counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables
        }
    finally:
        conn.close()


def test_a_broken_date_stops_the_import_with_its_line(farley, ok, data_file):
    ok("add", "Grace Mwangi", "--email", "grace@savannah.ventures")
    before = counts(data_file)
    run = farley("import", "import_linkedin_broken_date.csv")
    assert run.code == 2
    assert run.out == ""
    assert run.err == BROKEN_DATE
    assert counts(data_file) == before


def test_a_dry_run_stops_at_a_bad_row_as_the_import_would(farley):
    run = farley("import", "import_linkedin_broken_date.csv", "--dry-run")
    assert (run.code, run.err) == (2, BROKEN_DATE)


def test_skip_bad_imports_the_rest_and_lists_what_it_left_out(ok):
    run = ok("import", "import_linkedin_broken_date.csv", "--skip-bad")
    assert run.out.startswith(
        "Imported import_linkedin_broken_date.csv (linkedin): 3 added, 0 merged, "
        "1 skipped"
    )
    assert run.err.startswith(
        'skipped line 7: when you met: can\'t read the date "31 Feb 2022"'
    )
    assert run.err.count("\n") == 1


def test_a_row_the_reader_cannot_split_is_a_bad_row_too(farley, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("name,email,company\nAnna Kowalska,anna@vistula.pl,Vistula\nYuki\n")
    run = farley("import", str(path))
    assert run.code == 2
    assert run.err == (
        f"farley: {path} line 3: has 1 fields, the header has 3 "
        "(nothing was imported; --skip-bad imports the other rows)\n"
    )


def test_an_email_that_is_not_one_is_a_bad_row(farley, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("name,email\nAnna Kowalska,anna at vistula\n")
    run = farley("import", str(path))
    assert run.code == 2
    assert 'line 2: "anna at vistula" is not an email address' in run.err


def test_a_missing_file_is_not_found(farley):
    run = farley("import", "no-such-file.csv")
    assert run.code == 3
    assert run.err == "farley: there is no file no-such-file.csv: check the path\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--format", "excel"],
            "farley: unknown format 'excel': use one of auto, linkedin, google, "
            "outlook, vcard, csv, json\n",
        ),
        (
            ["--on-duplicate", "replace"],
            "farley: --on-duplicate 'replace': use merge, skip or new\n",
        ),
        (
            ["--map", "Company"],
            "farley: --map 'Company': give COLUMN=FIELD, e.g. "
            '--map "Organisation=company"\n',
        ),
    ],
)
def test_a_bad_option_is_refused_in_one_line(farley, args, message):
    run = farley("import", "import_linkedin.csv", *args)
    assert (run.code, run.out, run.err) == (2, "", message)


def test_a_file_that_is_no_farley_export_is_refused_as_json(farley, tmp_path):
    path = tmp_path / "other.json"
    path.write_text('{"contacts": []}')
    run = farley("import", str(path))
    assert run.code == 2
    assert run.err == (
        f"farley: {path} is not a Farley export: make one with "
        "farley export --format json\n"
    )


def test_json_that_does_not_parse_names_its_line(farley, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "farley": {},\n  "tables": {\n')
    run = farley("import", str(path))
    assert run.code == 2
    assert run.err.startswith(f"farley: {path} line 4: not valid JSON")


def test_a_note_about_someone_not_on_file_is_a_bad_row(farley, ok):
    ok("import", "import_linkedin.csv")
    run = farley("import", "notes.csv")
    assert run.code == 2
    assert run.err == (
        "farley: notes.csv line 2: no one with the email "
        "dana.whitfield@harlowfinch.co.uk on file: import contacts first "
        "(nothing was imported; --skip-bad imports the other rows)\n"
    )


def test_tag_is_refused_for_a_file_of_notes(farley):
    run = farley("import", "import_notes.csv", "--tag", "x")
    assert run.code == 2
    assert run.err == (
        "farley: import_notes.csv holds notes, not people: --tag tags people\n"
    )


def test_a_field_over_128_kb_is_imported_whole(ok, tmp_path):
    path = tmp_path / "huge.csv"
    path.write_text("name,notes\nAnna Kowalska," + "x" * 200_000 + "\n")
    ok("import", str(path))
    facts = json.loads(ok("show", "Anna Kowalska", "--json").out)["facts"]
    assert [(f["key"], len(f["value"])) for f in facts] == [("notes", 200_000)]


@pytest.fixture
def over_limit(tmp_path) -> Path:
    """A CSV whose third line holds a field over 16 MB, between good rows."""
    path = tmp_path / "huge.csv"
    with path.open("w") as file:
        file.write("name,notes\nAnna Kowalska,short\nYuki Tanaka,")
        file.write("x" * (17 << 20))
        file.write("\nRaj Patel,ok\n")
    return path


def test_a_field_over_16_mb_stops_the_import_naming_its_line(farley, ok, over_limit):
    run = farley("import", str(over_limit))
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        f"farley: {over_limit} line 3: has a field over 16 MB "
        "(nothing was imported; --skip-bad imports the other rows)\n"
    )
    assert json.loads(ok("list", "--json").out) == []


def test_skip_bad_leaves_out_only_the_row_with_the_huge_field(ok, over_limit):
    run = ok("import", str(over_limit), "--skip-bad")
    assert run.err == "skipped line 3: has a field over 16 MB\n"
    names = [p["name"] for p in json.loads(ok("list", "--json").out)]
    assert names == ["Anna Kowalska", "Raj Patel"]


def test_an_export_from_a_newer_farley_is_refused(farley, ok, tmp_path, monkeypatch):
    ok("add", "Dana Whitfield")
    export = json.loads(ok("export").out)
    export["farley"]["schema"] = 99
    path = tmp_path / "new.json"
    path.write_text(json.dumps(export))
    monkeypatch.setenv("FARLEY_DB", str(tmp_path / "other.db"))
    run = farley("import", str(path))
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        f"farley: {path} was exported by a newer Farley (schema 99; this one "
        f"knows {LATEST}): upgrade Farley to import it\n"
    )
    assert json.loads(ok("list", "--json").out) == []


def test_a_name_too_long_to_be_a_name_is_a_bad_row(farley, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("name,company\n" + "x" * 300 + ",Acme\n")
    run = farley("import", str(path))
    assert run.code == 2
    assert "line 2: a name of 300 characters is too long" in run.err
