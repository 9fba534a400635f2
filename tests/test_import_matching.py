"""Who an imported row is: found by email, by profile, by name and company, or new."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


@pytest.fixture
def linkedin(tmp_path: Path):
    """Write LinkedIn rows (first, last, url, email, company) to a file."""

    def write(*rows: tuple[str, str, str, str, str]) -> str:
        path = tmp_path / "Connections.csv"
        lines = [",".join([*row, "Director", "03 Dec 2024"]) for row in rows]
        path.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
        return str(path)

    return write


def dry_run(ok, path: str) -> list[tuple[str, str | None]]:
    rows = json.loads(ok("import", path, "--dry-run", "--json").out)["rows"]
    return [(row["action"], row["key"]) for row in rows]


def test_a_profile_on_file_with_a_country_subdomain_matches_the_plain_one(ok, linkedin):
    ok("add", "Dana Whitfield", "--url", "https://uk.linkedin.com/in/dana-w/")
    path = linkedin(("Dana", "W.", "https://www.linkedin.com/in/dana-w", "", "Harlow"))
    assert dry_run(ok, path) == [("merged", "url")]


def test_an_email_on_file_matches_whatever_the_name(ok, linkedin):
    ok("add", "Dana Whitfield", "--email", "Dana@Harlow.example")
    path = linkedin(("D", "Whitfield", "", "dana@harlow.example", "Harlow"))
    assert dry_run(ok, path) == [("merged", "email")]


def test_a_namesake_at_the_same_company_with_another_email_is_someone_else(
    ok, linkedin
):
    ok("add", "Sam Okafor", "--company", "Harlow", "--email", "sam@harlow.example")
    path = linkedin(("Sam", "Okafor", "", "sam.okafor@elsewhere.example", "Harlow"))
    assert dry_run(ok, path) == [("added", None)]


def test_a_namesake_with_another_profile_on_file_is_someone_else(ok, linkedin):
    ok("add", "Sam Okafor", "--company", "Harlow", "--url", "linkedin.com/in/sam-1")
    path = linkedin(("Sam", "Okafor", "https://linkedin.com/in/sam-2", "", "Harlow"))
    assert dry_run(ok, path) == [("added", None)]


def test_a_name_and_company_match_ignores_case_and_accents_written_in_capitals(
    ok, linkedin
):
    ok("add", "Zoë Strauß", "--company", "Brightwater")
    path = linkedin(("ZOË", "STRAUSS", "", "", "BRIGHTWATER"))
    assert dry_run(ok, path) == [("merged", "name+company")]


def test_a_later_row_matches_one_added_earlier_in_the_same_file(ok, linkedin):
    path = linkedin(
        ("Ines", "Duarte", "https://linkedin.com/in/ines", "", "Lisbon Labs"),
        ("Ines", "Duarte", "https://linkedin.com/in/ines/", "ines@labs.example", ""),
    )
    assert dry_run(ok, path) == [("added", None), ("merged", "url")]
