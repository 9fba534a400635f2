"""People as CSV and vCard, and writing an export to a file only its owner reads."""

from __future__ import annotations

import csv
import io
import json
import stat

import pytest

from farley.domain.transfer.export import guard
from farley.domain.transfer.vcards import escape, fold

# Read back through the test runner, which shows CRLF as LF.
CSV_HEADER = (
    "id,name,nickname,company,title,location,emails,phones,urls,tags,birthday,"
    "met_how,met_on,contact_labels,dates\n"
)


@pytest.fixture
def people(ok) -> None:
    ok(
        "add",
        "Dana Whitfield",
        "-e",
        "dana@harlowfinch.co.uk",
        "-e",
        "dana.w@fastmail.com",
        "-p",
        "+44 7700 900123",
        "--company",
        "Harlow & Finch, LLP",
        "--title",
        "Head of Procurement; Europe",
        "--tag",
        "client",
        "--tag",
        "leeds",
        "--birthday",
        "--04-12",
        "--nickname",
        "Dee",
        "--location",
        "Leeds, UK",
        "--url",
        "https://www.linkedin.com/in/dana-whitfield",
    )
    ok("fact", "Dana", "notes", "Prefers tea.\nAsk about the Harrogate deal.")
    ok(
        "add",
        '=HYPERLINK("http://x")',
        "--company",
        "@evil",
        "--birthday",
        "1980-04-12",
    )


def test_csv_has_the_main_fields_of_everyone(ok, people):
    out = ok("export", "--format", "csv").out
    assert out == (
        CSV_HEADER
        + '1,Dana Whitfield,Dee,"Harlow & Finch, LLP",Head of Procurement; Europe,'
        '"Leeds, UK",dana@harlowfinch.co.uk; dana.w@fastmail.com,\'+44 7700 900123,'
        "https://www.linkedin.com/in/dana-whitfield,client; leeds,'--04-12,,,,\n"
        '2,"\'=HYPERLINK(""http://x"")",,\'@evil,,,,,,,1980-04-12,,,,\n'
    )


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+44 7700 900123", "'+44 7700 900123"),
        ("-2+3", "'-2+3"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Dana", "Dana"),
        ("", ""),
    ],
)
def test_a_cell_a_spreadsheet_would_run_is_written_as_text(cell, written):
    assert guard(cell) == written


def test_a_csv_export_imports_back_as_the_same_people(
    ok, people, tmp_path, monkeypatch
):
    path = tmp_path / "people.csv"
    ok("export", "--format", "csv", "--output", str(path))
    before = json.loads(ok("list", "--json").out)
    monkeypatch.setenv("FARLEY_DB", str(tmp_path / "other.db"))
    ok("import", str(path), "--map", "id=ignore")
    after = json.loads(ok("list", "--json").out)
    keep = ("name", "nickname", "company", "title", "location", "tags", "contacts")
    assert [{k: p[k] for k in keep} for p in after] == [
        {k: p[k] for k in keep} for p in before
    ]


def test_vcard_escapes_folds_and_writes_a_birthday_without_a_year(ok, people):
    out = ok("export", "--format", "vcard", "Dana").out
    assert out == (
        "BEGIN:VCARD\n"
        "VERSION:4.0\n"
        "FN:Dana Whitfield\n"
        "N:Whitfield;Dana;;;\n"
        "NICKNAME:Dee\n"
        "ORG:Harlow & Finch\\, LLP\n"
        "TITLE:Head of Procurement\\; Europe\n"
        "EMAIL:dana@harlowfinch.co.uk\n"
        "EMAIL:dana.w@fastmail.com\n"
        "TEL:+44 7700 900123\n"
        "URL:https://www.linkedin.com/in/dana-whitfield\n"
        "ADR:;;;Leeds\\, UK;;;\n"
        "BDAY:--0412\n"
        "CATEGORIES:client,leeds\n"
        "NOTE:Prefers tea.\\nAsk about the Harrogate deal.\n"
        "END:VCARD\n"
    )


def test_long_vcard_lines_are_folded_at_75_octets_between_characters():
    line = "NOTE:" + "Malmö " * 30
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert all(len(piece.encode()) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert "".join(piece.removeprefix(" ") for piece in pieces) == line


def test_vcard_text_escapes_backslashes_commas_semicolons_and_newlines():
    assert escape("a\\b, c; d\r\ne") == "a\\\\b\\, c\\; d\\ne"


def test_a_vcard_export_imports_back_as_the_same_people(
    ok, people, tmp_path, monkeypatch
):
    ok("fact", "Dana", "notes", "x" * 200)
    path = tmp_path / "people.vcf"
    ok("export", "--format", "vcard", "--output", str(path))
    assert max(len(line) for line in path.read_bytes().split(b"\r\n")) <= 75
    before = [json.loads(ok("show", str(n), "--json").out) for n in (1, 2)]
    monkeypatch.setenv("FARLEY_DB", str(tmp_path / "other.db"))
    ok("import", str(path))
    after = [json.loads(ok("show", str(n), "--json").out) for n in (1, 2)]
    keep = ("name", "nickname", "company", "title", "location", "tags", "contacts")
    for old, new in zip(before, after, strict=True):
        assert {k: new["person"][k] for k in keep} == {
            k: old["person"][k] for k in keep
        }
        assert [
            (d["label"], d["month"], d["day"], d["year"]) for d in new["dates"]
        ] == [(d["label"], d["month"], d["day"], d["year"]) for d in old["dates"]]
        notes = [(f["key"], f["value"]) for f in old["facts"]]
        assert [(f["key"], f["value"]) for f in new["facts"]] == notes


def test_output_writes_a_file_only_its_owner_can_read(ok, people, tmp_path):
    path = tmp_path / "farley.json"
    run = ok("export", "--output", str(path))
    assert (run.out, run.err) == ("", f"Exported to {path}\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert (
        json.loads(path.read_text())["tables"]["people"][0]["name"] == "Dana Whitfield"
    )


def test_output_refuses_to_replace_a_file_without_force(farley, ok, people, tmp_path):
    path = tmp_path / "farley.csv"
    path.write_text("keep me")
    run = farley("export", "-f", "csv", "--output", str(path))
    assert (run.code, run.err) == (
        5,
        f"farley: {path} exists already: add --force to replace it\n",
    )
    assert path.read_text() == "keep me"
    ok("export", "-f", "csv", "--output", str(path), "--force")
    assert path.read_text().startswith("id,name")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_an_unknown_export_format_is_refused(farley):
    run = farley("export", "--format", "xlsx")
    assert (run.code, run.err) == (
        2,
        "farley: unknown format 'xlsx': use json, csv or vcard\n",
    )


def test_csv_of_nobody_is_just_the_header(ok):
    out = ok("export", "-f", "csv").out
    assert out == CSV_HEADER
    assert list(csv.reader(io.StringIO(out))) == [CSV_HEADER.strip().split(",")]


def test_an_output_folder_that_does_not_exist_is_not_found(farley, tmp_path):
    run = farley("export", "--output", str(tmp_path / "nope" / "x.json"))
    assert run.code == 3
    assert (
        run.err == f"farley: there is no folder {tmp_path / 'nope'}: create it first\n"
    )


def test_output_given_a_folder_is_refused(farley, tmp_path):
    run = farley("export", "--output", str(tmp_path))
    assert (run.code, run.err) == (
        2,
        f"farley: {tmp_path} is a folder: give a file name with --output\n",
    )


def test_someone_not_on_file_is_not_exported(farley, ok, people):
    run = farley("export", "nobody-like-this")
    assert (run.code, run.out) == (3, "")
    assert run.err.startswith('farley: no one called "nobody-like-this"')
