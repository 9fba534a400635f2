"""History: every note, past meeting and done reminder with someone, newest first."""

import json

from farley.cli import circle


def _file(ok):
    ok("add", "Dana Whitfield")
    ok("add", "Tom Baker")
    ok("note", "dana", "Kick-off lunch\nShe likes sailing", "--on", "2026-11-02")
    ok("note", "dana", "Pricing call", "--on", "2026-11-20", "--kind", "call")
    ok("note", "dana", "Joint review", "--on", "2026-11-25", "--with", "tom")
    ok(
        "meet",
        "dana",
        "--at",
        "2026-11-27 15:00",
        "--topic",
        "Q1 plan",
        "--where",
        "Leeds",
    )
    ok("meet", "dana", "--at", "2026-12-10 15:00", "--topic", "Not yet")
    ok("remind", "dana", "send the deck")
    ok("remind", "dana", "sign the NDA", "--they-owe")
    ok("done", "1")
    ok("done", "2")


def test_history_lists_notes_past_meetings_and_done_reminders_newest_first(ok):
    _file(ok)
    assert ok("history", "dana").out == (
        "History: Dana Whitfield (6 entries)\n"
        "\n"
        "Thu 3 Dec 2026 10:00 (today) · they did: sign the NDA  #2\n"
        "Thu 3 Dec 2026 10:00 (today) · done: send the deck  #1\n"
        "Fri 27 Nov 2026 15:00 (6 days ago) · meeting on the agenda: "
        "Q1 plan @ Leeds  #1\n"
        "Wed 25 Nov 2026 (8 days ago) · meeting with Tom Baker  #3\n"
        "  Joint review\n"
        "Fri 20 Nov 2026 (13 days ago) · call  #2\n"
        "  Pricing call\n"
        "Mon 2 Nov 2026 (4 weeks ago) · meeting  #1\n"
        "  Kick-off lunch\n"
        "  She likes sailing\n"
    )


def test_limit_keeps_the_latest_and_says_how_many_there_are(ok):
    _file(ok)
    out = ok("history", "dana", "--limit", "2").out
    assert out.startswith("History: Dana Whitfield (the latest 2 of 6 entries)\n")
    assert "Pricing call" not in out


def test_history_json_gives_each_entry_its_kind_and_date(ok):
    _file(ok)
    entries = json.loads(ok("history", "dana", "--json").out)["entries"]
    assert [(e["kind"], e["on"]) for e in entries][2:] == [
        ("meeting", "2026-11-27T15:00:00+01:00"),
        ("note", "2026-11-25"),
        ("note", "2026-11-20"),
        ("note", "2026-11-02"),
    ]
    assert entries[3]["item"]["text"] == "Joint review"


def test_a_shared_note_is_in_everyones_history(ok):
    _file(ok)
    assert ok("history", "tom").out == (
        "History: Tom Baker (1 entry)\n"
        "\n"
        "Wed 25 Nov 2026 (8 days ago) · meeting with Dana Whitfield  #3\n"
        "  Joint review\n"
    )


def test_an_empty_history_says_so(ok):
    ok("add", "Dana Whitfield")
    run = ok("history", "dana")
    assert run.out == ""
    assert run.err == (
        "No history for Dana Whitfield yet: "
        "notes, past meetings and done reminders show here\n"
    )


def test_long_text_goes_through_the_pager(tmp_path, monkeypatch, capsys):
    paged = tmp_path / "paged.txt"
    monkeypatch.setenv("PAGER", f"sh -c 'cat > {paged}'")
    circle._page("one\ntwo\nthree\n", height=3)
    assert paged.read_text() == "one\ntwo\nthree\n"
    assert capsys.readouterr().out == ""


def test_text_that_fits_the_screen_is_printed(tmp_path, monkeypatch, capsys):
    paged = tmp_path / "paged.txt"
    monkeypatch.setenv("PAGER", f"sh -c 'cat > {paged}'")
    circle._page("one\ntwo\n", height=10)
    assert capsys.readouterr().out == "one\ntwo\n"
    assert not paged.exists()


def test_a_missing_pager_falls_back_to_printing(monkeypatch, capsys):
    monkeypatch.setenv("PAGER", "no-such-pager-here")
    circle._page("one\ntwo\nthree\n", height=2)
    assert capsys.readouterr().out == "one\ntwo\nthree\n"
