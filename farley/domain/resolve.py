"""Finding the one person a typed name, id or email means, and never guessing."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

from farley.domain.models import PersonRef
from farley.errors import Ambiguous, NotFound
from farley.store import Store

MAX_LISTED = 8
_WORD = re.compile(r"\w+")
# Marks used as apostrophes that Unicode files as letters or symbols.
_APOSTROPHES = frozenset("`\u00b4\u02b9\u02bb\u02bc\u02bd")


def fold(text: str) -> str:
    """Lower case without accents, the form names are compared in."""
    if text.isascii():
        # The same answer, many times sooner: imports fold every name on file.
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.casefold().translate(_UNDECOMPOSED)


# Letters that carry their mark in themselves, so that NFKD leaves them whole:
# folded as the search index folds them, "lukasz" finds Łukasz.
_UNDECOMPOSED = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ŧ": "t", "ı": "i", "ð": "d"}
    | {"æ": "ae", "œ": "oe", "þ": "th"}
)


def name_forms(text: str) -> set[str]:
    """The folded ways a name is matched: as written, punctuation dropped or spaced.

    "O'Brien" gives "o'brien", "obrien" and "o brien"; "Mary-Jane" gives
    "mary-jane", "maryjane" and "mary jane".
    """
    return _forms_of_folded(fold(text))


def _forms_of_folded(folded: str) -> set[str]:
    if folded.replace(" ", "").isalnum() and _APOSTROPHES.isdisjoint(folded):
        return {folded}
    joined = " ".join("".join(_without_punctuation(folded, "")).split())
    spaced = " ".join("".join(_without_punctuation(folded, " ")).split())
    return {folded, joined, spaced} if joined else {folded}


def _without_punctuation(text: str, instead: str):
    for char in text:
        is_mark = char in _APOSTROPHES or unicodedata.category(char).startswith("P")
        yield instead if is_mark else char


def fits(query: str, name: str) -> bool:
    """True if the query is part of the name, accents, case and punctuation aside."""
    return fits_forms(name_forms(query), name)


def fits_forms(needles: set[str], name: str) -> bool:
    """True if any of the needles (from name_forms) is part of the name."""
    names = name_forms(name)
    return any(needle in whole for needle in needles for whole in names)


class NameIndex:
    """Whole names folded, for finding many names quickly (an import's rows).

    A name matches as typed with accents, case and punctuation aside, never by a
    part; a name that folds the same as someone else's finds them all.
    """

    def __init__(self, people: Iterable[tuple[int, str]]) -> None:
        self._folded: dict[str, list[int]] = {}
        self._loose: dict[str, list[int]] = {}
        for person_id, name in people:
            folded = fold(name)
            self._folded.setdefault(folded, []).append(person_id)
            for form in _forms_of_folded(folded) - {folded}:
                self._loose.setdefault(form, []).append(person_id)

    def find(self, name: str) -> list[int]:
        """The ids of everyone the name could be: none, one, or several."""
        query = " ".join(name.split())
        found = self._folded.get(fold(query))
        if found:
            return found
        ids = {
            person_id
            for form in name_forms(query)
            for index in (self._folded, self._loose)
            for person_id in index.get(form, ())
        }
        return sorted(ids)


def resolve(store: Store, text: str) -> PersonRef:
    """The person `text` names: an id, an email, a full name or a unique part of one."""
    query = " ".join(text.split())
    if not query:
        raise NotFound("no person given: name someone, e.g. farley show dana")
    for finder in (_by_id, _by_email, _by_full_name, _by_part):
        found = finder(store, query)
        if len(found) == 1:
            return found[0]
        if found:
            raise Ambiguous(_ambiguous_message(query, found))
    raise NotFound(_not_found_message(store, query))


def resolve_all(store: Store, texts: list[str]) -> list[PersonRef]:
    """Each of `texts` resolved, in order, without repeats."""
    people: dict[int, PersonRef] = {}
    for text in texts:
        person = resolve(store, text)
        people.setdefault(person.id, person)
    return list(people.values())


def _refs(rows) -> list[PersonRef]:
    return [PersonRef(row["id"], row["name"], row["company"]) for row in rows]


def _by_id(store: Store, query: str) -> list[PersonRef]:
    digits = query.removeprefix("#")
    # str.isdigit() also takes digits int() cannot read, such as "²".
    if not (digits.isascii() and digits.isdigit()):
        return []
    row = store.by_id("SELECT id, name, company FROM people WHERE id = ?", int(digits))
    if row is None:
        raise NotFound(f"no person has id {digits}: see farley list for ids")
    return _refs([row])


def _by_email(store: Store, query: str) -> list[PersonRef]:
    if "@" not in query:
        return []
    sql = """SELECT p.id, p.name, p.company FROM contact_points c
        JOIN people p ON p.id = c.person_id
        WHERE c.kind = 'email' AND c.normalized = ?"""
    return _refs(store.query(sql, (query.lower(),)))


def _by_full_name(store: Store, query: str) -> list[PersonRef]:
    sql = """SELECT id, name, company FROM people
        WHERE name = ? COLLATE NOCASE OR nickname = ? COLLATE NOCASE ORDER BY id"""
    return _refs(store.query(sql, (query, query)))


def _by_part(store: Store, query: str) -> list[PersonRef]:
    """People whose name (or nickname) holds the query, accents and case aside."""
    needles = name_forms(query)
    candidates = _name_candidates(store, query)
    if candidates is None:
        candidates = _all_names(store)
    return [
        ref for ref, names in candidates if any(fits_forms(needles, n) for n in names)
    ]


def _name_candidates(store: Store, query: str):
    """Candidates from the search index by word prefix, or None to scan all."""
    words = _WORD.findall(fold(query))
    if not words or len(words) != len(query.split()) or not _whole_words(query):
        return None
    match = "title : (" + " AND ".join(_word_or_joined(w) for w in words) + ")"
    sql = """SELECT p.id, p.name, p.company, p.nickname FROM search_index s
        JOIN people p ON p.id = s.rowid / 4
        WHERE search_index MATCH ? AND s.rowid % 4 = 0 ORDER BY p.id"""
    rows = store.query(sql, (match,))
    found = [(ref, (row["name"], row["nickname"] or "")) for ref, row in _paired(rows)]
    return found or None


def _word_or_joined(word: str) -> str:
    """A word typed, or two indexed words it runs together ("o" then "brien").

    The index splits "O'Brien" and "Mary-Jane" in two, as it does any name at
    its punctuation, so "obrien" or "maryjane" alone would miss them.
    """
    splits = (f'"{word[:k]}" + "{word[k:]}"*' for k in range(1, len(word)))
    return "(" + " OR ".join([f'"{word}"*', *splits]) + ")"


def _whole_words(query: str) -> bool:
    return all(part.isalnum() for part in query.split())


def _all_names(store: Store):
    rows = store.query("SELECT id, name, company, nickname FROM people ORDER BY id")
    return [(ref, (row["name"], row["nickname"] or "")) for ref, row in _paired(rows)]


def _paired(rows):
    return [(PersonRef(r["id"], r["name"], r["company"]), r) for r in rows]


def _ambiguous_message(query: str, found: list[PersonRef]) -> str:
    shown = "; ".join(_label(ref) for ref in found[:MAX_LISTED])
    more = f" and {len(found) - MAX_LISTED} more" if len(found) > MAX_LISTED else ""
    # A full name shared by two of them cannot tell those two apart.
    names = [ref.name.casefold() for ref in found]
    advice = "an id" if len(set(names)) < len(names) else "an id or full name"
    return f'"{query}" fits {len(found)} people: {shown}{more}; use {advice}'


def _label(ref: PersonRef) -> str:
    company = f", {ref.company}" if ref.company else ""
    return f"{ref.name} (id {ref.id}{company})"


def _not_found_message(store: Store, query: str) -> str:
    nearest = nearest_names(store, query)
    if nearest:
        return f'no one called "{query}": did you mean {", ".join(nearest)}?'
    return f'no one called "{query}": see farley list, or add them with farley add'


def nearest_names(store: Store, query: str, limit: int = 3) -> list[str]:
    """Names on file that look like `query`, for a did-you-mean hint."""
    words = _WORD.findall(fold(query))
    if not words:
        return []
    match = " OR ".join(f'title : "{w[:3]}"*' for w in words)
    sql = """SELECT p.name FROM search_index s JOIN people p ON p.id = s.rowid / 4
        WHERE search_index MATCH ? AND s.rowid % 4 = 0 LIMIT 2000"""
    names = [row["name"] for row in store.query(sql, (match,))]
    target = fold(query)
    scored = sorted(
        ((_likeness(target, name), name) for name in set(names)), reverse=True
    )
    return [name for score, name in scored[:limit] if score >= 0.5]


def _likeness(target: str, name: str) -> float:
    """How close `target` is to the whole name or to any one word of it."""
    folded = fold(name)
    parts = [folded, *folded.split()]
    return max(difflib.SequenceMatcher(None, target, part).ratio() for part in parts)
