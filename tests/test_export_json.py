"""The JSON export holds every table; importing it into an empty file gives it back."""

from __future__ import annotations

import json

import pytest
from helpers import dump


@pytest.fixture
def full_file(ok) -> None:
    """A file with something in every table."""
    ok("add", "Dana Whitfield", "-e", "dana@harlowfinch.co.uk", "-p", "+44 7700 900123")
    ok(
        "add",
        "Tomasz Nowicki",
        "--company",
        "Brightwater",
        "--title",
        "Director",
        "--tag",
        "client",
        "--birthday",
        "--04-12",
        "--met",
        "at a conference",
        "--met-on",
        "3 Mar 2026",
        "--introduced-by",
        "Dana Whitfield",
        "--url",
        "https://www.linkedin.com/in/tnowicki",
    )
    ok("fact", "Tomasz", "daughter", "Ola, starts school in September", "-c", "family")
    ok("date", "Tomasz", "anniversary", "2010-06-18")
    ok("note", "Dana", "Budget approved; her son starts at Leeds", "--with", "Tomasz")
    ok("meet", "Dana", "--at", "friday 3pm", "--topic", "Q1 plan", "--where", "Leeds")
    ok("remind", "Tomasz", "send the deck", "--due", "monday", "--every", "3 months")
    ok("remind", "Dana", "signed SOW", "--they-owe")
    ok("link", "Dana", "Tomasz", "--as", "colleague")
    ok("cadence", "client", "1 month")
    ok("snooze", "Tomasz", "in 3 weeks")


def test_an_export_into_an_empty_file_gives_back_every_table(
    ok, full_file, data_file, tmp_path, monkeypatch
):
    exported = ok("export").out
    assert json.loads(exported)["farley"]["version"] == 1
    other = tmp_path / "other.db"
    monkeypatch.setenv("FARLEY_DB", str(other))
    path = tmp_path / "export.json"
    path.write_text(exported)
    run = ok("import", str(path))
    assert run.out.startswith(f"Imported {path} (json): 2 added, 0 merged, 0 skipped")
    assert dump(other) == dump(data_file)
    assert ok("export").out.split("\n", 2)[2] == exported.split("\n", 2)[2]


def test_every_table_is_in_the_export(ok, full_file):
    tables = json.loads(ok("export").out)["tables"]
    assert {name: len(rows) for name, rows in tables.items()} == {
        "people": 2,
        "contact_points": 3,
        "facts": 1,
        "important_dates": 2,
        "tags": 1,
        "relationships": 1,
        "notes": 1,
        "note_people": 2,
        "meetings": 1,
        "meeting_people": 1,
        "reminders": 2,
        "tag_cadences": 1,
    }


def test_an_imported_export_can_be_undone(ok, full_file, tmp_path, monkeypatch):
    path = tmp_path / "export.json"
    path.write_text(ok("export").out)
    other = tmp_path / "other.db"
    monkeypatch.setenv("FARLEY_DB", str(other))
    ok("list")
    empty = dump(other)
    ok("import", str(path))
    assert ok("import", "undo").out == (
        f"Undid batch 1 ({path}): removed 2 people, 1 note, 1 meeting, 2 reminders\n"
    )
    assert dump(other) == empty


def test_an_export_into_a_file_with_people_merges_and_adds_once(
    ok, full_file, data_file, tmp_path, monkeypatch
):
    path = tmp_path / "export.json"
    path.write_text(ok("export").out)
    other = tmp_path / "other.db"
    monkeypatch.setenv("FARLEY_DB", str(other))
    ok("add", "Grace Mwangi")
    ok("add", "Dana Whitfield", "-e", "dana@harlowfinch.co.uk", "--company", "H&F")
    run = ok("import", str(path), "--json")
    report = json.loads(run.out)
    assert (report["added"], report["merged"]) == (1, 1)
    once = dump(other)
    assert ok("import", str(path)).out.startswith("Nothing new in")
    assert dump(other) == once

    tomasz = json.loads(ok("show", "Tomasz", "--json").out)
    assert tomasz["person"]["introduced_by"]["name"] == "Dana Whitfield"
    assert [r["other"]["name"] for r in tomasz["relations"]] == ["Dana Whitfield"]
    assert [n["text"] for n in tomasz["notes"]] == [
        "Budget approved; her son starts at Leeds"
    ]
    assert len(dump(other)["meetings"]) == 1


def test_an_export_of_some_people_holds_only_what_is_theirs(ok, full_file):
    tables = json.loads(ok("export", "Dana Whitfield").out)["tables"]
    assert [p["name"] for p in tables["people"]] == ["Dana Whitfield"]
    assert tables["relationships"] == []
    assert [r["text"] for r in tables["reminders"]] == ["signed SOW"]
    assert [(n["note_id"], n["person_id"]) for n in tables["note_people"]] == [(1, 1)]
    assert tables["tag_cadences"] == []


def test_an_export_of_some_people_imports_into_an_empty_file(
    ok, full_file, tmp_path, monkeypatch
):
    path = tmp_path / "tomasz.json"
    path.write_text(ok("export", "Tomasz").out)
    monkeypatch.setenv("FARLEY_DB", str(tmp_path / "other.db"))
    ok("import", str(path))
    tomasz = json.loads(ok("show", "Tomasz", "--json").out)
    assert tomasz["person"]["introduced_by"] is None
    assert tomasz["person"]["tags"] == ["client"]


def test_a_dry_run_of_an_export_lists_its_people_and_writes_nothing(
    ok, full_file, tmp_path, monkeypatch
):
    path = tmp_path / "export.json"
    path.write_text(ok("export").out)
    other = tmp_path / "other.db"
    monkeypatch.setenv("FARLEY_DB", str(other))
    ok("list")
    empty = dump(other)
    report = json.loads(ok("import", str(path), "--dry-run", "--json").out)
    assert [(r["action"], r["name"]) for r in report["rows"]] == [
        ("added", "Dana Whitfield"),
        ("added", "Tomasz Nowicki"),
    ]
    assert dump(other) == empty
