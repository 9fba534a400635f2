"""Ask about: questions worth asking the person, never a to-do line or a reminder."""

import json

import pytest

NOTE = (
    "Lunch at Brio.\n"
    "todo: send the brochure by friday\n"
    "follow up: intro to Priya\n"
    "- ask about the Lyon office?\n"
)


@pytest.fixture(autouse=True)
def eighty_columns(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")


@pytest.fixture
def lunch(ok):
    """Élodie's lunch with Priya, then a meeting with Dana and Priya tomorrow."""
    ok("add", "Élodie Martin", "--company", "Brio")
    ok("add", "Dana Whitfield", "--company", "Acme")
    ok("add", "Priya Shah", "--company", "Acme")
    ok("note", "elodie", "--with", "priya", input=NOTE)
    ok("meet", "dana", "--at", "tomorrow 3pm", "--with", "priya", "--topic", "Q1")


@pytest.mark.usefixtures("lunch")
def test_to_do_lines_and_questions_stay_out_of_the_briefs_of_others_at_the_note(ok):
    assert ok("brief").out == (
        "Brief: Dana Whitfield, Priya Shah\n"
        "Meeting\n"
        "  Fri 4 Dec 2026 15:00 (tomorrow) — Q1\n"
        "  with Dana Whitfield, Priya Shah\n"
        "How they are connected\n"
        "  Dana Whitfield & Priya Shah: both at Acme\n"
        "Dana Whitfield · Who: Acme\n"
        "Dana Whitfield · Conversations: You have not met yet.\n"
        "Priya Shah · Who: Acme\n"
        "Priya Shah · Conversations: "
        "today, meeting with Élodie Martin: Lunch at Brio.\n"
        "Priya Shah · People around them: Élodie Martin — in 1 recent note with them\n"
    )


@pytest.mark.usefixtures("lunch")
def test_a_to_do_line_shows_once_as_a_reminder_in_the_brief_of_whom_it_is_for(ok):
    assert ok("brief", "elodie").out == (
        "Brief: Élodie Martin — Brio\n"
        "Conversations: today, meeting with Priya Shah: Lunch at Brio.\n"
        "Open reminders\n"
        "  #1 send the brochure — due Fri 4 Dec 2026 (tomorrow)\n"
        "  #2 intro to Priya\n"
        "Ask about\n"
        "  • the Lyon office?\n"
        "People around them: Priya Shah — in 1 recent note with them\n"
    )


@pytest.mark.usefixtures("lunch")
def test_each_output_writes_a_bullet_once(ok):
    markdown = ok("brief", "elodie", "--markdown").out
    assert "## Ask about\n- the Lyon office?\n" in markdown
    assert "•" not in markdown
    data = json.loads(ok("brief", "elodie", "--json").out)
    assert data["people"][0]["ask_about"] == ["the Lyon office?"]
    assert "•" not in json.dumps(data, ensure_ascii=False)


def test_a_question_that_repeats_an_open_reminder_is_left_out(ok):
    ok("add", "Dana Whitfield")
    ok("remind", "dana", "send the deck")
    ok("note", "dana", "Call.\nAsk: send the deck?\nNext time: her trip to Oslo")
    [about] = json.loads(ok("brief", "dana", "--json").out)["people"]
    assert about["ask_about"] == ["Next time: her trip to Oslo"]


def test_lines_that_merely_mention_todo_are_not_questions(ok):
    ok("add", "Dana Whitfield")
    ok("note", "dana", "todo list is long this week\n>> intro to Sam")
    [about] = json.loads(ok("brief", "dana", "--json").out)["people"]
    assert about["ask_about"] == []
    assert [r["text"] for r in about["you_owe"]] == ["intro to Sam"]


def test_follow_up_without_a_colon_is_neither_a_question_nor_a_to_do(ok):
    ok("add", "Dana Whitfield")
    ok("note", "dana", "Call.\nfollow up with legal on the NDA\nCheck the pilot dates")
    assert ok("brief", "dana").out == (
        "Brief: Dana Whitfield\n"
        "Conversations: today, meeting: Call. / follow up with legal on the NDA\n"
        "Ask about\n"
        "  • Check the pilot dates\n"
    )
