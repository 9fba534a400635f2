"""Links between people, each read correctly from both sides."""

import json

import pytest

from farley.domain.links import relations_of


@pytest.fixture
def two(ok):
    ok("add", "Dana Whitfield")
    ok("add", "Tom Baker")


# (relation given, how Tom stands to Dana, how Dana stands to Tom, the message)
EVERY_RELATION = [
    (
        "spouse",
        "spouse",
        "spouse",
        "Tom Baker is Dana Whitfield's spouse; Dana Whitfield is Tom Baker's spouse",
    ),
    (
        "partner",
        "partner",
        "partner",
        "Tom Baker is Dana Whitfield's partner; Dana Whitfield is Tom Baker's partner",
    ),
    (
        "child",
        "child",
        "parent",
        "Tom Baker is Dana Whitfield's child; Dana Whitfield is Tom Baker's parent",
    ),
    (
        "parent",
        "parent",
        "child",
        "Tom Baker is Dana Whitfield's parent; Dana Whitfield is Tom Baker's child",
    ),
    (
        "colleague",
        "colleague",
        "colleague",
        "Tom Baker is Dana Whitfield's "
        "colleague; Dana Whitfield is Tom Baker's colleague",
    ),
    (
        "manager",
        "manager",
        "report",
        "Tom Baker is Dana Whitfield's manager; Dana Whitfield is Tom Baker's report",
    ),
    (
        "report",
        "report",
        "manager",
        "Tom Baker is Dana Whitfield's report; Dana Whitfield is Tom Baker's manager",
    ),
    (
        "friend",
        "friend",
        "friend",
        "Tom Baker is Dana Whitfield's friend; Dana Whitfield is Tom Baker's friend",
    ),
    (
        "introduced",
        "introduced",
        "introduced by",
        "Tom Baker introduced Dana "
        "Whitfield; Dana Whitfield was introduced by Tom Baker",
    ),
]


@pytest.mark.usefixtures("two")
@pytest.mark.parametrize(("relation", "toms", "danas", "message"), EVERY_RELATION)
def test_every_link_reads_right_from_both_sides(
    ok, store, relation, toms, danas, message
):
    assert ok("link", "dana", "tom", "--as", relation).out == f"Linked: {message}\n"
    [from_tom] = relations_of(store, 2)
    assert (from_tom.other.name, from_tom.relation) == ("Dana Whitfield", danas)
    if relation == "introduced":
        # Who introduced Dana is on her own record, as --introduced-by puts it.
        dana = json.loads(ok("show", "dana", "--json").out)["person"]
        assert dana["introduced_by"]["name"] == "Tom Baker"
        assert relations_of(store, 1) == []
        return
    [from_dana] = relations_of(store, 1)
    assert (from_dana.other.name, from_dana.relation) == ("Tom Baker", toms)


@pytest.mark.usefixtures("two")
def test_a_second_introducer_is_refused_whichever_command_named_the_first(ok, farley):
    ok("add", "Sam Lee", "--introduced-by", "tom")
    run = farley("link", "sam", "dana", "--as", "introduced")
    assert run.code == 5
    assert run.err == (
        "farley: Sam Lee was introduced by Tom Baker already: "
        "farley edit 3 --introduced-by 1 changes it\n"
    )
    assert "Sam Lee — was introduced by them" in ok("show", "tom").out


@pytest.mark.usefixtures("two")
def test_show_lists_the_link_on_both_people(ok):
    ok("link", "dana", "tom", "--as", "manager")
    assert "People\n  Tom Baker — manager\n" in ok("show", "dana").out
    assert "People\n  Dana Whitfield — reports to them\n" in ok("show", "tom").out


@pytest.mark.usefixtures("two")
@pytest.mark.parametrize(("relation", "_toms", "danas", "_message"), EVERY_RELATION)
def test_unlink_from_the_other_side_with_the_inverse_relation(
    ok, store, relation, _toms, danas, _message
):
    ok("link", "dana", "tom", "--as", relation)
    if danas == "introduced by":
        ok("unlink", "dana", "tom", "--as", "introduced")
    else:
        ok("unlink", "tom", "dana", "--as", danas)
    assert relations_of(store, 1) == relations_of(store, 2) == []


@pytest.mark.usefixtures("two")
def test_unlink_without_a_relation_removes_every_link_between_them(ok, store):
    ok("add", "Sam Lee")
    ok("link", "dana", "tom", "--as", "friend")
    ok("link", "tom", "dana", "--as", "colleague")
    ok("link", "dana", "sam", "--as", "friend")
    assert ok("unlink", "tom", "dana").out == (
        "Unlinked Tom Baker and Dana Whitfield (2 links removed)\n"
    )
    assert [(r.other.name, r.relation) for r in relations_of(store, 1)] == [
        ("Sam Lee", "friend")
    ]
    assert relations_of(store, 2) == []


@pytest.mark.usefixtures("two")
def test_unlink_of_one_relation_keeps_the_others(ok, store):
    ok("link", "dana", "tom", "--as", "friend")
    ok("link", "dana", "tom", "--as", "colleague")
    assert ok("unlink", "dana", "tom", "--as", "friend").out == (
        "Unlinked Dana Whitfield and Tom Baker (1 link removed)\n"
    )
    assert [r.relation for r in relations_of(store, 2)] == ["colleague"]


@pytest.mark.usefixtures("two")
def test_linking_twice_keeps_one_link(ok, store):
    ok("link", "dana", "tom", "--as", "friend")
    ok("link", "dana", "tom", "--as", "FRIEND")
    assert len(relations_of(store, 1)) == 1


@pytest.mark.usefixtures("two")
@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("link", "dana", "tom", "--as", "cousin"), 2, '"cousin" is not a relation'),
        (
            ("link", "dana", "dana", "--as", "friend"),
            2,
            "cannot be linked to themselves",
        ),
        (("link", "dana", "nobody", "--as", "friend"), 3, "no one called"),
        (("unlink", "dana", "tom"), 3, "are not linked"),
        (("unlink", "dana", "tom", "--as", "boss"), 2, '"boss" is not a relation'),
    ],
)
def test_link_mistakes_are_one_line(farley, args, code, message):
    run = farley(*args)
    assert run.code == code, run
    assert message in run.err and run.err.count("\n") == 1


@pytest.mark.usefixtures("two")
def test_the_brief_shows_linked_people_and_who_introduced_them(ok):
    ok("add", "Sam Lee")
    ok("link", "dana", "tom", "--as", "spouse")
    ok("link", "dana", "sam", "--as", "introduced")
    brief = ok("brief", "dana").out
    assert "Tom Baker — spouse" in brief
    assert "Sam Lee — introduced you" in brief
    assert "Dana Whitfield — was introduced by them" in ok("brief", "sam").out


@pytest.fixture
def priya_and_dana(ok):
    ok("add", "Priya Shah")
    ok("add", "Dana Whitfield")
    ok("link", "priya", "dana", "--as", "manager")


@pytest.mark.usefixtures("priya_and_dana")
def test_the_reverse_of_a_one_way_relation_on_file_is_refused(farley, store):
    run = farley("link", "dana", "priya", "--as", "manager")
    assert run.code == 5
    assert run.out == ""
    assert run.err == (
        "farley: Dana Whitfield is Priya Shah's manager already, so it cannot also "
        "be the other way round: unlink them first to turn it round\n"
    )
    assert [r.relation for r in relations_of(store, 1)] == ["manager"]


@pytest.mark.parametrize(
    ("relation", "reverse"),
    [("child", "child"), ("parent", "parent"), ("introduced", "introduced")],
)
def test_every_one_way_relation_refuses_its_reverse(ok, farley, two, relation, reverse):
    ok("link", "dana", "tom", "--as", relation)
    run = farley("link", "tom", "dana", "--as", reverse)
    assert run.code == 5
    assert "already, so it cannot also be the other way round" in run.err


@pytest.mark.usefixtures("two")
def test_a_two_way_relation_given_from_the_other_side_is_kept_once(ok, store):
    ok("link", "dana", "tom", "--as", "friend")
    run = ok("link", "tom", "dana", "--as", "friend")
    assert run.out == (
        "Linked: Dana Whitfield is Tom Baker's friend; "
        "Tom Baker is Dana Whitfield's friend\n"
    )
    assert store.value("SELECT count(*) FROM relationships") == 1


@pytest.mark.usefixtures("priya_and_dana")
def test_the_same_link_named_from_the_other_side_is_kept_once(ok, store):
    ok("link", "dana", "priya", "--as", "report")
    assert store.value("SELECT count(*) FROM relationships") == 1


@pytest.mark.usefixtures("priya_and_dana")
def test_unlink_of_another_relation_says_how_they_are_linked(farley, store):
    run = farley("unlink", "dana", "priya", "--as", "friend")
    assert run.code == 3
    assert run.out == ""
    assert run.err == (
        "farley: Dana Whitfield and Priya Shah are linked as manager, not friend\n"
    )
    assert len(relations_of(store, 1)) == 1


@pytest.mark.usefixtures("priya_and_dana")
@pytest.mark.parametrize(
    "args",
    [
        ("dana", "priya", "--as", "manager"),
        ("dana", "priya", "--as", "report"),
        ("priya", "dana", "--as", "manager"),
        ("priya", "dana", "--as", "report"),
    ],
)
def test_a_link_is_unlinked_by_either_name_from_either_side(ok, store, args):
    assert ok("unlink", *args).out.endswith("(1 link removed)\n")
    assert relations_of(store, 1) == []
