"""The search index follows every change at once, and forgets removed people."""

import json

from farley.domain.facts import remove_fact


def _kinds(ok, *args):
    found = json.loads(ok("search", *args, "--json").out)
    return sorted((hit["kind"], hit["id"]) for hit in found["hits"])


def test_an_edited_name_and_company_are_found_by_the_new_words_only(ok):
    ok("add", "Dana Whitfield", "--company", "Acme")
    ok("edit", "dana", "--name", "Dana Fairbanks", "--company", "Globex")
    assert _kinds(ok, "whitfield") == []
    assert _kinds(ok, "acme") == []
    assert _kinds(ok, "fairbanks") == [("person", 1)]
    assert _kinds(ok, "globex") == [("person", 1)]


def test_tags_added_and_removed_are_searchable_at_once(ok):
    ok("add", "Dana Whitfield", "--tag", "client")
    ok("tag", "dana", "investor")
    assert _kinds(ok, "investor") == [("person", 1)]
    ok("untag", "dana", "client")
    assert _kinds(ok, "client") == []


def test_an_updated_fact_is_found_by_its_new_value(ok, store):
    ok("add", "Dana Whitfield")
    ok("fact", "dana", "drink", "flat white")
    ok("fact", "dana", "drink", "green tea")
    assert _kinds(ok, "white") == []
    assert _kinds(ok, "tea") == [("fact", 1)]
    remove_fact(store, 1)
    assert _kinds(ok, "tea") == []


def test_a_changed_note_text_is_found_by_its_new_words(ok, store):
    ok("add", "Dana Whitfield")
    ok("note", "dana", "talked about the merger")
    with store.transaction():
        store.execute(
            "UPDATE notes SET text = 'talked about the spin-off' WHERE id = 1"
        )
    assert _kinds(ok, "merger") == []
    assert _kinds(ok, "spin-off") == [("note", 1)]


def test_rm_leaves_nothing_of_a_person_in_the_index(ok, store):
    ok("add", "Dana Whitfield", "--company", "Zanzibar", "--tag", "quixotic")
    ok("add", "Tom Baker")
    ok("note", "dana", "xylophone lesson")
    ok("note", "dana", "joint yodelling", "--with", "tom")
    ok("fact", "dana", "pet", "a jabberwock")
    ok("remind", "dana", "send the vuvuzela")
    ok("rm", "dana", "--yes")

    for word in ("dana", "whitfield", "zanzibar", "quixotic", "xylophone"):
        assert _kinds(ok, word) == [], word
    assert _kinds(ok, "jabberwock") == []
    assert _kinds(ok, "vuvuzela") == []
    # The note Tom shared stays, now his alone.
    assert _kinds(ok, "yodelling") == [("note", 2)]
    rows = store.value("SELECT count(*) FROM search_index")
    assert rows == 2  # Tom and the shared note


def test_index_rows_match_the_tables_after_many_changes(ok, store):
    ok("add", "Dana Whitfield")
    ok("add", "Tom Baker")
    ok("note", "dana", "first")
    ok("note", "tom", "second", "--with", "dana")
    ok("fact", "tom", "pet", "cat")
    ok("remind", "tom", "call back")
    ok("rm", "tom", "--yes")
    expected = store.value(
        """SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM notes)
        + (SELECT count(*) FROM facts) + (SELECT count(*) FROM reminders)"""
    )
    assert store.value("SELECT count(*) FROM search_index") == expected == 3
