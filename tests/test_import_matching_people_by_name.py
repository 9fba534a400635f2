"""Notes and reminders imports find people as name lookup does: accents, case and
punctuation aside, by the whole name or an email, never guessing between two."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from helpers import dump

from farley.domain.resolve import NameIndex


@pytest.fixture(autouse=True)
def people(ok) -> None:
    ok("add", "Élodie Dupré", "--email", "elodie@example.com")
    ok("add", "Sean O'Brien")
    ok("add", "Ann Lee")


def write_rows(tmp_path: Path, lines: list[str]) -> str:
    path = tmp_path / "rows.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def imported(path: str, added: int) -> str:
    kind = "reminders" if "due" in Path(path).read_text() else "notes"
    return (
        f"Imported {path} ({kind}): {added} added, 0 merged, 0 skipped "
        "(batch 1; farley import undo 1 takes it back out)\n"
    )


def linked(data_file: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(data_file)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


NOTES_SQL = """SELECT p.name, n.text FROM notes n
    JOIN note_people np ON np.note_id = n.id
    JOIN people p ON p.id = np.person_id ORDER BY n.id, p.id"""


@pytest.mark.parametrize(
    "named",
    [
        "Elodie Dupre",
        "élodie dupré",
        "ELODIE DUPRE",
        "  Elodie   Dupré ",
        "Élodie Dupré",
    ],
)
def test_a_note_naming_someone_without_their_accents_or_case_finds_them(
    ok, tmp_path, data_file, named
):
    path = write_rows(tmp_path, ["date,person,text", f"2026-11-02,{named},Lunch"])
    run = ok("import", path)
    assert run.out == imported(path, 1)
    assert run.err == ""
    assert linked(data_file, NOTES_SQL) == [("Élodie Dupré", "Lunch")]


@pytest.mark.parametrize("named", ["Sean OBrien", "sean o brien", "Sean O’Brien"])
def test_a_note_naming_someone_without_their_punctuation_finds_them(
    ok, tmp_path, data_file, named
):
    path = write_rows(tmp_path, ["date,person,text", f"2026-11-02,{named},Call"])
    assert ok("import", path).out == imported(path, 1)
    assert linked(data_file, NOTES_SQL) == [("Sean O'Brien", "Call")]


def test_the_people_with_a_note_are_found_the_same_way(ok, tmp_path, data_file):
    path = write_rows(
        tmp_path,
        ["date,person,with,text", "2026-11-02,ELODIE@example.com,Sean OBrien,Lunch"],
    )
    assert ok("import", path).out == imported(path, 1)
    assert linked(data_file, NOTES_SQL) == [
        ("Élodie Dupré", "Lunch"),
        ("Sean O'Brien", "Lunch"),
    ]


def test_a_reminder_naming_someone_without_their_accents_finds_them(
    ok, tmp_path, data_file
):
    path = write_rows(
        tmp_path, ["person,task,due", "elodie dupre,Send the deck,2027-01-06"]
    )
    assert ok("import", path).out == imported(path, 1)
    assert linked(
        data_file,
        "SELECT p.name, r.text FROM reminders r JOIN people p ON p.id = r.person_id",
    ) == [("Élodie Dupré", "Send the deck")]


def test_a_part_of_a_name_is_no_match_in_a_file(farley, tmp_path, data_file):
    before = dump(data_file)
    path = write_rows(tmp_path, ["date,person,text", "2026-11-02,Elodie,Lunch"])
    run = farley("import", path)
    assert run.code == 2
    assert run.out == ""
    assert run.err == (
        f"farley: {path} line 2: no one called Elodie on file: import contacts "
        "first (nothing was imported; --skip-bad imports the other rows)\n"
    )
    assert dump(data_file) == before


def test_two_people_whose_names_fold_alike_make_a_bad_row(
    farley, ok, tmp_path, data_file
):
    ok("add", "Elodie Dupre")
    before = dump(data_file)
    path = write_rows(tmp_path, ["date,person,text", "2026-11-02,Élodie Dupré,Lunch"])
    run = farley("import", path)
    assert run.code == 2
    assert run.out == ""
    assert run.err == (
        f"farley: {path} line 2: several people are called Élodie Dupré "
        "(Élodie Dupré, id 1; Elodie Dupre, id 4): name them by email instead "
        "(nothing was imported; --skip-bad imports the other rows)\n"
    )
    assert dump(data_file) == before


def test_their_email_still_tells_them_apart(ok, tmp_path, data_file):
    ok("add", "Elodie Dupre")
    path = write_rows(
        tmp_path, ["date,person,text", "2026-11-02,elodie@example.com,Tea"]
    )
    assert ok("import", path).out == imported(path, 1)
    assert linked(data_file, NOTES_SQL) == [("Élodie Dupré", "Tea")]


def test_the_name_index_prefers_the_name_as_written_to_a_looser_form():
    index = NameIndex([(1, "Sean O'Brien"), (2, "Sean Obrien"), (3, "Zoë")])
    assert index.find("sean o'brien") == [1]
    assert index.find("SEAN OBRIEN") == [2]
    assert index.find("Sean O-Brien") == [1, 2]
    assert index.find("zoe") == [3]
    assert index.find("Sean") == []
