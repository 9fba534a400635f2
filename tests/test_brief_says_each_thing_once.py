"""The brief says each thing once, and never a line that the lines below contradict."""

from io import StringIO

import pytest

from farley.domain.brief import brief_for
from farley.domain.reminders import add_reminder
from farley.render.brief import brief_document
from farley.render.terminal import make_console, write_rich

SHARED = (
    "Call with Alice and Bob.\n"
    "Ask about: her daughter's piano recital\n"
    "Did the Rioja trip happen?\n"
)


@pytest.fixture(autouse=True)
def eighty_columns(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")


@pytest.fixture
def shared_call(ok):
    ok("add", "Alice")
    ok("add", "Bob")
    ok("note", "alice", "--with", "bob", "--kind", "call", input=SHARED)


@pytest.mark.usefixtures("shared_call")
def test_the_questions_of_a_shared_note_are_for_its_first_person_only(ok):
    assert ok("brief", "bob").out == (
        "Brief: Bob\n"
        "Conversations: today, call with Alice: Call with Alice and Bob.\n"
        "People around them: Alice — in 1 recent note with them\n"
    )
    assert ok("brief", "alice").out == (
        "Brief: Alice\n"
        "Conversations: today, call with Bob: Call with Alice and Bob.\n"
        "Ask about\n"
        "  • her daughter's piano recital\n"
        "  • Did the Rioja trip happen?\n"
        "People around them: Bob — in 1 recent note with them\n"
    )


def test_the_first_person_of_a_note_is_the_one_its_to_dos_went_to(ok):
    ok("add", "Alice")
    ok("add", "Bob")
    ok("note", "bob", "--with", "alice", input="Lunch.\nHow was Oslo?\ntodo: call\n")
    assert "Ask about" not in ok("brief", "alice").out
    assert "  • How was Oslo?\n" in ok("brief", "bob").out


@pytest.mark.usefixtures("shared_call")
def test_a_note_shared_in_a_group_brief_is_drawn_under_one_person(ok):
    assert ok("brief", "alice", "bob").out == (
        "Brief: Alice, Bob\n"
        "How they are connected\n"
        "  Alice & Bob: together in 1 note\n"
        "Alice · Conversations: today, call with Bob: Call with Alice and Bob.\n"
        "Alice · Ask about\n"
        "  • her daughter's piano recital\n"
        "  • Did the Rioja trip happen?\n"
        "Bob · Conversations: today, call with Alice: shown under Alice\n"
    )


def test_a_question_under_ask_about_leaves_the_note_preview(ok):
    ok("add", "Dana Whitfield")
    text = "Note 1: discussed many things. Is item 1 done?"
    ok("note", "dana", text, "--kind", "email")
    assert ok("brief", "dana").out == (
        "Brief: Dana Whitfield\n"
        "Conversations: today, email: Note 1: discussed many things.\n"
        "Ask about\n"
        "  • Is item 1 done?\n"
    )


def test_ask_about_quotes_only_the_question(ok):
    ok("add", "Dana Whitfield")
    ok("note", "dana", "Post-meeting: she liked the pricing. Will her CEO sign off?")
    assert ok("brief", "dana").out == (
        "Brief: Dana Whitfield\n"
        "Conversations: today, meeting: Post-meeting: she liked the pricing.\n"
        "Ask about\n"
        "  • Will her CEO sign off?\n"
    )


def test_a_note_of_questions_only_points_to_ask_about(ok):
    ok("add", "Dana Whitfield")
    ok("note", "dana", "How was Oslo?")
    assert ok("brief", "dana").out == (
        "Brief: Dana Whitfield\n"
        "Conversations: today, meeting: see Ask about\n"
        "Ask about\n"
        "  • How was Oslo?\n"
    )


def test_a_fact_offered_to_ask_about_is_not_also_under_personal(ok):
    ok("add", "Dana Whitfield")
    ok("fact", "dana", "spouse", "Tom", "-c", "family", "--learned", "2024-01-10")
    assert ok("brief", "dana").out == (
        "Brief: Dana Whitfield\n"
        "Conversations: You have not met yet.\n"
        "Ask about\n"
        "  • spouse: Tom\n"
    )


def test_a_call_is_not_contradicted_by_not_having_met(ok):
    ok("add", "Amy Adams")
    ok("add", "Ben Brown")
    ok("note", "amy", "--with", "ben", "--kind", "call", "--on", "yesterday", "Hi")
    assert ok("brief", "amy").out == (
        "Brief: Amy Adams\n"
        "Conversations: yesterday, call with Ben Brown: Hi\n"
        "People around them: Ben Brown — in 1 recent note with them\n"
    )


def test_how_you_met_is_not_contradicted_by_not_having_met(ok):
    ok("add", "Amy Adams", "--met", "at a conference")
    assert "not met" not in ok("brief", "amy").out


def test_a_group_brief_without_a_meeting_names_no_meeting(ok):
    ok("add", "Amy Adams")
    ok("add", "Ben Brown")
    assert "meeting" not in ok("brief", "amy", "ben").out


@pytest.fixture
def spouse_and_new_facts(ok):
    """A spouse learned in 2023, and four preferences learned since the last meeting."""
    ok("add", "Dana Whitfield")
    ok("fact", "dana", "spouse", "Tom", "-c", "family", "--learned", "2023-03-01")
    ok("note", "dana", "Kick-off; her spouse came along", "--on", "2026-11-01")
    for key, value in [
        ("diet", "Vegetarian"),
        ("coffee", "flat white"),
        ("tea", "none"),
        ("desk", "standing"),
        ("music", "jazz"),
    ]:
        ok("fact", "dana", key, value, "-c", "preferences")


@pytest.mark.usefixtures("spouse_and_new_facts")
def test_with_room_on_the_screen_every_fact_is_shown_family_first(ok):
    assert ok("brief", "dana").out == (
        "Brief: Dana Whitfield\n"
        "Personal\n"
        "  family · spouse: Tom (check: 3 years old)\n"
        "  preferences · diet: Vegetarian (new)\n"
        "  preferences · coffee: flat white (new)\n"
        "  preferences · tea: none (new)\n"
        "  preferences · desk: standing (new)\n"
        "  preferences · music: jazz (new)\n"
        "Conversations: 4 weeks ago, meeting: Kick-off; her spouse came along\n"
    )


@pytest.mark.usefixtures("spouse_and_new_facts")
def test_markdown_is_never_cut_to_a_screen(ok):
    ok("note", "dana", "A long note " * 30)
    for number in range(8):
        ok("remind", "dana", f"promise {number}")
    markdown = ok("brief", "dana", "--markdown").out
    assert "More on file" not in markdown
    assert "…" not in markdown
    assert markdown.count("promise ") == 8
    assert markdown.count("preferences · ") == 5


def test_what_is_left_out_is_its_own_closing_line_in_every_output(ok, store, now):
    ok("add", "Dana Whitfield")
    [dana] = brief_for(store, ["dana"], now).people
    for number in range(30):
        add_reminder(store, dana.person.ref, f"promise {number}", now)
    closing = '\n\nMore on file: 5 reminders — farley show "Dana Whitfield"\n'
    assert ok("brief", "dana").out.endswith(closing)
    screen = StringIO()
    write_rich(brief_document(brief_for(store, ["dana"], now)), make_console(screen))
    assert screen.getvalue().endswith(closing)
    assert "More on file" not in ok("brief", "dana", "--markdown").out


def test_a_note_of_to_dos_only_points_to_open_reminders(ok):
    ok("add", "Dana Whitfield")
    ok("note", "dana", "todo: send the deck by friday", "--on", "yesterday")
    ok("note", "dana", "--kind", "call", "--on", "yesterday", input="todo: call Sam\n")
    assert ok("brief", "dana").out == (
        "Brief: Dana Whitfield\n"
        "Conversations\n"
        "  yesterday, call: to-dos, under Open reminders\n"
        "  yesterday, meeting: to-dos, under Open reminders\n"
        "Open reminders\n"
        "  #1 send the deck — due Fri 4 Dec 2026 (tomorrow)\n"
        "  #2 call Sam\n"
    )


def test_a_note_of_to_dos_that_are_done_still_says_them(ok):
    ok("add", "Dana Whitfield")
    ok("note", "dana", "todo: send the deck", "--on", "yesterday", "--kind", "call")
    ok("done", "1")
    assert ok("brief", "dana").out == (
        "Brief: Dana Whitfield\nConversations: yesterday, call: todo: send the deck\n"
    )


def test_last_spoke_is_left_to_the_note_that_says_it(ok):
    ok("add", "Dana Whitfield")
    ok("add", "Tomasz Nowak")
    ok(
        "note",
        "dana",
        "Pricing",
        "--on",
        "8 days ago",
        "--kind",
        "call",
        "--with",
        "tom",
    )
    assert ok("brief", "dana").out == (
        "Brief: Dana Whitfield\n"
        "Conversations: 8 days ago, call with Tomasz Nowak: Pricing\n"
        "People around them: Tomasz Nowak — in 1 recent note with them\n"
    )
