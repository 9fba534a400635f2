"""Search: words, phrases and prefixes, filters, ranking, and any odd input."""

import json
from datetime import date

import pytest

from farley.domain import search as search_module
from farley.domain.search import MARK_END, MARK_START, match_expression, search


def no_hits(run) -> bool:
    """Nothing found: a note on stderr, and nothing on stdout."""
    return run.out == "" and run.err.startswith("No hits for ")


@pytest.fixture
def file(ok):
    ok("add", "Dana Whitfield", "--company", "Acme", "--tag", "client")
    ok("add", "Élodie Martin", "--company", "Budget Co", "--title", "Buyer")
    ok(
        "note",
        "dana",
        "Budget approved; her son starts at Leeds in Sept",
        "--on",
        "1 Dec",
    )
    ok(
        "note",
        "elodie",
        "Lunch at Hawksmoor, talked about sailing",
        "--on",
        "2026-11-02",
    )
    ok("fact", "dana", "son", "starts at Leeds", "--category", "family")
    ok("remind", "dana", "send the budget deck", "--due", "friday")


@pytest.mark.parametrize(
    ("typed", "expression"),
    [
        ("budget", '"budget"'),
        ("budget leeds", '"budget" "leeds"'),
        ('"budget approved"', '"budget approved"'),
        ("budg*", '"budg"*'),
        ("budget OR sailing", '"budget" OR "sailing"'),
        ("budget NOT sailing", '"budget" NOT "sailing"'),
        ("budget AND", '"budget"'),
        ("OR budget", '"budget"'),
        ("NOT", '"NOT"'),
        ("OR OR", '"OR" "OR"'),
        ("budget AND OR leeds", '"budget" AND "leeds"'),
        ("leeds -budget", '("leeds") NOT "budget"'),
        ("-budget leeds", '("leeds") NOT "budget"'),
        ("leeds -budg* -sept", '("leeds") NOT "budg"* NOT "sept"'),
        ('leeds -"budget approved"', '("leeds") NOT "budget approved"'),
        ("leeds OR -budget", '("leeds") NOT "budget"'),
        ("leeds - budget", '"leeds" "budget"'),
        ("-budget", '"budget"'),
        ("--budget", '"budget"'),
        ("李", '"李"*'),
        ("日本語", '"日本語"*'),
        ('"李小龍"', '"李小龍"'),
        ("budget and leeds", '"budget" "and" "leeds"'),
        ('"budget', '"budget"'),
        ('budget "approved', '"budget" "approved"'),
        ("o'brien", '"o\'brien"'),
        ("follow-up", '"follow-up"'),
        ("NEAR(budget", '"NEAR(budget"'),
        ("title:budget", '"title:budget"'),
        ("Élodie", '"Élodie"'),
        ("", None),
        ("   ", None),
        ('"', None),
        ('""', None),
        ("*", None),
        ("((", None),
        ("- : ^ +", None),
    ],
)
def test_typed_text_becomes_an_expression_fts5_always_accepts(typed, expression):
    assert match_expression(typed) == expression


ODD_INPUT = [
    "budget AND",
    "AND",
    "OR OR",
    "NOT budget",
    "o'brien",
    "follow-up",
    "NEAR(",
    "NEAR(budget leeds)",
    "col:",
    "title:dana",
    "budg**",
    "budget)",
    "^budget",
    "+budget",
    "{budget}",
    "日本",
    "budget's",
    " -budget -leeds",
    'leeds -"',
    "leeds -",
]
WORDLESS = ['"', '""', "*", "**", "", "   ", "!!!", "((", "-", "\\", "%", "\u0301", "'"]


@pytest.mark.usefixtures("file")
@pytest.mark.parametrize("typed", ODD_INPUT)
def test_odd_input_is_searched_as_plain_words_never_an_error(farley, typed):
    run = farley("search", typed)
    assert run.code == 0, run
    assert run.err in ("", f'No hits for "{typed}".\n')
    assert json.loads(farley("search", typed, "--json").out)["query"] == typed


@pytest.mark.parametrize("typed", [*WORDLESS, "🎉", "👍🏽 🎉"])
def test_input_without_a_word_is_one_line_of_error_saying_what_to_type(farley, typed):
    for args in (["search", typed], ["search", typed, "--json"]):
        run = farley(*args)
        assert run.code == 2
        assert run.out == ""
        assert run.err.startswith("farley: nothing to search for")
        assert run.err.count("\n") == 1 and "type a word" in run.err


def test_an_empty_query_is_told_what_to_type(farley):
    run = farley("search", "")
    assert run.code == 2
    assert run.out == ""
    assert run.err == (
        "farley: nothing to search for: "
        'type a word, "a phrase" or a prefix like budg*\n'
    )


def test_a_query_of_emoji_is_told_they_cannot_be_searched(farley):
    run = farley("search", "🎉")
    assert run.code == 2
    assert run.out == ""
    assert run.err == (
        "farley: nothing to search for in 🎉: emoji and other symbols are not "
        "indexed, only words; type a word, e.g. farley search budget\n"
    )


@pytest.mark.usefixtures("file")
def test_a_leading_or_trailing_operator_is_dropped(ok):
    assert "2 hits" in ok("search", "OR leeds").out
    assert "2 hits" in ok("search", "leeds AND").out


@pytest.mark.usefixtures("file")
def test_a_word_after_a_minus_leaves_out_what_has_it(ok):
    found = json.loads(ok("search", "leeds -budget", "--json").out)
    assert [(hit["kind"], hit["id"]) for hit in found["hits"]] == [("fact", 1)]
    assert "1 hit" in ok("search", 'leeds -"budget approved"').out
    assert "3 hits" in ok("search", "--", "-budget").out


def test_a_word_in_chinese_or_japanese_matches_the_start_of_a_name(ok):
    ok("add", "李小龍")
    ok("add", "山田太郎")
    assert ok("search", "李").out == (
        '1 hit for "李"\n\n[李小龍] · person, Thu 3 Dec 2026 10:00 (today)  #1\n'
    )
    assert "1 hit" in ok("search", "李小龍").out
    assert "1 hit" in ok("search", "山田").out


@pytest.mark.usefixtures("file")
def test_no_hits_is_a_note_on_stderr_and_nothing_on_stdout(ok):
    run = ok("search", "zebra")
    assert (run.out, run.err) == ("", 'No hits for "zebra".\n')
    assert json.loads(ok("search", "zebra", "--json").out)["hits"] == []


@pytest.mark.usefixtures("file")
def test_since_must_be_a_day_up_to_today(farley):
    run = farley("search", "budget", "--since", "tomorrow")
    assert run.code == 2
    assert run.out == ""
    assert run.err == (
        "farley: --since tomorrow is after today: "
        'give a day up to today, e.g. "1 Mar"\n'
    )


@pytest.mark.usefixtures("file")
def test_a_word_finds_notes_facts_people_and_reminders_with_whom_and_when(ok):
    assert ok("search", "budget").out == (
        '3 hits for "budget"\n'
        "\n"
        "Dana Whitfield · reminder (open), Thu 3 Dec 2026 10:00 (today)  #1\n"
        "  send the [budget] deck\n"
        "Élodie Martin · person, Thu 3 Dec 2026 10:00 (today)  #2\n"
        "  [Budget] Co Buyer\n"
        "Dana Whitfield · note (meeting), Tue 1 Dec 2026 (2 days ago)  #1\n"
        "  [Budget] approved; her son starts at Leeds in Sept\n"
    )


@pytest.mark.usefixtures("file")
def test_a_fact_shows_its_key_and_value(ok):
    assert ok("search", "leeds", "--kind", "fact").out == (
        '1 hit for "leeds"\n'
        "\n"
        "Dana Whitfield · fact (family), Thu 3 Dec 2026 (today)  #1\n"
        "  son: starts at [Leeds]\n"
    )


@pytest.mark.usefixtures("file")
def test_a_phrase_must_match_in_order(ok):
    assert "1 hit" in ok("search", '"budget approved"').out
    assert no_hits(ok("search", '"approved budget"'))


@pytest.mark.usefixtures("file")
def test_a_prefix_matches_the_start_of_words(ok):
    found = ok("search", "hawks*").out
    assert "[Hawksmoor]" in found
    assert no_hits(ok("search", "hawks"))


@pytest.mark.usefixtures("file")
def test_accents_are_folded_both_ways(ok):
    assert "[Élodie] Martin · person" in ok("search", "Elodie").out
    ok("note", "dana", "Met Zoë from the Café")
    assert "[Café]" in ok("search", "cafe").out
    assert "[Zoë]" in ok("search", "ZOE").out


@pytest.mark.usefixtures("file")
def test_people_are_found_by_company_title_and_tag(ok):
    assert "Dana Whitfield · person" in ok("search", "acme").out
    assert "Élodie Martin · person" in ok("search", "buyer").out
    assert "Dana Whitfield · person" in ok("search", "client").out


@pytest.mark.usefixtures("file")
def test_or_and_not_work_between_words(ok):
    assert "2 hits" in ok("search", "sailing OR approved").out
    assert no_hits(ok("search", "sailing NOT lunch"))


@pytest.mark.usefixtures("file")
def test_person_filter_keeps_their_notes_facts_reminders_and_record(ok):
    found = ok("search", "budget", "--person", "dana", "--json").out
    kinds = [(hit["kind"], hit["id"]) for hit in json.loads(found)["hits"]]
    assert sorted(kinds) == [("note", 1), ("reminder", 1)]
    shared = ok("search", "leeds", "--person", "elodie")
    assert (shared.out, shared.err) == ("", 'No hits for "leeds".\n')


@pytest.mark.usefixtures("file")
def test_a_shared_note_is_found_under_each_of_its_people(ok):
    ok("note", "dana", "Joint pitch rehearsal", "--with", "elodie")
    for who in ("dana", "elodie"):
        assert "1 hit" in ok("search", "rehearsal", "--person", who).out
    assert "Dana Whitfield, Élodie Martin · note" in ok("search", "rehearsal").out


@pytest.mark.usefixtures("file")
def test_kind_filter_accepts_singular_and_plural(ok, farley):
    assert "1 hit" in ok("search", "budget", "--kind", "notes").out
    assert "1 hit" in ok("search", "budget", "--kind", "people").out
    run = farley("search", "budget", "--kind", "meetings")
    assert run.code == 2
    assert run.err == (
        'farley: "meetings" is not a kind: use one of person, note, fact, reminder\n'
    )


@pytest.mark.usefixtures("file")
def test_since_filter_goes_by_when_things_happened(ok):
    found = json.loads(ok("search", "budget", "--since", "2 Dec", "--json").out)
    assert {hit["kind"] for hit in found["hits"]} == {"person", "reminder"}
    lunch = json.loads(ok("search", "lunch", "--since", "2026-11-02", "--json").out)
    assert [hit["on"] for hit in lunch["hits"]] == ["2026-11-02"]
    assert no_hits(ok("search", "lunch", "--since", "2026-11-03"))


@pytest.mark.usefixtures("file")
def test_limit_says_how_many_there_are(ok):
    assert ok("search", "budget", "--limit", "1").out.startswith(
        '3 hits for "budget": the best 1 (--limit for more)\n'
    )


@pytest.mark.usefixtures("file")
def test_json_lists_plain_snippets_and_the_matched_words(ok):
    found = json.loads(ok("search", "sailing", "--json").out)
    assert found == {
        "query": "sailing",
        "expression": '"sailing"',
        "total": 1,
        "more": False,
        "hits": [
            {
                "kind": "note",
                "id": 2,
                "people": [{"id": 2, "name": "Élodie Martin", "company": "Budget Co"}],
                "on": "2026-11-02",
                "title": "",
                "snippet": "Lunch at Hawksmoor, talked about sailing",
                "label": "meeting",
                "matches": ["sailing"],
            }
        ],
    }


def test_unknown_person_filter_is_exit_3(farley):
    run = farley("search", "budget", "--person", "nobody")
    assert run.code == 3
    assert run.out == ""


def test_the_domain_marks_matched_words_in_the_snippet(store, now):
    from farley.domain.notes import add_note
    from farley.domain.people import NewPerson, add_person

    dana = add_person(store, NewPerson("Dana Whitfield"), now)
    add_note(store, [dana.ref], "The budget was approved at last", now.date(), now)
    [hit] = search(store, "budget").hits
    assert hit.snippet == f"The {MARK_START}budget{MARK_END} was approved at last"
    assert [ref.id for ref in hit.people] == [dana.ref.id]


def test_many_hits_show_the_newest_instead_of_ranking(store, now, monkeypatch):
    from farley.domain.notes import add_note
    from farley.domain.people import NewPerson, add_person

    monkeypatch.setattr(search_module, "RANK_CAP", 3)
    dana = add_person(store, NewPerson("Dana Whitfield"), now)
    for day in range(1, 6):
        add_note(store, [dana.ref], f"budget talk {day}", date(2026, 11, day), now)
    found = search(store, "budget", limit=2)
    assert found.more and found.total == 3
    assert [hit.id for hit in found.hits] == [5, 4]
    assert not search(store, "budget", limit=2, kind="person").more
