"""The brief names each person once; a shared note's questions stay with its person."""

import json

import pytest


@pytest.fixture(autouse=True)
def eighty_columns(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")


@pytest.fixture
def lunch(ok):
    """A lunch about Ann, with Ben there: a question and a to-do for Ann."""
    ok("add", "Ann Alpha")
    ok("add", "Ben Beta")
    text = "Lunch. How is your mother doing?\ntodo: send Ann the report by friday"
    ok("note", "ann", text, "--with", "ben", "--on", "yesterday")


@pytest.mark.usefixtures("lunch")
def test_a_shared_note_previews_without_its_questions_for_those_it_was_written_with(
    ok,
):
    assert ok("brief", "ben").out == (
        "Brief: Ben Beta\n"
        "Conversations: yesterday, meeting with Ann Alpha: Lunch.\n"
        "People around them: Ann Alpha — in 1 recent note with them\n"
    )
    assert ok("brief", "ben", "--markdown").out == (
        "# Brief: Ben Beta\n\n"
        "## Conversations\n"
        "- yesterday, meeting with Ann Alpha: Lunch.\n\n"
        "## People around them\n"
        "- **Ann Alpha** — in 1 recent note with them\n"
    )


@pytest.mark.usefixtures("lunch")
def test_the_person_a_note_is_about_is_asked_its_questions(ok):
    assert ok("brief", "ann").out == (
        "Brief: Ann Alpha\n"
        "Conversations: yesterday, meeting with Ben Beta: Lunch.\n"
        "Open reminders: #1 send Ann the report — due Fri 4 Dec 2026 (tomorrow)\n"
        "Ask about\n"
        "  • How is your mother doing?\n"
        "People around them: Ben Beta — in 1 recent note with them\n"
    )


def test_a_shared_note_of_questions_only_says_whose_they_are(ok):
    ok("add", "Ann Alpha")
    ok("add", "Ben Beta")
    ok("note", "ann", "How was Oslo?", "--with", "ben")
    assert ok("brief", "ben").out == (
        "Brief: Ben Beta\n"
        "Conversations: today, meeting with Ann Alpha: questions for Ann Alpha\n"
        "People around them: Ann Alpha — in 1 recent note with them\n"
    )


@pytest.fixture
def budget_review(ok):
    """Dana and Priya of Acme meet tomorrow with Sean, whom nothing else links."""
    ok("add", "Dana Whitfield", "--company", "Acme")
    ok("add", "Priya Shah", "--company", "Acme")
    ok("add", "Sean O'Brien")
    ok("meet", "dana", "--at", "tomorrow 3pm", "--with", "priya", "--with", "sean")


@pytest.mark.usefixtures("budget_review")
def test_someone_only_at_the_meeting_is_named_by_the_meeting_line_alone(ok):
    assert ok("brief", "dana").out == (
        "Brief: Dana Whitfield — Acme\n"
        "Meeting\n"
        "  Fri 4 Dec 2026 15:00 (tomorrow)\n"
        "  with Priya Shah, Sean O'Brien\n"
        "Conversations: You have not met yet.\n"
        "People around them: Priya Shah — colleague at Acme\n"
    )


@pytest.mark.usefixtures("budget_review")
def test_someone_only_at_the_meeting_is_under_no_one_in_a_group_brief(ok):
    shown = ok("brief", "dana", "priya").out
    assert shown.count("Sean O'Brien") == 1
    assert "  with Dana Whitfield, Priya Shah, Sean O'Brien\n" in shown


def test_who_introduced_you_is_said_once_under_people_around(ok):
    ok("add", "Dana Whitfield")
    ok("add", "Élodie Martin", "--introduced-by", "dana", "--met", "at a dinner")
    assert ok("brief", "elodie").out == (
        "Brief: Élodie Martin\n"
        "met at a dinner\n"
        "People around them: Dana Whitfield — introduced you\n"
    )


def test_who_introduced_you_and_how_you_are_linked_share_one_line(ok):
    ok("add", "Dana Whitfield")
    ok("add", "Élodie Martin", "--introduced-by", "dana")
    ok("link", "elodie", "dana", "--as", "friend")
    assert "Dana Whitfield — friend, introduced you\n" in ok("brief", "elodie").out


@pytest.fixture
def gardener(ok):
    """Dana grows tomatoes (learned long ago, never mentioned since) and runs."""
    ok("add", "Dana Whitfield")
    ok(
        "fact",
        "dana",
        "gardening",
        "Grows tomatoes",
        "-c",
        "interests",
        "--learned",
        "2024-05-01",
    )
    ok("fact", "dana", "running", "York half", "-c", "interests")


@pytest.mark.usefixtures("gardener")
def test_json_offers_a_fact_to_ask_about_without_listing_it_again_in_facts(ok):
    [about] = json.loads(ok("brief", "dana", "--json").out)["people"]
    assert about["ask_about"] == ["gardening: Grows tomatoes"]
    assert [e["fact"]["key"] for e in about["facts"]["interests"]] == ["running"]


@pytest.mark.usefixtures("gardener")
def test_markdown_has_the_sections_plain_has(ok):
    assert ok("brief", "dana").out == (
        "Brief: Dana Whitfield\n"
        "Personal\n"
        "  interests · running: York half\n"
        "Conversations: You have not met yet.\n"
        "Ask about\n"
        "  • gardening: Grows tomatoes\n"
    )
    assert ok("brief", "dana", "--markdown").out == (
        "# Brief: Dana Whitfield\n\n"
        "## Personal\n"
        "- interests · **running:** York half\n\n"
        "## Conversations\n"
        "- **You have not met yet.**\n\n"
        "## Ask about\n"
        "- gardening: Grows tomatoes\n"
    )
