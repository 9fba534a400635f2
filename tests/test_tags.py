"""Tags: put on, taken off, counted."""

import json


def test_tag_adds_new_tags_and_says_which(ok):
    ok("add", "Dana Whitfield", "--tag", "client")
    assert ok("tag", "dana", "vip", "#press", "client").out == (
        "Tagged Dana Whitfield: vip, press\n"
    )
    assert "tags client, press, vip" in ok("show", "dana").out


def test_tagging_again_changes_nothing_and_says_so(ok):
    ok("add", "Dana Whitfield", "--tag", "client")
    run = ok("tag", "dana", "CLIENT")
    assert run.out == ""
    assert run.err == "Dana Whitfield already has those tags\n"


def test_untag_removes_only_the_tags_named(ok):
    ok("add", "Dana Whitfield", "--tag", "client", "--tag", "vip")
    assert ok("untag", "dana", "vip", "nope").out == "Untagged Dana Whitfield: vip\n"
    assert "tags client\n" in ok("show", "dana").out


def test_untag_of_tags_they_do_not_have_is_exit_3(ok, farley):
    ok("add", "Dana Whitfield")
    run = farley("untag", "dana", "client")
    assert run.code == 3
    assert run.err == (
        "farley: they have no tag client: see farley show for their tags\n"
    )


def test_an_empty_tag_is_refused(ok, farley):
    ok("add", "Dana Whitfield")
    run = farley("tag", "dana", " # ")
    assert run.code == 2 and "an empty tag" in run.err


def test_tags_lists_each_with_its_count_and_cadence(ok):
    ok("add", "Dana Whitfield", "--tag", "client", "--tag", "vip")
    ok("add", "Tom Baker", "--tag", "Client")
    ok("cadence", "client", "1 month")
    ok("cadence", "press", "quarterly")
    assert ok("tags").out == (
        "tag     people  keep in touch\n"
        "client  2       every month\n"
        "vip     1\n"
        "press   0       every 3 months\n"
    )
    assert json.loads(ok("tags", "--json").out)[:2] == [
        {"tag": "client", "people": 2, "cadence": "every month"},
        {"tag": "vip", "people": 1, "cadence": None},
    ]


def test_no_tags_yet_is_said_on_stderr(ok):
    run = ok("tags")
    assert run.out == "" and run.err == "No tags yet: farley tag dana client\n"


def test_list_by_tag_follows_tag_and_untag(ok):
    ok("add", "Dana Whitfield")
    ok("tag", "dana", "investor")
    assert [
        p["name"] for p in json.loads(ok("list", "--tag", "investor", "--json").out)
    ] == ["Dana Whitfield"]
    ok("untag", "dana", "investor")
    assert json.loads(ok("list", "--tag", "investor", "--json").out) == []


def test_a_tag_with_a_comma_is_refused_in_one_line(ok, farley):
    ok("add", "Dana Whitfield")
    run = farley("tag", "dana", "vip", "a,b")
    assert run.code == 2
    assert run.out == ""
    assert run.err == (
        'farley: a tag cannot hold a comma: "a,b"; '
        "give each tag as its own word (a b)\n"
    )
    assert json.loads(ok("show", "dana", "--json").out)["person"]["tags"] == []


def test_a_cadence_for_a_tag_with_a_comma_is_refused(farley):
    run = farley("cadence", "a,b", "1 week")
    assert run.code == 2
    assert run.out == ""
    assert run.err == 'farley: a tag cannot hold a comma: "a,b"; name one tag\n'


def test_a_cadence_for_a_tag_no_one_has_is_kept_with_a_note(ok):
    run = ok("cadence", "nosuchtag", "1 week")
    assert (
        run.out
        == "Keep in touch with everyone tagged nosuchtag every week (0 people)\n"
    )
    assert run.err == "No one is tagged nosuchtag yet.\n"
    assert ok("cadence", "nosuchtag").out == "nosuchtag: every week (0 people)\n"


def test_a_cadence_for_a_tag_in_use_has_no_note(ok):
    ok("add", "Dana Whitfield", "--tag", "client")
    run = ok("cadence", "client", "1 month")
    assert run.err == ""
