"""What the brief leaves out is counted, and its closing line keeps its command."""

import pytest
from test_brief_fits_a_screen import plenty

NOTE = (
    "Budget review with the whole finance team ran long.\n"
    "Will the board approve the data platform budget next quarter?\n"
    "ask about the Oracle vendor shortlist\n"
)


@pytest.fixture(autouse=True)
def eighty_columns(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")


@pytest.fixture
def review(ok, store, now):
    """Someone with plenty on file, and a call today that left two questions."""
    plenty(store, now)
    ok("note", "dana", "--kind", "call", input=NOTE)


def section(text: str, title: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index(title) + 1
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith("  "))
    return lines[start:end]


@pytest.mark.usefixtures("review")
def test_a_question_cut_from_its_preview_is_under_ask_about_or_counted(ok):
    shown = ok("brief", "dana").out
    assert section(shown, "Conversations") == [
        "  today, call: Budget review with the whole finance team ran long.",
        "  6 days ago, call: Quarterly review: numbers up 4%. / "
        "Ask how Amy's cello exam…",
        "  3 weeks ago, meeting: Lunch: budget approved. / "
        "next time: the Leeds site vis…",
    ]
    assert section(shown, "Ask about") == [
        "  • Will the board approve the data platform budget next quarter?",
        "  • the Oracle vendor shortlist",
    ]
    assert shown.endswith(
        "\n\nMore on file: 6 facts, 1 date, 3 reminders, 1 question, 1 person"
        " — farley show 2\n"
    )


def test_a_question_read_whole_in_its_preview_gives_way_and_is_not_counted(
    ok, store, now
):
    plenty(store, now)
    ok("note", "dana", "Short call. Did Oslo go well?", "--kind", "call")
    shown = ok("brief", "dana").out
    assert "  today, call: Short call. Did Oslo go well?\n" in shown
    assert "Oslo" not in "".join(section(shown, "Ask about"))
    assert "question" not in shown.splitlines()[-1]


@pytest.mark.usefixtures("review")
def test_a_long_closing_line_shortens_its_counts_not_its_command(ok):
    for topic in ("golf", "tax", "religion"):
        ok("fact", "dana", topic, "not a topic", "-c", "avoid")
    shown = ok("brief", "dana").out
    assert shown.endswith('\n\nMore on file: 16 more — farley show "Dana Whitfield"\n')


@pytest.mark.usefixtures("review")
def test_on_a_narrow_screen_the_closing_line_names_them_by_number(ok, monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    assert (
        ok("brief", "dana").out.splitlines()[-1]
        == "More on file: 16 more — farley show 2"
    )
