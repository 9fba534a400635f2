"""How the brief is asked for: one output format at a time, and which meeting."""

import json
import subprocess
import sys

import pytest


def test_json_and_markdown_together_are_a_one_line_usage_error(farley, ok):
    ok("add", "Dana Whitfield")
    run = farley("brief", "dana", "--json", "--markdown")
    assert run.code == 2
    assert run.out == ""
    assert run.err == (
        "farley: --json and --markdown are two output formats: choose one\n"
    )


@pytest.fixture
def two_at_three(ok):
    ok("add", "Dana Whitfield")
    ok("add", "Sam Okafor")
    ok("meet", "dana", "--at", "tomorrow 3pm", "--topic", "Q1 plan")
    ok("meet", "sam", "--at", "tomorrow 3pm", "--topic", "Lunch")


@pytest.mark.usefixtures("two_at_three")
def test_with_two_meetings_at_once_the_brief_says_which_it_is_for(ok):
    run = ok("brief")
    assert run.out == (
        "Brief: Dana Whitfield\n"
        "Meeting: Fri 4 Dec 2026 15:00 (tomorrow) — Q1 plan\n"
        "Conversations: You have not met yet.\n"
    )
    assert run.err == (
        "This brief is for meeting 1 (Q1 plan); also at Fri 4 Dec 2026 15:00: "
        'meeting 2 (Lunch) with Sam Okafor: farley brief "Sam Okafor"\n'
    )


@pytest.mark.usefixtures("two_at_three")
def test_the_json_brief_names_the_other_meeting_too(ok):
    data = json.loads(ok("brief", "--json").out)
    assert data["meeting"]["id"] == 1
    assert [(m["id"], m["topic"]) for m in data["same_time"]] == [(2, "Lunch")]


def test_a_named_brief_says_nothing_of_other_meetings(ok):
    ok("add", "Dana Whitfield")
    ok("meet", "dana", "--at", "tomorrow 3pm")
    assert ok("brief", "dana").err == ""


def test_the_brief_does_not_load_the_date_parser(ok):
    ok("add", "Dana Whitfield")
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "farley", "brief", "dana"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "dateutil" not in done.stderr
