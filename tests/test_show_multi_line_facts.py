"""farley show keeps a fact of several lines under its own heading, indented."""

from __future__ import annotations


def test_a_multi_line_fact_goes_on_indented_under_itself(ok):
    ok("add", "Ann Lee")
    ok("fact", "ann", "notes", "first line\nsecond line\n\n  indented")
    ok("fact", "ann", "tea", "green")
    run = ok("show", "ann")
    assert run.out == (
        "Ann Lee  #1\n\n"
        "Facts\n"
        "  other: notes: first line  #1\n"
        "    second line\n"
        "      indented\n"
        "  other: tea: green  #2\n"
    )
    assert run.err == ""


def test_an_imported_notes_field_of_several_lines_reads_as_one_fact(ok, tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_text('Name,Notes\nBo Chen,"Met at PyCon.\r\nLikes tea."\n')
    ok("import", str(path))
    assert ok("show", "bo").out == (
        "Bo Chen  #1\n\nFacts\n  other: notes: Met at PyCon.  #1\n    Likes tea.\n"
    )


def test_a_multi_line_topic_to_avoid_keeps_its_lines_together(ok):
    ok("add", "Ann Lee")
    ok("fact", "ann", "--category", "avoid", "politics", "never\nat all")
    out = ok("show", "ann").out
    assert out.endswith("  avoid: politics: never  #1\n    at all\n")


def test_the_json_keeps_the_value_whole(ok):
    import json

    ok("add", "Ann Lee")
    ok("fact", "ann", "notes", "one\ntwo")
    facts = json.loads(ok("show", "ann", "--json").out)["facts"]
    assert [fact["value"] for fact in facts] == ["one\ntwo"]
