"""Farley's own CSV and vCard exports import back as the same people, labels and all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana Whitfield\r\nNICKNAME:Dee\r\n"
    "ORG:Harlow & Finch\\, LLP\r\nTITLE:Head of Procurement\r\n"
    "EMAIL;TYPE=WORK,INTERNET:dana@harlowfinch.co.uk\r\n"
    "EMAIL;TYPE=HOME:dana.w@fastmail.com\r\n"
    "TEL;TYPE=CELL:+44 7700 900123\r\n"
    "item1.TEL:+44 113 496 0000\r\nitem1.X-ABLabel:Yacht\r\n"
    "item2.URL:https://www.linkedin.com/in/dana-whitfield\r\n"
    "item2.X-ABLabel:_$!<HomePage>!$_\r\n"
    "BDAY:--04-12\r\nEND:VCARD\r\n"
)


@pytest.fixture
def people(ok, tmp_path: Path) -> None:
    """Two people with labelled contact points, awkward tags and several dates."""
    path = tmp_path / "dana.vcf"
    path.write_text(CARD)
    ok("import", str(path))
    ok("tag", "Dana", "Smith & Jones", "a; b", "back\\slash")
    ok("date", "Dana", "anniversary", "2010-06-18")
    ok("date", "Dana", "work anniversary", "--03-01")
    ok(
        "add",
        "Tomasz Nowicki",
        "-e",
        "tomasz@brightwater.io",
        "-p",
        "+48 601 234 567",
        "--met",
        "at a conference: Leeds",
        "--met-on",
        "3 Mar 2026",
        "--birthday",
        "1980-04-12",
        "--location",
        "Kraków; Poland",
    )


def profiles(ok) -> list[dict]:
    """Everyone as `show --json` gives them, without ids and clocks."""
    found = []
    for listed in json.loads(ok("list", "--json").out):
        shown = json.loads(ok("show", str(listed["id"]), "--json").out)
        person = {
            key: value
            for key, value in shown["person"].items()
            if key not in ("id", "created_at", "updated_at")
        }
        dates = [(d["label"], d["month"], d["day"], d["year"]) for d in shown["dates"]]
        found.append({**person, "dates": sorted(dates)})
    return found


def reimport(ok, tmp_path: Path, monkeypatch, format: str) -> str:
    path = tmp_path / f"export.{format}"
    ok("export", "--format", format, "--output", str(path))
    monkeypatch.setenv("FARLEY_DB", str(tmp_path / "other.db"))
    return ok("import", str(path)).out


def test_the_csv_export_imports_back_into_an_empty_file_as_the_same_people(
    ok, people, tmp_path, monkeypatch
):
    before = profiles(ok)
    out = reimport(ok, tmp_path, monkeypatch, "csv")
    assert out.startswith(
        f"Imported {tmp_path / 'export.csv'} (csv): 2 added, 0 merged"
    )
    assert profiles(ok) == before


def test_the_id_column_of_our_own_export_is_not_kept_as_a_fact(
    ok, people, tmp_path, monkeypatch
):
    reimport(ok, tmp_path, monkeypatch, "csv")
    shown = json.loads(ok("show", "Tomasz", "--json").out)
    assert shown["facts"] == []
    assert shown["person"]["met_how"] == "at a conference: Leeds"


def test_the_vcard_export_imports_back_as_the_same_people_labels_and_all(
    ok, people, tmp_path, monkeypatch
):
    before = profiles(ok)
    out = reimport(ok, tmp_path, monkeypatch, "vcard")
    assert out.startswith(
        f"Imported {tmp_path / 'export.vcard'} (vcard): 2 added, 0 merged"
    )
    assert profiles(ok) == before


def test_csv_writes_labels_and_other_dates_in_their_own_columns(ok, people):
    out = ok("export", "--format", "csv", "Dana").out
    row = out.splitlines()[1]
    assert row.endswith(
        ",work: dana@harlowfinch.co.uk; home: dana.w@fastmail.com; "
        "mobile: +44 7700 900123; Yacht: +44 113 496 0000; "
        "homepage: https://www.linkedin.com/in/dana-whitfield,"
        "anniversary: 2010-06-18; work anniversary: --03-01"
    )
    assert ",a\\; b; back\\\\slash; Smith & Jones," in row


def test_vcard_writes_known_labels_as_types_and_others_as_apple_labels(ok, people):
    out = ok("export", "--format", "vcard", "Dana").out
    assert "EMAIL;TYPE=work:dana@harlowfinch.co.uk\n" in out
    assert "EMAIL;TYPE=home:dana.w@fastmail.com\n" in out
    assert "TEL;TYPE=cell:+44 7700 900123\n" in out
    assert "item1.TEL:+44 113 496 0000\nitem1.X-ABLABEL:Yacht\n" in out
    assert "item3.X-ABDATE:--0301\nitem3.X-ABLABEL:work anniversary\n" in out
