"""Property: a name, or part of one, never resolves to someone it is not part of."""

from __future__ import annotations

import shutil
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

from helpers import empty_file
from hypothesis import given, settings
from hypothesis import strategies as st

from farley.domain.notes import without_controls
from farley.domain.people import NewPerson, add_person
from farley.domain.resolve import fold, resolve
from farley.errors import Ambiguous, NotFound
from farley.store import open_store

NOW = datetime(2026, 12, 3, 10, tzinfo=timezone(timedelta(hours=1)))
# Look-alikes on purpose: accents, case folding, ligatures, other scripts.
PARTS = ["Dana", "Dána", "DANA", "Zoë", "Zoe", "Ørsted", "Straße", "STRASSE"]
PARTS += ["İlker", "ﬁona", "Fiona", "O'Brien", "Anne-Marie", "Ωmega", "李", "Whit"]
PARTS += ["Whitfield", "field", "Ann", "Marie", "de", "la", "Shah", "Priya"]
names = st.one_of(
    st.lists(st.sampled_from(PARTS), min_size=1, max_size=3).map(" ".join),
    # A name of control characters alone is no name: add refuses it.
    st.text(min_size=1, max_size=12).filter(
        lambda text: without_controls(text).strip()
    ),
)
nicknames = st.none() | st.sampled_from(PARTS)


def letters(text: str) -> str:
    """The letters and digits of a text, folded: what matching may not ignore."""
    return "".join(c for c in fold(text) if c.isalnum() and c not in "`ʹʻʼʽ")


def _is_id_or_email(query: str) -> bool:
    digits = query.removeprefix("#")
    return (digits.isascii() and digits.isdigit()) or "@" in query


@st.composite
def queries(draw, people: list[tuple[str, str | None]]) -> str:
    """Part of someone's name, case changed, or any text at all."""
    name, _ = draw(st.sampled_from(people))
    start = draw(st.integers(0, len(name) - 1))
    end = draw(st.integers(start + 1, len(name)))
    part = name[start:end]
    return draw(st.sampled_from([part, part.upper(), part.lower(), fold(part)]))


def resolved(people: list[tuple[str, str | None]], query: str):
    """The name and nickname of whom `query` resolves to, or None if no one."""
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(empty_file(), Path(folder) / "farley.db")
        store = open_store(Path(folder) / "farley.db")
        try:
            for name, nickname in people:
                add_person(store, NewPerson(name, nickname=nickname), NOW)
            try:
                found = resolve(store, query)
            except (NotFound, Ambiguous):
                return None
            sql = "SELECT name, nickname FROM people WHERE id = ?"
            return store.one(sql, (found.id,))
        finally:
            store.close()


@settings(max_examples=40, database=None, deadline=None)
@given(
    st.lists(st.sampled_from(PARTS), min_size=1, max_size=3).map(" ".join),
    st.sampled_from(["", "'", "-", ".", "’", " "]),
)
def test_a_name_typed_without_or_with_other_punctuation_finds_them(
    name: str, mark: str
) -> None:
    typed = name.replace("'", mark).replace("-", mark)
    row = resolved([(name, None), ("Xavier Quint", None)], typed)
    assert row is not None and row["name"] == name


# Digits that are not 0-9 but that str.isdigit() accepts.
ODD_DIGITS = st.sampled_from(["²", "#³", "١٢", "①", "1²", "٣"])


@settings(max_examples=60, database=None, deadline=None)
@given(st.data(), st.lists(st.tuples(names, nicknames), min_size=1, max_size=6))
def test_resolve_never_names_someone_the_query_is_not_part_of(
    data, people: list[tuple[str, str | None]]
) -> None:
    query = data.draw(queries(people) | st.text(max_size=8) | ODD_DIGITS)
    row = resolved(people, query)
    if row is None or _is_id_or_email(query.strip()):
        return
    # Spaces and punctuation aside, the query is part of their name or nickname.
    needle = letters(query)
    assert needle in letters(row["name"]) or needle in letters(row["nickname"] or "")


@settings(max_examples=20, database=None, deadline=None)
@given(ODD_DIGITS)
def test_digits_that_are_not_ascii_are_read_as_a_name_not_a_crash(query: str):
    assert resolved([("Dana Whitfield", None)], query) is None
