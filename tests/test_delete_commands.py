"""Taking back one fact, note, meeting or reminder, after asking."""

import json

import pytest


@pytest.fixture(autouse=True)
def dana(ok):
    ok("add", "Dana Whitfield")


def shown(ok):
    return json.loads(ok("show", "dana", "--json").out)


def test_delete_fact_removes_it_after_a_yes(ok):
    ok("fact", "dana", "spouse", "Tom", "-c", "family")
    run = ok("delete", "fact", "1", input="y\n")
    assert run.err == "Delete fact 1 (spouse: Tom)? [y/N]: \n"
    assert run.out == "Deleted fact 1\n"
    assert shown(ok)["facts"] == []


def test_delete_note_leaves_nothing_of_it_in_search(ok):
    ok("note", "dana", "Talked about the zeppelin project")
    ok("delete", "note", "1", "--yes")
    assert shown(ok)["notes"] == []
    assert json.loads(ok("search", "zeppelin", "--json").out)["hits"] == []


def test_delete_meeting_takes_it_off_the_agenda(ok):
    ok("meet", "dana", "--at", "tomorrow 3pm")
    ok("delete", "meeting", "1", "--yes")
    assert json.loads(ok("agenda", "--json").out)["meetings"] == []


def test_delete_reminder_removes_it(ok):
    ok("remind", "dana", "send the deck")
    ok("delete", "reminder", "1", "-y")
    assert json.loads(ok("reminders", "--json").out) == []


def test_deleting_is_refused_without_a_yes(ok, farley):
    ok("remind", "dana", "send the deck")
    run = farley("delete", "reminder", "1", input="n\n")
    assert run.code == 1
    assert "Nothing deleted (add --yes to skip the question)." in run.err
    assert len(json.loads(ok("reminders", "--json").out)) == 1


@pytest.mark.parametrize(
    ("what", "message"),
    [
        ("fact", "no fact has id 9: see farley show PERSON for fact ids"),
        ("note", "no note has id 9: see farley history PERSON"),
        ("meeting", "no meeting has id 9: see farley agenda for ids"),
        ("reminder", "no reminder has id 9: see farley reminders for ids"),
    ],
)
def test_deleting_something_that_does_not_exist_says_where_to_look(
    farley, what, message
):
    run = farley("delete", what, "9", "--yes")
    assert run.code == 3
    assert run.err == f"farley: {message}\n"
